import { QueryFailedError } from 'typeorm';
import { DomainError } from '../errors';
import type { MessageKey } from '../i18n/catalogue';
import { Message, message } from '../i18n/translate';

/**
 * What a broken constraint means to the person who broke it. The database is the referee;
 * this turns its verdict into a message and the input field at fault.
 */
const meanings: Record<string, { code: DomainError['code']; field: string; message: MessageKey }> = {
  consortium_name_key: { code: 'CONFLICT', field: 'name', message: 'database.consortiumName' },
  hospital_name_key: { code: 'CONFLICT', field: 'name', message: 'database.hospitalName' },
  grid_name_key: { code: 'CONFLICT', field: 'name', message: 'database.gridName' },
  department_code_key: { code: 'CONFLICT', field: 'code', message: 'database.departmentCode' },
  department_name_zh_key: { code: 'CONFLICT', field: 'nameZh', message: 'database.departmentNameZh' },
  department_name_en_key: { code: 'CONFLICT', field: 'nameEn', message: 'database.departmentNameEn' },
  person_username_key: { code: 'CONFLICT', field: 'username', message: 'database.username' },
  patient_national_id_hash_key: { code: 'CONFLICT', field: 'nationalId', message: 'database.nationalId' },
  // Consultations and referrals (src/consult, src/referral).
  // NOTE: consultation_specialist_overlap and roster_assignment_no_double_booking gave way to
  // specialist_commitment_no_overlap (the one calendar; commitmentClash below).
  referral_consultation_key: { code: 'CONFLICT', field: 'consultationId', message: 'database.referralConsultation' },
  referral_criterion_code_key: { code: 'CONFLICT', field: 'code', message: 'database.criterionCode' },
  // Rotations (src/roster): the database's own verdicts, for when two changes race past the service's checks.
  roster_period_overlap: { code: 'CONFLICT', field: 'periodStart', message: 'database.rosterOverlap' },
  roster_job_one_active_key: { code: 'CONFLICT', field: 'rosterId', message: 'database.jobActive' },
  booking_slot_taken_key: { code: 'CONFLICT', field: 'slotId', message: 'database.slotTaken' },
  booking_patient_session_key: { code: 'CONFLICT', field: 'patientId', message: 'database.patientInSession' },
};

/** The field a clash is reported on, by the kind of commitment being entered. */
const COMMITMENT_FIELD: Record<string, string> = { ON_SITE: 'date', REMOTE_CONSULTATION: 'startsAt', BLOCKED: 'startsAt' };

/**
 * A clash in the specialist's one calendar (specialist_commitment_no_overlap), naming the other
 * commitment: the database's check (commit_specialist) describes it as JSON in the error detail.
 * When two transactions raced past that check, the bare exclusion constraint answers instead.
 */
export function commitmentClash(detail: string | undefined): DomainError {
  let other: Record<string, any> | null = null;
  try {
    other = detail ? JSON.parse(detail) : null;
  } catch {
    other = null;
  }
  if (!other) return new DomainError('CONFLICT', 'database.commitmentRaced', {}, 'specialistId');
  return new DomainError('CONFLICT', 'database.commitmentClash', { what: describeCommitment(other as OtherCommitment) }, COMMITMENT_FIELD[other.newKind] ?? 'specialistId');
}

export interface OtherCommitment {
  commitmentId: number; kind: string; rosterAssignmentId: number | null; consultationId: number | null; note: string | null; host: string | null;
  /** Local 'YYYY-MM-DD HH:MM' in timeZone. */
  start: string; end: string; timeZone: string;
}

/** The other commitment, e.g. (en) "on site at 甲镇卫生院 2027-01-04 08:00–12:00 (Asia/Shanghai) (roster assignment 12)". */
export function describeCommitment(other: OtherCommitment): Message {
  const when = `${other.start}–${String(other.end).slice(-5)} (${other.timeZone})`;
  if (other.kind === 'ON_SITE') return message('database.commitmentOnSite', { host: other.host, when, id: other.rosterAssignmentId });
  if (other.kind === 'REMOTE_CONSULTATION') return message('database.commitmentRemote', { id: other.consultationId, when });
  return other.note ? message('database.commitmentBlockedNote', { when, note: other.note, id: other.commitmentId })
    : message('database.commitmentBlocked', { when, id: other.commitmentId });
}

export function translateConstraintError(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = (error as any).driverError ?? {};
  if (driverError.constraint === 'specialist_commitment_no_overlap') return commitmentClash(driverError.detail);
  const meaning = meanings[driverError.constraint];
  if (meaning) return new DomainError(meaning.code, meaning.message, {}, meaning.field);
  switch (driverError.code) {
    case '23505':
      return new DomainError('CONFLICT', 'database.duplicate', { constraint: driverError.constraint });
    case '23503':
      return new DomainError('BAD_USER_INPUT', 'database.missingReference', { constraint: driverError.constraint });
    case '23514':
    case '23P01':
      return new DomainError(driverError.code === '23P01' ? 'CONFLICT' : 'BAD_USER_INPUT', 'database.ruleBroken', { constraint: driverError.constraint });
    default:
      return null;
  }
}
