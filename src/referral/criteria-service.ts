import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize, requireActor } from '../auth/policy';
import { Department } from '../consortium/entities';
import { badInput, notFound } from '../errors';
import { parseId } from '../ids';
import { ReferralCriterion } from './entities';
import { CreateReferralCriterionInput, CriteriaFilter, UpdateReferralCriterionInput } from './inputs';
import { meetsDiagnosis } from './service';
import { ReferralDirection } from './states';

/** 转诊标准: the catalogue doctors cite; read by everyone signed in, edited by administrators. */
export class ReferralCriteriaService {
  constructor(private readonly db: DataSource) {}

  async list(actor: Actor | null, filter: CriteriaFilter): Promise<ReferralCriterion[]> {
    requireActor(actor);
    const q = this.db.getRepository(ReferralCriterion).createQueryBuilder('c').orderBy('c.direction', 'DESC').addOrderBy('c.id');
    if (filter.direction) q.andWhere('c.direction = :d', { d: filter.direction });
    if (!filter.includeRetired) q.andWhere('c.active');
    const rows = await q.getMany();
    return filter.diagnosisCode ? rows.filter((c) => meetsDiagnosis(c.icd10Prefixes, filter.diagnosisCode!)) : rows;
  }

  /** One criterion of the catalogue (public to every signed-in person), e.g. for a figure that counts its citations. */
  async byId(id: number): Promise<ReferralCriterion> {
    return this.db.getRepository(ReferralCriterion).findOneByOrFail({ id });
  }

  async create(actor: Actor | null, input: CreateReferralCriterionInput): Promise<ReferralCriterion> {
    authorize(actor, 'referral.criteria.manage');
    const specialtyId = await this.#specialty(input.specialtyId ?? null);
    if (input.greenChannel && input.direction !== ReferralDirection.UP) throw badInput('greenChannel', 'referral.greenCriterionUpOnly');
    return this.db.getRepository(ReferralCriterion).save({
      code: input.code, direction: input.direction, condition: input.condition.trim(), criterion: input.criterion.trim(),
      icd10Prefixes: [...new Set(input.icd10Prefixes.map((p) => p.toUpperCase()))], specialtyId, greenChannel: input.greenChannel, active: true,
    });
  }

  async update(actor: Actor | null, input: UpdateReferralCriterionInput): Promise<ReferralCriterion> {
    authorize(actor, 'referral.criteria.manage');
    const id = parseId(input.id, 'id');
    return this.db.transaction(async (m) => {
      const c = await m.findOne(ReferralCriterion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw notFound('entity.referralCriterion', input.id);
      if (input.condition !== undefined) c.condition = input.condition.trim();
      if (input.criterion !== undefined) c.criterion = input.criterion.trim();
      if (input.icd10Prefixes !== undefined) c.icd10Prefixes = [...new Set(input.icd10Prefixes.map((p) => p.toUpperCase()))];
      if (input.specialtyId !== undefined) c.specialtyId = await this.#specialty(input.specialtyId);
      if (input.greenChannel !== undefined) {
        if (input.greenChannel && c.direction !== ReferralDirection.UP) throw badInput('greenChannel', 'referral.greenCriterionUpOnly');
        c.greenChannel = input.greenChannel;
      }
      if (input.active !== undefined) c.active = input.active;
      return m.save(c);
    });
  }

  async #specialty(raw: string | null): Promise<number | null> {
    if (!raw) return null;
    const id = parseId(raw, 'specialtyId');
    if (!(await this.db.getRepository(Department).existsBy({ id }))) throw badInput('specialtyId', 'referral.specialtyMissing', { id });
    return id;
  }
}
