import type { Topic, TopicEvent } from '../events/topics';
import { forbidden, unauthenticated } from '../errors';
import { Message, message } from '../i18n/translate';
import type { Actor } from './actor';
import { Role } from './roles';

/**
 * The one place that decides who may see or do what. Services and subscriptions ask here;
 * nothing else re-implements a rule. Each permission says who holds it and, when it doesn't,
 * why — the message reaches the user as a FORBIDDEN error.
 */
interface Rule<S> {
  allows(actor: Actor, subject: S): boolean;
  refusal(subject: S): Message;
}

const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const isClinician = (actor: Actor) => has(actor, Role.TOWNSHIP_DOCTOR) || has(actor, Role.SPECIALIST);

export interface HospitalSubject { hospitalId: number; hospitalName?: string }
export interface ConsortiumSubject { consortiumId: number }
/** A patient, and who besides their own hospital's doctors is caring for them (filled in by the service). */
export interface PatientSubject extends HospitalSubject {
  /** Specialists who claimed or were assigned a consultation about the patient, or hold a clinic session they are booked into. */
  assignedSpecialistIds?: number[];
  /** Hospitals the patient was referred to (referrals not declined or cancelled). */
  referredToHospitalIds?: number[];
}
export interface QueueSubject { consortiumId: number; specialtyId: number }
export interface ConsultationSubject extends QueueSubject { requestingHospitalId: number; requestedById: number; specialistId: number | null }
export interface ReferralSubject {
  fromHospitalId: number; toHospitalId: number; referredById: number;
  /** The receiving specialty (科室) and the direction: who at the receiving hospital answers it. */
  toDepartmentId: number | null; direction: 'UP' | 'DOWN';
}

const servesQueue = (actor: Actor, s: QueueSubject) =>
  has(actor, Role.SPECIALIST) && actor.consortiumIds.includes(s.consortiumId) && (actor.specialtyIds ?? []).includes(s.specialtyId);
const schedulesIn = (actor: Actor, consortiumId: number) => has(actor, Role.SCHEDULER) && actor.consortiumIds.includes(consortiumId);
const requestsFor = (actor: Actor, s: ConsultationSubject) => isClinician(actor) && actor.hospitalId === s.requestingHospitalId;
const consults = (actor: Actor, s: ConsultationSubject) => s.specialistId != null && actor.personId === s.specialistId;
/**
 * Who answers a referral at the receiving hospital: the specialists of the specialty it names,
 * the hospital's referral desk (转诊服务中心) for any specialty, and for a DOWN referral the
 * township doctors (family doctors are generalists: a grassroots hospital has no specialty wards).
 */
const receives = (actor: Actor, s: ReferralSubject) => actor.hospitalId === s.toHospitalId && (has(actor, Role.REFERRAL_DESK)
  || (has(actor, Role.SPECIALIST) && s.toDepartmentId != null && (actor.specialtyIds ?? []).includes(s.toDepartmentId))
  || (has(actor, Role.TOWNSHIP_DOCTOR) && s.direction === 'DOWN'));
/** The sender, and the township doctors of the sending hospital (the patient's own doctors). */
const sends = (actor: Actor, s: ReferralSubject) => actor.personId === s.referredById || (has(actor, Role.TOWNSHIP_DOCTOR) && actor.hospitalId === s.fromHospitalId);
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
  refusal: () => message('policy.availabilityRule'),
};
// Host staff run a host's sessions, township doctors and schedulers of the host's consortia book
// and plan them; the visiting specialist sits in their own.
const seesHostSessions = (actor: Actor, s: { hostId: number; consortiumIds: readonly number[] }) => actor.hospitalId === s.hostId
  || ((has(actor, Role.TOWNSHIP_DOCTOR) || has(actor, Role.SCHEDULER)) && sharesConsortium(actor, s.consortiumIds));
const sessionRule: Rule<ClinicSessionSubject> = {
  allows: (actor, s) => seesHostSessions(actor, s) || actor.personId === s.specialistId,
  refusal: () => message('policy.sessionRule'),
};

const rules = {
  /** The directory (consortia, hospitals, grids, departments, people) is open to every signed-in user. */
  'directory.read': {
    allows: () => true,
    refusal: () => message('policy.directoryRead'),
  } satisfies Rule<void>,
  'calendar.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => message('policy.calendarManage'),
  } satisfies Rule<void>,
  // Sessions and the audit trail (src/auth, src/audit).
  'session.end': {
    allows: (actor, s) => actor.personId === s.personId || has(actor, Role.ADMIN),
    refusal: () => message('policy.sessionEnd'),
  } satisfies Rule<{ personId: number }>,
  'session.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => message('policy.sessionManage'),
  } satisfies Rule<void>,
  'audit.read': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => message('policy.auditRead'),
  } satisfies Rule<void>,
  'directory.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => message('policy.directoryManage'),
  } satisfies Rule<void>,
  // PIPL: patient data is for the clinicians of the hospital where the patient is registered;
  // administrators and schedulers run the consortium without seeing patients.
  // ... and to the specialist who took a consultation about the patient, and to the doctors of a
  // hospital the patient was referred to (the services fill in who that is).
  'patient.read': {
    allows: (actor, s) => (isClinician(actor) && (actor.hospitalId === s.hospitalId || (s.assignedSpecialistIds ?? []).includes(actor.personId)))
      || ((isClinician(actor) || has(actor, Role.REFERRAL_DESK)) && (s.referredToHospitalIds ?? []).includes(actor.hospitalId)),
    // NOTE: the wording stays the foundation's: the exceptions are for people already caring for the patient.
    refusal: (s) => message('policy.patientRead', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<PatientSubject>,
  'patient.list': {
    allows: (actor) => isClinician(actor),
    refusal: () => message('policy.patientList'),
  } satisfies Rule<void>,
  'patient.register': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => message('policy.patientRegister', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<HospitalSubject>,
  // Remote consultations (src/consult). The queue of a consortium and specialty is served by its
  // specialists and watched by its schedulers; a consultation's clinical part (summary, patient,
  // exam results) is for the requesting hospital's doctors and the specialist who took it.
  'consultation.request': {
    allows: (actor, s) => has(actor, Role.TOWNSHIP_DOCTOR) && actor.hospitalId === s.hospitalId && actor.consortiumIds.includes(s.consortiumId),
    refusal: (s) => message('policy.consultationRequest', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<HospitalSubject & ConsortiumSubject>,
  'consultation.read': {
    allows: (actor, s) => requestsFor(actor, s) || consults(actor, s) || servesQueue(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationRead'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.clinical': {
    allows: (actor, s) => requestsFor(actor, s) || consults(actor, s),
    refusal: () => message('policy.consultationClinical'),
  } satisfies Rule<ConsultationSubject>,
  // Before claiming, a queue's specialists read what the request is about (question, summary,
  // the patient's age and sex, the requesting hospital), so nobody claims blind; never the
  // patient's name or ID number. Every such read is audited.
  'consultation.preview': {
    allows: (actor, s) => servesQueue(actor, s) || consults(actor, s),
    refusal: () => message('policy.consultationPreview'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.queue': {
    allows: (actor, s) => servesQueue(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationQueue'),
  } satisfies Rule<QueueSubject>,
  'consultation.claim': {
    allows: (actor, s) => servesQueue(actor, s),
    refusal: () => message('policy.consultationClaim'),
  } satisfies Rule<QueueSubject>,
  'consultation.assign': {
    allows: (actor, s) => schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationAssign'),
  } satisfies Rule<QueueSubject>,
  'consultation.handBack': {
    allows: (actor, s) => consults(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationHandBack'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.schedule': {
    allows: (actor, s) => consults(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationSchedule'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.conduct': {
    allows: (actor, s) => consults(actor, s),
    refusal: () => message('policy.consultationConduct'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.cancel': {
    allows: (actor, s) => requestsFor(actor, s) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.consultationCancel'),
  } satisfies Rule<ConsultationSubject>,
  'consultation.attach': {
    allows: (actor, s) => requestsFor(actor, s),
    refusal: () => message('policy.consultationAttach'),
  } satisfies Rule<ConsultationSubject>,
  // Two-way referral (src/referral): the sending doctor and the receiving hospital's doctors.
  'referral.create': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => message('policy.referralCreate', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<HospitalSubject>,
  /** From a consultation: its requesting doctors, or the specialist who gave the opinion recommending it. */
  'referral.fromConsultation': {
    allows: (actor, s) => requestsFor(actor, s) || consults(actor, s),
    refusal: () => message('policy.referralFromConsultation'),
  } satisfies Rule<ConsultationSubject>,
  'referral.read': {
    allows: (actor, s) => sends(actor, s) || receives(actor, s),
    refusal: () => message('policy.referralRead'),
  } satisfies Rule<ReferralSubject>,
  'referral.respond': {
    allows: (actor, s) => receives(actor, s),
    refusal: () => message('policy.referralRespond'),
  } satisfies Rule<ReferralSubject>,
  'referral.cancel': {
    allows: (actor, s) => actor.personId === s.referredById,
    refusal: () => message('policy.referralCancel'),
  } satisfies Rule<ReferralSubject>,
  'referral.criteria.manage': {
    allows: (actor) => has(actor, Role.ADMIN),
    refusal: () => message('policy.referralCriteriaManage'),
  } satisfies Rule<void>,
  // Assessment (src/assessment): aggregate figures, no patient data.
  'assessment.read': {
    allows: (actor, s) => has(actor, Role.ADMIN) || schedulesIn(actor, s.consortiumId),
    refusal: () => message('policy.assessmentRead'),
  } satisfies Rule<ConsortiumSubject>,
  // A consultation's video room: its requesting doctor, its specialist, people they invited.
  'room.join': {
    allows: (actor, s) => s.participantIds.includes(actor.personId),
    refusal: () => message('policy.roomJoin'),
  } satisfies Rule<{ participantIds: number[] }>,
  // A participant may bring in colleagues, but only people of the consultation's consortium
  // (patient data does not leave the consortium through the room).
  'room.invite': {
    allows: (actor, s) => s.participantIds.includes(actor.personId) && s.inviteeConsortiumIds.includes(s.consortiumId),
    refusal: (s) => (s.participantIds.length && !s.inviteeConsortiumIds.includes(s.consortiumId)
      ? message('policy.roomInviteConsortium')
      : message('policy.roomInviteParticipant')),
  } satisfies Rule<{ participantIds: number[]; consortiumId: number; inviteeConsortiumIds: number[] }>,
  'roster.manage': {
    allows: (actor, s) => has(actor, Role.SCHEDULER) && actor.consortiumIds.includes(s.consortiumId),
    refusal: () => message('policy.rosterManage'),
  } satisfies Rule<ConsortiumSubject>,
  /** Drafts are the schedulers' working copies; a published roster is open to the consortium's members. */
  'roster.read': {
    allows: (actor, s) => schedulesFor(actor, [s.consortiumId]) || (s.published && actor.consortiumIds.includes(s.consortiumId)),
    refusal: (s) => message(s.published ? 'policy.rosterReadPublished' : 'policy.rosterReadDraft'),
  } satisfies Rule<ConsortiumSubject & { published: boolean }>,
  'availability.manage': availabilityRule,
  'availability.read': availabilityRule,
  'calendar.read': availabilityRule,
  'host.configure': {
    allows: (actor, s) => schedulesFor(actor, s.consortiumIds),
    refusal: (s) => message('policy.hostConfigure', { hospital: s.hostName ?? message('policy.hospitalNumber', { id: s.hostId }) }),
  } satisfies Rule<HostSubject>,
  /** A host hospital's own staff ask for coverage; schedulers of the consortium may do it for them. */
  'demand.request': {
    allows: (actor, s) => actor.hospitalId === s.hostId || schedulesFor(actor, [s.consortiumId]),
    refusal: () => message('policy.demandRequest'),
  } satisfies Rule<HostDemandSubject>,
  'demand.read': {
    allows: (actor, s) => actor.hospitalId === s.hostId || schedulesFor(actor, [s.consortiumId]),
    refusal: () => message('policy.demandRead'),
  } satisfies Rule<HostDemandSubject>,
  'session.read': sessionRule,
  'host.sessions': {
    allows: (actor, s) => seesHostSessions(actor, s),
    refusal: () => message('policy.sessionRule'),
  } satisfies Rule<HostSubject>,
  // Bookings name patients (PIPL): the township doctors of the patient's hospital make them and see them.
  'booking.create': {
    allows: (actor, s) => has(actor, Role.TOWNSHIP_DOCTOR) && actor.hospitalId === s.hospitalId,
    refusal: (s) => message('policy.bookingCreate', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<HospitalSubject>,
  /** The visiting specialist sees who is booked into their own session, and what for, to prepare. */
  'session.bookings': {
    allows: (actor, s) => actor.personId === s.specialistId,
    refusal: () => message('policy.sessionBookings'),
  } satisfies Rule<ClinicSessionSubject>,
  'booking.read': {
    allows: (actor, s) => isClinician(actor) && actor.hospitalId === s.hospitalId,
    refusal: (s) => message('policy.bookingRead', { hospital: s.hospitalName ?? message('policy.hospitalNumber', { id: s.hospitalId }) }),
  } satisfies Rule<HospitalSubject>,
};

export type Permission = keyof typeof rules;
type SubjectOf<P extends Permission> = Parameters<(typeof rules)[P]['allows']>[1];

export function allows<P extends Permission>(actor: Actor | null, permission: P, ...subject: SubjectOf<P> extends void ? [] : [SubjectOf<P>]): boolean {
  if (!actor || actor.ended) return false;
  return (rules[permission] as Rule<unknown>).allows(actor, subject[0]);
}

/** The sentence a refusal of `permission` gives, for services that report it another way (e.g. naming an input field). */
export function policyRefusal<P extends Permission>(permission: P, ...subject: SubjectOf<P> extends void ? [] : [SubjectOf<P>]): Message {
  return (rules[permission] as Rule<unknown>).refusal(subject[0]);
}

/** Returns the actor when allowed; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
/** The signed-in actor, or UNAUTHENTICATED: for what anyone signed in may do (the rules of the thing itself follow). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function authorize<P extends Permission>(actor: Actor | null, permission: P, ...subject: SubjectOf<P> extends void ? [] : [SubjectOf<P>]): Actor {
  if (!actor) throw unauthenticated();
  if (actor.ended) throw unauthenticated('auth.sessionEnded');
  const rule = rules[permission] as Rule<unknown>;
  if (!rule.allows(actor, subject[0])) throw forbidden(rule.refusal(subject[0]).key, rule.refusal(subject[0]).params);
  return actor;
}

/**
 * Consultations the actor may list: the list-query form of 'consultation.read' (narrower: a
 * specialist's queue is read through the queue, not listed here).
 */
export function consultationScope(actor: Actor | null): { requestingHospitalIds: number[]; specialistId: number; consortiumIds: number[] } {
  const a = requireActor(actor);
  return { requestingHospitalIds: isClinician(a) ? [a.hospitalId] : [], specialistId: a.personId, consortiumIds: has(a, Role.SCHEDULER) ? a.consortiumIds : [] };
}

/**
 * Referrals the actor may list: the list-query form of 'referral.read' (sends / receives) and
 * of 'patient.read' for the referral's patient, as the facts the service's SQL needs. A row
 * whose patient the actor may not see (e.g. a declined referral at the receiving hospital) is
 * left out of lists rather than failing them.
 */
export function referralScope(actor: Actor | null) {
  const a = requireActor(actor);
  const desk = has(a, Role.REFERRAL_DESK);
  return {
    personId: a.personId,
    hospitalId: a.hospitalId,
    /** Sending side: township doctors see their hospital's referrals, everyone the ones they sent. */
    sendingHospitalIds: has(a, Role.TOWNSHIP_DOCTOR) ? [a.hospitalId] : [],
    /** Receiving side, by specialty: null means every specialty (the referral desk). */
    receivesAllSpecialties: desk,
    receivingSpecialtyIds: has(a, Role.SPECIALIST) ? a.specialtyIds ?? [] : [],
    receivesDown: has(a, Role.TOWNSHIP_DOCTOR),
    /** patient.read: own hospital's and consulted patients for clinicians; live referrals here for clinicians and the desk. */
    clinician: isClinician(a),
    seesReferredPatients: isClinician(a) || desk,
  };
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
    case 'notification':
      // A notification centre is its owner's alone.
      return event.payload.recipientId === actor.personId;
    default:
      return false;
  }
}

/**
 * Who hears the same of these topics, as far as this policy can tell: actors with equal keys get
 * the same verdict from allowsEvent on every event of them (ended sessions aside: those hear
 * nothing), and the same answer from every field their change types reach, so one decision and
 * one answer can serve them all. null: the verdict is personal (it names people or hospitals).
 * NOTE: a topic added here must keep both promises: allowsEvent's verdict and the fields of its
 * change type may not depend on who the signed-in actor is.
 */
export function eventAudience(_actor: Actor, topics: readonly Topic[]): string | null {
  // 'directory.read' is every signed-in user's, and the directory's fields are the same for all.
  return topics.length > 0 && topics.every((t) => t === 'hospital' || t === 'consortium') ? 'signed-in' : null;
}
