import { EntityManager } from 'typeorm';

/** Advisory-lock namespaces (two-key form, apart from the event log's one-key lock). */
const LOCK = { specialist: 7_461_101, host: 7_461_102, demand: 7_461_103 } as const;

/**
 * Serialises edits that could together break a counting rule (monthly and consecutive limits,
 * host capacity, expert-days of a demand): the rules are checked while these are held, until
 * commit. Locks are taken in one global order so two edits cannot deadlock on each other.
 */
export async function lockForRules(m: EntityManager, keys: { specialistIds?: number[]; hostIds?: number[]; demandIds?: number[] }): Promise<void> {
  const all: [number, number][] = [
    ...[...new Set(keys.specialistIds ?? [])].map((id): [number, number] => [LOCK.specialist, id]),
    ...[...new Set(keys.hostIds ?? [])].map((id): [number, number] => [LOCK.host, id]),
    ...[...new Set(keys.demandIds ?? [])].map((id): [number, number] => [LOCK.demand, id]),
  ].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [ns, id] of all) await m.query('SELECT pg_advisory_xact_lock($1, $2)', [ns, id]);
}
