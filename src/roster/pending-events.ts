import { EntityManager } from 'typeorm';
import { appendEvent } from '../events/event-log';

/**
 * Events a transaction will write, collected while it works and appended at its very end:
 * appendEvent holds the event-ordering lock until commit, so appending last keeps other
 * writers waiting as briefly as possible even when one change produces many events.
 */
export class PendingEvents {
  readonly #events: { topic: string; payload: Record<string, unknown> }[] = [];

  add(topic: string, payload: Record<string, unknown>): void {
    this.#events.push({ topic, payload });
  }

  get size(): number {
    return this.#events.length;
  }

  async flush(m: EntityManager): Promise<void> {
    for (const { topic, payload } of this.#events.splice(0)) await appendEvent(m, topic, payload);
  }
}

/** Cursor for "snapshot, then subscribe with after=cursor": read it BEFORE the snapshot, so nothing is missed (at worst seen twice). */
export async function currentCursor(m: EntityManager): Promise<string> {
  const [{ max }] = await m.query('SELECT COALESCE(MAX(id), 0)::text AS max FROM event');
  return max;
}
