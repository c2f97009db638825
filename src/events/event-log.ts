import type { EntityManager } from 'typeorm';
import type { Topic, TopicEvent, TopicPayloads } from './topics';

/** Arbitrary but fixed: the advisory lock that orders event ids by commit. */
const EVENT_ORDER_LOCK = 7_461_001;
export const EVENT_CHANNEL = 'hub_events';

/** A DataSource, an EntityManager or a QueryRunner: whatever the caller reads with. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * Appends an event inside the caller's transaction, so it exists exactly when the change does.
 *
 * NOTE: ids from a sequence are handed out in call order but become visible in commit order;
 * a reader that resumes "after id N" could skip an id that committed late. The transaction-
 * scoped advisory lock makes event-writing transactions take their ids one at a time, held
 * until commit, so ids become visible strictly in order. Append last in a transaction to keep
 * the lock short.
 */
export async function appendEvent<T extends Topic>(manager: EntityManager, topic: T, payload: TopicPayloads[T]): Promise<void> {
  await appendEvents(manager, [{ topic, payload }]);
}

/** An event a transaction is about to append (PendingEvents collects them). */
export interface NewEvent<T extends Topic = Topic> {
  topic: T;
  payload: TopicPayloads[T];
}

/**
 * appendEvent for several events at once, in the given order: one statement for the ordering
 * lock, the inserts and the NOTIFY (bench/booking/run.ts: every statement a booking sends costs
 * the hub and PostgreSQL CPU on the same two cores; three per event was most of a booking's).
 * NOTE: the lock is a join input of the rows inserted, so it is held before the first id is
 * taken; nextval is volatile, so PostgreSQL takes the ids after the ORDER BY, in list order.
 */
export async function appendEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendEvent must run inside the transaction of the change it records');
  }
  await manager.query(`WITH ${appendEventsCtes('$1', '$2', '$3')} SELECT sent FROM notified`, eventParams(events));
}

/**
 * appendEvents as common table expressions, for a caller's statement that does more (a booking
 * appends its events in the statement that inserts it: bench/booking/run.ts, its turn on the
 * session's lock is one round trip shorter). `lock`, `events`, `channel`: where the statement
 * has eventParams(). The statement must read `notified`, or PostgreSQL skips the NOTIFY.
 */
export function appendEventsCtes(lock: string, events: string, channel: string): string {
  return `ordered AS (SELECT pg_advisory_xact_lock(${lock}) AS locked),
     added AS (INSERT INTO event (topic, payload)
               SELECT e.item->>'topic', e.item->'payload' FROM ordered, jsonb_array_elements(${events}::jsonb) WITH ORDINALITY AS e(item, n)
                ORDER BY e.n RETURNING id),
     -- NOTIFY is transactional: listeners hear it only if and when this transaction commits.
     notified AS (SELECT pg_notify(${channel}, max(id)::text) AS sent FROM added)`;
}

/** The parameters appendEventsCtes' statement binds: the ordering lock, the events, the channel. */
export const eventParams = (events: NewEvent[]): unknown[] => [EVENT_ORDER_LOCK, JSON.stringify(events), EVENT_CHANNEL];

/**
 * The cursor for "snapshot, then subscribe with after = cursor": read it BEFORE (or in the
 * same snapshot as) the data, so nothing is missed; at worst an event is seen twice.
 */
export async function currentCursor(q: Queryable): Promise<string> {
  const [{ cursor }] = await q.query('SELECT COALESCE(MAX(id), 0)::text AS cursor FROM event');
  return cursor;
}

/** Events after `after` (an event id), in id order, optionally of some topics only: the one reader of the log. */
export async function eventsAfter<T extends Topic = Topic>(q: Queryable, after: bigint | string, limit: number, topics: T[] | null = null): Promise<TopicEvent<T>[]> {
  const rows: { id: string; topic: Topic; payload: unknown; occurred_at: Date }[] = await q.query(
    // NOTE: order by e.id, not the text alias `id`, which would sort "10" before "9".
    `SELECT e.id::text AS id, e.topic, e.payload, e.occurred_at FROM event e
      WHERE e.id > $1 ${topics ? 'AND e.topic = ANY($3)' : ''} ORDER BY e.id LIMIT $2`,
    topics ? [after.toString(), limit, topics] : [after.toString(), limit],
  );
  // The log holds only what appendEvent wrote, typed by TopicPayloads: this is where it is read back as such.
  return rows.map((r) => ({ id: r.id, topic: r.topic, payload: r.payload, occurredAt: r.occurred_at }) as TopicEvent<T>);
}
