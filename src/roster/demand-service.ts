import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor } from '../auth/policy';
import { Consortium, Department } from '../consortium/entities';
import { requireRow } from '../consortium/service';
import { badInput, notFound } from '../errors';
import { stateMessage } from './sentences';
import { appendEvent } from '../events/event-log';
import { demandEvent } from './events';
import { parseId } from '../ids';
import { transition } from '../state-machine';
import { PageArgs, paginate } from '../graphql/pagination';
import { daysBetween, requireDate, requireNotPast, today } from './calendar';
import { isMember, requireHost } from './directory-facts';
import { RotationDemand } from './entities';
import { DecideDemandInput, DemandFilter, RequestDemandInput } from './inputs';
import { DemandState } from './kinds';
import { DEMAND_TRANSITIONS } from './states';

/** Host hospitals' requests for on-site expert coverage, and the schedulers' decisions on them. */
export class DemandService {
  constructor(private readonly db: DataSource) {}

  async request(actor: Actor | null, input: RequestDemandInput): Promise<RotationDemand> {
    requireActor(actor);
    const consortiumId = parseId(input.consortiumId, 'consortiumId');
    const hostId = parseId(input.hostId, 'hostId');
    const specialtyId = parseId(input.specialtyId, 'specialtyId');
    const start = requireNotPast(requireDate(input.periodStart, 'periodStart'), 'periodStart');
    const end = requireDate(input.periodEnd, 'periodEnd');
    if (end < start) throw badInput('periodEnd', 'roster.periodReversed', { end, start });
    if (daysBetween(start, end) > 366) throw badInput('periodEnd', 'roster.demandTooLong');
    const days = daysBetween(start, end) + 1;
    if (input.expertDays > days * 50) throw badInput('expertDays', 'roster.expertDaysTooMany', { days: input.expertDays, period: days });
    return this.db.transaction(async (m) => {
      await requireRow(m, Consortium, consortiumId, 'consortiumId', 'consortium');
      const host = await requireHost(m, hostId, 'hostId');
      authorize(actor, 'demand.request', { hostId, consortiumId });
      if (!(await isMember(m, consortiumId, hostId))) throw badInput('hostId', 'roster.hostNotMember', { host: host.name, consortium: consortiumId });
      await requireRow(m, Department, specialtyId, 'specialtyId', 'specialty');
      const demand = await m.save(m.create(RotationDemand, {
        consortiumId, hostHospitalId: hostId, specialtyId, expertDays: input.expertDays, periodStart: start, periodEnd: end,
        preferredWeekdays: [...new Set(input.preferredWeekdays)].sort(), session: input.session, priority: input.priority, includeHolidays: input.includeHolidays ?? false,
        state: DemandState.REQUESTED, requestedById: actor!.personId,
      }));
      await appendEvent(m, 'demand', demandEvent(demand, 'REQUESTED'));
      return demand;
    });
  }

  /** APPROVED and DECLINED are the schedulers' decisions; WITHDRAWN is the host's. */
  async decide(actor: Actor | null, input: DecideDemandInput, to: DemandState): Promise<RotationDemand> {
    requireActor(actor);
    const id = parseId(input.id, 'id');
    if (to !== DemandState.APPROVED && !input.reason?.trim()) throw badInput('reason', 'roster.demandReasonNeeded', { state: stateMessage(to, true) });
    return this.db.transaction(async (m) => {
      const demand = await m.findOne(RotationDemand, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!demand) throw notFound('entity.demand', input.id);
      if (to === DemandState.WITHDRAWN) authorize(actor, 'demand.request', { hostId: demand.hostHospitalId, consortiumId: demand.consortiumId });
      else authorize(actor, 'roster.manage', { consortiumId: demand.consortiumId });
      demand.state = transition(DEMAND_TRANSITIONS, ['demand', id], demand.state, to);
      if (to === DemandState.APPROVED && demand.periodEnd < today()) throw badInput('id', 'roster.demandEnded', { id, end: demand.periodEnd });
      demand.decisionReason = input.reason?.trim() ?? null;
      demand.decidedById = actor!.personId;
      const saved = await m.save(demand);
      await appendEvent(m, 'demand', demandEvent(saved, to));
      return saved;
    });
  }

  async get(actor: Actor | null, idArg: string): Promise<RotationDemand> {
    requireActor(actor);
    const demand = await this.db.getRepository(RotationDemand).findOneBy({ id: parseId(idArg, 'id') });
    if (!demand || !allows(actor, 'demand.read', { hostId: demand.hostHospitalId, consortiumId: demand.consortiumId })) throw notFound('entity.demand', idArg);
    return demand;
  }

  async list(actor: Actor | null, filter: DemandFilter, page: PageArgs) {
    const me = requireActor(actor);
    const q = this.db.getRepository(RotationDemand).createQueryBuilder('d');
    // The list form of 'demand.read': own hospital's demands, plus all of the consortia one schedules for.
    const scheduled = me.consortiumIds.filter((consortiumId) => allows(me, 'roster.manage', { consortiumId }));
    q.where('(d.host_hospital_id = :own OR d.consortium_id = ANY(:scheduled))', { own: me.hospitalId, scheduled });
    if (filter.consortiumId) q.andWhere('d.consortium_id = :cid', { cid: parseId(filter.consortiumId, 'consortiumId') });
    if (filter.hostId) q.andWhere('d.host_hospital_id = :hid', { hid: parseId(filter.hostId, 'hostId') });
    if (filter.state) q.andWhere('d.state = :state', { state: filter.state });
    return paginate(q, page);
  }
}
