import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, PatientSubject } from '../auth/policy';
import { AuditTrail } from '../audit/service';
import { Patient } from '../consortium/entities';
import { notFound, unauthenticated } from '../errors';
import { LIVE_REFERRAL_STATES } from '../referral/states';

/**
 * Who may see a patient besides their own hospital's doctors: the specialist who took a
 * consultation about them or holds a clinic session they are booked into, and the doctors of a hospital they were referred to. The policy
 * ('patient.read') decides; this only gathers the facts it decides on.
 */
export async function patientSubjects(q: DataSource | EntityManager, patientIds: readonly number[]): Promise<Map<number, PatientSubject>> {
  const rows: PatientSubjectRow[] = await q.query(
    `SELECT p.id, ${patientSubjectColumns('p', 'h', '$2')} FROM patient p JOIN hospital h ON h.id = p.hospital_id WHERE p.id = ANY($1)`,
    [[...patientIds], LIVE_REFERRAL_STATES],
  );
  return new Map(rows.map((r) => [r.id, patientSubjectOf(r)]));
}

/** The columns patientSubjectOf reads, for the patient row `p` and its hospital `h` ($states: LIVE_REFERRAL_STATES). */
export function patientSubjectColumns(p: string, h: string, states: string): string {
  return `${p}.hospital_id, ${h}.name AS hospital_name,
    ARRAY(SELECT c.specialist_id FROM consultation c WHERE c.patient_id = ${p}.id AND c.specialist_id IS NOT NULL
          UNION SELECT s.specialist_id FROM booking b JOIN clinic_session s ON s.id = b.session_id WHERE b.patient_id = ${p}.id AND b.state = 'BOOKED') AS specialists,
    ARRAY(SELECT DISTINCT r.to_hospital_id FROM referral r WHERE r.patient_id = ${p}.id AND r.state = ANY(${states})) AS referred_to`;
}

export interface PatientSubjectRow {
  id: number;
  hospital_id: number;
  hospital_name: string;
  specialists: number[];
  referred_to: number[];
}

export function patientSubjectOf(r: PatientSubjectRow): PatientSubject {
  return { hospitalId: r.hospital_id, hospitalName: r.hospital_name, assignedSpecialistIds: r.specialists, referredToHospitalIds: r.referred_to };
}

/**
 * Patients as seen from a consultation or referral: batched, checked against 'patient.read'
 * one by one, and every read written to the audit trail in one insert per batch.
 */
/** Whether the actor may see this patient (the check, without reading or auditing anything). */
export async function mayReadPatient(q: DataSource | EntityManager, actor: Actor, patientId: number): Promise<boolean> {
  const subject = (await patientSubjects(q, [patientId])).get(patientId);
  return Boolean(subject && allows(actor, 'patient.read', subject));
}

export function visiblePatientLoader(db: DataSource, audit: AuditTrail, actor: Actor | null) {
  return new DataLoader<number, Patient | Error>(async (ids) => {
    if (!actor) return ids.map(() => unauthenticated());
    const [patients, subjects] = await Promise.all([db.getRepository(Patient).findBy({ id: In([...ids]) }), patientSubjects(db, ids)]);
    const byId = new Map(patients.map((p) => [p.id, p]));
    const visible: number[] = [];
    const result = ids.map((id) => {
      const patient = byId.get(id);
      const subject = subjects.get(id);
      // A patient the actor may not see looks exactly like one that does not exist.
      if (!patient || !subject || !allows(actor, 'patient.read', subject)) return notFound('entity.patient', id);
      visible.push(id);
      return patient;
    });
    await audit.record(actor, 'patient.read', 'patient', [...new Set(visible)]);
    return result;
  }, { cache: false });
}
