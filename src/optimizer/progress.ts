/**
 * Turns the phases' own progress into one job progress: percent never goes back, the best
 * objective never gets worse, and the callback is not flooded (a phase change or a step of at
 * least one percent or a quarter second).
 */
import { performance } from 'node:perf_hooks';
import type { ObjectiveBreakdown, OptimizePhase, OptimizeProgress } from './model';

const PARTS_INTERVAL_MS = 1000;

export class ProgressReporter {
  #percent = 0;
  #best: number | null = null;
  #phase: OptimizePhase | null = null;
  #lastEmit = -Infinity;
  #lastPercent = -1;
  #parts: (() => ObjectiveBreakdown) | null = null;
  #lastParts: ObjectiveBreakdown | null = null;
  #partsAt = -Infinity;
  #bound: number | null = null;

  constructor(private readonly listener?: (progress: OptimizeProgress) => void) {}

  /**
   * Lets each report carry the score parts (computed only when a report goes out, so at most a
   * few times a second) and the bound, for a scheduler watching the run live.
   */
  observe(parts: () => ObjectiveBreakdown): void {
    this.#parts = parts;
  }

  /** A valid upper bound; only a tighter one replaces it. */
  bound(value: number | null): void {
    if (value !== null && Number.isFinite(value) && (this.#bound === null || value < this.#bound)) this.#bound = value;
  }

  get best(): number | null {
    return this.#best;
  }

  /** The last event: 100 %, with the final roster's objective as scored from scratch. */
  finish(phase: OptimizePhase, total: number): void {
    this.#best = total;
    this.report(phase, 100, 100, 1);
  }

  /** `fraction` (0…1) of the phase that spans [from, to] percent of the whole run. */
  report(phase: OptimizePhase, from: number, to: number, fraction: number, best: number | null = null): void {
    if (best !== null && Number.isFinite(best) && (this.#best === null || best > this.#best)) this.#best = best;
    const percent = Math.max(this.#percent, Math.min(100, from + (to - from) * Math.min(1, Math.max(0, fraction))));
    this.#percent = percent;
    const now = performance.now();
    const changed = phase !== this.#phase;
    if (!changed && percent < 100 && percent - this.#lastPercent < 1 && now - this.#lastEmit < 250) return;
    this.#phase = phase;
    this.#lastEmit = now;
    this.#lastPercent = percent;
    // A listener that throws must not break the run (it is someone else's code: a job store, a socket).
    try {
      if (!this.listener) return;
      const bound = this.#bound;
      const gap = bound === null || this.#best === null ? null : Math.max(0, (bound - this.#best) / Math.max(1, Math.abs(bound)));
      // Scoring from scratch costs tens of ms on a big instance: at most once a second, and at the end.
      if (this.#parts && (percent >= 100 || now - this.#partsAt >= PARTS_INTERVAL_MS)) {
        this.#lastParts = this.#parts();
        this.#partsAt = now;
      }
      this.listener({ phase, percent: Math.round(percent * 10) / 10, bestObjective: this.#best, objective: this.#lastParts, bound, gap });
    } catch {
      /* ignored on purpose */
    }
  }
}
