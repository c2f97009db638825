import { EntityManager } from 'typeorm';
import { appendEvents, NewEvent } from './event-log';
import type { Topic, TopicPayloads } from './topics';

/**
 * Events a transaction will write, collected while it works and appended at its very end:
 * appendEvent holds the event-ordering lock until commit, so appending last keeps other
 * writers waiting as briefly as possible even when one change produces many events.
 */
export class PendingEvents {
  readonly #events: NewEvent[] = [];

  add<T extends Topic>(topic: T, payload: TopicPayloads[T]): void {
    this.#events.push({ topic, payload } as NewEvent);
  }

  get size(): number {
    return this.#events.length;
  }

  /** All of them, in the order added, in one statement. */
  async flush(m: EntityManager): Promise<void> {
    await appendEvents(m, this.take());
  }

  /** All of them, in the order added, for a statement that appends them itself (event-log.ts appendEventsCtes). */
  take(): NewEvent[] {
    return this.#events.splice(0);
  }
}
