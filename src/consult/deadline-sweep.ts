import { DataSource } from 'typeorm';
import type { ConsultConfig } from '../config';
import { appendEvent } from '../events/event-log';
import type { Logger } from '../graphql/logger';
import { Consultation } from './entities';
import { consultationEvent } from './events';

/**
 * Escalates requests left unclaimed past their claim deadline: an ESCALATED event reaches the
 * schedulers of the consortium (and the queue's specialists and the requester).
 *
 * Every hub process runs one sweep on a timer. NOTE: it is safe with several processes because
 * the conditional UPDATE ("... AND escalated_at IS NULL") is the referee: a row locked by one
 * process's UPDATE is re-checked by the other after commit and skipped, so each overdue request
 * is escalated exactly once per round in the queue (a hand-back clears escalated_at).
 */
export class DeadlineSweep {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #closed = false;

  private constructor(private readonly db: DataSource, private readonly config: ConsultConfig, private readonly log: Logger) {}

  static start(db: DataSource, config: ConsultConfig, log: Logger): DeadlineSweep {
    const sweep = new DeadlineSweep(db, config, log);
    sweep.#timer = setInterval(() => void sweep.runOnce().catch((err) => log.warn({ err }, 'consultation deadline sweep failed; retrying on the next tick')), config.sweepIntervalMs);
    sweep.#timer.unref();
    return sweep;
  }

  /** Escalates what is overdue now; returns how many. Overlapping calls share one run. */
  runOnce(): Promise<number> {
    if (this.#closed) return Promise.resolve(0);
    this.#running ??= this.#sweep().finally(() => { this.#running = null; });
    return this.#running;
  }

  async #sweep(): Promise<number> {
    const d = this.config.claimDeadlineSeconds;
    return this.db.transaction(async (m) => {
      // NOTE: TypeORM answers an UPDATE ... RETURNING with [rows, rowCount].
      const [rows]: [{ id: number }[], number] = await m.query(
        `UPDATE consultation c SET escalated_at = now()
          WHERE c.state = 'REQUESTED' AND c.escalated_at IS NULL
            AND c.requested_at <= now() - make_interval(secs => CASE c.urgency WHEN 'EMERGENCY' THEN $1::int WHEN 'URGENT' THEN $2::int ELSE $3::int END)
        RETURNING c.id`,
        [d.EMERGENCY, d.URGENT, d.ROUTINE],
      );
      const ids = rows.map((r) => r.id);
      if (!ids.length) return 0;
      const escalated = await m.getRepository(Consultation).createQueryBuilder('c').whereInIds(ids).orderBy('c.id').getMany();
      for (const c of escalated) {
        const overdueSeconds = Math.round((c.escalatedAt!.getTime() - c.requestedAt.getTime()) / 1000) - d[c.urgency];
        await appendEvent(m, 'consultation', consultationEvent(c, 'ESCALATED', null, { queued: true, wasQueued: true, deadlineSeconds: d[c.urgency], overdueSeconds }));
      }
      this.log.info({ consultations: ids }, 'consultations escalated past their claim deadline');
      return ids.length;
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running?.catch(() => {});
  }
}
