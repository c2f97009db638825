/**
 * The roster as a mixed-integer linear program over the pruned candidate set, in the sparse
 * form HiGHS takes directly (no LP text to print and parse for 10⁵ columns).
 *
 * Columns
 *   x[k]      binary   candidate k is in the roster
 *   y[s,t]    [0,1]    specialist s is out on day t (only where s has candidates and no pinned day)
 *   v[h]      [0,1]    host h is visited at all (only while no pinned visit does it already)
 *   r[h]      [0, D/2 − pinned]  expert-days towards half of the host's demand
 *   e[s,m]    ≥ 0      overload days of s in month m beyond half the monthly limit (increment over pinned)
 *   w[s,h]    binary   s visits h at all (for return visits; only without a pinned visit)
 * y, v, r, e are continuous: each is pushed by the objective or bounded by binaries to the
 * value it stands for, so integrality of x (and w) is enough.
 *
 * The objective equals scoreRoster() of pinned + chosen: the pinned part is the constant offset
 * and every auxiliary column stands for an increment over it. Tests hold the two equal.
 */
import type { Candidates } from './candidates';
import { scoreRoster, WEIGHT } from './objective';
import type { Problem } from './problem';

export interface MilpModel {
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
  /** Number of x columns; they come first and equal candidate indices. */
  C: number;
}

/** How to compute the auxiliary columns from a set of chosen candidates (for a MIP start). */
interface AuxLayout {
  yCol: Int32Array; // per specialist×day, −1 when none
  vCol: Int32Array; // per host
  rCol: Int32Array;
  rUpper: Float64Array;
  eCols: { col: number; spec: number; month: number; freeDays: number }[];
  wCol: Int32Array; // per pair
}

export interface BuiltMilp {
  model: MilpModel;
  layout: AuxLayout;
}

class RowBuilder {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  add(cols: readonly number[], coefs: readonly number[] | number, lower: number, upper: number): void {
    for (let i = 0; i < cols.length; i++) {
      this.indices.push(cols[i]);
      this.values.push(typeof coefs === 'number' ? coefs : coefs[i]);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }
}

export function buildMilp(p: Problem, c: Candidates): BuiltMilp {
  const fp = c.footprint;
  const cost: number[] = Array.from(c.gain);
  const lower: number[] = new Array(c.C).fill(0);
  const upper: number[] = new Array(c.C).fill(1);
  const integer: number[] = new Array(c.C).fill(1);
  const newCol = (objective: number, lo: number, hi: number) => {
    cost.push(objective);
    lower.push(lo);
    upper.push(hi);
    integer.push(0);
    return cost.length - 1;
  };
  const rows = new RowBuilder();
  const inf = Infinity;

  // One place per half-day; y[s,t] marks the day out.
  const yCol = new Int32Array(p.S * p.T).fill(-1);
  for (let st = 0; st < p.S * p.T; st++) {
    const from = c.bySpecDay.starts[st];
    const to = c.bySpecDay.starts[st + 1];
    if (from === to) continue;
    const morning: number[] = [];
    const afternoon: number[] = [];
    for (let i = from; i < to; i++) {
      const k = c.bySpecDay.items[i];
      if (c.mask[k] & 1) morning.push(k);
      if (c.mask[k] & 2) afternoon.push(k);
    }
    if (fp.slotMask[st] === 0) {
      const y = newCol(0, 0, 1);
      yCol[st] = y;
      if (morning.length) rows.add([...morning, y], [...morning.map(() => 1), -1], -inf, 0);
      if (afternoon.length) rows.add([...afternoon, y], [...afternoon.map(() => 1), -1], -inf, 0);
    } else {
      // A pinned half already makes it a day out; only the free half is left.
      if (morning.length > 1) rows.add(morning, 1, -inf, 1);
      if (afternoon.length > 1) rows.add(afternoon, 1, -inf, 1);
    }
  }

  // Days per month, consecutive days, overload.
  const eCols: AuxLayout['eCols'] = [];
  for (let s = 0; s < p.S; s++) {
    const K = p.maxConsecutive[s];
    for (let m = 0; m < p.M; m++) {
      const ys: number[] = [];
      for (let t = 0; t < p.T; t++) if (p.dayMonth[t] === m && yCol[s * p.T + t] >= 0) ys.push(yCol[s * p.T + t]);
      if (ys.length === 0) continue;
      const pinnedDays = fp.monthDays[s * p.M + m];
      const limit = Math.max(0, p.maxDays[s] - pinnedDays);
      if (ys.length > limit) rows.add(ys, 1, -inf, limit);
      const freeDays = Math.max(0, p.overloadFrom[s] - pinnedDays);
      if (Math.min(ys.length, limit) > freeDays) {
        const e = newCol(-WEIGHT.fairness, 0, inf);
        rows.add([...ys, e], [...ys.map(() => 1), -1], -inf, freeDays);
        eCols.push({ col: e, spec: s, month: m, freeDays });
      }
    }
    for (let a = 0; a + K < p.T; a++) {
      const ys: number[] = [];
      let pinned = 0;
      let open = false;
      for (let t = a; t <= a + K; t++) {
        if (yCol[s * p.T + t] >= 0) ys.push(yCol[s * p.T + t]);
        else if (fp.slotMask[s * p.T + t] !== 0) pinned++;
        else open = true;
      }
      // A day that can never be out breaks every run through it.
      if (open || ys.length === 0) continue;
      rows.add(ys, 1, -inf, Math.max(0, K - pinned));
    }
  }

  // Expert-days per demand.
  for (let d = 0; d < p.D; d++) {
    const from = c.demandStart[d];
    const to = c.demandStart[d + 1];
    const left = Math.max(0, p.demandNeed[d] - fp.demandUsed[d]);
    if (to - from > left) rows.add(range(from, to), 1, -inf, left);
  }

  // Host capacity per day, and the host fairness terms.
  const vCol = new Int32Array(p.H).fill(-1);
  const rCol = new Int32Array(p.H).fill(-1);
  const rUpper = new Float64Array(p.H);
  const atHost: number[][] = Array.from({ length: p.H }, () => []);
  for (let h = 0; h < p.H; h++) {
    for (let t = 0; t < p.T; t++) {
      const g = h * p.T + t;
      const ks = Array.from(c.byHostDay.items.subarray(c.byHostDay.starts[g], c.byHostDay.starts[g + 1]));
      if (ks.length === 0) continue;
      for (const k of ks) atHost[h].push(k);
      const left = Math.max(0, p.hostCapacity[h] - fp.hostDayUsed[g]);
      if (ks.length > left) rows.add(ks, 1, -inf, left);
    }
    const ks = atHost[h].sort((a, b) => a - b);
    const demanded = p.hostDemanded[h];
    if (ks.length === 0 || demanded === 0) continue;
    if (fp.hostUsed[h] === 0) {
      vCol[h] = newCol(WEIGHT.fairness, 0, 1);
      rows.add([vCol[h], ...ks], [1, ...ks.map(() => -1)], -inf, 0);
    }
    const room = demanded / 2 - fp.hostUsed[h];
    if (room > 0) {
      rUpper[h] = room;
      rCol[h] = newCol((2 * WEIGHT.fairness) / demanded, 0, room);
      rows.add([rCol[h], ...ks], [1, ...ks.map(() => -1)], -inf, 0);
    }
  }

  // Return visits: +1 per visit of a pair, −1 once the pair is used at all (pinned or w).
  const pairMembers: number[][] = Array.from({ length: c.pairSpec.length }, () => []);
  for (let k = 0; k < c.C; k++) pairMembers[c.pair[k]].push(k);
  const wCol = new Int32Array(c.pairSpec.length).fill(-1);
  pairMembers.forEach((ks, pair) => {
    if (c.pairPinned[pair] > 0) {
      for (const k of ks) cost[k] += WEIGHT.continuity;
    } else if (ks.length >= 2) {
      for (const k of ks) cost[k] += WEIGHT.continuity;
      // NOTE: one aggregated row with a binary w, not one row per visit with a continuous w.
      // The per-visit form has a tighter relaxation but doubles the rows; measured on the
      // benchmark instances it was slower to reach the root bound and to prove optimality.
      const w = newCol(-WEIGHT.continuity, 0, 1);
      integer[w] = 1;
      wCol[pair] = w;
      rows.add([...ks, w], [...ks.map(() => 1), -ks.length], -inf, 0);
    }
  });

  const offset = scoreRoster(p, p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day }))).objective.total;
  const model: MilpModel = {
    numCols: cost.length,
    numRows: rows.lower.length,
    offset,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    starts: Int32Array.from(rows.starts),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
    integrality: Int32Array.from(integer),
    C: c.C,
  };
  return { model, layout: { yCol, vCol, rCol, rUpper, eCols, wCol } };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** A complete, feasible column vector for the chosen candidates: the MIP start. */
export function milpStart(p: Problem, c: Candidates, built: BuiltMilp, chosen: readonly number[]): Float64Array {
  const { model, layout } = built;
  const x = new Float64Array(model.numCols);
  const perHost = new Int32Array(p.H);
  const pairUsed = new Uint8Array(c.pairSpec.length);
  for (const k of chosen) {
    x[k] = 1;
    if (layout.yCol[c.spec[k] * p.T + c.day[k]] >= 0) x[layout.yCol[c.spec[k] * p.T + c.day[k]]] = 1;
    perHost[c.host[k]]++;
    pairUsed[c.pair[k]] = 1;
  }
  for (let h = 0; h < p.H; h++) {
    if (layout.vCol[h] >= 0) x[layout.vCol[h]] = Math.min(1, perHost[h]);
    if (layout.rCol[h] >= 0) x[layout.rCol[h]] = Math.min(perHost[h], layout.rUpper[h]);
  }
  for (const e of layout.eCols) {
    let days = 0;
    for (let t = 0; t < p.T; t++) {
      const y = layout.yCol[e.spec * p.T + t];
      if (p.dayMonth[t] === e.month && y >= 0) days += x[y];
    }
    x[e.col] = Math.max(0, days - e.freeDays);
  }
  layout.wCol.forEach((w, pair) => {
    if (w >= 0) x[w] = pairUsed[pair];
  });
  return x;
}

/** The candidates a MILP column vector chooses. */
export function chosenFromMilp(model: MilpModel, colValue: Float64Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < model.C; k++) if (colValue[k] > 0.5) out.push(k);
  return out;
}
