import { QueryFailedError } from 'typeorm';
import { DomainError } from '../errors';
import type { MessageKey } from '../i18n/catalogue';

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
  consultation_specialist_overlap: { code: 'CONFLICT', field: 'startsAt', message: 'database.consultationOverlap' },
  referral_consultation_key: { code: 'CONFLICT', field: 'consultationId', message: 'database.referralConsultation' },
  referral_criterion_code_key: { code: 'CONFLICT', field: 'code', message: 'database.criterionCode' },
  // Rotations (src/roster): the database's own verdicts, for when two changes race past the service's checks.
  roster_assignment_no_double_booking: { code: 'CONFLICT', field: 'specialistId', message: 'database.doubleBooked' },
  roster_period_overlap: { code: 'CONFLICT', field: 'periodStart', message: 'database.rosterOverlap' },
  roster_job_one_active_key: { code: 'CONFLICT', field: 'rosterId', message: 'database.jobActive' },
  booking_slot_taken_key: { code: 'CONFLICT', field: 'slotId', message: 'database.slotTaken' },
  booking_patient_session_key: { code: 'CONFLICT', field: 'patientId', message: 'database.patientInSession' },
};

export function translateConstraintError(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = (error as any).driverError ?? {};
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
