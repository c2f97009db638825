/**
 * An upper bound on the objective that needs no LP solver, so the local search can print a gap
 * even on instances far too large for the MILP.
 *
 * Coverage: a flow relaxation. Demand d sends expert-days to specialist s (at most the number of
 * days s could serve d), s sends them to the sink (at most what s's monthly limits and half-day
 * slots allow), d sends at most what is left of it and what the host's daily capacity lets
 * through. It forgets which day each unit falls on and the consecutive-day rule, so every
 * roster's coverage fits in it. Weights sit only on the demand side, so the feasible
 * demand-flow vectors form a polymatroid and filling priority 5 first, then 4, … (augmenting
 * paths never reduce flow already leaving the source) gives the weighted optimum.
 *
 * The other tiers are bounded per demand (every new assignment earns at most one return visit,
 * one pairing, one preferred weekday; travel costs at least nothing), host fairness by the most
 * each host could receive, and overload by the assignments that cannot fit on overload-free days.
 */
import type { Candidates } from './candidates';
import { hostFairnessPoints, scoreRoster, WEIGHT } from './objective';
import type { Problem } from './problem';

class FlowNetwork {
  readonly head: number[] = [];
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly next: number[] = [];
  readonly #level: Int32Array;
  readonly #iter: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Array(nodes).fill(-1);
    this.#level = new Int32Array(nodes);
    this.#iter = new Int32Array(nodes);
  }

  /** Returns the index of the forward arc (its reverse is index ^ 1). */
  arc(from: number, to: number, cap: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(cap, 0);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }

  /** Dinic's algorithm from the current flow. */
  augment(source: number, sink: number): number {
    let total = 0;
    while (this.#bfs(source, sink)) {
      for (let v = 0; v < this.nodes; v++) this.#iter[v] = this.head[v];
      for (let f = this.#dfs(source, sink, Infinity); f > 0; f = this.#dfs(source, sink, Infinity)) total += f;
    }
    return total;
  }

  #bfs(source: number, sink: number): boolean {
    this.#level.fill(-1);
    const queue = [source];
    this.#level[source] = 0;
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      for (let e = this.head[v]; e !== -1; e = this.next[e]) {
        if (this.cap[e] > 0 && this.#level[this.to[e]] < 0) {
          this.#level[this.to[e]] = this.#level[v] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return this.#level[sink] >= 0;
  }

  // Iterative would be safer for huge depths, but paths here are source → d → s → sink (and
  // back-and-forth through residual arcs), so recursion depth stays small.
  #dfs(v: number, sink: number, pushed: number): number {
    if (v === sink) return pushed;
    for (let e = this.#iter[v]; e !== -1; e = this.next[e], this.#iter[v] = e) {
      const u = this.to[e];
      if (this.cap[e] <= 0 || this.#level[u] !== this.#level[v] + 1) continue;
      const f = this.#dfs(u, sink, Math.min(pushed, this.cap[e]));
      if (f > 0) {
        this.cap[e] -= f;
        this.cap[e ^ 1] += f;
        return f;
      }
    }
    return 0;
  }
}

export interface Capacities {
  /** Most expert-days demand d can still take: what is left, and what its host can receive on days someone could come. */
  demandCap: Int32Array;
  /** …of which on the demand's preferred weekdays. */
  preferredCap: Int32Array;
  /** 1 when some candidate of the demand is paired with its host. */
  anyPaired: Uint8Array;
  /** Most assignments specialist s can still take: per month the best days within the limit, two on a day with a morning and an afternoon candidate. */
  specCap: Int32Array;
  /** …of which on days that do not count as overload. */
  overloadFree: Int32Array;
  /** Most assignments one new day out of s can hold (1 or 2). */
  perDay: Uint8Array;
}

/** Per-demand and per-specialist ceilings that every roster respects; shared by the bounds. */
export function capacities(p: Problem, c: Candidates): Capacities {
  const fp = c.footprint;
  const demandCap = new Int32Array(p.D);
  const preferredCap = new Int32Array(p.D);
  const anyPaired = new Uint8Array(p.D);
  for (let d = 0; d < p.D; d++) {
    const h = p.demandHost[d];
    let through = 0;
    let preferred = 0;
    for (let k = c.demandStart[d]; k < c.demandStart[d + 1]; ) {
      const t = c.day[k];
      let n = 0;
      for (; k < c.demandStart[d + 1] && c.day[k] === t; k++) {
        n++;
        if (p.paired[c.spec[k] * p.H + h]) anyPaired[d] = 1;
      }
      const fits = Math.min(n, p.hostCapacity[h] - fp.hostDayUsed[h * p.T + t]);
      through += fits;
      if (p.demandPrefers[d * 8 + p.dayWeekday[t]]) preferred += fits;
    }
    demandCap[d] = Math.max(0, Math.min(p.demandNeed[d] - fp.demandUsed[d], through));
    preferredCap[d] = Math.min(demandCap[d], preferred);
  }

  const specCap = new Int32Array(p.S);
  const overloadFree = new Int32Array(p.S);
  const perDay = new Uint8Array(p.S).fill(1);
  for (let s = 0; s < p.S; s++) {
    for (let m = 0; m < p.M; m++) {
      const slotsOnNewDays: number[] = [];
      for (let t = 0; t < p.T; t++) {
        if (p.dayMonth[t] !== m) continue;
        const g = s * p.T + t;
        let morning = false;
        let afternoon = false;
        let any = false;
        for (let i = c.bySpecDay.starts[g]; i < c.bySpecDay.starts[g + 1]; i++) {
          const mask = c.mask[c.bySpecDay.items[i]];
          any = true;
          if (mask === 1) morning = true;
          if (mask === 2) afternoon = true;
        }
        if (!any) continue;
        if (fp.slotMask[g] !== 0) {
          // Already out that day: the free half only, and no new day out.
          specCap[s] += 1;
          overloadFree[s] += 1;
        } else {
          slotsOnNewDays.push(morning && afternoon ? 2 : 1);
          if (morning && afternoon) perDay[s] = 2;
        }
      }
      slotsOnNewDays.sort((a, b) => b - a);
      const pinnedDays = fp.monthDays[s * p.M + m];
      const limit = Math.max(0, p.maxDays[s] - pinnedDays);
      const free = Math.max(0, p.overloadFrom[s] - pinnedDays);
      for (let i = 0; i < Math.min(limit, slotsOnNewDays.length); i++) {
        specCap[s] += slotsOnNewDays[i];
        if (i < free) overloadFree[s] += slotsOnNewDays[i];
      }
    }
  }
  return { demandCap, preferredCap, anyPaired, specCap, overloadFree, perDay };
}

export interface RelaxationBound {
  total: number;
  /** Most expert-days (pinned excluded) any roster could add, by the flow relaxation. */
  maxNewAssignments: number;
}

export function relaxationBound(p: Problem, c: Candidates): RelaxationBound {
  const fp = c.footprint;
  const pinnedScore = scoreRoster(p, p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day }))).objective.total;
  const caps = capacities(p, c);
  const { demandCap, preferredCap, anyPaired, specCap } = caps;
  const overloadFree = caps.overloadFree.reduce((a, b) => a + b, 0);

  const source = 0;
  const sink = p.D + p.S + 1;
  const net = new FlowNetwork(p.D + p.S + 2);
  const sourceArc = new Int32Array(p.D);
  for (let d = 0; d < p.D; d++) {
    // Capacity is opened level by level below.
    sourceArc[d] = net.arc(source, 1 + d, 0);
    const perSpec = new Map<number, number>();
    for (let k = c.demandStart[d]; k < c.demandStart[d + 1]; k++) perSpec.set(c.spec[k], (perSpec.get(c.spec[k]) ?? 0) + 1);
    for (const [s, n] of [...perSpec].sort((a, b) => a[0] - b[0])) net.arc(1 + d, 1 + p.D + s, n);
  }
  for (let s = 0; s < p.S; s++) net.arc(1 + p.D + s, sink, specCap[s]);

  let weightedDays = 0;
  let flow = 0;
  for (let level = 5; level >= 1; level--) {
    for (let d = 0; d < p.D; d++) if (p.demandPriority[d] === level) net.cap[sourceArc[d]] = demandCap[d];
    flow += net.augment(source, sink);
  }
  for (let d = 0; d < p.D; d++) weightedDays += p.demandPriority[d] * (demandCap[d] - net.cap[sourceArc[d]]);

  // Whatever goes beyond the overload-free slots lands on overload days, at most two per day.
  // Every expert-day gains more coverage (≥ 1000) than it can cost here (25), so the bound is
  // largest with the most assignments: the flow's.
  let fairness = -Math.max(0, flow - overloadFree) / 2;
  const reachable = Int32Array.from(fp.hostUsed);
  for (let d = 0; d < p.D; d++) reachable[p.demandHost[d]] += demandCap[d];
  for (let h = 0; h < p.H; h++) {
    fairness += hostFairnessPoints(Math.min(reachable[h], p.hostDemanded[h]), p.hostDemanded[h]) - hostFairnessPoints(fp.hostUsed[h], p.hostDemanded[h]);
  }
  let continuity = 0;
  let preference = 0;
  for (let d = 0; d < p.D; d++) {
    continuity += demandCap[d] * (1 + anyPaired[d]);
    preference += preferredCap[d];
  }
  continuity = Math.min(continuity, 2 * flow);
  preference = Math.min(preference, flow);

  return {
    total:
      pinnedScore +
      WEIGHT.coveragePerPriorityDay * weightedDays +
      WEIGHT.fairness * fairness +
      WEIGHT.continuity * continuity +
      WEIGHT.preference * preference,
    maxNewAssignments: flow,
  };
}
