import type { PatientSubject } from '../auth/policy';
import { patientSubjectColumns, patientSubjectOf, PatientSubjectRow } from '../consult/patient-access';
import type { Queryable } from '../events/event-log';
import { LIVE_REFERRAL_STATES } from '../referral/states';
import type { SessionTime } from '../roster/kinds';
import { holdsSlot, SESSION_NAME_COLUMNS, SESSION_NAME_JOINS, SessionNames, untakenSlot } from './clinic';
import { ClinicSession } from './entities';
import type { SessionAudience } from './events';
import type { ClinicSessionState } from './kinds';

/** What a booking needs of its patient. */
export interface BookablePatient {
  id: number;
  hospitalId: number;
  name: string;
}

/** A session as a booking attempt saw it, with what its refusals say and who may see it. */
export interface SeenSession {
  session: ClinicSession;
  audience: SessionAudience;
  names: SessionNames;
  /** The patient already holds a slot in it. */
  alreadyBooked: boolean;
}

export interface AttemptFacts {
  patient: (BookablePatient & { subject: PatientSubject }) | null;
  session: SeenSession | null;
  /**
   * Whether a free slot of the session was not being taken by another attempt at the time of the
   * read (a probe of the tickets BookingService takes: held only while the read runs when it is
   * not in a transaction).
   */
  slotUntaken: boolean;
}

interface FactsRow extends PatientSubjectRow, SessionNames {
  patient_name: string | null;
  session_id: number | null;
  roster_id: number; assignment_id: number; host_hospital_id: number; specialist_id: number; specialty_id: number;
  date: string; session: SessionTime; slot_minutes: number; slot_count: number; state: ClinicSessionState; booked_count: number;
  cancelled_reason: string | null; created_at: Date; updated_at: Date;
  host_consortium_ids: number[];
  already_booked: boolean;
  untaken_slot: number | null;
}

/**
 * Everything a booking attempt is judged on before it takes a turn, in one statement: the patient
 * with the facts of 'patient.read', the session with its audience, the names its refusals say and
 * whether the patient already holds a slot in it, and whether a free slot is not being taken by
 * another attempt right now. A crowd of 200 doctors on 10 slots is refused from this read alone,
 * without a transaction, once every free slot is booked or being booked (bench/booking/run.ts:
 * it was eight statements and a wait for the session's lock per attempt).
 */
export async function attemptFacts(q: Queryable, patientId: number, sessionId: number): Promise<AttemptFacts> {
  const [row]: FactsRow[] = await q.query(
    `SELECT p.id, p.name AS patient_name, ${patientSubjectColumns('p', 'ph', '$3')},
            s.id AS session_id, s.roster_id, s.assignment_id, s.host_hospital_id, s.specialist_id, s.specialty_id, s.date::text AS date, s.session,
            s.slot_minutes, s.slot_count, s.state, s.booked_count, s.cancelled_reason, s.created_at, s.updated_at,
            ARRAY(SELECT m.consortium_id FROM consortium_membership m WHERE m.hospital_id = s.host_hospital_id ORDER BY 1) AS host_consortium_ids,
            ${SESSION_NAME_COLUMNS},
            ${holdsSlot('s.id', 'p.id')} AS already_booked,
            ${untakenSlot('$2')} AS untaken_slot
       FROM (SELECT 1) one
       LEFT JOIN patient p ON p.id = $1 LEFT JOIN hospital ph ON ph.id = p.hospital_id
       LEFT JOIN clinic_session s ON s.id = $2 ${SESSION_NAME_JOINS}`,
    [patientId, sessionId, LIVE_REFERRAL_STATES],
  );
  const patient = row.id === null ? null : { id: row.id, hospitalId: row.hospital_id, name: row.patient_name!, subject: patientSubjectOf(row) };
  if (row.session_id === null) return { patient, session: null, slotUntaken: false };
  const session = Object.assign(new ClinicSession(), {
    id: row.session_id, rosterId: row.roster_id, assignmentId: row.assignment_id, hostHospitalId: row.host_hospital_id, specialistId: row.specialist_id,
    specialtyId: row.specialty_id, date: row.date, session: row.session, slotMinutes: row.slot_minutes, slotCount: row.slot_count, state: row.state,
    bookedCount: row.booked_count, cancelledReason: row.cancelled_reason, createdAt: row.created_at, updatedAt: row.updated_at,
  });
  return {
    patient,
    session: {
      session,
      audience: { sessionId: session.id, hostId: session.hostHospitalId, specialistId: session.specialistId, consortiumIds: row.host_consortium_ids },
      names: { host: row.host, specialist: row.specialist, specialtyZh: row.specialtyZh, specialtyEn: row.specialtyEn },
      alreadyBooked: row.already_booked,
    },
    slotUntaken: row.untaken_slot !== null,
  };
}
