import { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus';
import { appendEvent, eventsAfter } from '../events/event-log';
import type { TopicEvent } from '../events/topics';
import './events';
import type { Logger } from '../graphql/logger';
import { notificationsFor, SOURCE_TOPICS, SourceTopic } from './from-events';

const CURSOR = 'notifications';
const PAGE = 200;
/** A safety net only: a commit normally wakes the projector through the event bus at once. */
const POLL_MS = 5_000;

/**
 * Turns events of the log into notifications. NOTE: the change's own transaction writes only
 * its event (as always); this reads the log after a persisted cursor and, in ONE transaction,
 * stores the notifications, their outbox rows and the new cursor. So nothing is lost when
 * the hub stops between the change and the notification (the event waits in the log), nothing
 * is made twice (cursor and rows commit together), and the outbound delivery happens in no
 * transaction at all. Several hub processes may run it: the cursor row lock takes turns.
 */
export class NotificationProjector {
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #timer: NodeJS.Timeout | null = null;
  #feed: AsyncIterableIterator<TopicEvent<SourceTopic>> | null = null;

  private constructor(
    private readonly db: DataSource,
    private readonly channels: () => string[],
    private readonly timeZone: string,
    private readonly onStored: () => void,
    private readonly log: Logger,
  ) {}

  /** `channels`: the outbox rows to write per notification; `onStored`: called after a commit that stored some. */
  static async start(db: DataSource, bus: EventBus, options: { channels: () => string[]; timeZone: string; onStored: () => void; log: Logger }): Promise<NotificationProjector> {
    const p = new NotificationProjector(db, options.channels, options.timeZone, options.onStored, options.log);
    // A new database starts from now: what happened before notifications existed is not news.
    await db.query(`INSERT INTO notification_cursor (name, last_event_id) SELECT $1, COALESCE(MAX(id), 0) FROM event ON CONFLICT (name) DO NOTHING`, [CURSOR]);
    p.#feed = bus.subscribe({ topics: [...SOURCE_TOPICS] });
    (async () => {
      for await (const _ of p.#feed!) p.wake();
    })().catch((error) => options.log.error({ err: error }, 'notification projector lost its event feed; polling only'));
    const tick = () => {
      p.wake();
      if (!p.#closed) p.#timer = setTimeout(tick, POLL_MS).unref();
    };
    tick();
    return p;
  }

  wake(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error) => this.log.error({ err: error }, 'projecting notifications failed; will retry'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  async #drain(): Promise<void> {
    for (;;) {
      const { events, stored } = await this.runOnce();
      if (stored) this.onStored();
      if (events < PAGE || this.#closed) return;
    }
  }

  /** One page of the log: how many events were read and how many notifications stored. */
  async runOnce(): Promise<{ events: number; stored: number }> {
    return this.db.transaction(async (m) => {
      const [cursor] = await m.query('SELECT last_event_id::text AS last FROM notification_cursor WHERE name = $1 FOR UPDATE', [CURSOR]);
      const events = await eventsAfter(m, cursor.last, PAGE, [...SOURCE_TOPICS]);
      if (!events.length) return { events: 0, stored: 0 };
      const added: { notificationId: number; recipientId: number }[] = [];
      const channels = this.channels();
      for (const event of events) {
        for (const d of await notificationsFor(m, event, this.timeZone)) {
          const [n] = await m.query(
            `INSERT INTO notification (recipient_id, kind, params, consultation_id, referral_id, booking_id, source_event_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source_event_id, recipient_id) DO NOTHING RETURNING id`,
            [d.recipientId, d.kind, d.params, d.consultationId ?? null, d.referralId ?? null, d.bookingId ?? null, event.id],
          );
          if (!n) continue;
          for (const channel of channels) await m.query('INSERT INTO notification_outbox (notification_id, channel) VALUES ($1, $2)', [n.id, channel]);
          added.push({ notificationId: n.id, recipientId: d.recipientId });
        }
      }
      await m.query('UPDATE notification_cursor SET last_event_id = $2 WHERE name = $1', [CURSOR, events[events.length - 1].id]);
      // Last, so the event-ordering lock is held briefly (see events/event-log.ts).
      for (const a of added) await appendEvent(m, 'notification', { action: 'ADDED', ...a });
      return { events: events.length, stored: added.length };
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#feed?.return?.();
    await this.#running;
  }
}
