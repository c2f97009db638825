/**
 * A roster under construction, with the counters the hard rules need so that "may I add this
 * candidate?" and "what would it gain?" cost a few array reads. The local search lives on it;
 * the MILP result is loaded into it for the final fill and the unmet-demand diagnosis.
 *
 * The capacity rule is counted per assignment: one specialist holding both half-days at the
 * same host on one date counts twice against the host's capacity. That is stricter than the
 * rule (which counts people), never looser, and the MILP counts the same way.
 */
import type { Candidates } from './candidates';
import { hostFairnessPoints, scoreRoster, WEIGHT } from './objective';
import type { Problem } from './problem';

const FREE = -1;
const PINNED = -2;

export class RosterState {
  /** 1 when the candidate is in the roster. */
  readonly chosen: Uint8Array;
  /** Per specialist × day × half-day (morning, afternoon): the candidate holding it, FREE or PINNED. */
  readonly slot: Int32Array;
  readonly monthDays: Int32Array;
  readonly demandLeft: Int32Array;
  readonly hostDayLeft: Int32Array;
  readonly hostCount: Int32Array;
  readonly pairCount: Int32Array;
  /** The chosen candidates in no particular order (swap-removed), so they can be listed without a scan. */
  readonly members: Int32Array;
  readonly #memberPos: Int32Array;
  /** Weighted objective of pinned + chosen, kept up to date incrementally. */
  total: number;
  size = 0;

  constructor(
    readonly p: Problem,
    readonly c: Candidates,
  ) {
    const fp = c.footprint;
    this.chosen = new Uint8Array(c.C);
    this.members = new Int32Array(c.C);
    this.#memberPos = new Int32Array(c.C).fill(-1);
    this.slot = new Int32Array(p.S * p.T * 2).fill(FREE);
    for (let i = 0; i < p.S * p.T; i++) {
      if (fp.slotMask[i] & 1) this.slot[2 * i] = PINNED;
      if (fp.slotMask[i] & 2) this.slot[2 * i + 1] = PINNED;
    }
    this.monthDays = fp.monthDays.slice();
    this.demandLeft = new Int32Array(p.D);
    for (let d = 0; d < p.D; d++) this.demandLeft[d] = p.demandNeed[d] - fp.demandUsed[d];
    this.hostDayLeft = new Int32Array(p.H * p.T);
    for (let h = 0; h < p.H; h++) {
      for (let t = 0; t < p.T; t++) this.hostDayLeft[h * p.T + t] = p.hostCapacity[h] - fp.hostDayUsed[h * p.T + t];
    }
    this.hostCount = fp.hostUsed.slice();
    this.pairCount = c.pairPinned.slice();
    this.total = scoreRoster(p, p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day }))).objective.total;
  }

  isDayOut(spec: number, day: number): boolean {
    const i = 2 * (spec * this.p.T + day);
    return this.slot[i] !== FREE || this.slot[i + 1] !== FREE;
  }

  /** Length of the run of days out that a new day out on `day` would create. */
  runWith(spec: number, day: number): number {
    const { T } = this.p;
    let run = 1;
    for (let t = day - 1; t >= 0 && this.isDayOut(spec, t); t--) run++;
    for (let t = day + 1; t < T && this.isDayOut(spec, t); t++) run++;
    return run;
  }

  canAdd(k: number): boolean {
    const { p, c } = this;
    if (this.chosen[k] || this.demandLeft[c.demand[k]] <= 0) return false;
    const s = c.spec[k];
    const t = c.day[k];
    if (this.hostDayLeft[c.host[k] * p.T + t] <= 0) return false;
    const i = 2 * (s * p.T + t);
    const mask = c.mask[k];
    if ((mask & 1 && this.slot[i] !== FREE) || (mask & 2 && this.slot[i + 1] !== FREE)) return false;
    if (this.slot[i] === FREE && this.slot[i + 1] === FREE) {
      if (this.monthDays[s * p.M + p.dayMonth[t]] >= p.maxDays[s]) return false;
      if (this.runWith(s, t) > p.maxConsecutive[s]) return false;
    }
    return true;
  }

  /** Objective change if candidate k were added (call only when canAdd(k)). */
  addGain(k: number): number {
    const { p, c } = this;
    const h = c.host[k];
    const s = c.spec[k];
    const t = c.day[k];
    const a = this.hostCount[h];
    let g = c.gain[k] + WEIGHT.fairness * (hostFairnessPoints(a + 1, p.hostDemanded[h]) - hostFairnessPoints(a, p.hostDemanded[h]));
    if (!this.isDayOut(s, t) && this.monthDays[s * p.M + p.dayMonth[t]] >= p.overloadFrom[s]) g -= WEIGHT.fairness;
    if (this.pairCount[c.pair[k]] >= 1) g += WEIGHT.continuity;
    return g;
  }

  /** Objective change if chosen candidate k were removed. */
  removeGain(k: number): number {
    const { p, c } = this;
    const h = c.host[k];
    const s = c.spec[k];
    const t = c.day[k];
    const a = this.hostCount[h];
    let g = -c.gain[k] + WEIGHT.fairness * (hostFairnessPoints(a - 1, p.hostDemanded[h]) - hostFairnessPoints(a, p.hostDemanded[h]));
    const i = 2 * (s * p.T + t);
    const freesDay = (c.mask[k] & 1 || this.slot[i] === FREE) && (c.mask[k] & 2 || this.slot[i + 1] === FREE);
    if (freesDay && this.monthDays[s * p.M + p.dayMonth[t]] > p.overloadFrom[s]) g += WEIGHT.fairness;
    if (this.pairCount[c.pair[k]] >= 2) g -= WEIGHT.continuity;
    return g;
  }

  add(k: number): void {
    const { p, c } = this;
    this.total += this.addGain(k);
    const s = c.spec[k];
    const t = c.day[k];
    const i = 2 * (s * p.T + t);
    if (this.slot[i] === FREE && this.slot[i + 1] === FREE) this.monthDays[s * p.M + p.dayMonth[t]]++;
    if (c.mask[k] & 1) this.slot[i] = k;
    if (c.mask[k] & 2) this.slot[i + 1] = k;
    this.chosen[k] = 1;
    this.demandLeft[c.demand[k]]--;
    this.hostDayLeft[c.host[k] * p.T + t]--;
    this.hostCount[c.host[k]]++;
    this.pairCount[c.pair[k]]++;
    this.#memberPos[k] = this.size;
    this.members[this.size++] = k;
  }

  remove(k: number): void {
    const { p, c } = this;
    this.total += this.removeGain(k);
    const s = c.spec[k];
    const t = c.day[k];
    const i = 2 * (s * p.T + t);
    if (c.mask[k] & 1) this.slot[i] = FREE;
    if (c.mask[k] & 2) this.slot[i + 1] = FREE;
    if (this.slot[i] === FREE && this.slot[i + 1] === FREE) this.monthDays[s * p.M + p.dayMonth[t]]--;
    this.chosen[k] = 0;
    this.demandLeft[c.demand[k]]++;
    this.hostDayLeft[c.host[k] * p.T + t]++;
    this.hostCount[c.host[k]]--;
    this.pairCount[c.pair[k]]--;
    const pos = this.#memberPos[k];
    const last = this.members[--this.size];
    this.members[pos] = last;
    this.#memberPos[last] = pos;
    this.#memberPos[k] = -1;
  }

  /** Candidates holding the specialist's half-days on `day` (0, 1 or 2 of them); PINNED shows as −2. */
  holders(spec: number, day: number): number[] {
    const i = 2 * (spec * this.p.T + day);
    const a = this.slot[i];
    const b = this.slot[i + 1];
    const out: number[] = [];
    if (a !== FREE) out.push(a);
    if (b !== FREE && b !== a) out.push(b);
    return out;
  }

  /** The chosen candidates in ascending order. */
  chosenList(): number[] {
    return Array.from(this.members.subarray(0, this.size)).sort((a, b) => a - b);
  }

  /** The chosen candidates in no particular order: a cheap copy for `load` (which sorts) to restore. */
  snapshot(): Int32Array {
    return this.members.slice(0, this.size);
  }

  /**
   * Replaces the chosen set (to restore the best roster seen, or to load a MILP solution).
   * Every rule is monotone (a subset of a valid roster is valid), so the order of adding does
   * not matter; a candidate that does not fit is skipped and counted, which would be a bug.
   */
  load(list: readonly number[] | Int32Array): number {
    while (this.size > 0) this.remove(this.members[this.size - 1]);
    let rejected = 0;
    for (const k of Int32Array.from(list).sort()) {
      if (this.canAdd(k)) this.add(k);
      else rejected++;
    }
    return rejected;
  }

  /** Adds every candidate that still fits and gains, best first per demand, until none is left. */
  fill(): number {
    let added = 0;
    for (let progress = true; progress; ) {
      progress = false;
      for (let d = 0; d < this.p.D; d++) {
        if (this.demandLeft[d] <= 0) continue;
        const k = this.bestAddition(d);
        if (k >= 0) {
          this.add(k);
          added++;
          progress = true;
        }
      }
    }
    return added;
  }

  /**
   * The feasible candidate of demand d with the largest positive gain, or −1. Ties go to the lower index.
   *
   * NOTE: this scan is most of the local search's time (every refill calls it), so it is
   * canAdd + addGain written out for one demand: the demand's host, half-days and remaining
   * days are read once, the host's fairness change is the same for every candidate of the
   * demand and is added after the scan, and a day on which the host is full is skipped whole
   * (candidates of a demand are sorted by day).
   */
  bestAddition(d: number): number {
    const { p, c, slot, chosen, monthDays, pairCount } = this;
    const from = c.demandStart[d];
    const to = c.demandStart[d + 1];
    if (from === to || this.demandLeft[d] <= 0) return -1;
    const T = p.T;
    const M = p.M;
    const h = p.demandHost[d];
    const mask = p.demandMask[d];
    const a = this.hostCount[h];
    const hostGain = WEIGHT.fairness * (hostFairnessPoints(a + 1, p.hostDemanded[h]) - hostFairnessPoints(a, p.hostDemanded[h]));
    let best = -1;
    let bestGain = 0;
    for (let k = from; k < to; k++) {
      const t = c.day[k];
      if (this.hostDayLeft[h * T + t] <= 0) {
        while (k + 1 < to && c.day[k + 1] === t) k++;
        continue;
      }
      if (chosen[k]) continue;
      const s = c.spec[k];
      const i = 2 * (s * T + t);
      const morning = slot[i];
      const afternoon = slot[i + 1];
      if ((mask & 1 && morning !== FREE) || (mask & 2 && afternoon !== FREE)) continue;
      let g = c.gain[k] + hostGain;
      if (morning === FREE && afternoon === FREE) {
        const md = monthDays[s * M + p.dayMonth[t]];
        if (md >= p.maxDays[s] || this.runWith(s, t) > p.maxConsecutive[s]) continue;
        if (md >= p.overloadFrom[s]) g -= WEIGHT.fairness;
      }
      if (pairCount[c.pair[k]] >= 1) g += WEIGHT.continuity;
      if (g > bestGain + 1e-9) {
        best = k;
        bestGain = g;
      }
    }
    return best;
  }
}
