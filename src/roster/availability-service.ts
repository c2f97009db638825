import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize, requireActor } from '../auth/policy';
import { badInput, notFound } from '../errors';
import { appendEvent } from '../events/event-log';
import { parseId } from '../ids';
import { availabilityDates, datesOnWeekdays } from './availability-dates';
import { addDays, dayNumber, requireDate, today } from './calendar';
import { consortiaOfHospital, requireHost, requireSpecialist } from './directory-facts';
import { AvailabilityPeriod, HOST_DEFAULTS, HostSettings, SpecialistLimits } from './entities';
import { DateRangeInput, HostSettingsInput, RecordAvailabilityInput } from './inputs';
import { AvailabilityKind } from './kinds';
import { effectiveTravelKm } from './rule-context';

/** Ranges farther ahead than this are almost certainly a typo in the year. */
const MAX_AHEAD_DAYS = 400;

export interface SpecialistAvailabilityView {
  specialistId: number;
  limits: SpecialistLimits | null;
  effectiveTravelKm: number | null;
  periods: AvailabilityPeriod[];
  availableDates: string[];
  blockedDates: string[];
}

/** Specialists' availability and limits, and host hospitals' settings for receiving them. */
export class AvailabilityService {
  constructor(private readonly db: DataSource) {}

  async #specialistSubject(m: EntityManager, specialistId: number, field: string) {
    const person = await requireSpecialist(m, specialistId, field);
    return { person, subject: { specialistId, consortiumIds: await consortiaOfHospital(m, person.hospitalId) } };
  }

  async record(actor: Actor | null, input: RecordAvailabilityInput): Promise<SpecialistAvailabilityView> {
    requireActor(actor);
    const specialistId = input.specialistId ? parseId(input.specialistId, 'specialistId') : actor!.personId;
    const now = today();
    const available = input.available.map((r, i) => validRange(r, `available[${i}]`, now));
    const unavailable = input.unavailable.map((r, i) => validRange(r, `unavailable[${i}]`, now));
    // The same day both offered and refused in one request is a contradiction, not a preference.
    const refused = new Map<string, number>();
    unavailable.forEach((r, i) => r.dates.forEach((d) => refused.set(d, i)));
    for (const [i, r] of available.entries()) {
      const clash = r.dates.find((d) => refused.has(d));
      if (clash) throw badInput(`available[${i}]`, 'roster.dayInBothLists', { field: `available[${i}]`, date: clash, other: refused.get(clash) });
    }
    const limits = input.limits;
    if (limits && limits.maxTravelKm == null && limits.maxTravelMinutes == null) {
      throw badInput('limits.maxTravelKm', 'roster.travelLimitNeeded');
    }
    await this.db.transaction(async (m) => {
      const { subject } = await this.#specialistSubject(m, specialistId, 'specialistId');
      authorize(actor, 'availability.manage', subject);
      const existing = await m.findOne(SpecialistLimits, { where: { personId: specialistId }, lock: { mode: 'pessimistic_write' } });
      if (!existing && !limits && available.length) {
        throw badInput('limits', 'roster.limitsNeeded');
      }
      if (limits) {
        await m.upsert(SpecialistLimits, {
          personId: specialistId, maxDaysPerMonth: limits.maxDaysPerMonth, maxConsecutiveDays: limits.maxConsecutiveDays,
          maxTravelKm: limits.maxTravelKm ?? null, maxTravelMinutes: limits.maxTravelMinutes ?? null, updatedById: actor!.personId,
        }, ['personId']);
      }
      const rows = [
        ...available.map((r) => ({ ...r.row, kind: AvailabilityKind.AVAILABLE })),
        ...unavailable.map((r) => ({ ...r.row, kind: AvailabilityKind.UNAVAILABLE })),
      ].map((r) => ({ ...r, personId: specialistId, createdById: actor!.personId }));
      if (rows.length) await m.insert(AvailabilityPeriod, rows);
      await appendEvent(m, 'availability', { action: 'RECORDED', specialistId, consortiumIds: subject.consortiumIds });
    });
    return this.view(actor, String(specialistId));
  }

  async removePeriod(actor: Actor | null, id: string): Promise<SpecialistAvailabilityView> {
    requireActor(actor);
    const periodId = parseId(id, 'id');
    const specialistId = await this.db.transaction(async (m) => {
      const period = await m.findOne(AvailabilityPeriod, { where: { id: periodId }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw notFound('entity.availabilityPeriod', id);
      const { subject } = await this.#specialistSubject(m, period.personId, 'id');
      authorize(actor, 'availability.manage', subject);
      // NOTE: assignments already made on those days stay; the rules flag them when the roster is
      // checked or published, so a scheduler decides rather than the hub dropping them silently.
      await m.delete(AvailabilityPeriod, { id: periodId });
      await appendEvent(m, 'availability', { action: 'PERIOD_REMOVED', specialistId: period.personId, consortiumIds: subject.consortiumIds, periodId });
      return period.personId;
    });
    return this.view(actor, String(specialistId));
  }

  async view(actor: Actor | null, specialistIdArg: string | null | undefined, from?: string, to?: string): Promise<SpecialistAvailabilityView> {
    requireActor(actor);
    const specialistId = specialistIdArg ? parseId(specialistIdArg, 'specialistId') : actor!.personId;
    const m = this.db.manager;
    const { subject } = await this.#specialistSubject(m, specialistId, 'specialistId');
    authorize(actor, 'availability.read', subject);
    const start = from ? requireDate(from, 'from') : today();
    const end = to ? requireDate(to, 'to') : addDays(start, 92);
    if (end < start) throw badInput('to', 'common.toBeforeFrom', { to: end, from: start });
    const limits = await m.findOneBy(SpecialistLimits, { personId: specialistId });
    const periods = await m.getRepository(AvailabilityPeriod).createQueryBuilder('p')
      .where('p.person_id = :id AND p.end_date >= :start AND p.start_date <= :end', { id: specialistId, start, end })
      .orderBy('p.start_date').addOrderBy('p.id').getMany();
    const { available, blocked } = availabilityDates(periods, start, end);
    const isBlocked = new Set(blocked);
    return {
      specialistId, limits, effectiveTravelKm: limits ? effectiveTravelKm(limits) : null, periods,
      availableDates: available.filter((d) => !isBlocked.has(d)), blockedDates: blocked,
    };
  }

  async hostSettings(actor: Actor | null, hostIdArg: string): Promise<HostSettings> {
    requireActor(actor);
    const hostId = parseId(hostIdArg, 'hostId');
    const m = this.db.manager;
    const host = await requireHost(m, hostId, 'hostId');
    authorize(actor, 'host.sessions', { hostId, hostName: host.name, consortiumIds: await consortiaOfHospital(m, hostId) });
    return (await m.findOneBy(HostSettings, { hospitalId: hostId })) ?? Object.assign(new HostSettings(), { hospitalId: hostId, ...HOST_DEFAULTS, updatedAt: host.createdAt });
  }

  async setHostSettings(actor: Actor | null, input: HostSettingsInput): Promise<HostSettings> {
    requireActor(actor);
    const hostId = parseId(input.hostId, 'hostId');
    return this.db.transaction(async (m) => {
      const host = await requireHost(m, hostId, 'hostId');
      const consortiumIds = await consortiaOfHospital(m, hostId);
      authorize(actor, 'host.configure', { hostId, hostName: host.name, consortiumIds });
      const current = (await m.findOne(HostSettings, { where: { hospitalId: hostId }, lock: { mode: 'pessimistic_write' } })) ?? { ...HOST_DEFAULTS };
      const next = {
        hospitalId: hostId,
        dailyCapacity: input.dailyCapacity ?? current.dailyCapacity,
        slotMinutes: input.slotMinutes ?? current.slotMinutes,
        slotsPerSession: input.slotsPerSession ?? current.slotsPerSession,
      };
      if (next.slotMinutes * next.slotsPerSession > 240) {
        throw badInput(input.slotsPerSession !== undefined ? 'slotsPerSession' : 'slotMinutes',
          'roster.slotsTooLong', { slots: next.slotsPerSession, minutes: next.slotMinutes, total: next.slotMinutes * next.slotsPerSession });
      }
      await m.upsert(HostSettings, next, ['hospitalId']);
      // Sessions already published keep their slots; new sessions use the new settings.
      return m.findOneByOrFail(HostSettings, { hospitalId: hostId });
    });
  }
}

function validRange(r: DateRangeInput, field: string, now: string) {
  requireDate(r.from, `${field}.from`);
  requireDate(r.to, `${field}.to`);
  if (r.to < r.from) throw badInput(`${field}.to`, 'roster.rangeReversed', { field, to: r.to, from: r.from });
  if (r.from < now) throw badInput(`${field}.from`, 'roster.fromPast', { field, from: r.from, today: now });
  if (dayNumber(r.to)! - dayNumber(now)! > MAX_AHEAD_DAYS) throw badInput(`${field}.to`, 'roster.toTooFar', { field, to: r.to, days: MAX_AHEAD_DAYS });
  const weekdays = [...new Set(r.weekdays)].sort();
  const dates = datesOnWeekdays(r.from, r.to, weekdays);
  if (!dates.length) throw badInput(`${field}.weekdays`, 'roster.noWeekdays', { field, weekdays: weekdays.join(', '), from: r.from, to: r.to });
  return { dates, row: { startDate: r.from, endDate: r.to, weekdays, note: r.note?.trim() || null } };
}
