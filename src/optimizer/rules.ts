/**
 * The hard rules of a roster, checked on plain data, with messages a scheduler can act on.
 * The optimizer checks its own output with it before returning; the roster service uses it to
 * validate manual edits (check the whole roster with the edit applied and keep the violations
 * whose assignmentIndexes include the edited position).
 *
 * It works on the raw input, not on the optimizer's indexed form, so it also judges rosters
 * the optimizer never saw, including ones naming people or demands that no longer exist.
 */
import { dayNumber, isoDate } from './calendar';
import { haversineKm, withinTravelLimit } from './distance';
import type { DemandInput, HostInput, IsoDate, RosterInput, RuleCode, RuleViolation, Session, SpecialistInput } from './model';
import { SESSION_LABEL, SESSION_MASK } from './sessions';

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
  const report = (rule: RuleCode, message: string, indexes: number[], about: Partial<RuleViolation>) =>
    violations.push({ rule, message, ...about, assignmentIndexes: [...indexes].sort((x, y) => x - y) });

  const resolved: Resolved[] = [];
  assignments.forEach((a, index) => {
    const spec = specialists.get(a.specialistId);
    const demand = demands.get(a.demandId);
    const host = demand ? hosts.get(demand.hostId) : undefined;
    const day = dayNumber(a.date);
    if (!spec) {
      report('UNKNOWN_SPECIALIST', `Specialist ${a.specialistId} is not in the pool for this roster`, [index], { specialistId: a.specialistId, date: a.date });
    }
    if (!demand || !host) {
      report('UNKNOWN_DEMAND', demand ? `Demand ${a.demandId} names host ${demand.hostId}, which is not in this roster` : `Demand ${a.demandId} is not part of this roster`, [index], {
        demandId: a.demandId,
        date: a.date,
      });
    }
    if (day === null) {
      report('OUTSIDE_PERIOD', `"${a.date}" is not a calendar date (expected YYYY-MM-DD)`, [index], { date: a.date });
    }
    if (!spec || !demand || !host || day === null) return;
    const about = { specialistId: spec.id, demandId: demand.id, hostId: host.id, date: a.date };

    if (a.session !== demand.session) {
      report('SESSION_MISMATCH', `${who(spec)} is booked for a ${SESSION_LABEL[a.session]} session at ${where(host)} on ${a.date}, but the demand is for ${SESSION_LABEL[demand.session]} sessions`, [index], about);
    }
    if (day < dayNumber(demand.periodStart)! || day > dayNumber(demand.periodEnd)!) {
      report('OUTSIDE_PERIOD', `${a.date} is outside the period ${demand.periodStart} to ${demand.periodEnd} that ${where(host)} asked ${specialty(demand.specialtyId)} for`, [index], about);
    }
    if (!spec.availableDates.includes(a.date)) {
      report('NOT_AVAILABLE', `${who(spec)} has not declared ${a.date} as a day they can go out`, [index], about);
    }
    if (spec.blockedDates?.includes(a.date)) {
      report('BLOCKED_DAY', `${who(spec)} is blocked on ${a.date}`, [index], about);
    }
    if (!spec.specialtyIds.includes(demand.specialtyId)) {
      report('SPECIALTY_MISSING', `${who(spec)} does not practise ${specialty(demand.specialtyId)}, which ${where(host)} asked for`, [index], about);
    }
    const km = haversineKm(spec.homeLat, spec.homeLng, host.lat, host.lng);
    if (!withinTravelLimit(km, spec.maxTravelKm)) {
      report('TRAVEL_LIMIT', `${where(host)} is ${km.toFixed(1)} km from ${who(spec)}'s hospital, beyond their ${spec.maxTravelKm} km travel limit`, [index], about);
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
        const first = `${who(x.spec)} already works at ${where(x.host)} on ${x.a.date} (${SESSION_LABEL[x.a.session]})`;
        const second = x.host.id === y.host.id && x.a.session === y.a.session ? `cannot be booked there twice` : `cannot also take the ${SESSION_LABEL[y.a.session]} session at ${where(y.host)}`;
        report('DOUBLE_BOOKED', `${first}; ${second}`, [x.index, y.index], { specialistId: x.spec.id, hostId: y.host.id, demandId: y.demand.id, date: x.a.date });
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
          `${who(spec)} would be out ${monthDays.length} days in ${month}, over their limit of ${spec.maxDaysPerMonth}`,
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
          `${who(spec)} would be out ${run} days in a row (${isoDate(from)} to ${isoDate(to)}), over their limit of ${spec.maxConsecutiveDays}`,
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
      report('HOST_CAPACITY', `${where(host)} would receive ${people.size} visiting experts on ${group[0].a.date}, over its capacity of ${host.dailyCapacity}`, group.map((r) => r.index), {
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
        `${where(group[0].host)} asked for ${demand.expertDays} expert-days of ${specialty(demand.specialtyId)} (demand ${demand.id}) but ${group.length} are assigned`,
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
