import { QueryFailedError } from 'typeorm';
import { DomainError } from '../errors';

/**
 * What a broken constraint means to the person who broke it. The database is the referee;
 * this turns its verdict into a message and the input field at fault.
 */
const meanings: Record<string, { code: DomainError['code']; field: string; message: string }> = {
  consortium_name_key: { code: 'CONFLICT', field: 'name', message: 'A consortium with this name already exists' },
  hospital_name_key: { code: 'CONFLICT', field: 'name', message: 'A hospital with this name already exists' },
  grid_name_key: { code: 'CONFLICT', field: 'name', message: 'A grid with this name already exists' },
  department_code_key: { code: 'CONFLICT', field: 'code', message: 'A department with this code already exists' },
  department_name_zh_key: { code: 'CONFLICT', field: 'nameZh', message: 'A department with this Chinese name already exists' },
  department_name_en_key: { code: 'CONFLICT', field: 'nameEn', message: 'A department with this English name already exists' },
  person_username_key: { code: 'CONFLICT', field: 'username', message: 'This sign-in name is taken' },
  patient_national_id_hash_key: { code: 'CONFLICT', field: 'nationalId', message: 'A patient with this national ID number is already registered' },
  // Consultations and referrals (src/consult, src/referral).
  consultation_specialist_overlap: { code: 'CONFLICT', field: 'startsAt', message: 'The specialist already has a consultation session at that time: choose another time' },
  referral_consultation_key: { code: 'CONFLICT', field: 'consultationId', message: 'This consultation already has a live referral: see the consultation\'s referrals' },
  referral_criterion_code_key: { code: 'CONFLICT', field: 'code', message: 'A referral criterion with this code already exists' },
  // Rotations (src/roster): the database's own verdicts, for when two changes race past the service's checks.
  roster_assignment_no_double_booking: { code: 'CONFLICT', field: 'specialistId', message: '[DOUBLE_BOOKED] The specialist is already placed somewhere else at that time (another change got there first)' },
  roster_period_overlap: { code: 'CONFLICT', field: 'periodStart', message: 'This consortium already has a roster for part of that period' },
  roster_job_one_active_key: { code: 'CONFLICT', field: 'rosterId', message: 'An optimizer job is already working on this roster: wait for it or cancel it' },
  booking_slot_taken_key: { code: 'CONFLICT', field: 'slotId', message: 'That slot was just taken by another booking' },
  booking_patient_session_key: { code: 'CONFLICT', field: 'patientId', message: 'The patient already has a slot in this clinic session' },
};

export function translateConstraintError(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = (error as any).driverError ?? {};
  const meaning = meanings[driverError.constraint];
  if (meaning) return new DomainError(meaning.code, meaning.message, meaning.field);
  switch (driverError.code) {
    case '23505':
      return new DomainError('CONFLICT', `This would duplicate an existing record (${driverError.constraint})`);
    case '23503':
      return new DomainError('BAD_USER_INPUT', `A referenced record does not exist or is still in use (${driverError.constraint})`);
    case '23514':
    case '23P01':
      return new DomainError(driverError.code === '23P01' ? 'CONFLICT' : 'BAD_USER_INPUT', `The change breaks the rule ${driverError.constraint}`);
    default:
      return null;
  }
}
