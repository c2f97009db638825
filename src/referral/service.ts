import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { allows, authorize, requireActor, referralScope, ReferralSubject } from '../auth/policy';
import { Department, Hospital, Patient, Person } from '../consortium/entities';
import { ConsortiumKind, HospitalTier } from '../consortium/kinds';
import { Consultation, ConsultationOpinion } from '../consult/entities';
import { patientSubjects } from '../consult/patient-access';
import { consultationSubject } from '../consult/service';
import { ConsultationState } from '../consult/states';
import { badInput, notFound } from '../errors';
import { message } from '../i18n/translate';
import { appendEvent } from '../events/event-log';
import { parseId, parseIds } from '../ids';
import { PageArgs, paginate } from '../graphql/pagination';
import { Referral, ReferralCriterion, ReferralCriterionCitation } from './entities';
import { referralEvent } from './events';
import { AcceptReferralInput, ProposeReferralInput, ReferFromConsultationInput, ReferralFilter, ReferralReasonInput } from './inputs';
import { LIVE_REFERRAL_STATES, ReferralAction, ReferralDirection, referralTransition } from './states';

/** Higher is a higher tier of care: UP must climb, DOWN must descend. */
export const TIER_LEVEL: Record<HospitalTier, number> = { VILLAGE: 0, TOWNSHIP: 1, COMMUNITY: 1, SECONDARY: 2, TERTIARY: 3 };
/** Regional consortia are where patients physically move; alliances come second when both apply. */
const REGIONAL: ConsortiumKind[] = [ConsortiumKind.COUNTY_MEDICAL_COMMUNITY, ConsortiumKind.CITY_MEDICAL_GROUP];
const MAX_ACCEPT_DAYS_AHEAD = 90;

export const referralSubject = (r: Referral): ReferralSubject => ({
  fromHospitalId: r.fromHospitalId, toHospitalId: r.toHospitalId, referredById: r.referredById, toDepartmentId: r.toDepartmentId, direction: r.direction,
});

/** Whether an ICD-10 code is covered by a criterion's prefixes (none: any diagnosis). */
export const meetsDiagnosis = (prefixes: string[], code: string) => !prefixes.length || prefixes.some((p) => code.toUpperCase().startsWith(p.toUpperCase()));

interface Draft {
  direction: ReferralDirection; patientId: number; fromHospitalId: number; toHospitalId: number; toDepartmentId: number | null; consortiumId: string | null;
  diagnosisCode: string; diagnosisText: string; criterionIds: number[]; justification: string | null; greenChannel: boolean; carePlan: string | null;
  sourceConsultationId: number | null;
  /** Set when filed from a consultation: 'referral.fromConsultation' was checked instead of 'referral.create'. */
  fromConsultation?: boolean;
}

/**
 * Two-way referral (双向转诊): proposing (from scratch or from a consultation's opinion), the
 * receiving hospital's answer, arrival, completion; all through the machine in states.ts.
 */
export class ReferralService {
  constructor(private readonly db: DataSource) {}

  async propose(actor: Actor | null, input: ProposeReferralInput): Promise<Referral> {
    const doctor = requireActor(actor);
    return this.#create(doctor, {
      direction: input.direction, patientId: parseId(input.patientId, 'patientId'), fromHospitalId: doctor.hospitalId,
      toHospitalId: parseId(input.toHospitalId, 'toHospitalId'), toDepartmentId: input.toDepartmentId ? parseId(input.toDepartmentId, 'toDepartmentId') : null,
      consortiumId: input.consortiumId ?? null, diagnosisCode: input.diagnosisCode, diagnosisText: input.diagnosisText,
      criterionIds: [...new Set(parseIds(input.criterionIds, 'criterionIds'))], justification: input.justification ?? null,
      greenChannel: input.greenChannel, carePlan: input.carePlan ?? null, sourceConsultationId: null,
    });
  }

  /**
   * One step from a consultation opinion to a prefilled referral.
   * NOTE: the rule for which hospital sends an UP referral: always the consultation's requesting
   * hospital (where the patient is cared for), whether its doctor or the consulting specialist
   * files it, and only when the opinion recommends it; the receiving hospital defaults to the
   * specialist's, the specialty to the consultation's. A DOWN referral is the consulting
   * specialist's: from their hospital (where the patient was seen) back to a grassroots hospital,
   * by default the requesting one, with the opinion's recommendations as the care plan.
   */
  async referFromConsultation(actor: Actor | null, input: ReferFromConsultationInput): Promise<Referral> {
    const a = requireActor(actor);
    const id = parseId(input.consultationId, 'consultationId');
    const c = await this.db.getRepository(Consultation).findOneBy({ id });
    if (!c || !allows(a, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', input.consultationId);
    authorize(a, 'referral.fromConsultation', consultationSubject(c));
    const opinion = await this.db.getRepository(ConsultationOpinion).findOneBy({ consultationId: id });
    if (c.state !== ConsultationState.COMPLETED || !opinion) throw badInput('consultationId', 'referral.noOpinionYet', { id, state: message(`consult.state${c.state}`) });
    const down = input.direction === ReferralDirection.DOWN;
    if (!down && !opinion.referUp) throw badInput('consultationId', 'referral.opinionNoReferral', { id });
    if (down && a.personId !== c.specialistId) throw badInput('direction', 'referral.downFromConsultation', { id });
    const diagnosisCode = input.diagnosisCode ?? opinion.diagnosisCode;
    const diagnosisText = input.diagnosisText ?? opinion.diagnosisText;
    if (!diagnosisCode || !diagnosisText) throw badInput('diagnosisCode', 'referral.opinionNoDiagnosis');
    const specialist = c.specialistId ? await this.db.getRepository(Person).findOneBy({ id: c.specialistId }) : null;
    const criterionIds = [...new Set(parseIds(input.criterionIds, 'criterionIds'))];
    if (down) {
      return this.#create(a, {
        direction: ReferralDirection.DOWN, patientId: c.patientId, fromHospitalId: a.hospitalId,
        toHospitalId: input.toHospitalId ? parseId(input.toHospitalId, 'toHospitalId') : c.requestingHospitalId,
        toDepartmentId: input.toDepartmentId ? parseId(input.toDepartmentId, 'toDepartmentId') : c.specialtyId,
        consortiumId: String(c.consortiumId), diagnosisCode, diagnosisText, criterionIds,
        justification: input.justification ?? `远程会诊 #${c.id} 会诊意见（${specialist?.name ?? '专家'}）建议下转：${opinion.impression}`.slice(0, 2000),
        greenChannel: input.greenChannel, carePlan: input.carePlan ?? opinion.recommendations, sourceConsultationId: c.id, fromConsultation: true,
      });
    }
    return this.#create(a, {
      direction: ReferralDirection.UP, patientId: c.patientId, fromHospitalId: c.requestingHospitalId,
      toHospitalId: input.toHospitalId ? parseId(input.toHospitalId, 'toHospitalId') : specialist!.hospitalId,
      toDepartmentId: input.toDepartmentId ? parseId(input.toDepartmentId, 'toDepartmentId') : c.specialtyId,
      consortiumId: String(c.consortiumId), diagnosisCode, diagnosisText, criterionIds,
      // NOTE: a specialist's written recommendation is a justification in its own right.
      justification: input.justification ?? `远程会诊 #${c.id} 会诊意见（${specialist?.name ?? '专家'}）建议上转：${opinion.impression}`.slice(0, 2000),
      greenChannel: input.greenChannel, carePlan: null, sourceConsultationId: c.id, fromConsultation: true,
    });
  }

  async #create(doctor: Actor, d: Draft): Promise<Referral> {
    const code = d.diagnosisCode.trim().toUpperCase();
    return this.db.transaction(async (m) => {
      const from = await m.findOneByOrFail(Hospital, { id: d.fromHospitalId });
      if (!d.fromConsultation) authorize(doctor, 'referral.create', { hospitalId: from.id, hospitalName: from.name });
      const patient = await m.findOneBy(Patient, { id: d.patientId });
      const subject = patient && (await patientSubjects(m, [patient.id])).get(patient.id);
      if (!patient || !subject || !allows(doctor, 'patient.read', subject)) throw notFound('entity.patient', d.patientId);
      const to = await m.findOneBy(Hospital, { id: d.toHospitalId });
      if (!to) throw badInput('toHospitalId', 'referral.hospitalMissing', { id: d.toHospitalId });
      if (to.id === from.id) throw badInput('toHospitalId', 'referral.sameHospital');
      const climbs = TIER_LEVEL[to.tier] > TIER_LEVEL[from.tier];
      const descends = TIER_LEVEL[to.tier] < TIER_LEVEL[from.tier];
      if (d.direction === ReferralDirection.UP && !climbs) throw badInput('toHospitalId', 'referral.upNotHigher', { to: to.name, toTier: to.tier, from: from.name, fromTier: from.tier });
      if (d.direction === ReferralDirection.DOWN && !descends) throw badInput('toHospitalId', 'referral.downNotLower', { to: to.name, toTier: to.tier, from: from.name, fromTier: from.tier });
      const consortiumId = await this.#sharedConsortium(m, from, to, d.consortiumId);
      const criteria = d.criterionIds.length ? await m.findBy(ReferralCriterion, { id: In(d.criterionIds) }) : [];
      for (const [i, cid] of d.criterionIds.entries()) {
        const c = criteria.find((x) => x.id === cid);
        const field = `criterionIds[${i}]`;
        if (!c) throw badInput(field, 'referral.criterionMissing', { field, id: cid });
        if (!c.active) throw badInput(field, 'referral.criterionRetired', { field, code: c.code, condition: c.condition });
        if (c.direction !== d.direction) throw badInput(field, 'referral.criterionDirection', { field, code: c.code, condition: c.condition, direction: message(`referral.${c.direction}`), asked: message(`referral.${d.direction}`) });
        if (!meetsDiagnosis(c.icd10Prefixes, code)) {
          throw badInput(field, 'referral.criterionDiagnosis', { field, code: c.code, condition: c.condition, prefixes: c.icd10Prefixes.join(', '), diagnosis: code });
        }
      }
      const justification = d.justification?.trim() || null;
      if (!criteria.length && !justification) throw badInput('justification', 'referral.justificationNeeded');
      if (d.greenChannel) {
        if (d.direction !== ReferralDirection.UP) throw badInput('greenChannel', 'referral.greenUpOnly');
        if (!criteria.some((c) => c.greenChannel) && !justification) throw badInput('greenChannel', 'referral.greenNeedsReason');
      }
      const carePlan = d.carePlan?.trim() || null;
      if (d.direction === ReferralDirection.DOWN && !carePlan) throw badInput('carePlan', 'referral.carePlanNeeded');
      const department = await this.#receivingSpecialty(m, d, criteria, to);

      const [row] = await m.query(
        `INSERT INTO referral (direction, state, consortium_id, from_hospital_id, to_hospital_id, to_department_id, patient_id, referred_by_id,
                               diagnosis_code, diagnosis_text, justification, care_plan, green_channel, source_consultation_id)
         VALUES ($1, 'PROPOSED', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [d.direction, consortiumId, from.id, to.id, department.id, patient.id, doctor.personId, code, d.diagnosisText.trim(), justification, carePlan, d.greenChannel, d.sourceConsultationId],
      );
      if (criteria.length) await m.insert(ReferralCriterionCitation, criteria.map((c) => ({ referralId: row.id, criterionId: c.id })));
      const referral = await m.findOneByOrFail(Referral, { id: row.id });
      await appendEvent(m, 'referral', referralEvent(referral, 'PROPOSED', doctor.personId));
      return referral;
    });
  }

  /**
   * The specialty that receives the referral: the one named, else the one all cited criteria
   * share. Someone at the receiving hospital must be able to answer it (policy 'referral.respond':
   * a specialist of that specialty, the referral desk, or for DOWN a township doctor).
   */
  async #receivingSpecialty(m: EntityManager, d: Draft, criteria: ReferralCriterion[], to: Hospital): Promise<Department> {
    const implied = [...new Set(criteria.map((c) => c.specialtyId).filter((id): id is number => id != null))];
    const id = d.toDepartmentId ?? (implied.length === 1 ? implied[0] : null);
    if (id == null) throw badInput('toDepartmentId', 'referral.specialtyNeeded');
    const department = await m.findOneBy(Department, { id });
    if (!department) throw badInput('toDepartmentId', 'referral.departmentMissing', { id });
    const receivers: { id: number; roles: Role[]; specialty_ids: number[] }[] = await m.query(
      `SELECT p.id, p.roles, array_remove(array_agg(s.department_id), NULL) AS specialty_ids FROM person p LEFT JOIN person_specialty s ON s.person_id = p.id
        WHERE p.hospital_id = $1 AND p.active GROUP BY p.id`, [to.id]);
    const subject: ReferralSubject = { fromHospitalId: d.fromHospitalId, toHospitalId: to.id, referredById: -1, toDepartmentId: id, direction: d.direction };
    const answerable = receivers.some((p) => allows({ personId: p.id, name: '', roles: p.roles, hospitalId: to.id, consortiumIds: [], specialtyIds: p.specialty_ids, language: null }, 'referral.respond', subject));
    if (!answerable) throw badInput('toDepartmentId', 'referral.noReceiver', { hospital: to.name, specialty: { 'zh-CN': department.nameZh, en: `${department.nameZh} (${department.nameEn})` } });
    return department;
  }

  async #sharedConsortium(m: EntityManager, from: Hospital, to: Hospital, requested: string | null): Promise<number> {
    const shared: { id: number; kind: ConsortiumKind; name: string }[] = await m.query(
      `SELECT c.id, c.kind, c.name FROM consortium c
        WHERE EXISTS (SELECT 1 FROM consortium_membership a WHERE a.consortium_id = c.id AND a.hospital_id = $1)
          AND EXISTS (SELECT 1 FROM consortium_membership b WHERE b.consortium_id = c.id AND b.hospital_id = $2) ORDER BY c.id`,
      [from.id, to.id],
    );
    if (requested) {
      const id = parseId(requested, 'consortiumId');
      if (!shared.some((c) => c.id === id)) throw badInput('consortiumId', 'referral.notSharedConsortium', { from: from.name, to: to.name, id });
      return id;
    }
    if (!shared.length) throw badInput('toHospitalId', 'referral.noSharedConsortium', { from: from.name, to: to.name });
    const regional = shared.filter((c) => REGIONAL.includes(c.kind));
    const candidates = regional.length ? regional : shared;
    if (candidates.length === 1) return candidates[0].id;
    throw badInput('consortiumId', 'referral.severalSharedConsortia', { from: from.name, to: to.name, names: candidates.map((c) => c.name).join('、') });
  }

  async get(actor: Actor | null, id: string | number): Promise<Referral> {
    const a = requireActor(actor);
    const r = await this.db.getRepository(Referral).findOneBy({ id: parseId(id, 'id') });
    if (!r || !allows(a, 'referral.read', referralSubject(r))) throw notFound('entity.referral', id);
    return r;
  }

  /** Referrals the actor may see whose patient they may see too (see referralScope): never fails on a row. */
  async list(actor: Actor | null, filter: ReferralFilter, page: PageArgs) {
    const s = referralScope(actor);
    const q = this.db.getRepository(Referral).createQueryBuilder('r');
    const sending = '(r.referred_by_id = :me OR r.from_hospital_id = ANY(:sendingHospitals))';
    const receiving = `(r.to_hospital_id = :hospital AND (:allSpecialties OR r.to_department_id = ANY(:specialties) OR (:down AND r.direction = 'DOWN')))`;
    if (filter.incoming === true) q.where(receiving);
    else if (filter.incoming === false) q.where(sending);
    else q.where(`(${sending} OR ${receiving})`);
    // The list form of 'patient.read' (policy.ts) for the referral's patient.
    q.andWhere(`((:clinician AND (EXISTS (SELECT 1 FROM patient p WHERE p.id = r.patient_id AND p.hospital_id = :hospital)
                   OR EXISTS (SELECT 1 FROM consultation c WHERE c.patient_id = r.patient_id AND c.specialist_id = :me)))
              OR (:referredPatients AND EXISTS (SELECT 1 FROM referral l WHERE l.patient_id = r.patient_id AND l.to_hospital_id = :hospital AND l.state = ANY(:live))))`);
    q.setParameters({
      me: s.personId, hospital: s.hospitalId, sendingHospitals: s.sendingHospitalIds, allSpecialties: s.receivesAllSpecialties, specialties: s.receivingSpecialtyIds,
      down: s.receivesDown, clinician: s.clinician, referredPatients: s.seesReferredPatients, live: LIVE_REFERRAL_STATES,
    });
    if (filter.direction) q.andWhere('r.direction = :direction', { direction: filter.direction });
    if (filter.state) q.andWhere('r.state = :state', { state: filter.state });
    return paginate(q, page);
  }

  async accept(actor: Actor | null, input: AcceptReferralInput): Promise<Referral> {
    const date = new Date(`${input.expectedArrivalDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.expectedArrivalDate) throw badInput('expectedArrivalDate', 'referral.arrivalNotReal', { value: input.expectedArrivalDate });
    const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    if (date < today) throw badInput('expectedArrivalDate', 'referral.arrivalPast');
    if (date.getTime() - today.getTime() > MAX_ACCEPT_DAYS_AHEAD * 86_400_000) throw badInput('expectedArrivalDate', 'referral.arrivalTooFar', { days: MAX_ACCEPT_DAYS_AHEAD });
    return this.#step(actor, input.id, 'ACCEPT', 'referral.respond', (a) => ({ acceptedAt: new Date(), expectedArrivalDate: input.expectedArrivalDate, respondedById: a.personId }));
  }

  async decline(actor: Actor | null, input: ReferralReasonInput): Promise<Referral> {
    return this.#step(actor, input.id, 'DECLINE', 'referral.respond', (a) => ({ declinedAt: new Date(), declineReason: input.reason.trim(), respondedById: a.personId }));
  }

  async arrive(actor: Actor | null, id: string): Promise<Referral> {
    return this.#step(actor, id, 'ARRIVE', 'referral.respond', () => ({ arrivedAt: new Date() }));
  }

  async complete(actor: Actor | null, id: string): Promise<Referral> {
    return this.#step(actor, id, 'COMPLETE', 'referral.respond', () => ({ completedAt: new Date() }));
  }

  async cancel(actor: Actor | null, input: ReferralReasonInput): Promise<Referral> {
    return this.#step(actor, input.id, 'CANCEL', 'referral.cancel', () => ({ cancelledAt: new Date(), cancelReason: input.reason.trim() }));
  }

  /** Lock, check visibility, permission and transition, apply, append the event: one transaction. */
  async #step(actor: Actor | null, rawId: string, action: ReferralAction, permission: 'referral.respond' | 'referral.cancel',
    changes: (a: Actor, r: Referral) => Partial<Referral>): Promise<Referral> {
    const a = requireActor(actor);
    const id = parseId(rawId, 'id');
    return this.db.transaction(async (m) => {
      const r = await m.findOne(Referral, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r || !allows(a, 'referral.read', referralSubject(r))) throw notFound('entity.referral', rawId);
      authorize(a, permission, referralSubject(r));
      const state = referralTransition(r.id, r.state, action);
      await m.update(Referral, { id }, { ...changes(a, r), state });
      const after = await m.findOneByOrFail(Referral, { id });
      await appendEvent(m, 'referral', referralEvent(after, ACTION_EVENT[action], a.personId));
      return after;
    });
  }

  async criteriaOf(referralIds: readonly number[]): Promise<ReferralCriterion[][]> {
    const links = await this.db.getRepository(ReferralCriterionCitation).findBy({ referralId: In([...referralIds]) });
    const criteria = links.length ? await this.db.getRepository(ReferralCriterion).findBy({ id: In([...new Set(links.map((l) => l.criterionId))]) }) : [];
    const byId = new Map(criteria.map((c) => [c.id, c]));
    return referralIds.map((id) => links.filter((l) => l.referralId === id).map((l) => byId.get(l.criterionId)!).sort((a, b) => a.id - b.id));
  }

  /** Referrals of a consultation that the actor may see. */
  async ofConsultation(actor: Actor | null, consultationId: number): Promise<Referral[]> {
    const rows = await this.db.getRepository(Referral).find({ where: { sourceConsultationId: consultationId }, order: { id: 'ASC' } });
    return rows.filter((r) => allows(actor, 'referral.read', referralSubject(r)));
  }
}

const ACTION_EVENT: Record<ReferralAction, string> = { ACCEPT: 'ACCEPTED', DECLINE: 'DECLINED', ARRIVE: 'ARRIVED', COMPLETE: 'COMPLETED', CANCEL: 'CANCELLED' };

