/**
 * A bound for instances too large for the full LP relaxation: an LP over how many days each
 * specialist gives each demand, forgetting which days. Solved by HiGHS in a worker while the
 * local search runs.
 *
 * Per (demand d, specialist s) pair: fP ≤ days s could serve d on a preferred weekday, fN ≤ the
 * other days. Every roster maps to a feasible point (count its assignments per pair), and its
 * objective is at most the LP's at that point:
 *  - coverage, preference, pairing and travel are exact per day;
 *  - return visits of s to host h are n − 1 ≤ n·(1 − 1/N) for n ≥ 1 visits out of N possible
 *    (exactly n more when a pinned visit exists);
 *  - host fairness is modelled as in the MILP (v ≤ 1, r ≤ half the demand, both ≤ visits);
 *  - G_d, what demand d gets, is at most what is left of it on days its host has room, of which
 *    on preferred weekdays at most what fits on those; a host's demands together get at most
 *    the host's room summed over the days someone could come;
 *  - days out: a new day out holds one full-day assignment, or a morning and an afternoon, so
 *    s's new days n_s are at least its full-day plus morning assignments (and full-day plus
 *    afternoon), less those that can sit beside a pinned half; n_s is at most what the monthly
 *    and consecutive-day limits allow on s's candidate days; and the overload is at least
 *    n_s − the days under the overload threshold. (The overload is what the optimum trades
 *    coverage against; bounding it by assignments halved left the bound 0.6 % loose.)
 * What it forgets (which specialist goes on which date: same-day clashes, the order of days,
 * the host's room day by day) only makes it larger, so it stays a bound.
 *
 * NOTE: rows refer to per-specialist totals (full-day, morning, afternoon) and to G_d rather
 * than repeating every f column in each row: a fraction of the nonzeros, which is what the
 * simplex's time goes with on the 10⁵-column instances. An earlier form kept the host's room
 * day by day (a column per demand and date, a row per host and date): 0.07 % above the roster
 * instead of 0.2 % at 1 000 specialists, but three times the rows and 1.5× the solve time, which
 * put the bound, not the search, on the critical path of the 8 s target.
 */
import { capacities } from './bound';
import type { Candidates } from './candidates';
import type { MilpModel } from './milp';
import { scoreRoster, WEIGHT } from './objective';
import type { Problem } from './problem';

/** The LP, and which (demand, specialist) pair each column counts days of (−1 for the other columns). */
export interface AggregateLp extends MilpModel {
  colDemand: Int32Array;
  colSpec: Int32Array;
}

export function buildAggregateLp(p: Problem, c: Candidates): AggregateLp {
  const fp = c.footprint;
  const caps = capacities(p, c);
  const cost: number[] = [];
  const upper: number[] = [];
  const colDemand: number[] = [];
  const colSpec: number[] = [];
  // NOTE: every column gets a finite upper bound (one no solution comes near), so that any row
  // prices give a finite bound: the priced relaxation (highs-solver.ts) depends on it.
  const col = (objective: number, hi: number, demand = -1, spec = -1) => {
    cost.push(objective);
    upper.push(hi);
    colDemand.push(demand);
    colSpec.push(spec);
    return cost.length - 1;
  };
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (cols: readonly number[], coefs: readonly number[] | number, lo: number, hi: number) => {
    for (let i = 0; i < cols.length; i++) {
      indices.push(cols[i]);
      values.push(typeof coefs === 'number' ? coefs : coefs[i]);
    }
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };

  // Most visits each (specialist, host) pair could get, for the return-visit coefficient.
  const possibleVisits = new Int32Array(c.pairSpec.length);
  for (let k = 0; k < c.C; k++) possibleVisits[c.pair[k]]++;

  // f columns, by specialist and by the half-days their demand takes (1 morning, 2 afternoon, 3 both).
  const bySpecHalf: number[][] = Array.from({ length: 4 * p.S }, () => []);
  const hostDemands: number[][] = Array.from({ length: p.H }, () => []);
  const hostDayTake = new Map<number, number>();
  const preferred = new Map<number, number>();
  const other = new Map<number, number>();
  for (let d = 0; d < p.D; d++) {
    const from = c.demandStart[d];
    const to = c.demandStart[d + 1];
    if (from === to) continue;
    const h = p.demandHost[d];
    const half = p.demandMask[d];
    // Candidates of a demand are sorted by day then specialist; count per specialist.
    preferred.clear();
    other.clear();
    for (let k = from; k < to; k++) {
      const bucket = p.demandPrefers[d * 8 + p.dayWeekday[c.day[k]]] ? preferred : other;
      bucket.set(c.spec[k], (bucket.get(c.spec[k]) ?? 0) + 1);
    }
    const fs: number[] = [];
    const preferredFs: number[] = [];
    const specs = [...new Set([...preferred.keys(), ...other.keys()])].sort((a, b) => a - b);
    for (const s of specs) {
      const pair = c.pairOf(s, h);
      const returns = c.pairPinned[pair] > 0 ? 1 : 1 - 1 / (possibleVisits[pair] + c.pairPinned[pair]);
      const base =
        WEIGHT.coveragePerPriorityDay * p.demandPriority[d] +
        WEIGHT.continuity * (p.paired[s * p.H + h] + returns) -
        WEIGHT.travelPerKm * p.km[s * p.H + h];
      for (const [bucket, bonus] of [[preferred, WEIGHT.preference], [other, 0]] as const) {
        const n = bucket.get(s) ?? 0;
        if (n === 0) continue;
        const j = col(base + bonus, n, d, s);
        fs.push(j);
        if (bonus > 0) preferredFs.push(j);
        bySpecHalf[4 * s + half].push(j);
      }
    }

    // What a demand gets, G_d: at most what is left of it on days its host can receive anyone,
    // and on preferred weekdays at most what fits on those.
    const g = col(0, caps.demandCap[d]);
    hostDemands[h].push(g);
    row([...fs, g], [...fs.map(() => 1), -1], 0, 0);
    if (preferredFs.length && caps.preferredCap[d] < caps.demandCap[d]) row(preferredFs, 1, -Infinity, caps.preferredCap[d]);
    for (let k = from; k < to; ) {
      const t = c.day[k];
      let n = 0;
      for (; k < to && c.day[k] === t; k++) n++;
      const key = h * p.T + t;
      hostDayTake.set(key, (hostDayTake.get(key) ?? 0) + n);
    }
  }
  // The host's daily capacity, shared by its demands, summed over the days.
  const hostReach = new Float64Array(p.H);
  for (const [key, n] of hostDayTake) hostReach[Math.floor(key / p.T)] += Math.min(n, Math.max(0, p.hostCapacity[Math.floor(key / p.T)] - fp.hostDayUsed[key]));
  for (let h = 0; h < p.H; h++) if (hostDemands[h].length > 1) row(hostDemands[h], 1, -Infinity, hostReach[h]);

  for (let s = 0; s < p.S; s++) {
    // Totals per half-day kind: morning only, afternoon only, full day.
    const totals: number[] = [];
    const kinds: number[] = [];
    for (const half of [1, 2, 3]) {
      const js = bySpecHalf[4 * s + half];
      if (js.length === 0) continue;
      const x = col(0, caps.specCap[s]);
      row([...js, x], [...js.map(() => 1), -1], 0, 0);
      totals.push(x);
      kinds.push(half);
    }
    if (totals.length === 0) continue;
    row(totals, 1, -Infinity, caps.specCap[s]);
    const days = dayCounts(p, c, s);
    const o = col(-WEIGHT.fairness, caps.specCap[s] + days.newDaysMax);
    row([...totals, o], [...totals.map(() => 1), -caps.perDay[s]], -Infinity, caps.overloadFree[s]);
    const n = col(0, days.newDaysMax);
    for (const [bit, most] of [[1, days.mornings], [2, days.afternoons]] as const) {
      const taking = totals.filter((_, i) => kinds[i] & bit);
      if (taking.length === 0) continue;
      row(taking, 1, -Infinity, most);
      row([...taking, n], [...taking.map(() => 1), -1], -Infinity, days.besidePinned);
    }
    row([n, o], [1, -1], -Infinity, days.overloadFree);
  }
  for (let h = 0; h < p.H; h++) {
    const gs = hostDemands[h];
    const demanded = p.hostDemanded[h];
    if (gs.length === 0 || demanded === 0) continue;
    if (fp.hostUsed[h] === 0) {
      const v = col(WEIGHT.fairness, 1);
      row([v, ...gs], [1, ...gs.map(() => -1)], -Infinity, 0);
    }
    const room = demanded / 2 - fp.hostUsed[h];
    if (room > 0) {
      const r = col((2 * WEIGHT.fairness) / demanded, room);
      row([r, ...gs], [1, ...gs.map(() => -1)], -Infinity, 0);
    }
  }

  const numCols = cost.length;
  return {
    numCols,
    numRows: rowUpper.length,
    offset: scoreRoster(p, p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day }))).objective.total,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(numCols),
    colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    integrality: new Int32Array(numCols),
    C: 0,
    colDemand: Int32Array.from(colDemand),
    colSpec: Int32Array.from(colSpec),
  };
}

interface DayCounts {
  /** Most new days out: per month the limit left, and never a run longer than the consecutive limit. */
  newDaysMax: number;
  /** Days already out (a pinned half) on which a candidate could take the other half. */
  besidePinned: number;
  /** Days with a candidate that takes the morning (afternoon) while it is free. */
  mornings: number;
  afternoons: number;
  /** New days out that stay under the overload threshold, summed over months with candidate days. */
  overloadFree: number;
}

/** What the specialist's calendar allows, whichever demands the days go to. */
function dayCounts(p: Problem, c: Candidates, s: number): DayCounts {
  const fp = c.footprint;
  const newDaysInMonth = new Int32Array(p.M);
  let besidePinned = 0;
  let mornings = 0;
  let afternoons = 0;
  // Longest-run DP over the horizon: best[r] = most new days out so far, ending in a run of r days out.
  const K = p.maxConsecutive[s];
  let best = new Float64Array(K + 1).fill(-Infinity);
  best[0] = 0;
  let next = new Float64Array(K + 1);
  for (let t = 0; t < p.T; t++) {
    const g = s * p.T + t;
    let mask = 0;
    for (let i = c.bySpecDay.starts[g]; i < c.bySpecDay.starts[g + 1]; i++) mask |= c.mask[c.bySpecDay.items[i]];
    const pinned = fp.slotMask[g];
    if (mask & 1 && !(pinned & 1)) mornings++;
    if (mask & 2 && !(pinned & 2)) afternoons++;
    next.fill(-Infinity);
    if (pinned !== 0) {
      if (mask !== 0) besidePinned++;
      // Out anyway. A pinned run already over the limit is clamped, which only allows more.
      for (let r = 0; r <= K; r++) next[Math.min(K, r + 1)] = Math.max(next[Math.min(K, r + 1)], best[r]);
    } else {
      let top = -Infinity;
      for (let r = 0; r <= K; r++) top = Math.max(top, best[r]);
      next[0] = top;
      if (mask !== 0) {
        newDaysInMonth[p.dayMonth[t]]++;
        for (let r = 0; r < K; r++) next[r + 1] = Math.max(next[r + 1], best[r] + 1);
      }
    }
    [best, next] = [next, best];
  }
  let byRuns = 0;
  for (let r = 0; r <= K; r++) byRuns = Math.max(byRuns, best[r]);
  let byMonths = 0;
  let overloadFree = 0;
  for (let m = 0; m < p.M; m++) {
    const pinnedDays = fp.monthDays[s * p.M + m];
    byMonths += Math.min(newDaysInMonth[m], Math.max(0, p.maxDays[s] - pinnedDays));
    overloadFree += Math.min(newDaysInMonth[m], Math.max(0, p.overloadFrom[s] - pinnedDays));
  }
  return { newDaysMax: Math.min(byRuns, byMonths), besidePinned, mornings, afternoons, overloadFree };
}

/**
 * Where the priced relaxation starts: every column but the pair columns, and of those the pairs
 * a roster already uses plus each demand's best-paying few. Pricing brings in whatever else the
 * LP wants; a good start only saves rounds.
 */
export function startingColumns(lp: AggregateLp, p: Problem, used: Uint8Array, perDemand = 3): Uint8Array {
  const inModel = new Uint8Array(lp.numCols);
  const byDemand: number[][] = Array.from({ length: p.D }, () => []);
  for (let j = 0; j < lp.numCols; j++) {
    const d = lp.colDemand[j];
    if (d < 0) inModel[j] = 1;
    else if (used[d * p.S + lp.colSpec[j]]) inModel[j] = 1;
    else byDemand[d].push(j);
  }
  for (const js of byDemand) {
    js.sort((a, b) => lp.colCost[b] - lp.colCost[a] || a - b);
    for (let i = 0; i < Math.min(perDemand, js.length); i++) inModel[js[i]] = 1;
  }
  return inModel;
}
