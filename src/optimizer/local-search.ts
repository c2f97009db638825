/**
 * The local search: a greedy construction by priority, then ruin-and-recreate with ejection
 * chains under simulated-annealing acceptance.
 *
 * Why this shape: coverage is won or lost on chains — specialist A serves demand X, but A is the
 * only one who can serve Y, while X could also take B. A move therefore pushes an open demand's
 * candidate in, throws out whatever blocks it (the same half-day, a full host, the monthly or
 * consecutive limit), and lets the evicted demands refill greedily, evicting again up to a few
 * links deep. Lower tiers (fairness, continuity, travel) improve through the same refill, which
 * always takes the best-gaining candidate.
 *
 * Determinism: all choices come from the seeded generator and the budget is counted in
 * iterations, not time. The wall-clock deadline is only a safety stop; when it is what ends the
 * run, the result says so (stopReason TIME_LIMIT) and may differ between runs.
 */
import { performance } from 'node:perf_hooks';
import type { RosterState } from './roster-state';
import { SeededRandom } from './seeded-random';
import { TimeSlice } from './time-slice';

export interface SearchSettings {
  seed: number;
  /** Improvement iterations (ruin-and-recreate moves). */
  iterations: number;
  /** performance.now() value after which the search stops early. */
  deadline: number;
  signal?: AbortSignal;
  /** fraction: 0…1 within the current phase. */
  onProgress?: (phase: 'CONSTRUCT' | 'IMPROVE', fraction: number, bestTotal: number) => void;
}

export interface SearchOutcome {
  iterations: number;
  stoppedBy: 'ITERATION_BUDGET' | 'TIME_LIMIT';
}

/** Start temperature: a fairness point (50) is often given up early on, an expert-day (≥ 1000) practically never. */
const START_TEMPERATURE = 60;
const END_TEMPERATURE = 0.5;
/** Evictions one move may chain before it gives up. */
const MAX_CHAIN = 3;

/** Greedy by priority level, round-robin within a level so scarce days are shared out. */
export async function construct(state: RosterState, settings: SearchSettings): Promise<SearchOutcome> {
  const { p, c } = state;
  const slice = new TimeSlice(settings.signal);
  const options = (d: number) => c.demandStart[d + 1] - c.demandStart[d];
  const order = Array.from({ length: p.D }, (_, d) => d).filter((d) => options(d) > 0 && state.demandLeft[d] > 0);
  // Scarce demands first within a level: they have the fewest ways to be served.
  order.sort((a, b) => p.demandPriority[b] - p.demandPriority[a] || options(a) / state.demandLeft[a] - options(b) / state.demandLeft[b] || a - b);
  let done = 0;
  for (let level = 5; level >= 1; level--) {
    let active = order.filter((d) => p.demandPriority[d] === level);
    while (active.length > 0) {
      const next: number[] = [];
      for (const d of active) {
        const k = state.bestAddition(d);
        if (k >= 0) {
          state.add(k);
          if (state.demandLeft[d] > 0) next.push(d);
        }
        if (slice.due()) {
          await slice.yield();
          settings.onProgress?.('CONSTRUCT', Math.min(1, done / Math.max(1, order.length)), state.total);
          if (performance.now() > settings.deadline) return { iterations: 0, stoppedBy: 'TIME_LIMIT' };
        }
      }
      active = next;
    }
    done += order.filter((d) => p.demandPriority[d] === level).length;
  }
  settings.onProgress?.('CONSTRUCT', 1, state.total);
  return { iterations: 0, stoppedBy: 'ITERATION_BUDGET' };
}

export async function improve(state: RosterState, settings: SearchSettings): Promise<SearchOutcome> {
  const { p, c } = state;
  const rng = new SeededRandom(settings.seed);
  const slice = new TimeSlice(settings.signal);
  const journal: number[] = [];
  let best = state.total;
  // NOTE: a snapshot, not chosenList(): a new best is found thousands of times per run, and
  // sorting the roster each time was a third of the search's time on the 1000-specialist instance.
  let bestList = state.snapshot();
  let open: number[] = [];

  const add = (k: number) => {
    state.add(k);
    journal.push(k + 1);
  };
  const remove = (k: number) => {
    state.remove(k);
    journal.push(-(k + 1));
  };
  const undo = () => {
    for (let i = journal.length - 1; i >= 0; i--) {
      const e = journal[i];
      if (e > 0) state.remove(e - 1);
      else state.add(-e - 1);
    }
    journal.length = 0;
  };
  const refreshOpen = () => {
    open = [];
    for (let d = 0; d < p.D; d++) if (state.demandLeft[d] > 0 && c.demandStart[d + 1] > c.demandStart[d]) open.push(d);
  };

  /** Demands whose coverage dropped during this move, with their coverage before it. */
  const leftBefore = new Map<number, number>();
  const touch = (d: number) => {
    if (!leftBefore.has(d)) leftBefore.set(d, state.demandLeft[d]);
  };

  /** Of two random assignments, the one whose removal costs less: evictions lean towards low-value days without becoming greedy. */
  const cheaper = (list: readonly number[]): number => {
    const [x, y] = [rng.pick(list), rng.pick(list)];
    return state.removeGain(x) >= state.removeGain(y) ? x : y;
  };

  /** Removes everything that stops candidate k from fitting, then adds k. False when it cannot be made to fit. */
  const forceIn = (k: number): boolean => {
    const s = c.spec[k];
    const t = c.day[k];
    const h = c.host[k];
    touch(c.demand[k]);
    const clearDay = (day: number): boolean => {
      for (const holder of state.holders(s, day)) {
        if (holder < 0) return false;
        touch(c.demand[holder]);
        remove(holder);
      }
      return true;
    };
    if (state.demandLeft[c.demand[k]] <= 0) {
      // A swap: k replaces one of its demand's current assignments.
      const d = c.demand[k];
      const mine: number[] = [];
      for (let j = c.demandStart[d]; j < c.demandStart[d + 1]; j++) if (state.chosen[j]) mine.push(j);
      if (mine.length === 0) return false; // filled by pinned assignments
      remove(cheaper(mine));
    }
    for (const holder of state.holders(s, t)) {
      if (holder < 0) return false;
      const overlaps = c.mask[holder] & c.mask[k];
      if (overlaps) {
        touch(c.demand[holder]);
        remove(holder);
      }
    }
    if (state.hostDayLeft[h * p.T + t] <= 0) {
      const list = c.byHostDay;
      const busy: number[] = [];
      for (let i = list.starts[h * p.T + t]; i < list.starts[h * p.T + t + 1]; i++) if (state.chosen[list.items[i]]) busy.push(list.items[i]);
      if (busy.length === 0) return false; // full with pinned assignments only
      const victim = cheaper(busy);
      touch(c.demand[victim]);
      remove(victim);
    }
    if (!state.isDayOut(s, t)) {
      const m = p.dayMonth[t];
      if (state.monthDays[s * p.M + m] >= p.maxDays[s]) {
        const days: number[] = [];
        for (let i = c.bySpec.starts[s]; i < c.bySpec.starts[s + 1]; i++) {
          const j = c.bySpec.items[i];
          if (state.chosen[j] && p.dayMonth[c.day[j]] === m && !days.includes(c.day[j])) days.push(c.day[j]);
        }
        if (days.length === 0) return false;
        // The cheaper of two random days to give up (a day may hold two half-day assignments).
        const dayLoss = (day: number) => state.holders(s, day).reduce((sum, j) => sum + (j < 0 ? -Infinity : state.removeGain(j)), 0);
        const [x, y] = [rng.pick(days), rng.pick(days)];
        if (!clearDay(dayLoss(x) >= dayLoss(y) ? x : y)) return false;
      }
      for (let guard = 0; guard < 2 && state.runWith(s, t) > p.maxConsecutive[s]; guard++) {
        // Freeing a neighbouring day splits the run.
        const neighbours = [t - 1, t + 1].filter((x) => x >= 0 && x < p.T && state.isDayOut(s, x));
        if (neighbours.length === 0 || !clearDay(rng.pick(neighbours))) return false;
      }
    }
    if (!state.canAdd(k)) return false;
    add(k);
    return true;
  };

  /**
   * Greedy refill of the touched demands, highest priority first, one day each per round.
   * A demand with nothing to add drops out: adding only uses capacity up, and every fitting
   * candidate gains (an expert-day is worth more than any penalty it brings), so it would find
   * nothing in a later round either.
   */
  const recreate = () => {
    let queue = [...leftBefore.keys()].sort((a, b) => p.demandPriority[b] - p.demandPriority[a] || a - b);
    while (queue.length > 0) {
      const again: number[] = [];
      for (const d of queue) {
        if (state.demandLeft[d] <= 0) continue;
        const k = state.bestAddition(d);
        if (k >= 0) {
          add(k);
          again.push(d);
        }
      }
      queue = again;
    }
  };

  /** A random candidate of demand d that is not in the roster. */
  const randomCandidate = (d: number): number => {
    const from = c.demandStart[d];
    const n = c.demandStart[d + 1] - from;
    for (let tries = 0; tries < 6; tries++) {
      const k = from + rng.below(n);
      if (!state.chosen[k]) return k;
    }
    return -1;
  };

  /** Pull in open demands that the freed specialist could serve, so freed days get used. */
  const touchOpenOf = (s: number, limit: number) => {
    let added = 0;
    const from = c.bySpec.starts[s];
    const n = c.bySpec.starts[s + 1] - from;
    for (let tries = 0; tries < 2 * limit && added < limit && n > 0; tries++) {
      const d = c.demand[c.bySpec.items[from + rng.below(n)]];
      if (state.demandLeft[d] > 0 && !leftBefore.has(d)) {
        touch(d);
        added++;
      }
    }
  };

  const ejectionMove = (): boolean => {
    if (open.length === 0) return false;
    const d = rng.pick(open);
    if (state.demandLeft[d] <= 0) return false;
    const k = randomCandidate(d);
    return k >= 0 && forceIn(k);
  };

  /** Swaps another candidate into a demand that is served: a different specialist, day, or both. */
  const swapMove = (): boolean => {
    if (state.size === 0) return false;
    const d = c.demand[state.members[rng.below(state.size)]];
    const k = randomCandidate(d);
    return k >= 0 && forceIn(k);
  };

  const ruinMove = (byHost: boolean): boolean => {
    if (state.size === 0) return false;
    const k0 = state.members[rng.below(state.size)];
    const group: number[] = [];
    if (byHost) {
      const h = c.host[k0];
      for (let t = 0; t < p.T; t++) {
        for (let i = c.byHostDay.starts[h * p.T + t]; i < c.byHostDay.starts[h * p.T + t + 1]; i++) {
          if (state.chosen[c.byHostDay.items[i]]) group.push(c.byHostDay.items[i]);
        }
      }
    } else {
      const s = c.spec[k0];
      for (let i = c.bySpec.starts[s]; i < c.bySpec.starts[s + 1]; i++) if (state.chosen[c.bySpec.items[i]]) group.push(c.bySpec.items[i]);
    }
    const count = 1 + rng.below(Math.min(3, group.length));
    for (let n = 0; n < count; n++) {
      const victim = n === 0 ? k0 : group[rng.below(group.length)];
      if (!state.chosen[victim]) continue;
      touch(c.demand[victim]);
      remove(victim);
      touchOpenOf(c.spec[victim], 2);
    }
    return true;
  };

  refreshOpen();
  let i = 0;
  let stoppedBy: SearchOutcome['stoppedBy'] = 'ITERATION_BUDGET';
  for (; i < settings.iterations; i++) {
    if (slice.due()) {
      await slice.yield();
      settings.onProgress?.('IMPROVE', i / settings.iterations, best);
      if (performance.now() > settings.deadline) {
        stoppedBy = 'TIME_LIMIT';
        break;
      }
    }
    if (i % 50 === 0) refreshOpen();
    const temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** (i / settings.iterations);
    const before = state.total;
    journal.length = 0;
    leftBefore.clear();

    const r = rng.next();
    const applied = r < 0.35 ? ejectionMove() : r < 0.75 ? swapMove() : ruinMove(r < 0.85);
    if (!applied) {
      undo();
      continue;
    }
    recreate();
    // Follow the chain: a demand that lost a day tries to win one back by evicting in turn.
    for (let link = 0; link < MAX_CHAIN; link++) {
      const loser = [...leftBefore.entries()].find(([d, left]) => state.demandLeft[d] > left);
      if (!loser) break;
      const k = randomCandidate(loser[0]);
      if (k < 0 || !forceIn(k)) break;
      recreate();
    }

    const delta = state.total - before;
    if (delta < -1e-9 && rng.next() >= Math.exp(delta / temperature)) {
      undo();
    } else if (state.total > best + 1e-9) {
      best = state.total;
      bestList = state.snapshot();
    }
  }
  state.load(bestList);
  settings.onProgress?.('IMPROVE', 1, state.total);
  return { iterations: i, stoppedBy };
}
