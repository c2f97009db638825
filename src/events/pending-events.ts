import { EntityManager } from 'typeorm';
import { appendEvent } from './event-log';
import type { Topic, TopicPayloads } from './topics';

/**
 * Events a transaction will write, collected while it works and appended at its very end:
 * appendEvent holds the event-ordering lock until commit, so appending last keeps other
 * writers waiting as briefly as possible even when one change produces many events.
 */
export class PendingEvents {
  readonly #appends: ((m: EntityManager) => Promise<void>)[] = [];

  add<T extends Topic>(topic: T, payload: TopicPayloads[T]): void {
    this.#appends.push((m) => appendEvent(m, topic, payload));
  }

  get size(): number {
    return this.#appends.length;
  }

  async flush(m: EntityManager): Promise<void> {
    for (const append of this.#appends.splice(0)) await append(m);
  }
}
