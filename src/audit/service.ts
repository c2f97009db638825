import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { badInput } from '../errors';
import { parseId } from '../ids';
import { AuditEntry } from './entities';

/** One read to record: who is the request's actor. */
export interface AuditedRead {
  action: string;
  subjectType: string;
  subjectId: number | string;
}

/** What an administrator looks for in the trail. */
export interface AuditQuery {
  actorId?: string | null;
  patientId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const PAGE_MAX = 100;

/** Records who touched which patient data; written with the read, never sampled. */
export class AuditTrail {
  constructor(private readonly db: DataSource) {}

  async record(actor: Actor, action: string, subjectType: string, subjectIds: (number | string)[], manager?: EntityManager): Promise<void> {
    if (!subjectIds.length) return;
    await (manager ?? this.db.manager).insert(AuditEntry, subjectIds.map((id) => ({ actorId: actor.personId, action, subjectType, subjectId: String(id) })));
  }

  /**
   * Per request: field resolvers that hand out patient data (a consultation's clinical part, a
   * referral's diagnosis) record each read once, all of a request's reads in one insert.
   */
  reads(actor: Actor | null): DataLoader<AuditedRead, true> {
    return new DataLoader<AuditedRead, true, string>(async (reads) => {
      if (actor) {
        await this.db.manager.insert(AuditEntry, reads.map((r) => ({ actorId: actor.personId, action: r.action, subjectType: r.subjectType, subjectId: String(r.subjectId) })));
      }
      return reads.map(() => true as const);
    }, { cacheKeyFn: (r) => `${r.action}\u0000${r.subjectType}\u0000${r.subjectId}` });
  }

  /** A sign-in attempt: who it was for (a person, or the username typed when none matched) and from where. */
  async recordSignIn(entry: { actorId: number | null; action: 'signIn' | 'signIn.failed' | 'signIn.throttled'; personId: number | null; username: string; clientAddress: string | null }): Promise<void> {
    await this.db.manager.insert(AuditEntry, {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.personId != null ? 'person' : 'username',
      subjectId: entry.personId != null ? String(entry.personId) : entry.username.slice(0, 100),
      clientAddress: entry.clientAddress,
    });
  }

  /**
   * Entries matching `query`, newest first, keyset-paginated by id (`after`: the last id seen).
   * Administrators only; the search itself is recorded (who looked at the trail, and for what).
   */
  async search(actor: Actor | null, query: AuditQuery, page: { first: number; after?: string | null }): Promise<{ nodes: AuditEntry[]; hasNextPage: boolean; endCursor: string | null }> {
    const admin = authorize(actor, 'audit.read');
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > PAGE_MAX) throw badInput('first', 'audit.pageSize', { max: PAGE_MAX });
    const q = this.#where(query);
    if (page.after != null) {
      if (!/^\d{1,19}$/.test(page.after)) throw badInput('after', 'common.badPageCursor');
      q.andWhere('e.id < :after', { after: page.after });
    }
    const rows = await q.orderBy('e.id', 'DESC').take(page.first + 1).getMany();
    const nodes = rows.slice(0, page.first);
    await this.record(admin, 'audit.search', 'audit', [describe(query)]);
    return { nodes, hasNextPage: rows.length > page.first, endCursor: nodes.length ? nodes[nodes.length - 1].id : null };
  }

  /** All matching entries, oldest first, in batches (for the CSV export); the export is recorded. */
  async *export(actor: Actor | null, query: AuditQuery, batch = 1000): AsyncGenerator<AuditEntry[]> {
    const admin = authorize(actor, 'audit.read');
    const q = this.#where(query);
    await this.record(admin, 'audit.export', 'audit', [describe(query)]);
    let after = '0';
    for (;;) {
      const rows = await q.clone().andWhere('e.id > :after', { after }).orderBy('e.id', 'ASC').take(batch).getMany();
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].id;
      if (rows.length < batch) return;
    }
  }

  #where(query: AuditQuery) {
    const q = this.db.getRepository(AuditEntry).createQueryBuilder('e').where('TRUE');
    if (query.actorId) q.andWhere('e.actor_id = :actorId', { actorId: parseId(query.actorId, 'actorId') });
    if (query.patientId) {
      // Downloads are recorded against the attachment; the patient is the consultation's.
      q.andWhere(`((e.subject_type = 'patient' AND e.subject_id = :patientText)
        OR (e.subject_type = 'consultation_attachment' AND e.subject_id IN (
          SELECT a.id::text FROM consultation_attachment a JOIN consultation c ON c.id = a.consultation_id WHERE c.patient_id = :patientId)))`,
      { patientText: String(parseId(query.patientId, 'patientId')), patientId: parseId(query.patientId, 'patientId') });
    }
    if (query.action) {
      // "patient.read" matches itself; "patient" matches every patient.* action.
      if (!/^[A-Za-z.]{1,60}$/.test(query.action)) throw badInput('action', 'audit.badAction');
      q.andWhere('(e.action = :action OR e.action LIKE :prefix)', { action: query.action, prefix: `${query.action}.%` });
    }
    if (query.from && query.to && query.to < query.from) throw badInput('to', 'common.toBeforeFrom', { from: query.from.toISOString(), to: query.to.toISOString() });
    if (query.from) q.andWhere('e.at >= :from', { from: query.from });
    if (query.to) q.andWhere('e.at < :to', { to: query.to });
    return q;
  }
}

const describe = (q: AuditQuery) => JSON.stringify(Object.fromEntries(Object.entries(q).filter(([, v]) => v != null && v !== ''))).slice(0, 300);
