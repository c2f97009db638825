import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditEntry } from './entities';

/** Records who touched which patient data; written with the read, never sampled. */
export class AuditTrail {
  constructor(private readonly db: DataSource) {}

  async record(actor: Actor, action: string, subjectType: string, subjectIds: (number | string)[], manager?: EntityManager): Promise<void> {
    if (!subjectIds.length) return;
    await (manager ?? this.db.manager).insert(AuditEntry, subjectIds.map((id) => ({ actorId: actor.personId, action, subjectType, subjectId: String(id) })));
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
}
