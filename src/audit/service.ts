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
}
