/**
 * The candidate set: every specialist × demand × date triple that the hard rules allow on its
 * own (specialty, availability, blocked days, period, travel) and that the pinned assignments
 * leave room for. Both methods only ever choose among these, which is what keeps the MILP
 * small enough to solve and the local search from wasting moves on impossible ones.
 *
 * Rules that involve several assignments together (one place per session, days per month,
 * consecutive days, host capacity, expert-days per demand) are left to the methods.
 */
import { withinTravelLimit } from './distance';
import { WEIGHT } from './objective';
import type { Problem } from './problem';
import type { TimeSlice } from './time-slice';

/** Compressed lists: items of group g are items[starts[g] .. starts[g+1]). */
export interface Grouping {
  starts: Int32Array;
  items: Int32Array;
}

/** What the pinned assignments already use up. */
export interface PinnedFootprint {
  /** S × T session bits taken. */
  slotMask: Uint8Array;
  /** S × M pinned days out. */
  monthDays: Int32Array;
  demandUsed: Int32Array;
  /** H × T */
  hostDayUsed: Int32Array;
  hostUsed: Int32Array;
}

export interface Candidates {
  C: number;
  spec: Int32Array;
  demand: Int32Array;
  day: Int32Array;
  host: Int32Array;
  mask: Uint8Array;
  /** Index of the (specialist, host) pair, for return visits. */
  pair: Int32Array;
  /** The part of the objective that depends on this assignment alone: coverage, preference, pairing, travel. */
  gain: Float64Array;
  /** Candidates are sorted by demand, then day, then specialist: `demandStart[d]` opens demand d's block. */
  demandStart: Int32Array;
  bySpecDay: Grouping;
  byHostDay: Grouping;
  bySpec: Grouping;
  /** Distinct (specialist, host) pairs that candidates or pinned assignments use. */
  pairSpec: Int32Array;
  pairHost: Int32Array;
  /** Pinned visits per pair. */
  pairPinned: Int32Array;
  /** Pair index by specialist × host, for pinned lookups (−1 when unused). */
  pairOf: (spec: number, host: number) => number;
  footprint: PinnedFootprint;
}

export function pinnedFootprint(p: Problem): PinnedFootprint {
  const slotMask = new Uint8Array(p.S * p.T);
  const monthDays = new Int32Array(p.S * p.M);
  const demandUsed = new Int32Array(p.D);
  const hostDayUsed = new Int32Array(p.H * p.T);
  const hostUsed = new Int32Array(p.H);
  for (const pin of p.pinned) {
    const slot = pin.spec * p.T + pin.day;
    if (slotMask[slot] === 0) monthDays[pin.spec * p.M + p.dayMonth[pin.day]]++;
    slotMask[slot] |= pin.mask;
    demandUsed[pin.demand]++;
    hostDayUsed[pin.host * p.T + pin.day]++;
    hostUsed[pin.host]++;
  }
  return { slotMask, monthDays, demandUsed, hostDayUsed, hostUsed };
}

function group(count: number, keys: Int32Array): Grouping {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) starts[keys[i] + 1]++;
  for (let g = 0; g < count; g++) starts[g + 1] += starts[g];
  const fill = starts.slice(0, count);
  const items = new Int32Array(keys.length);
  // Stable: items of a group keep candidate order, so every grouping is canonical too.
  for (let i = 0; i < keys.length; i++) items[fill[keys[i]]++] = i;
  return { starts, items };
}

/** Would a new day out on `day` make a run of pinned days longer than the limit? */
function breaksPinnedRun(p: Problem, fp: PinnedFootprint, spec: number, day: number): boolean {
  let run = 1;
  for (let t = day - 1; t >= 0 && fp.slotMask[spec * p.T + t] !== 0; t--) run++;
  for (let t = day + 1; t < p.T && fp.slotMask[spec * p.T + t] !== 0; t++) run++;
  return run > p.maxConsecutive[spec];
}

/** Async only to hand the event loop back (and notice an abort) while enumerating big instances. */
export async function buildCandidates(p: Problem, slice?: TimeSlice): Promise<Candidates> {
  const fp = pinnedFootprint(p);
  const spec: number[] = [];
  const demand: number[] = [];
  const day: number[] = [];
  const demandStart = new Int32Array(p.D + 1);
  for (let d = 0; d < p.D; d++) {
    if (slice?.due()) await slice.yield();
    demandStart[d] = spec.length;
    if (p.demandNeed[d] - fp.demandUsed[d] <= 0) continue;
    const h = p.demandHost[d];
    const eligible = (p.specsBySpecialty.get(p.demands[d].specialtyId) ?? []).filter(
      (s) => withinTravelLimit(p.km[s * p.H + h], p.specialists[s].maxTravelKm) && p.maxDays[s] > 0 && p.maxConsecutive[s] > 0,
    );
    for (let t = p.demandStart[d]; t <= p.demandEnd[d]; t++) {
      if (p.hostCapacity[h] - fp.hostDayUsed[h * p.T + t] <= 0) continue;
      for (const s of eligible) {
        if (!p.free[s * p.T + t]) continue;
        const taken = fp.slotMask[s * p.T + t];
        if (taken & p.demandMask[d]) continue;
        if (taken === 0) {
          if (fp.monthDays[s * p.M + p.dayMonth[t]] >= p.maxDays[s]) continue;
          if (breaksPinnedRun(p, fp, s, t)) continue;
        }
        spec.push(s);
        demand.push(d);
        day.push(t);
      }
    }
  }
  demandStart[p.D] = spec.length;
  const C = spec.length;

  const host = new Int32Array(C);
  const mask = new Uint8Array(C);
  const gain = new Float64Array(C);
  const pair = new Int32Array(C);
  const pairIds = new Map<number, number>();
  const pairSpec: number[] = [];
  const pairHost: number[] = [];
  const pairId = (s: number, h: number) => {
    const key = s * p.H + h;
    let id = pairIds.get(key);
    if (id === undefined) {
      id = pairSpec.length;
      pairIds.set(key, id);
      pairSpec.push(s);
      pairHost.push(h);
    }
    return id;
  };
  for (const pin of p.pinned) pairId(pin.spec, pin.host);
  for (let c = 0; c < C; c++) {
    const d = demand[c];
    const h = p.demandHost[d];
    const s = spec[c];
    host[c] = h;
    mask[c] = p.demandMask[d];
    pair[c] = pairId(s, h);
    gain[c] =
      WEIGHT.coveragePerPriorityDay * p.demandPriority[d] +
      WEIGHT.preference * p.demandPrefers[d * 8 + p.dayWeekday[day[c]]] +
      WEIGHT.continuity * p.paired[s * p.H + h] -
      WEIGHT.travelPerKm * p.km[s * p.H + h];
  }
  const pairPinned = new Int32Array(pairSpec.length);
  for (const pin of p.pinned) pairPinned[pairIds.get(pin.spec * p.H + pin.host)!]++;

  if (slice?.due()) await slice.yield();
  const specArr = Int32Array.from(spec);
  const dayArr = Int32Array.from(day);
  const specDay = new Int32Array(C);
  const hostDay = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    specDay[c] = specArr[c] * p.T + dayArr[c];
    hostDay[c] = host[c] * p.T + dayArr[c];
  }
  return {
    C,
    spec: specArr,
    demand: Int32Array.from(demand),
    day: dayArr,
    host,
    mask,
    pair,
    gain,
    demandStart,
    bySpecDay: group(p.S * p.T, specDay),
    byHostDay: group(p.H * p.T, hostDay),
    bySpec: group(p.S, specArr),
    pairSpec: Int32Array.from(pairSpec),
    pairHost: Int32Array.from(pairHost),
    pairPinned,
    pairOf: (s, h) => pairIds.get(s * p.H + h) ?? -1,
    footprint: fp,
  };
}
