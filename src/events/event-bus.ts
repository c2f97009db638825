import { DataSource } from 'typeorm';
import { badInput } from '../errors';
import type { Logger } from '../graphql/logger';
import { currentCursor, eventsAfter } from './event-log';
import { EventQueue } from './event-queue';
import type { Topic, TopicEvent } from './topics';
import { EventTransport } from './transport';

const PAGE = 500;

export interface SubscribeOptions<T extends Topic> {
  topics: T[];
  /** Cursor (event id) of the last event the client saw: replay everything after it first. */
  after?: string | null;
  /** The policy's verdict for this subscriber; events it refuses are skipped silently. */
  accept?: (event: TopicEvent<T>) => boolean;
}

type Listener = (event: TopicEvent) => void;

/**
 * Reads the event log in id order and hands each event to this process's subscribers.
 * Because ids become visible in commit order (see event-log.ts), "id > last seen" never skips.
 */
export class EventBus {
  readonly #db: DataSource;
  readonly #transport: EventTransport;
  readonly #log: Logger;
  readonly #listeners = new Set<Listener>();
  readonly #observers = new Set<Listener>();
  #lastDispatched = 0n;
  #pumping: Promise<void> | null = null;
  #again = false;
  #closed = false;

  private constructor(db: DataSource, transport: EventTransport, log: Logger) {
    this.#db = db;
    this.#transport = transport;
    this.#log = log;
  }

  static async create(db: DataSource, transport: EventTransport, log: Logger): Promise<EventBus> {
    const bus = new EventBus(db, transport, log);
    bus.#lastDispatched = BigInt(await currentCursor(db));
    await transport.start(() => bus.#wake());
    return bus;
  }

  /**
   * The cursor of "now" for this process: a subscription given it as `after` receives every
   * event from here on, the same as one that gives no cursor, but can resume from it later.
   */
  get cursor(): string {
    return this.#lastDispatched.toString();
  }

  #wake(): void {
    if (this.#closed) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#pump()
      .catch((error) => this.#log.error({ err: error }, 'reading the event log failed; will retry on the next wake-up'))
      .finally(() => {
        this.#pumping = null;
        if (this.#again) {
          this.#again = false;
          this.#wake();
        }
      });
  }

  async #pump(): Promise<void> {
    for (;;) {
      const rows = await eventsAfter(this.#db, this.#lastDispatched, PAGE);
      for (const event of rows) {
        this.#lastDispatched = BigInt(event.id);
        for (const observer of this.#observers) observer(event);
        for (const listener of this.#listeners) listener(event);
      }
      if (rows.length < PAGE || this.#closed) return;
    }
  }

  /**
   * Live events for `topics`, preceded by a replay from the log when `after` is given. The
   * listener is attached before the replay starts and buffers meanwhile, so nothing that
   * commits during the replay is lost; ids at or below the last delivered one are dropped, so
   * nothing arrives twice.
   */
  subscribe<T extends Topic>(options: SubscribeOptions<T>): AsyncIterableIterator<TopicEvent<T>> {
    const topics = new Set<Topic>(options.topics);
    const accept = options.accept ?? (() => true);
    let last: bigint;
    if (options.after != null) {
      if (!/^\d{1,19}$/.test(options.after)) throw badInput('after', 'common.badCursor', { after: options.after });
      last = BigInt(options.after);
    } else {
      last = this.#lastDispatched;
    }
    let replaying = options.after != null;
    const buffered: TopicEvent<T>[] = [];
    const queue = new EventQueue<TopicEvent<T>>(() => this.#listeners.delete(listener));
    const deliver = (event: TopicEvent<T>) => {
      const id = BigInt(event.id);
      if (id <= last) return;
      last = id;
      if (accept(event)) queue.push(event);
    };
    const listener: Listener = (any) => {
      if (!topics.has(any.topic)) return;
      const event = any as TopicEvent<T>; // its topic is one of T: checked on the line above
      if (replaying) buffered.push(event);
      else deliver(event);
    };
    this.#listeners.add(listener);
    if (replaying) {
      (async () => {
        for (;;) {
          const rows = await eventsAfter(this.#db, last, PAGE, options.topics);
          rows.forEach(deliver);
          if (rows.length < PAGE) break;
        }
        replaying = false;
        buffered.splice(0).forEach(deliver);
      })().catch((error) => queue.fail(error));
    }
    return queue;
  }

  /**
   * Calls `listener` synchronously for every live event of `topics`, in log order and before
   * any subscription added later hears of it (the hub's session watcher relies on that).
   * Returns the function that stops it.
   */
  watch<T extends Topic>(topics: T[], listener: (event: TopicEvent<T>) => void): () => void {
    const wanted = new Set<string>(topics);
    const own: Listener = (event) => {
      if (!wanted.has(event.topic)) return;
      try {
        listener(event as TopicEvent<T>);
      } catch (error) {
        this.#log.error({ err: error, topic: event.topic }, 'an event watcher failed');
      }
    };
    this.#listeners.add(own);
    return () => this.#listeners.delete(own);
  }

  /** Sees every event this process dispatches (e.g. the metrics' delivery lag); not a subscriber. */
  observe(observer: Listener): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  get subscriberCount(): number {
    return this.#listeners.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#transport.stop();
    await this.#pumping;
    this.#listeners.clear();
  }
}
