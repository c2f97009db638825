/**
 * The hard rules of a roster, checked on plain data, with sentences a scheduler can act on
 * (codes and values: the hub says them in the reader's language, src/roster/sentences.ts).
 * The optimizer checks its own output with it before returning; the roster service uses it to
 * validate manual edits (check the whole roster with the edit applied and keep the violations
 * whose assignmentIndexes include the edited position).
 *
 * It works on the raw input, not on the optimizer's indexed form, so it also judges rosters
 * the optimizer never saw, including ones naming people or demands that no longer exist.
 */
import { dayNumber, isoDate } from './calendar';
import { haversineKm, withinTravelLimit } from './distance';
import type { DemandInput, HostInput, IsoDate, RosterInput, RuleCode, RuleSentence, RuleViolation, Session, SpecialistInput } from './model';
import { SESSION_MASK } from './sessions';

export interface CheckedAssignment {
  specialistId: string;
  demandId: string;
  date: IsoDate;
  session: Session;
}

export type RuleContext = Pick<RosterInput, 'specialists' | 'hosts' | 'demands' | 'specialtyNames'>;

/** Order in which violations are listed: what is wrong with one assignment first, then clashes between several. */
const RULE_ORDER: RuleCode[] = [
  'UNKNOWN_SPECIALIST',
  'UNKNOWN_DEMAND',
  'SESSION_MISMATCH',
  'OUTSIDE_PERIOD',
  'NOT_AVAILABLE',
  'BLOCKED_DAY',
  'SPECIALTY_MISSING',
  'TRAVEL_LIMIT',
  'DOUBLE_BOOKED',
  'MONTHLY_LIMIT',
  'CONSECUTIVE_LIMIT',
  'HOST_CAPACITY',
  'DEMAND_EXCEEDED',
];

interface Resolved {
  index: number;
  a: CheckedAssignment;
  spec: SpecialistInput;
  demand: DemandInput;
  host: HostInput;
  day: number;
}

export function checkRoster(context: RuleContext, assignments: readonly CheckedAssignment[]): RuleViolation[] {
  const specialists = new Map(context.specialists.map((s) => [s.id, s]));
  const demands = new Map(context.demands.map((d) => [d.id, d]));
  const hosts = new Map(context.hosts.map((h) => [h.id, h]));
  const specialty = (id: string) => context.specialtyNames?.[id] ?? id;
  const who = (s: SpecialistInput) => s.name ?? s.id;
  const where = (h: HostInput) => h.name ?? h.id;
  const violations: RuleViolation[] = [];
  const report = (rule: RuleCode, says: RuleSentence, indexes: number[], about: Partial<RuleViolation>) =>
    violations.push({ rule, says, ...about, assignmentIndexes: [...indexes].sort((x, y) => x - y) });
  const sentence = (code: RuleSentence['code'], params: RuleSentence['params']): RuleSentence => ({ code, params });

  const resolved: Resolved[] = [];
  assignments.forEach((a, index) => {
    const spec = specialists.get(a.specialistId);
    const demand = demands.get(a.demandId);
    const host = demand ? hosts.get(demand.hostId) : undefined;
    const day = dayNumber(a.date);
    if (!spec) {
      report('UNKNOWN_SPECIALIST', sentence('UNKNOWN_SPECIALIST', { specialistId: a.specialistId }), [index], { specialistId: a.specialistId, date: a.date });
    }
    if (!demand || !host) {
      report('UNKNOWN_DEMAND', demand ? sentence('DEMAND_HOST_MISSING', { demandId: a.demandId, hostId: demand.hostId }) : sentence('UNKNOWN_DEMAND', { demandId: a.demandId }), [index], {
        demandId: a.demandId,
        date: a.date,
      });
    }
    if (day === null) {
      report('OUTSIDE_PERIOD', sentence('NOT_A_DATE', { date: a.date }), [index], { date: a.date });
    }
    if (!spec || !demand || !host || day === null) return;
    const about = { specialistId: spec.id, demandId: demand.id, hostId: host.id, date: a.date };

    if (a.session !== demand.session) {
      report('SESSION_MISMATCH', sentence('SESSION_MISMATCH', { specialist: who(spec), session: a.session, host: where(host), date: a.date, demandSession: demand.session }), [index], about);
    }
    if (day < dayNumber(demand.periodStart)! || day > dayNumber(demand.periodEnd)!) {
      report('OUTSIDE_PERIOD', sentence('OUTSIDE_PERIOD', { date: a.date, from: demand.periodStart, to: demand.periodEnd, host: where(host), specialty: specialty(demand.specialtyId) }), [index], about);
    }
    if (!spec.availableDates.includes(a.date)) {
      report('NOT_AVAILABLE', sentence('NOT_AVAILABLE', { specialist: who(spec), date: a.date }), [index], about);
    }
    if (spec.blockedDates?.includes(a.date)) {
      report('BLOCKED_DAY', sentence('BLOCKED_DAY', { specialist: who(spec), date: a.date }), [index], about);
    }
    if (!spec.specialtyIds.includes(demand.specialtyId)) {
      report('SPECIALTY_MISSING', sentence('SPECIALTY_MISSING', { specialist: who(spec), specialty: specialty(demand.specialtyId), host: where(host) }), [index], about);
    }
    const km = haversineKm(spec.homeLat, spec.homeLng, host.lat, host.lng);
    if (!withinTravelLimit(km, spec.maxTravelKm)) {
      report('TRAVEL_LIMIT', sentence('TRAVEL_LIMIT', { host: where(host), km: km.toFixed(1), specialist: who(spec), limit: spec.maxTravelKm }), [index], about);
    }
    resolved.push({ index, a, spec, demand, host, day });
  });

  // One place per half-day.
  const bySpecDay = groupBy(resolved, (r) => `${r.spec.id}\u0000${r.day}`);
  for (const group of bySpecDay.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [x, y] = [group[i], group[j]];
        if ((SESSION_MASK[x.a.session] & SESSION_MASK[y.a.session]) === 0) continue;
        const twice = x.host.id === y.host.id && x.a.session === y.a.session;
        const params = { specialist: who(x.spec), host: where(x.host), date: x.a.date, session: x.a.session, otherSession: y.a.session, otherHost: where(y.host) };
        report('DOUBLE_BOOKED', sentence(twice ? 'DOUBLE_BOOKED_TWICE' : 'DOUBLE_BOOKED', params), [x.index, y.index], { specialistId: x.spec.id, hostId: y.host.id, demandId: y.demand.id, date: x.a.date });
      }
    }
  }

  // Days out per month and in a row count distinct dates.
  for (const group of groupBy(resolved, (r) => r.spec.id).values()) {
    const spec = group[0].spec;
    const days = [...new Set(group.map((r) => r.day))].sort((x, y) => x - y);
    for (const [month, monthDays] of groupBy(days, (d) => isoDate(d).slice(0, 7))) {
      if (monthDays.length > spec.maxDaysPerMonth) {
        report(
          'MONTHLY_LIMIT',
          sentence('MONTHLY_LIMIT', { specialist: who(spec), days: monthDays.length, month, limit: spec.maxDaysPerMonth }),
          group.filter((r) => isoDate(r.day).startsWith(month)).map((r) => r.index),
          { specialistId: spec.id },
        );
      }
    }
    for (let i = 0; i < days.length; ) {
      let j = i;
      while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
      const run = j - i + 1;
      if (run > spec.maxConsecutiveDays) {
        const [from, to] = [days[i], days[j]];
        report(
          'CONSECUTIVE_LIMIT',
          sentence('CONSECUTIVE_LIMIT', { specialist: who(spec), days: run, from: isoDate(from), to: isoDate(to), limit: spec.maxConsecutiveDays }),
          group.filter((r) => r.day >= from && r.day <= to).map((r) => r.index),
          { specialistId: spec.id, date: isoDate(from) },
        );
      }
      i = j + 1;
    }
  }

  // Visiting experts per host and day count people, not sessions.
  for (const group of groupBy(resolved, (r) => `${r.host.id}\u0000${r.day}`).values()) {
    const host = group[0].host;
    const people = new Set(group.map((r) => r.spec.id));
    if (people.size > host.dailyCapacity) {
      report('HOST_CAPACITY', sentence('HOST_CAPACITY', { host: where(host), people: people.size, date: group[0].a.date, capacity: host.dailyCapacity }), group.map((r) => r.index), {
        hostId: host.id,
        date: group[0].a.date,
      });
    }
  }

  for (const group of groupBy(resolved, (r) => r.demand.id).values()) {
    const demand = group[0].demand;
    if (group.length > demand.expertDays) {
      report(
        'DEMAND_EXCEEDED',
        sentence('DEMAND_EXCEEDED', { host: where(group[0].host), days: demand.expertDays, specialty: specialty(demand.specialtyId), demandId: demand.id, assigned: group.length }),
        group.map((r) => r.index),
        { demandId: demand.id, hostId: group[0].host.id },
      );
    }
  }

  return violations.sort((x, y) => RULE_ORDER.indexOf(x.rule) - RULE_ORDER.indexOf(y.rule) || (x.assignmentIndexes[0] ?? -1) - (y.assignmentIndexes[0] ?? -1));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
