import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor, consultationScope, ConsultationSubject, Permission } from '../auth/policy';
import type { ConsultConfig } from '../config';
import { Consortium, Department, Hospital, Patient, Person } from '../consortium/entities';
import { badInput, notFound } from '../errors';
import { mayReadPatient } from './patient-access';
import { bilingual, Message, message } from '../i18n/translate';
import { appendEvent } from '../events/event-log';
import { parseId } from '../ids';
import { PageArgs, paginate } from '../graphql/pagination';
import { Consultation, ConsultationOpinion } from './entities';
import { AssignConsultationInput, ConsultationFilter, ConsultationOpinionInput, ConsultationReasonInput, RequestConsultationInput, ScheduleConsultationInput } from './inputs';
import { consultationEvent, ConsultationEventExtra } from './events';
import { queueRule, QueueRule } from './queue-rule';
import { allowsTransition, ConsultationAction, consultationTransition, ConsultationState } from './states';

/** The permissions a step of the consultation machine checks, each about the consultation itself. */
type StepPermission = Extract<Permission, 'consultation.claim' | 'consultation.assign' | 'consultation.handBack' | 'consultation.schedule' | 'consultation.conduct' | 'consultation.cancel'>;

const MAX_SESSION_MINUTES = 240;
/** A session started without an appointment (an emergency) holds the specialist for this long. */
const AD_HOC_SESSION_MINUTES = 60;

export const consultationSubject = (c: Consultation): ConsultationSubject => ({
  consortiumId: c.consortiumId, specialtyId: c.specialtyId, requestingHospitalId: c.requestingHospitalId, requestedById: c.requestedById, specialistId: c.specialistId,
});

/** Who may be in a consultation's video room (for the media layer). */
export interface ConsultationParticipants {
  consultationId: number;
  consortiumId: number;
  state: ConsultationState;
  requestingDoctorId: number;
  specialistId: number | null;
  participantIds: number[];
}

/**
 * Remote consultations: requesting, claiming or assigning, handing back, scheduling, the video
 * session, the opinion, cancelling. Every state change goes through the machine in states.ts,
 * under a row lock, with its event appended in the same transaction.
 */
export class ConsultationService {
  readonly rule: QueueRule;

  constructor(private readonly db: DataSource, readonly config: ConsultConfig) {
    this.rule = queueRule(config);
  }

  async request(actor: Actor | null, input: RequestConsultationInput): Promise<Consultation> {
    const doctor = requireActor(actor);
    const patientId = parseId(input.patientId, 'patientId');
    const specialtyId = parseId(input.specialtyId, 'specialtyId');
    const { preferredFrom = null, preferredTo = null } = input;
    if (preferredFrom && preferredTo && preferredTo <= preferredFrom) throw badInput('preferredTo', 'consult.preferredOrder');
    if (preferredTo && preferredTo.getTime() <= Date.now()) throw badInput('preferredTo', 'consult.preferredPast');
    return this.db.transaction(async (m) => {
      const patient = await m.findOneBy(Patient, { id: patientId });
      // A patient one may not see answers exactly like one that does not exist (issue 13).
      if (!patient || !(await mayReadPatient(m, doctor, patient.id))) throw notFound('entity.patient', patientId);
      const hospital = await m.findOneByOrFail(Hospital, { id: patient.hospitalId });
      const consortiumId = await this.#consortiumFor(m, patient.hospitalId, input.consortiumId ?? null);
      authorize(doctor, 'consultation.request', { hospitalId: patient.hospitalId, hospitalName: hospital.name, consortiumId });
      const specialty = await m.findOneBy(Department, { id: specialtyId });
      if (!specialty) throw badInput('specialtyId', 'consult.departmentMissing', { field: 'specialtyId', id: specialtyId });
      const [{ served }] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM person p JOIN person_specialty s ON s.person_id = p.id JOIN consortium_membership cm ON cm.hospital_id = p.hospital_id
                         WHERE s.department_id = $1 AND cm.consortium_id = $2 AND p.active AND 'SPECIALIST' = ANY(p.roles)) AS served`,
        [specialtyId, consortiumId],
      );
      if (!served) {
        const consortium = await m.findOneByOrFail(Consortium, { id: consortiumId });
        throw badInput('specialtyId', 'consult.noSpecialistServes', { specialty: bilingual(specialty.nameZh, specialty.nameEn), code: specialty.code, consortium: consortium.name });
      }
      const [row] = await m.query(
        `INSERT INTO consultation (consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, state, clinical_summary, question, preferred_from, preferred_to)
         VALUES ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7, $8, $9, $10) RETURNING id`,
        [consortiumId, specialtyId, patient.hospitalId, doctor.personId, patientId, input.urgency, input.clinicalSummary.trim(), input.question.trim(), preferredFrom, preferredTo],
      );
      const consultation = await m.findOneByOrFail(Consultation, { id: row.id });
      await appendEvent(m, 'consultation', consultationEvent(consultation, 'REQUESTED', doctor.personId, { queued: true, wasQueued: false }));
      return consultation;
    });
  }

  async #consortiumFor(m: EntityManager, hospitalId: number, requested: string | null): Promise<number> {
    const ids: number[] = (await m.query('SELECT consortium_id FROM consortium_membership WHERE hospital_id = $1 ORDER BY consortium_id', [hospitalId])).map((r: any) => r.consortium_id);
    if (requested) {
      const id = parseId(requested, 'consortiumId');
      if (!ids.includes(id)) throw badInput('consortiumId', 'consult.notInConsortium', { id });
      return id;
    }
    if (ids.length === 1) return ids[0];
    if (!ids.length) throw badInput('consortiumId', 'consult.noConsortium');
    throw badInput('consortiumId', 'consult.severalConsortia', { count: ids.length, ids: ids.join(', ') });
  }

  /** A consultation the actor may see (NOT_FOUND otherwise, so ids reveal nothing). */
  async get(actor: Actor | null, id: string | number): Promise<Consultation> {
    const a = requireActor(actor);
    const c = await this.db.getRepository(Consultation).findOneBy({ id: parseId(id, 'id') });
    if (!c || !allows(a, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', id);
    return c;
  }

  async list(actor: Actor | null, filter: ConsultationFilter, page: PageArgs) {
    const scope = consultationScope(actor);
    const q = this.db.getRepository(Consultation).createQueryBuilder('c')
      .where('(c.requesting_hospital_id = ANY(:hids) OR c.specialist_id = :me OR c.consortium_id = ANY(:cids))', { hids: scope.requestingHospitalIds, me: scope.specialistId, cids: scope.consortiumIds });
    if (filter.state) q.andWhere('c.state = :state', { state: filter.state });
    if (filter.urgency) q.andWhere('c.urgency = :urgency', { urgency: filter.urgency });
    if (filter.consortiumId) q.andWhere('c.consortium_id = :cid', { cid: parseId(filter.consortiumId, 'consortiumId') });
    return paginate(q, page);
  }

  /** Whether the actor may see the clinical part (summary, question, patient, exam results). */
  mayReadClinical(actor: Actor | null, c: Consultation): boolean {
    return allows(actor, 'consultation.clinical', consultationSubject(c));
  }

  async claim(actor: Actor | null, id: string): Promise<Consultation> {
    return this.#step(actor, id, 'CLAIM', 'consultation.claim', (specialist) => ({
      specialistId: specialist.personId, assignedById: null, claimedAt: new Date(),
    }));
  }

  async assign(actor: Actor | null, input: AssignConsultationInput): Promise<Consultation> {
    const specialistId = parseId(input.specialistId, 'specialistId');
    return this.#step(actor, input.id, 'ASSIGN', 'consultation.assign', async (scheduler, c, m) => {
      const [row] = await m.query(
        `SELECT p.name, p.active, 'SPECIALIST' = ANY(p.roles) AS is_specialist,
                EXISTS (SELECT 1 FROM person_specialty s WHERE s.person_id = p.id AND s.department_id = $2) AS has_specialty,
                EXISTS (SELECT 1 FROM consortium_membership cm WHERE cm.hospital_id = p.hospital_id AND cm.consortium_id = $3) AS in_consortium
           FROM person p WHERE p.id = $1`,
        [specialistId, c.specialtyId, c.consortiumId],
      );
      if (!row) throw badInput('specialistId', 'consult.personMissing', { id: specialistId });
      if (!row.active || !row.is_specialist) throw badInput('specialistId', 'consult.notActiveSpecialist', { name: row.name });
      if (!row.has_specialty) throw badInput('specialistId', 'consult.lacksSpecialty', { name: row.name });
      if (!row.in_consortium) throw badInput('specialistId', 'consult.outsideConsortium', { name: row.name });
      return { specialistId, assignedById: scheduler.personId, claimedAt: new Date() };
    });
  }

  async handBack(actor: Actor | null, input: ConsultationReasonInput): Promise<Consultation> {
    return this.#step(actor, input.id, 'HAND_BACK', 'consultation.handBack', (_a, c) => ({
      specialistId: null, assignedById: null, claimedAt: null, scheduledStart: null, scheduledEnd: null,
      handedBackAt: new Date(), handBackReason: input.reason.trim(),
      // A new round in the queue: the deadline may be passed already, and schedulers hear of it again.
      escalatedAt: null,
    }), (c) => ({ formerSpecialistId: c.specialistId }));
  }

  async schedule(actor: Actor | null, input: ScheduleConsultationInput): Promise<Consultation> {
    const { startsAt, endsAt } = input;
    if (startsAt.getTime() < Date.now() - 60_000) throw badInput('startsAt', 'consult.startsInPast');
    if (endsAt <= startsAt) throw badInput('endsAt', 'consult.endsBeforeStart');
    if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_MINUTES * 60_000) throw badInput('endsAt', 'consult.sessionTooLong', { minutes: MAX_SESSION_MINUTES });
    return this.#step(actor, input.id, 'SCHEDULE', 'consultation.schedule', () => ({ scheduledStart: startsAt, scheduledEnd: endsAt }));
  }

  /** Starts the video session; the media layer opens the room on SESSION_STARTED. */
  async start(actor: Actor | null, id: string): Promise<Consultation> {
    return this.#step(actor, id, 'START', 'consultation.conduct', (_a, c) => {
      const now = new Date();
      // An emergency starts without an appointment: it holds the specialist from now on.
      const ad = c.scheduledStart ? {} : { scheduledStart: now, scheduledEnd: new Date(now.getTime() + AD_HOC_SESSION_MINUTES * 60_000) };
      return { startedAt: now, ...ad };
    }, (c) => ({ participantIds: participantIds(c) }));
  }

  async end(actor: Actor | null, id: string): Promise<Consultation> {
    return this.#step(actor, id, 'END', 'consultation.conduct', () => ({ endedAt: new Date() }), (c) => ({ participantIds: participantIds(c) }));
  }

  async writeOpinion(actor: Actor | null, input: ConsultationOpinionInput): Promise<Consultation> {
    const code = input.diagnosisCode?.trim().toUpperCase() || null;
    const text = input.diagnosisText?.trim() || null;
    if (code && !text) throw badInput('diagnosisText', 'consult.diagnosisTextNeeded');
    return this.#step(actor, input.id, 'WRITE_OPINION', 'consultation.conduct', async (specialist, c, m) => {
      await m.insert(ConsultationOpinion, {
        consultationId: c.id, impression: input.impression.trim(), recommendations: input.recommendations.trim(), referUp: input.referUp,
        diagnosisCode: code, diagnosisText: text, authorId: specialist.personId,
      });
      return { completedAt: new Date() };
    }, () => ({ referUp: input.referUp }));
  }

  async cancel(actor: Actor | null, input: ConsultationReasonInput): Promise<Consultation> {
    return this.#step(actor, input.id, 'CANCEL', 'consultation.cancel', (a) => ({ cancelledAt: new Date(), cancelReason: input.reason.trim(), cancelledById: a.personId }));
  }

  /** For the media layer: the consultation's participants (requesting doctor and specialist). */
  async participants(consultationId: number): Promise<ConsultationParticipants | null> {
    const c = await this.db.getRepository(Consultation).findOneBy({ id: consultationId });
    if (!c) return null;
    return { consultationId: c.id, consortiumId: c.consortiumId, state: c.state, requestingDoctorId: c.requestedById, specialistId: c.specialistId, participantIds: participantIds(c) };
  }

  /** The media layer's view (src/room/access.ts ConsultationRooms): who may join, and whether it is live. */
  async roomAccess(consultationId: number) {
    const p = await this.participants(consultationId);
    return p && {
      consultationId: p.consultationId, consortiumId: p.consortiumId, participantIds: p.participantIds, inSession: p.state === ConsultationState.IN_SESSION,
      requestingDoctorId: p.requestingDoctorId, specialistId: p.specialistId,
    };
  }

  /**
   * One step of the machine: lock the row, check visibility, permission and the transition,
   * apply the changes, append the event — all in one transaction, so a refused step changes
   * nothing. Concurrent claims queue on the row lock; every one after the first finds the
   * consultation CLAIMED and gets a CONFLICT naming who won.
   */
  async #step(
    actor: Actor | null, rawId: string, action: ConsultationAction, permission: StepPermission,
    changes: (actor: Actor, c: Consultation, m: EntityManager) => Partial<Consultation> | Promise<Partial<Consultation>>,
    extra: (before: Consultation) => Partial<ConsultationEventExtra> = () => ({}),
  ): Promise<Consultation> {
    const a = requireActor(actor);
    const id = parseId(rawId, 'id');
    return this.db.transaction(async (m) => {
      const c = await m.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c || !allows(a, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', rawId);
      authorize(a, permission, consultationSubject(c));
      if (!allowsTransition(c.state, action)) {
        // Losing a race for a request: say who has it.
        const detail = action === 'CLAIM' || action === 'ASSIGN' ? await this.#whoHasIt(m, c) : null;
        consultationTransition(c.id, c.state, action, () => detail);
      }
      const before = { ...c };
      const to = consultationTransition(c.id, c.state, action);
      const patch = { ...(await changes(a, c, m)), state: to };
      if (action === 'CLAIM' || action === 'ASSIGN') patch.firstClaimedAt = c.firstClaimedAt ?? patch.claimedAt;
      await m.update(Consultation, { id }, patch);
      const after = await m.findOneByOrFail(Consultation, { id });
      const queued = after.state === ConsultationState.REQUESTED;
      const wasQueued = before.state === ConsultationState.REQUESTED;
      await appendEvent(m, 'consultation', consultationEvent(after, ACTION_EVENT[action], a.personId, { queued, wasQueued, ...extra(before) }));
      return after;
    });
  }

  async #whoHasIt(m: EntityManager, c: Consultation): Promise<Message | null> {
    if (!c.specialistId || c.state === ConsultationState.CANCELLED) return null;
    const person = await m.findOneBy(Person, { id: c.specialistId });
    const at = c.claimedAt ? message('consult.atTime', { at: c.claimedAt.toISOString() }) : '';
    return message(c.assignedById ? 'consult.assignedTo' : 'consult.claimedBy', { name: person?.name ?? String(c.specialistId), id: c.specialistId, at });
  }
}

const ACTION_EVENT: Record<ConsultationAction, string> = {
  CLAIM: 'CLAIMED', ASSIGN: 'ASSIGNED', HAND_BACK: 'HANDED_BACK', SCHEDULE: 'SCHEDULED', START: 'SESSION_STARTED', END: 'SESSION_ENDED',
  WRITE_OPINION: 'OPINION_WRITTEN', CANCEL: 'CANCELLED',
};

const participantIds = (c: Consultation) => [c.requestedById, ...(c.specialistId ? [c.specialistId] : [])];
