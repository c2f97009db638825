import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize } from '../auth/policy';
import { notFound } from '../errors';
import { parseId } from '../ids';
import { Change, changeFields } from '../graphql/subscribe';
import type { TopicEvent } from '../events/topics';
import { queuedRequestOf } from './events';
import { QueueArgs } from './inputs';
import { QueueRule } from './queue-rule';
import { consultationSubject } from './service';
import { Consultation } from './entities';
import { ConsultationState, Urgency } from './states';

@ObjectType({ description: 'A request waiting in a consultation queue. No patient data: that is visible once a specialist takes it.' })
export class QueueEntry {
  @Field(() => ID) consultationId: number;
  @Field(() => Int, { nullable: true, description: '1 = next to be taken. Null in live changes: place it with effectiveUrgency and requestedAt, or query the queue' })
  position: number | null;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => Urgency, { description: 'The urgency it ranks with now (anti-starvation: promoted one level after waiting long)' }) effectiveUrgency: Urgency;
  @Field(() => Date, { nullable: true, description: 'When it will be promoted one level; null when it already was or cannot be' }) promotesAt: Date | null;
  @Field() requestedAt: Date;
  @Field(() => Int, { description: 'Seconds waited so far' }) waitingSeconds: number;
  @Field({ description: 'When it passes (or passed) its claim deadline' }) deadlineAt: Date;
  @Field({ description: 'Past its claim deadline' }) overdue: boolean;
  @Field(() => Date, { nullable: true, description: 'When schedulers were told it is overdue' }) escalatedAt: Date | null;
  @Field(() => ID) consortiumId: number;
  @Field(() => ID) specialtyId: number;
  @Field(() => ID) requestingHospitalId: number;
  @Field(() => Date, { nullable: true }) preferredFrom: Date | null;
  @Field(() => Date, { nullable: true }) preferredTo: Date | null;
}

@ObjectType({ description: 'A change to a consultation queue: a request joined, left (claimed, assigned, cancelled), came back, or was escalated' })
export class QueueChange extends Change {
  @Field(() => ID) consultationId: number;
  @Field(() => ConsultationState) state: ConsultationState;
  @Field({ description: 'Whether the request is in the queue after this change' }) inQueue: boolean;
  @Field(() => QueueEntry, { nullable: true, description: 'The entry as it now stands (null when it left the queue)' }) entry: QueueEntry | null;
}

@ObjectType({ description: 'A consistent snapshot of a queue; subscribe to consultationQueueChanged with after = cursor to follow it live' })
export class ConsultationQueue {
  @Field(() => ID, { description: 'Event cursor of this snapshot' }) cursor: string;
  @Field({ description: 'The moment the snapshot ranks at' }) asOf: Date;
  @Field(() => Int, { description: 'Requests waiting in this queue' }) totalCount: number;
  @Field(() => [QueueEntry]) entries: QueueEntry[];
  @Field({ description: 'The ordering rule, in words' }) rule: string;
}

@ObjectType({ description: "A consultation's place in its queue" })
export class QueuePosition {
  @Field(() => ID) consultationId: number;
  @Field(() => ConsultationState) state: ConsultationState;
  @Field(() => Int, { nullable: true, description: '1 = next; null once it left the queue' }) position: number | null;
  @Field(() => Int, { description: 'Requests waiting in the same queue' }) queueLength: number;
  @Field(() => Int, { description: 'Seconds waited (until claimed, when it was)' }) waitingSeconds: number;
  @Field(() => Urgency) effectiveUrgency: Urgency;
  @Field() asOf: Date;
}

export const RULE_TEXT = 'More urgent first, then longer waiting first. Anti-starvation: after waiting a while a request ranks one urgency level higher '
  + '(URGENT as EMERGENCY, ROUTINE as URGENT; at most one level), and within a level the longer wait comes first, so later arrivals cannot overtake it.';

interface Row {
  id: number; urgency: Urgency; requested_at: Date; escalated_at: Date | null; consortium_id: number; specialty_id: number;
  requesting_hospital_id: number; preferred_from: Date | null; preferred_to: Date | null; position: string; total: string; now: Date;
}

/** Reading the live queue: ranked snapshots with their event cursor, and one request's position. */
export class ConsultationQueueReader {
  constructor(private readonly db: DataSource, private readonly rule: QueueRule) {}

  /** A queue event as its subscribers see it: the entry as it now stands, or null once it left. */
  change(e: TopicEvent<'consultation'>, now = new Date()): QueueChange {
    const inQueue = e.payload.state === ConsultationState.REQUESTED;
    return Object.assign(new QueueChange(), changeFields(e), {
      consultationId: e.payload.consultationId, state: e.payload.state, inQueue, entry: inQueue ? this.entry(queuedRequestOf(e.payload), now, null) : null,
    });
  }

  entry(c: Pick<Consultation, 'id' | 'urgency' | 'requestedAt' | 'escalatedAt' | 'consortiumId' | 'specialtyId' | 'requestingHospitalId' | 'preferredFrom' | 'preferredTo'>, now: Date, position: number | null): QueueEntry {
    const requestedAt = new Date(c.requestedAt);
    const promotesAt = this.rule.promotesAt(c.urgency, requestedAt);
    const deadlineAt = this.rule.deadlineAt(c.urgency, requestedAt);
    return Object.assign(new QueueEntry(), {
      consultationId: c.id, position, urgency: c.urgency, effectiveUrgency: this.rule.effectiveUrgency(c.urgency, requestedAt, now),
      promotesAt: promotesAt && promotesAt > now ? promotesAt : null, requestedAt,
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - requestedAt.getTime()) / 1000)),
      deadlineAt, overdue: deadlineAt <= now, escalatedAt: c.escalatedAt ? new Date(c.escalatedAt) : null,
      consortiumId: c.consortiumId, specialtyId: c.specialtyId, requestingHospitalId: c.requestingHospitalId,
      preferredFrom: c.preferredFrom ? new Date(c.preferredFrom) : null, preferredTo: c.preferredTo ? new Date(c.preferredTo) : null,
    });
  }

  /**
   * The ranked queue and the event cursor it is consistent with: both read in one REPEATABLE
   * READ snapshot, so "snapshot + every event after cursor" is the queue, with no gap.
   */
  async snapshot(actor: Actor | null, args: QueueArgs): Promise<ConsultationQueue> {
    const consortiumId = parseId(args.consortiumId, 'consortiumId');
    const specialtyId = parseId(args.specialtyId, 'specialtyId');
    authorize(actor, 'consultation.queue', { consortiumId, specialtyId });
    const runner = this.db.createQueryRunner();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const [{ cursor, now }] = await runner.query('SELECT COALESCE(MAX(id), 0)::text AS cursor, now() AS now FROM event');
      const rows: Row[] = await runner.query(
        `SELECT c.id, c.urgency, c.requested_at, c.escalated_at, c.consortium_id, c.specialty_id, c.requesting_hospital_id, c.preferred_from, c.preferred_to,
                row_number() OVER (ORDER BY ${this.rule.orderSql('c')}) AS position, count(*) OVER () AS total
           FROM consultation c WHERE c.state = 'REQUESTED' AND c.consortium_id = $1 AND c.specialty_id = $2
          ORDER BY ${this.rule.orderSql('c')} LIMIT $3 OFFSET $4`,
        [consortiumId, specialtyId, args.first, args.offset],
      );
      let total = rows.length ? Number(rows[0].total) : 0;
      if (!rows.length && args.offset > 0) {
        [{ total }] = await runner.query(`SELECT count(*)::int AS total FROM consultation WHERE state = 'REQUESTED' AND consortium_id = $1 AND specialty_id = $2`, [consortiumId, specialtyId]);
      }
      await runner.commitTransaction();
      return Object.assign(new ConsultationQueue(), {
        cursor, asOf: now, totalCount: total, rule: RULE_TEXT,
        entries: rows.map((r) => this.entry(fromRow(r), now, Number(r.position))),
      });
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Where a consultation stands in its queue now (for the requester's live view). */
  async position(actor: Actor | null, id: number): Promise<QueuePosition> {
    const c = await this.db.getRepository(Consultation).findOneBy({ id });
    if (!c || !allows(actor, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', id);
    const [row] = await this.db.query(
      `SELECT now() AS now, count(*)::int AS total,
              (SELECT q.position FROM (SELECT c.id, row_number() OVER (ORDER BY ${this.rule.orderSql('c')}) AS position
                                         FROM consultation c WHERE c.state = 'REQUESTED' AND c.consortium_id = $1 AND c.specialty_id = $2) q
                WHERE q.id = $3)::int AS position
         FROM consultation WHERE state = 'REQUESTED' AND consortium_id = $1 AND specialty_id = $2`,
      [c.consortiumId, c.specialtyId, c.id],
    );
    const now: Date = row.now;
    const until = c.state === ConsultationState.REQUESTED ? now : c.firstClaimedAt ?? c.cancelledAt ?? now;
    return Object.assign(new QueuePosition(), {
      consultationId: c.id, state: c.state, position: row.position ?? null, queueLength: row.total,
      waitingSeconds: Math.max(0, Math.floor((until.getTime() - c.requestedAt.getTime()) / 1000)),
      effectiveUrgency: this.rule.effectiveUrgency(c.urgency, c.requestedAt, now), asOf: now,
    });
  }
}

const fromRow = (r: Row) => ({
  id: r.id, urgency: r.urgency, requestedAt: r.requested_at, escalatedAt: r.escalated_at, consortiumId: r.consortium_id, specialtyId: r.specialty_id,
  requestingHospitalId: r.requesting_hospital_id, preferredFrom: r.preferred_from, preferredTo: r.preferred_to,
});
