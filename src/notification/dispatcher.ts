import { DataSource } from 'typeorm';
import type { NotificationConfig } from '../config';
import { isLanguage, Language } from '../i18n/language';
import type { Logger } from '../graphql/logger';
import type { NotificationChannel, OutboundNotification } from './channels';
import { renderNotification } from './render';

const BATCH = 20;

/** Delay before attempt n+1 after n failures: doubling from the base, capped, with a little jitter so retries spread. */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number): number {
  const exact = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exact * (0.9 + Math.random() * 0.2));
}

/**
 * Drains the notification outbox: takes due deliveries with SKIP LOCKED (any number of hub
 * processes may run one), leases them by moving their due time ahead, delivers them with no
 * transaction open, and records success, a retry time, or giving up. A process that dies
 * mid-delivery leaves the lease to expire; the delivery is then made again (at least once).
 */
export class OutboxDispatcher {
  readonly #channels: Map<string, NotificationChannel>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  private constructor(
    private readonly db: DataSource,
    channels: NotificationChannel[],
    private readonly config: NotificationConfig,
    private readonly defaultLanguage: Language,
    private readonly log: Logger,
  ) {
    this.#channels = new Map(channels.map((c) => [c.name, c]));
  }

  static start(db: DataSource, channels: NotificationChannel[], config: NotificationConfig, defaultLanguage: Language, log: Logger): OutboxDispatcher {
    const d = new OutboxDispatcher(db, channels, config, defaultLanguage, log);
    const tick = () => {
      d.wake();
      if (!d.#closed) d.#timer = setTimeout(tick, config.pollMs).unref();
    };
    tick();
    return d;
  }

  get channelNames(): string[] {
    return [...this.#channels.keys()];
  }

  /** Look now (new rows were just written); calls while a round runs fold into one more round. */
  wake(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error) => this.log.error({ err: error }, 'notification outbox round failed; retrying on the next poll'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  async #drain(): Promise<void> {
    while (!this.#closed && (await this.runOnce()) === BATCH);
  }

  /** One round: returns how many deliveries it attempted. */
  async runOnce(): Promise<number> {
    // NOTE: TypeORM answers an UPDATE ... RETURNING as [rows, affected count].
    const [claimed]: [{ id: string; channel: string; notification_id: number; attempts: number }[], number] = await this.db.query(
      `WITH due AS (
         SELECT id FROM notification_outbox
          WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() AND channel = ANY($3)
          ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE notification_outbox o SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), attempts = o.attempts + 1
         FROM due WHERE o.id = due.id
       RETURNING o.id::text AS id, o.channel, o.notification_id, o.attempts`,
      [BATCH, this.config.leaseMs, this.channelNames],
    );
    if (!claimed.length) return 0;
    const outbound = await this.#outbound(claimed.map((c) => c.notification_id));
    await Promise.all(claimed.map(async (row) => {
      const n = outbound.get(row.notification_id);
      try {
        if (!n) throw new Error('the notification no longer exists');
        await this.#channels.get(row.channel)!.deliver({ ...n, deliveryId: row.id });
        await this.db.query('UPDATE notification_outbox SET delivered_at = now(), last_error = NULL WHERE id = $1', [row.id]);
      } catch (error) {
        const reason = String((error as Error)?.message ?? error).slice(0, 500);
        if (row.attempts >= this.config.maxAttempts || !n) {
          this.log.error({ delivery: row.id, channel: row.channel, attempts: row.attempts, reason }, 'notification delivery given up');
          await this.db.query('UPDATE notification_outbox SET failed_at = now(), last_error = $2 WHERE id = $1', [row.id, reason]);
        } else {
          const delay = retryDelayMs(row.attempts, this.config.retryBaseMs, this.config.retryMaxMs);
          this.log.warn({ delivery: row.id, channel: row.channel, attempts: row.attempts, retryInMs: delay, reason }, 'notification delivery failed; will retry');
          await this.db.query('UPDATE notification_outbox SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), last_error = $3 WHERE id = $1', [row.id, delay, reason]);
        }
      }
    }));
    return claimed.length;
  }

  async #outbound(ids: number[]): Promise<Map<number, Omit<OutboundNotification, 'deliveryId'>>> {
    const rows: any[] = await this.db.query(
      `SELECT n.id, n.kind, n.params, n.consultation_id, n.referral_id, n.booking_id, n.created_at, p.id AS person_id, p.username, p.name, p.language
         FROM notification n JOIN person p ON p.id = n.recipient_id WHERE n.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => {
      const language: Language = isLanguage(r.language) ? r.language : this.defaultLanguage;
      const id = (v: number | null) => (v == null ? null : String(v));
      return [r.id, {
        notificationId: String(r.id), kind: r.kind, recipient: { id: String(r.person_id), username: r.username, name: r.name }, language,
        ...renderNotification(r, language),
        consultationId: id(r.consultation_id), referralId: id(r.referral_id), bookingId: id(r.booking_id), createdAt: new Date(r.created_at).toISOString(),
      }];
    }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }
}
