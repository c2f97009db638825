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
 *  - overload: s can place at most `overloadFree` assignments without overload, and each
 *    overload day holds at most `perDay` more, so o_s ≥ (days − overloadFree) / perDay.
 * What it forgets (which specialist goes on which date: same-day clashes, consecutive days, the
 * per-month split) only makes it larger, so it stays a bound.
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
  // Rows are collected as column lists, then packed into CSR.
  const demandRow: number[][] = Array.from({ length: p.D }, () => []);
  const preferredRow: number[][] = Array.from({ length: p.D }, () => []);
  const specRow: number[][] = Array.from({ length: p.S }, () => []);
  const hostRow: number[][] = Array.from({ length: p.H }, () => []);
  const col = (objective: number, hi: number) => {
    cost.push(objective);
    upper.push(hi);
    return cost.length - 1;
  };

  // Most visits each (specialist, host) pair could get, for the return-visit coefficient.
  const possibleVisits = new Int32Array(c.pairSpec.length);
  for (let k = 0; k < c.C; k++) possibleVisits[c.pair[k]]++;

  for (let d = 0; d < p.D; d++) {
    const h = p.demandHost[d];
    const from = c.demandStart[d];
    const to = c.demandStart[d + 1];
    // Candidates of a demand are sorted by day then specialist; count per specialist.
    const preferred = new Map<number, number>();
    const other = new Map<number, number>();
    for (let k = from; k < to; k++) {
      const bucket = p.demandPrefers[d * 8 + p.dayWeekday[c.day[k]]] ? preferred : other;
      bucket.set(c.spec[k], (bucket.get(c.spec[k]) ?? 0) + 1);
    }
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
        demandRow[d].push(j);
        if (bonus > 0) preferredRow[d].push(j);
        specRow[s].push(j);
        hostRow[h].push(j);
      }
    }
  }

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (cols: readonly number[], coefs: readonly number[], hi: number) => {
    for (let i = 0; i < cols.length; i++) {
      indices.push(cols[i]);
      values.push(coefs[i]);
    }
    starts.push(indices.length);
    rowLower.push(-Infinity);
    rowUpper.push(hi);
  };
  const ones = (n: number) => new Array<number>(n).fill(1);

  // Days per demand: g[d,t] ≤ the candidates of d on t; what a demand gets is spread over its
  // days, and the host's daily capacity is shared by its demands day by day.
  const hostDayRow = new Map<number, number[]>();
  for (let d = 0; d < p.D; d++) {
    if (demandRow[d].length === 0) continue;
    const h = p.demandHost[d];
    const days: number[] = [];
    const preferredDays: number[] = [];
    for (let k = c.demandStart[d]; k < c.demandStart[d + 1]; ) {
      const t = c.day[k];
      let n = 0;
      for (; k < c.demandStart[d + 1] && c.day[k] === t; k++) n++;
      const g = col(0, Math.min(n, p.hostCapacity[h] - fp.hostDayUsed[h * p.T + t]));
      days.push(g);
      if (p.demandPrefers[d * 8 + p.dayWeekday[t]]) preferredDays.push(g);
      const key = h * p.T + t;
      const list = hostDayRow.get(key);
      if (list) list.push(g);
      else hostDayRow.set(key, [g]);
    }
    row(demandRow[d], ones(demandRow[d].length), caps.demandCap[d]);
    // Σ f[d,·] = Σ g[d,·]; as two inequalities because the row helper builds ≤ rows.
    row([...demandRow[d], ...days], [...ones(demandRow[d].length), ...days.map(() => -1)], 0);
    row([...demandRow[d], ...days], [...demandRow[d].map(() => -1), ...ones(days.length)], 0);
    if (preferredRow[d].length) row([...preferredRow[d], ...preferredDays], [...ones(preferredRow[d].length), ...preferredDays.map(() => -1)], 0);
  }
  for (const [key, gs] of [...hostDayRow].sort((a, b) => a[0] - b[0])) {
    if (gs.length < 2) continue; // one demand that day: its column bound already holds the capacity
    row(gs, ones(gs.length), Math.max(0, p.hostCapacity[Math.floor(key / p.T)] - fp.hostDayUsed[key]));
  }
  for (let s = 0; s < p.S; s++) {
    const js = specRow[s];
    if (js.length === 0) continue;
    row(js, ones(js.length), caps.specCap[s]);
    const o = col(-WEIGHT.fairness, Infinity);
    row([...js, o], [...ones(js.length), -caps.perDay[s]], caps.overloadFree[s]);
  }
  for (let h = 0; h < p.H; h++) {
    const js = hostRow[h];
    const demanded = p.hostDemanded[h];
    if (js.length === 0 || demanded === 0) continue;
    if (fp.hostUsed[h] === 0) {
      const v = col(WEIGHT.fairness, 1);
      row([v, ...js], [1, ...js.map(() => -1)], 0);
    }
    const room = demanded / 2 - fp.hostUsed[h];
    if (room > 0) {
      const r = col((2 * WEIGHT.fairness) / demanded, room);
      row([r, ...js], [1, ...js.map(() => -1)], 0);
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
