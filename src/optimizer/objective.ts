/**
 * What a good roster is, as numbers. One function scores a finished roster from scratch; the
 * local search and the MILP use the same weights incrementally, and tests check that their
 * totals agree with this function.
 *
 * NOTE: the weights make the objective nearly lexicographic. One expert-day of the lowest
 * priority (1000) outweighs the largest fairness change one assignment can make (3 points ×
 * 50), which outweighs the largest continuity + preference change (3 points × 5), which
 * outweighs travel for any trip under 500 km (0.01 per km). Chains of many small changes can
 * in theory trade across tiers; with these ratios that needs dozens of coordinated swaps.
 */
import type { ObjectiveBreakdown, RosterMetrics } from './model';
import type { Problem } from './problem';

export const WEIGHT = {
  /** Per expert-day, multiplied by the demand's priority (1…5). */
  coveragePerPriorityDay: 1000,
  /** Per fairness point: a host's first visit (1), a host reaching half its demand (up to 1 more, pro rata), minus overload days. */
  fairness: 50,
  /** Per return visit (same specialist, same host) and per visit along a 对口帮扶 pairing. */
  continuity: 5,
  /** Per assignment on one of the host's preferred weekdays. */
  preference: 5,
  travelPerKm: 0.01,
} as const;

/** Fairness points of a host with `assigned` of `demanded` expert-days: visited at all, then pro rata up to half. */
export function hostFairnessPoints(assigned: number, demanded: number): number {
  if (demanded <= 0) return 0;
  return Math.min(assigned, 1) + (2 * Math.min(assigned, demanded / 2)) / demanded;
}

/** An assignment in index form. */
export interface PlacedAssignment {
  spec: number;
  demand: number;
  day: number;
}

export interface Score {
  objective: ObjectiveBreakdown;
  metrics: RosterMetrics;
}

/** Scores a complete roster (pinned and optimized assignments alike) from scratch. */
export function scoreRoster(p: Problem, roster: readonly PlacedAssignment[]): Score {
  let priorityWeightedDays = 0;
  let preferredWeekdayDays = 0;
  let pairedVisits = 0;
  let travelKm = 0;
  const perDemand = new Int32Array(p.D);
  const perHost = new Int32Array(p.H);
  const perPair = new Map<number, number>();
  const daysOut = new Set<number>();
  for (const a of roster) {
    const h = p.demandHost[a.demand];
    perDemand[a.demand]++;
    priorityWeightedDays += p.demandPriority[a.demand];
    preferredWeekdayDays += p.demandPrefers[a.demand * 8 + p.dayWeekday[a.day]];
    pairedVisits += p.paired[a.spec * p.H + h];
    travelKm += p.km[a.spec * p.H + h];
    perHost[h]++;
    perPair.set(a.spec * p.H + h, (perPair.get(a.spec * p.H + h) ?? 0) + 1);
    daysOut.add(a.spec * p.T + a.day);
  }
  let returnVisits = 0;
  for (const n of perPair.values()) returnVisits += n - 1;
  const monthDays = new Int32Array(p.S * p.M);
  for (const key of daysOut) {
    const s = Math.floor(key / p.T);
    monthDays[s * p.M + p.dayMonth[key - s * p.T]]++;
  }
  let overloadDays = 0;
  for (let s = 0; s < p.S; s++) {
    for (let m = 0; m < p.M; m++) overloadDays += Math.max(0, monthDays[s * p.M + m] - p.overloadFrom[s]);
  }
  let hostPoints = 0;
  let hostsWithDemand = 0;
  let hostsVisited = 0;
  for (let h = 0; h < p.H; h++) {
    if (p.hostDemanded[h] > 0) hostsWithDemand++;
    if (perHost[h] > 0) hostsVisited++;
    hostPoints += hostFairnessPoints(perHost[h], p.hostDemanded[h]);
  }
  let expertDaysDemanded = 0;
  let cappedAssigned = 0;
  for (let d = 0; d < p.D; d++) {
    expertDaysDemanded += p.demandNeed[d];
    cappedAssigned += Math.min(perDemand[d], p.demandNeed[d]);
  }

  const coverage = WEIGHT.coveragePerPriorityDay * priorityWeightedDays;
  const fairness = WEIGHT.fairness * (hostPoints - overloadDays);
  const continuity = WEIGHT.continuity * (returnVisits + pairedVisits);
  const preference = WEIGHT.preference * preferredWeekdayDays;
  const travel = -WEIGHT.travelPerKm * travelKm;
  return {
    objective: { total: coverage + fairness + continuity + preference + travel, coverage, fairness, continuity, preference, travel },
    metrics: {
      expertDaysDemanded,
      expertDaysAssigned: roster.length,
      coveragePercent: expertDaysDemanded === 0 ? 100 : (100 * cappedAssigned) / expertDaysDemanded,
      priorityWeightedDays,
      hostsWithDemand,
      hostsVisited,
      overloadDays,
      returnVisits,
      pairedVisits,
      preferredWeekdayDays,
      travelKm,
    },
  };
}
