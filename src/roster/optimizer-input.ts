/**
 * The optimizer's input for a DRAFT roster, read from the database: approved demands of the
 * consortium in the period, the specialists who could cover them, the hosts, the 对口帮扶
 * pairings and the assignments a scheduler has pinned.
 */
import { EntityManager } from 'typeorm';
import { Role } from '../auth/roles';
import { addDays } from './calendar';
import { Roster } from './entities';
import { DemandState, OptimizeMethod } from './kinds';
import type { DemandInput, PairingInput, PinnedAssignment, RosterInput } from '../optimizer';
import { demandInput, demandRows, hostInputs, liveAssignments, RuleAssignment, specialistInputs, specialtyNames } from './rule-context';

/** Past visits this recent make a specialist–host pair count as a standing pairing (continuity). */
export const PAIRING_LOOKBACK_DAYS = 180;

export interface OptimizerOptions {
  seed: number;
  method: OptimizeMethod;
  timeLimitMs: number;
  iterations: number | null;
}

export interface PreparedInput {
  input: RosterInput;
  /** Live assignments of other rosters that the run had to work around (they block days, use up limits). */
  outside: RuleAssignment[];
  pinned: RuleAssignment[];
}

export async function optimizerInputFor(m: EntityManager, roster: Roster, options: OptimizerOptions): Promise<PreparedInput> {
  const { periodStart: from, periodEnd: to } = roster;
  const demands = await demandRows(m, 'd.consortium_id = $1 AND d.state = $2 AND d.period_end >= $3 AND d.period_start <= $4', [roster.consortiumId, DemandState.APPROVED, from, to]);
  const pinned = (await liveAssignments(m, 'a.roster_id = $1 AND a.pinned', [roster.id]));
  // Expert-days a demand already got in other rosters (a demand may span two monthly rosters).
  const elsewhere: { demand_id: number; n: number }[] = demands.length
    ? await m.query(`SELECT demand_id, count(*)::int AS n FROM roster_assignment WHERE state = 'ACTIVE' AND roster_id <> $1 AND demand_id = ANY($2) GROUP BY demand_id`, [roster.id, demands.map((d) => d.id)])
    : [];
  const usedElsewhere = new Map(elsewhere.map((r) => [r.demand_id, r.n]));
  const pinnedDemands = new Set(pinned.map((p) => p.demandId));
  const demandInputs: DemandInput[] = [];
  for (const d of demands) {
    const left = d.expertDays - (usedElsewhere.get(d.id) ?? 0);
    if (left <= 0 && !pinnedDemands.has(d.id)) continue;
    demandInputs.push(demandInput(d, {
      expertDays: Math.max(0, left),
      periodStart: d.periodStart > from ? d.periodStart : from,
      periodEnd: d.periodEnd < to ? d.periodEnd : to,
    }));
  }
  const specialtyIds = [...new Set(demands.map((d) => d.specialtyId))];
  // The pool: active specialists of the consortium's hospitals with a demanded specialty and recorded limits, plus anyone pinned.
  const pool: { id: number }[] = specialtyIds.length
    ? await m.query(
      `SELECT DISTINCT p.id FROM person p
         JOIN consortium_membership cm ON cm.hospital_id = p.hospital_id AND cm.consortium_id = $1
         JOIN person_specialty ps ON ps.person_id = p.id AND ps.department_id = ANY($2)
         JOIN specialist_limits l ON l.person_id = p.id
        WHERE p.active AND $3 = ANY(p.roles) ORDER BY p.id`,
      [roster.consortiumId, specialtyIds, Role.SPECIALIST],
    )
    : [];
  const specialistIds = [...new Set([...pool.map((p) => p.id), ...pinned.map((p) => p.specialistId)])].sort((a, b) => a - b);
  const specialists = await specialistInputs(m, specialistIds, from, to);

  // Other rosters' live assignments of these people in and around the period: their days are
  // blocked here and, NOTE, the monthly limit is lowered by the most days already out in any one
  // month of the period. That is conservative for multi-month rosters; the write-back re-checks
  // everything against the real rows, so nothing over a limit is ever stored.
  const outside = specialistIds.length
    ? (await liveAssignments(m, 'a.roster_id <> $1 AND a.specialist_id = ANY($2) AND a.date BETWEEN $3 AND $4', [roster.id, specialistIds, addDays(from, -31), addDays(to, 31)]))
    : [];
  for (const s of specialists) {
    const mine = outside.filter((a) => String(a.specialistId) === s.id);
    const inPeriod = mine.filter((a) => a.date >= from && a.date <= to).map((a) => a.date);
    s.blockedDates = [...new Set([...(s.blockedDates ?? []), ...inPeriod])].sort();
    const perMonth = new Map<string, Set<string>>();
    for (const a of mine) {
      const month = a.date.slice(0, 7);
      if (month < from.slice(0, 7) || month > to.slice(0, 7)) continue;
      perMonth.set(month, (perMonth.get(month) ?? new Set()).add(a.date));
    }
    const most = Math.max(0, ...[...perMonth.values()].map((days) => days.size));
    s.maxDaysPerMonth = Math.max(0, s.maxDaysPerMonth - most);
  }

  const hostIds = [...new Set(demands.map((d) => d.hostId))];
  const pairRows: { specialist_id: number; host_hospital_id: number }[] = specialistIds.length && hostIds.length
    ? await m.query(
      `SELECT DISTINCT a.specialist_id, a.host_hospital_id FROM roster_assignment a JOIN roster r ON r.id = a.roster_id
        WHERE a.state = 'ACTIVE' AND r.state <> 'DRAFT' AND a.date BETWEEN $1 AND $2 AND a.specialist_id = ANY($3) AND a.host_hospital_id = ANY($4)
        ORDER BY 1, 2`,
      [addDays(from, -PAIRING_LOOKBACK_DAYS), addDays(from, -1), specialistIds, hostIds],
    )
    : [];
  const pairings: PairingInput[] = pairRows.map((r) => ({ specialistId: String(r.specialist_id), hostId: String(r.host_hospital_id) }));
  const pinnedInput: PinnedAssignment[] = pinned.map((p) => ({ specialistId: String(p.specialistId), demandId: String(p.demandId), date: p.date, session: p.session }));

  return {
    input: {
      specialists,
      hosts: await hostInputs(m, hostIds),
      demands: demandInputs,
      pairings,
      pinned: pinnedInput,
      specialtyNames: await specialtyNames(m, specialtyIds),
      options: {
        seed: options.seed,
        timeLimitMs: options.timeLimitMs,
        method: options.method.toLowerCase() as 'auto' | 'exact' | 'local',
        ...(options.iterations != null ? { iterations: options.iterations } : {}),
      },
    },
    outside,
    pinned,
  };
}
