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
 *  - g[d,t], the days of demand d on date t, carry the host's daily capacity (shared by the
 *    host's demands) and the preferred weekdays, so those are not forgotten either;
 *  - days out: a new day out holds one full-day assignment, or a morning and an afternoon, so
 *    s's new days n_s are at least its full-day plus morning assignments (and full-day plus
 *    afternoon), less those that can sit beside a pinned half; n_s is at most what the monthly
 *    and consecutive-day limits allow on s's candidate days; and the overload is at least
 *    n_s − the days under the overload threshold. (The overload is what the optimum trades
 *    coverage against; bounding it by assignments halved left the bound 0.6 % loose.)
 * What it forgets (which specialist goes on which date: same-day clashes, the order of days)
 * only makes it larger, so it stays a bound.
 *
 * NOTE: rows refer to per-specialist totals (full-day, morning, afternoon) and to the g columns
 * rather than repeating every f column in each row: the same LP with about a third of the
 * nonzeros, which is what the simplex's time goes with on the 10⁵-column instances.
 */
import { capacities } from './bound';
import type { Candidates } from './candidates';
import type { MilpModel } from './milp';
import { scoreRoster, WEIGHT } from './objective';
import type { Problem } from './problem';

export function buildAggregateLp(p: Problem, c: Candidates): MilpModel {
  const fp = c.footprint;
  const caps = capacities(p, c);
  const cost: number[] = [];
  const upper: number[] = [];
  const col = (objective: number, hi: number) => {
    cost.push(objective);
    upper.push(hi);
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
  const hostDays: number[][] = Array.from({ length: p.H }, () => []);
  const hostDayRow = new Map<number, number[]>();
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
        const j = col(base + bonus, n);
        fs.push(j);
        if (bonus > 0) preferredFs.push(j);
        bySpecHalf[4 * s + half].push(j);
      }
    }

    // Days per demand: g[d,t] ≤ the candidates of d on t; what a demand gets is spread over its
    // days, and the host's daily capacity is shared by its demands day by day.
    const gs: number[] = [];
    const preferredGs: number[] = [];
    for (let k = from; k < to; ) {
      const t = c.day[k];
      let n = 0;
      for (; k < to && c.day[k] === t; k++) n++;
      const g = col(0, Math.min(n, p.hostCapacity[h] - fp.hostDayUsed[h * p.T + t]));
      gs.push(g);
      hostDays[h].push(g);
      if (p.demandPrefers[d * 8 + p.dayWeekday[t]]) preferredGs.push(g);
      const key = h * p.T + t;
      const list = hostDayRow.get(key);
      if (list) list.push(g);
      else hostDayRow.set(key, [g]);
    }
    row(gs, 1, -Infinity, caps.demandCap[d]);
    row([...fs, ...gs], [...fs.map(() => 1), ...gs.map(() => -1)], 0, 0);
    if (preferredFs.length) row([...preferredFs, ...preferredGs], [...preferredFs.map(() => 1), ...preferredGs.map(() => -1)], -Infinity, 0);
  }
  for (const [key, gs] of [...hostDayRow].sort((a, b) => a[0] - b[0])) {
    if (gs.length < 2) continue; // one demand that day: its column bound already holds the capacity
    row(gs, 1, -Infinity, Math.max(0, p.hostCapacity[Math.floor(key / p.T)] - fp.hostDayUsed[key]));
  }

  for (let s = 0; s < p.S; s++) {
    // Totals per half-day kind: morning only, afternoon only, full day.
    const totals: number[] = [];
    const kinds: number[] = [];
    for (const half of [1, 2, 3]) {
      const js = bySpecHalf[4 * s + half];
      if (js.length === 0) continue;
      const x = col(0, Infinity);
      row([...js, x], [...js.map(() => 1), -1], 0, 0);
      totals.push(x);
      kinds.push(half);
    }
    if (totals.length === 0) continue;
    row(totals, 1, -Infinity, caps.specCap[s]);
    const o = col(-WEIGHT.fairness, Infinity);
    row([...totals, o], [...totals.map(() => 1), -caps.perDay[s]], -Infinity, caps.overloadFree[s]);
    const days = dayCounts(p, c, s);
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
    const gs = hostDays[h];
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
