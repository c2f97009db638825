import { DataSource } from 'typeorm';
import { PendingEvents } from '../events/pending-events';
import type { Logger } from '../graphql/logger';
import type { OptimizeProgress } from '../optimizer';
import { RosterJob } from './entities';
import { JobState } from './kinds';

/** Progress reaches the log at most this often (the last word of a run always gets through). */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Writes progress to the job row and the event log, one write at a time and at least
 * PROGRESS_INTERVAL_MS after the previous one finished, always with the latest value.
 * `finish` flushes the last value at once (a run's end); `stop` drops what is pending (a cancel).
 */
export class ProgressWriter {
  #latest: OptimizeProgress | null = null;
  #written: OptimizeProgress | null = null;
  #lastWrite = 0;
  #scheduled = false;
  #stopped = false;
  #wake: (() => void) | null = null;
  #chain: Promise<void> = Promise.resolve();

  constructor(private readonly db: DataSource, private readonly job: RosterJob, private readonly consortiumId: number, private readonly log?: Logger) {}

  #failed = (error: unknown) => this.log?.warn({ err: error, jobId: this.job.id }, 'could not write the progress of a roster job; the next write carries the latest');

  push(p: OptimizeProgress): void {
    this.#latest = p;
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    this.#chain = this.#chain.then(async () => {
      const wait = this.#lastWrite + PROGRESS_INTERVAL_MS - Date.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.#wake = () => { clearTimeout(timer); resolve(); };
        });
      }
      this.#wake = null;
      this.#scheduled = false;
      if (!this.#stopped) await this.#write();
    }).catch(this.#failed);
  }

  async finish(): Promise<void> {
    this.#wake?.();
    this.#chain = this.#chain.then(() => (this.#stopped ? undefined : this.#write())).catch(this.#failed);
    await this.#chain;
    this.#stopped = true;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#chain;
  }

  async #write(): Promise<void> {
    const p = this.#latest;
    if (!p || p === this.#written) return;
    this.#written = p;
    try {
      await this.db.transaction(async (m) => {
        const rows: any[] = await m.query(
          `UPDATE roster_job SET phase = $2, percent = $3, best_objective = $4, heartbeat_at = now() WHERE id = $1 AND state = 'RUNNING' RETURNING id`,
          [this.job.id, p.phase, Math.min(100, Math.max(0, p.percent)), p.bestObjective],
        );
        const updated = Array.isArray(rows[0]) ? rows[0] : rows;
        if (!updated.length) return;
        const events = new PendingEvents();
        events.add('roster-job', {
          action: 'PROGRESS', jobId: this.job.id, rosterId: this.job.rosterId, consortiumId: this.consortiumId, state: JobState.RUNNING, phase: p.phase, percent: p.percent,
          bestObjective: p.bestObjective, objective: p.objective ?? null, bound: p.bound ?? null, gap: p.gap ?? null,
        });
        await events.flush(m);
      });
    } finally {
      this.#lastWrite = Date.now();
    }
  }
}
