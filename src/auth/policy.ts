import { forbidden, unauthenticated } from '../errors';
import type { Actor } from './actor';
import { Role } from './roles';

/**
 * The one place that decides who may see or do what. Services and subscriptions ask here;
 * nothing else re-implements a rule. Each permission says who holds it and, when it doesn't,
 * why — the message reaches the user as a FORBIDDEN error.
 */
interface Rule<S> {
  allows(actor: Actor, subject: S): boolean;
  refusal(subject: S): string;
}

const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const isClinician = (actor: Actor) => has(actor, Role.TOWNSHIP_DOCTOR) || has(actor, Role.SPECIALIST);

export interface HospitalSubject { hospitalId: number; hospitalName?: string }
export interface ConsortiumSubject { consortiumId: number }

const rules = {
  /** The directory (consortia, hospitals, grids, departments, people) is open to every signed-in user. */
  'directory.read': {
    allows: () => true,
    refusal: () => '',
  } satisfies Rule<void>,
  'directory.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => 'Only administrators can change the directory (consortia, hospitals, grids, departments, people)',
  } satisfies Rule<void>,
  // PIPL: patient data is for the clinicians of the hospital where the patient is registered;
  // administrators and schedulers run the consortium without seeing patients.
  'patient.read': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Patients of ${s.hospitalName ?? `hospital ${s.hospitalId}`} are visible only to doctors of that hospital`,
  } satisfies Rule<HospitalSubject>,
  'patient.list': {
    allows: (actor) => isClinician(actor),
    refusal: () => 'Only doctors (township doctors and specialists) can list patients, and only those of their own hospital',
  } satisfies Rule<void>,
  'patient.register': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Only doctors of ${s.hospitalName ?? `hospital ${s.hospitalId}`} can register or change its patients`,
  } satisfies Rule<HospitalSubject>,
  'roster.manage': {
    allows: (actor, s) => has(actor, Role.SCHEDULER) && actor.consortiumIds.includes(s.consortiumId),
    refusal: () => 'Only schedulers of this consortium can manage its rosters',
  } satisfies Rule<ConsortiumSubject>,
};

export type Permission = keyof typeof rules;
type SubjectOf<P extends Permission> = Parameters<(typeof rules)[P]['allows']>[1];

export function allows<P extends Permission>(actor: Actor | null, permission: P, ...subject: SubjectOf<P> extends void ? [] : [SubjectOf<P>]): boolean {
  if (!actor) return false;
  return (rules[permission] as Rule<unknown>).allows(actor, subject[0]);
}

/** Returns the actor when allowed; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export function authorize<P extends Permission>(actor: Actor | null, permission: P, ...subject: SubjectOf<P> extends void ? [] : [SubjectOf<P>]): Actor {
  if (!actor) throw unauthenticated();
  const rule = rules[permission] as Rule<unknown>;
  if (!rule.allows(actor, subject[0])) throw forbidden(rule.refusal(subject[0]));
  return actor;
}

/** Hospitals whose patients the actor may list: the list-query form of 'patient.read'. */
export function patientHospitals(actor: Actor | null): number[] {
  const doctor = authorize(actor, 'patient.list');
  return allows(doctor, 'patient.read', { hospitalId: doctor.hospitalId }) ? [doctor.hospitalId] : [];
}

/**
 * Whether an event may reach a subscriber: the same permission as reading the thing it is
 * about. Topics not listed here are delivered to nobody (safe default for a new topic).
 */
export function allowsEvent(actor: Actor, topic: string, payload: Record<string, any>): boolean {
  switch (topic) {
    case 'hospital':
    case 'consortium':
      return allows(actor, 'directory.read');
    case 'patient':
      return allows(actor, 'patient.read', { hospitalId: payload.hospitalId });
    default:
      return false;
  }
}
