import { EntityManager } from 'typeorm';
import { EventRecord } from './entities';

/** Arbitrary but fixed: the advisory lock that orders event ids by commit. */
const EVENT_ORDER_LOCK = 7_461_001;
export const EVENT_CHANNEL = 'hub_events';

/**
 * Appends an event inside the caller's transaction, so it exists exactly when the change does.
 *
 * NOTE: ids from a sequence are handed out in call order but become visible in commit order;
 * a reader that resumes "after id N" could skip an id that committed late. The transaction-
 * scoped advisory lock makes event-writing transactions take their ids one at a time, held
 * until commit, so ids become visible strictly in order. Append last in a transaction to keep
 * the lock short.
 */
export async function appendEvent(manager: EntityManager, topic: string, payload: Record<string, unknown>): Promise<EventRecord> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendEvent must run inside the transaction of the change it records');
  }
  await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK]);
  const [row] = await manager.query(
    'INSERT INTO event (topic, payload) VALUES ($1, $2) RETURNING id, topic, payload, occurred_at',
    [topic, payload],
  );
  // NOTIFY is transactional: listeners hear it only if and when this transaction commits.
  await manager.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, String(row.id)]);
  return Object.assign(new EventRecord(), { id: String(row.id), topic: row.topic, payload: row.payload, occurredAt: row.occurred_at });
}
