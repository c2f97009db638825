import type { Topic, TopicEvent } from '../events/topics';
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
/** A patient, and who besides their own hospital's doctors is caring for them (filled in by the service). */
export interface PatientSubject extends HospitalSubject {
  /** Specialists who claimed or were assigned a consultation about the patient. */
  assignedSpecialistIds?: number[];
  /** Hospitals the patient was referred to (referrals not declined or cancelled). */
  referredToHospitalIds?: number[];
}
export interface QueueSubject { consortiumId: number; specialtyId: number }
export interface ConsultationSubject extends QueueSubject { requestingHospitalId: number; requestedById: number; specialistId: number | null }
export interface ReferralSubject { fromHospitalId: number; toHospitalId: number; referredById: number }

const servesQueue = (actor: Actor, s: QueueSubject) =>
  has(actor, Role.SPECIALIST) && actor.consortiumIds.includes(s.consortiumId) && (actor.specialtyIds ?? []).includes(s.specialtyId);
const schedulesIn = (actor: Actor, consortiumId: number) => has(actor, Role.SCHEDULER) && actor.consortiumIds.includes(consortiumId);
const requestsFor = (actor: Actor, s: ConsultationSubject) => isClinician(actor) && actor.hospitalId === s.requestingHospitalId;
const consults = (actor: Actor, s: ConsultationSubject) => s.specialistId != null && actor.personId === s.specialistId;
const receives = (actor: Actor, s: ReferralSubject) => isClinician(actor) && actor.hospitalId === s.toHospitalId;
/** A specialist and the consortia of their home hospital. */
export interface SpecialistSubject { specialistId: number; consortiumIds: number[] }
/** A host hospital of rotations and the consortia it belongs to. */
export interface HostSubject { hostId: number; hostName?: string; consortiumIds: number[] }
export interface HostDemandSubject { hostId: number; consortiumId: number }
export interface ClinicSessionSubject { hostId: number; consortiumIds: number[]; specialistId: number }

const sharesConsortium = (actor: Actor, consortiumIds: readonly number[]) => consortiumIds.some((id) => actor.consortiumIds.includes(id));
const schedulesFor = (actor: Actor, consortiumIds: readonly number[]) => has(actor, Role.SCHEDULER) && sharesConsortium(actor, consortiumIds);
const availabilityRule: Rule<SpecialistSubject> = {
  allows: (actor, s) => (has(actor, Role.SPECIALIST) && actor.personId === s.specialistId) || schedulesFor(actor, s.consortiumIds),
  refusal: () => "A specialist's availability and rotation calendar are for the specialist and the schedulers of their consortia",
};
const sessionRule: Rule<ClinicSessionSubject> = {
  // Host staff run the session, the specialist sits in it, township doctors and schedulers of the
  // host's consortia book and plan it.
  allows: (actor, s) => actor.hospitalId === s.hostId || actor.personId === s.specialistId
    || ((has(actor, Role.TOWNSHIP_DOCTOR) || has(actor, Role.SCHEDULER)) && sharesConsortium(actor, s.consortiumIds)),
  refusal: () => 'Clinic sessions are visible to the host hospital, the visiting specialist, and township doctors and schedulers of the consortia the host belongs to',
};

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
  // ... and to the specialist who took a consultation about the patient, and to the doctors of a
  // hospital the patient was referred to (the services fill in who that is).
  'patient.read': {
    allows: (actor, s) => isClinician(actor) && (actor.hospitalId === s.hospitalId
      || (s.assignedSpecialistIds ?? []).includes(actor.personId) || (s.referredToHospitalIds ?? []).includes(actor.hospitalId)),
    // NOTE: the wording stays the foundation's: the exceptions are for people already caring for the patient.
    refusal: (s) => `Patients of ${s.hospitalName ?? `hospital ${s.hospitalId}`} are visible only to doctors of that hospital`,
  } satisfies Rule<PatientSubject>,
  'patient.list': {
    allows: (actor) => isClinician(actor),
    refusal: () => 'Only doctors (township doctors and specialists) can list patients, and only those of their own hospital',
  } satisfies Rule<void>,
  'patient.register': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Only doctors of ${s.hospitalName ?? `hospital ${s.hospitalId}`} can register or change its patients`,
  } satisfies Rule<HospitalSubject>,
  // Remote consultations (src/consult). The queue of a consortium and specialty is served by its
  // specialists and watched by its schedulers; a consultation's clinical part (summary, patient,
  // exam results) is for the requesting hospital's doctors and the specialist who took it.
  'consultation.request': {
    allows: (actor, s) => has(actor, Role.TOWNSHIP_DOCTOR) && actor.hospitalId === s.hospitalId && actor.consortiumIds.includes(s.consortiumId),
    refusal: (s) => `Only township doctors of ${s.hospitalName ?? `hospital ${s.hospitalId}`} can request a consultation for its patients, in a consortium the hospital belongs to`,
  } satisfies Rule<HospitalSubject & ConsortiumSubject>,
  'consultation.read': {
    allows: (actor, s) => requestsFor(actor, s) || consults(actor, s) || servesQueue(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => 'This consultation is visible only to the requesting hospital, its specialist, the specialists of its queue and the schedulers of its consortium',
  } satisfies Rule<ConsultationSubject>,
  'consultation.clinical': {
    allows: (actor, s) => requestsFor(actor, s) || consults(actor, s),
    refusal: () => "A consultation's clinical details, patient and exam results are for the doctors of the requesting hospital and the specialist who took it",
  } satisfies Rule<ConsultationSubject>,
  // Before claiming, a queue's specialists read what the request is about (question, summary,
  // the patient's age and sex, the requesting hospital), so nobody claims blind; never the
  // patient's name or ID number. Every such read is audited.
  'consultation.preview': {
    allows: (actor, s) => servesQueue(actor, s) || consults(actor, s),
    refusal: () => "A request's question and summary are shown before claiming only to the specialists of its queue",
  } satisfies Rule<ConsultationSubject>,
  'consultation.queue': {
    allows: (actor, s) => servesQueue(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => 'A consultation queue is for the specialists of that specialty in the consortium and for its schedulers',
  } satisfies Rule<QueueSubject>,
  'consultation.claim': {
    allows: (actor, s) => servesQueue(actor, s),
    refusal: () => 'Only specialists of this specialty at a hospital of this consortium can claim its consultations',
  } satisfies Rule<QueueSubject>,
  'consultation.assign': {
    allows: (actor, s) => schedulesIn(actor, s.consortiumId),
    refusal: () => "Only schedulers of the consultation's consortium can assign it",
  } satisfies Rule<QueueSubject>,
  'consultation.handBack': {
    allows: (actor, s) => consults(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => 'Only the specialist who took the consultation (or a scheduler of its consortium) can hand it back',
  } satisfies Rule<ConsultationSubject>,
  'consultation.schedule': {
    allows: (actor, s) => consults(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => 'Only the specialist who took the consultation (or a scheduler of its consortium) can set its session time',
  } satisfies Rule<ConsultationSubject>,
  'consultation.conduct': {
    allows: (actor, s) => consults(actor, s),
    refusal: () => 'Only the specialist who took the consultation can start or end its session and write its opinion',
  } satisfies Rule<ConsultationSubject>,
  'consultation.cancel': {
    allows: (actor, s) => requestsFor(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => 'Only doctors of the requesting hospital or schedulers of the consortium can cancel a consultation',
  } satisfies Rule<ConsultationSubject>,
  'consultation.attach': {
    allows: (actor, s) => requestsFor(actor, s),
    refusal: () => 'Only doctors of the requesting hospital can attach exam results to a consultation',
  } satisfies Rule<ConsultationSubject>,
  // Two-way referral (src/referral): the sending doctor and the receiving hospital's doctors.
  'referral.create': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Only doctors of ${s.hospitalName ?? `hospital ${s.hospitalId}`} can refer patients from it`,
  } satisfies Rule<HospitalSubject>,
  'referral.read': {
    allows: (actor, s) => actor.personId === s.referredById || receives(actor, s),
    refusal: () => 'A referral is visible only to the doctor who sent it and to the doctors of the receiving hospital',
  } satisfies Rule<ReferralSubject>,
  'referral.respond': {
    allows: (actor, s) => receives(actor, s),
    refusal: () => 'Only doctors of the receiving hospital can accept, decline or record the arrival and completion of a referral',
  } satisfies Rule<ReferralSubject>,
  'referral.cancel': {
    allows: (actor, s) => actor.personId === s.referredById,
    refusal: () => 'Only the doctor who sent a referral can cancel it',
  } satisfies Rule<ReferralSubject>,
  'referral.criteria.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => 'Only administrators can edit the referral criteria catalogue',
  } satisfies Rule<void>,
  // Assessment (src/assessment): aggregate figures, no patient data.
  'assessment.read': {
    allows: (actor, s) => has(actor, Role.ADMIN) || schedulesIn(actor, s.consortiumId),
    refusal: () => "A consortium's assessment is for administrators and the schedulers of that consortium",
  } satisfies Rule<ConsortiumSubject>,
  // A consultation's video room: its requesting doctor, its specialist, people they invited.
  'room.join': {
    allows: (actor, s) => s.participantIds.includes(actor.personId),
    refusal: () => "Only the consultation's participants (the requesting doctor, the specialist and people they invited) can join its video room",
  } satisfies Rule<{ participantIds: number[] }>,
  'roster.manage': {
    allows: (actor, s) => has(actor, Role.SCHEDULER) && actor.consortiumIds.includes(s.consortiumId),
    refusal: () => 'Only schedulers of this consortium can manage its rosters',
  } satisfies Rule<ConsortiumSubject>,
  /** Drafts are the schedulers' working copies; a published roster is open to the consortium's members. */
  'roster.read': {
    allows: (actor, s) => schedulesFor(actor, [s.consortiumId]) || (s.published && actor.consortiumIds.includes(s.consortiumId)),
    refusal: (s) => (s.published ? 'Only members of this consortium can see its rosters' : 'A draft roster is visible only to the schedulers of its consortium'),
  } satisfies Rule<ConsortiumSubject & { published: boolean }>,
  'availability.manage': availabilityRule,
  'availability.read': availabilityRule,
  'calendar.read': availabilityRule,
  'host.configure': {
    allows: (actor, s) => schedulesFor(actor, s.consortiumIds),
    refusal: (s) => `Only schedulers of a consortium ${s.hostName ?? `hospital ${s.hostId}`} belongs to can change how it receives visiting experts`,
  } satisfies Rule<HostSubject>,
  /** A host hospital's own staff ask for coverage; schedulers of the consortium may do it for them. */
  'demand.request': {
    allows: (actor, s) => actor.hospitalId === s.hostId || schedulesFor(actor, [s.consortiumId]),
    refusal: () => 'Only staff of the host hospital or schedulers of its consortium can ask for or withdraw expert coverage',
  } satisfies Rule<HostDemandSubject>,
  'demand.read': {
    allows: (actor, s) => actor.hospitalId === s.hostId || schedulesFor(actor, [s.consortiumId]),
    refusal: () => "A host hospital's demands are visible to its staff and the schedulers of its consortium",
  } satisfies Rule<HostDemandSubject>,
  'session.read': sessionRule,
  'host.sessions': {
    allows: (actor, s) => sessionRule.allows(actor, { hostId: s.hostId, consortiumIds: s.consortiumIds, specialistId: -1 }),
    refusal: () => sessionRule.refusal({ hostId: 0, consortiumIds: [], specialistId: 0 }),
  } satisfies Rule<HostSubject>,
  // Bookings name patients (PIPL): the township doctors of the patient's hospital make them and see them.
  'booking.create': {
    allows: (actor, s) => has(actor, Role.TOWNSHIP_DOCTOR) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Only township doctors of ${s.hospitalName ?? `hospital ${s.hospitalId}`} can book or cancel for its patients`,
  } satisfies Rule<HospitalSubject>,
  'booking.read': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => `Bookings of patients of ${s.hospitalName ?? `hospital ${s.hospitalId}`} are visible only to doctors of that hospital`,
  } satisfies Rule<HospitalSubject>,
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

/**
 * Consultations the actor may list: the list-query form of 'consultation.read' (narrower: a
 * specialist's queue is read through the queue, not listed here).
 */
export function consultationScope(actor: Actor | null): { requestingHospitalIds: number[]; specialistId: number; consortiumIds: number[] } {
  const a = authorize(actor, 'directory.read');
  return { requestingHospitalIds: isClinician(a) ? [a.hospitalId] : [], specialistId: a.personId, consortiumIds: has(a, Role.SCHEDULER) ? a.consortiumIds : [] };
}

/** Referrals the actor may list: the list-query form of 'referral.read'. */
export function referralScope(actor: Actor | null): { referredById: number; toHospitalIds: number[] } {
  const a = authorize(actor, 'directory.read');
  return { referredById: a.personId, toHospitalIds: isClinician(a) ? [a.hospitalId] : [] };
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
export function allowsEvent<T extends Topic>(actor: Actor, of: TopicEvent<T>): boolean {
  // NOTE: widening (one topic of T to any topic) is always sound; TypeScript just cannot see it for a generic T.
  const event = of as TopicEvent;
  switch (event.topic) {
    case 'hospital':
    case 'consortium':
      return allows(actor, 'directory.read');
    case 'patient':
      return allows(actor, 'patient.read', { hospitalId: event.payload.hospitalId });
    // Consultation and referral payloads carry the ids the policy needs (never personal data).
    case 'consultation':
      // A specialist whose consultation was handed back (by them or a scheduler) hears of it too.
      return allows(actor, 'consultation.read', event.payload) || event.payload.formerSpecialistId === actor.personId;
    case 'referral':
      return allows(actor, 'referral.read', event.payload);
    case 'roster': {
      // Drafts concern schedulers; once published, the specialists and hosts named in the change hear about it too.
      const p = event.payload;
      return allows(actor, 'roster.read', { consortiumId: p.consortiumId, published: false })
        || (p.published && (p.specialistIds.includes(actor.personId) || p.hostIds.includes(actor.hospitalId)));
    }
    case 'roster-job':
      return allows(actor, 'roster.manage', { consortiumId: event.payload.consortiumId });
    case 'availability':
      return allows(actor, 'availability.read', { specialistId: event.payload.specialistId, consortiumIds: event.payload.consortiumIds });
    case 'demand':
      return allows(actor, 'demand.read', { hostId: event.payload.hostId, consortiumId: event.payload.consortiumId });
    case 'clinic-session':
    case 'slots':
      return allows(actor, 'session.read', { hostId: event.payload.hostId, consortiumIds: event.payload.consortiumIds, specialistId: event.payload.specialistId });
    case 'booking':
      return allows(actor, 'booking.read', { hospitalId: event.payload.hospitalId });
    case 'room':
      return allows(actor, 'room.join', { participantIds: event.payload.participantIds });
    default:
      return false;
  }
}
