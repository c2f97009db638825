import type { ConsultConfig } from '../config';
import { Urgency } from './states';

/**
 * The order of the live queue, in one place (SQL for the database, TypeScript for events).
 *
 * Rule: more urgent first, then longer waiting first (then lower id). Anti-starvation by
 * ageing: a request that has waited `promoteAfterSeconds` ranks one level higher —
 * an URGENT request is promoted to EMERGENCY rank after 20 minutes by default, a ROUTINE one to
 * URGENT rank after 4 hours — at most one level. Within a rank the longer wait comes first, so
 * once an URGENT request is promoted, no EMERGENCY request that arrives after it can overtake
 * it: however long the stream of new emergencies, it is overtaken for at most
 * `promoteAfterSeconds.URGENT`. ROUTINE requests age into URGENT rank only, never EMERGENCY,
 * so a backlog of old routine requests can never push a new emergency down the queue.
 *
 * Waiting counts from `requested_at`, which a hand-back does not reset: the patient has been
 * waiting all along.
 */
export const RANK: Record<Urgency, number> = { ROUTINE: 1, URGENT: 2, EMERGENCY: 3 };
const BY_RANK: Urgency[] = [Urgency.ROUTINE, Urgency.ROUTINE, Urgency.URGENT, Urgency.EMERGENCY];

export interface QueueRule {
  /** SQL for the rank (1..3) of a row aliased `alias`, at the statement's now(). */
  rankSql(alias: string): string;
  /** ORDER BY clause of the queue. */
  orderSql(alias: string): string;
  rank(urgency: Urgency, requestedAt: Date, now: Date): number;
  effectiveUrgency(urgency: Urgency, requestedAt: Date, now: Date): Urgency;
  /** When the request moves up one rank; null when it never will (EMERGENCY). */
  promotesAt(urgency: Urgency, requestedAt: Date): Date | null;
  /** When a still-unclaimed request is escalated to the schedulers. */
  deadlineAt(urgency: Urgency, requestedAt: Date): Date;
}

export function queueRule(config: ConsultConfig): QueueRule {
  const promote = config.promoteAfterSeconds;
  // Config values are validated integers, so inlining them is safe and keeps one statement plan.
  const interval = (seconds: number) => `interval '${Math.trunc(seconds)} seconds'`;
  const rankSql = (a: string) => `(CASE ${a}.urgency WHEN 'EMERGENCY' THEN 3
      WHEN 'URGENT' THEN CASE WHEN ${a}.requested_at <= now() - ${interval(promote.URGENT)} THEN 3 ELSE 2 END
      ELSE CASE WHEN ${a}.requested_at <= now() - ${interval(promote.ROUTINE)} THEN 2 ELSE 1 END END)`;
  const promotesAt = (urgency: Urgency, requestedAt: Date) =>
    urgency === Urgency.EMERGENCY ? null : new Date(requestedAt.getTime() + promote[urgency] * 1000);
  const rank = (urgency: Urgency, requestedAt: Date, now: Date) => {
    const at = promotesAt(urgency, requestedAt);
    return RANK[urgency] + (at && at.getTime() <= now.getTime() ? 1 : 0);
  };
  return {
    rankSql,
    orderSql: (a) => `${rankSql(a)} DESC, ${a}.requested_at ASC, ${a}.id ASC`,
    rank,
    effectiveUrgency: (urgency, requestedAt, now) => BY_RANK[rank(urgency, requestedAt, now)],
    promotesAt,
    deadlineAt: (urgency, requestedAt) => new Date(requestedAt.getTime() + config.claimDeadlineSeconds[urgency] * 1000),
  };
}
