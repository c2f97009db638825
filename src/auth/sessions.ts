import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { appendEvent } from '../events/event-log';
import type { EventPayload } from '../events/topics';
import { AuthSession, SessionEnd } from './entities';

/** Event-log topic that tells every hub process to close the sockets of ended sessions. */
export const SESSION_TOPIC = 'session';
export interface SessionsEnded extends EventPayload {
  action: 'ENDED';
  personId: number;
  sessionIds: string[];
  reason: SessionEnd;
}

export interface ClientInfo {
  address?: string | null;
  userAgent?: string | null;
}

// Nobody subscribes to it (the policy delivers it to no one): hub processes watch it.
declare module '../events/topics' {
  interface TopicPayloads {
    session: SessionsEnded;
  }
}

/** Which of a person's open sessions to end. */
export interface SessionSelection {
  personId: number;
  /** Only this one (sign-out, revocation). */
  sessionId?: string;
  /** All but this one (the session that changed its own password stays). */
  exceptSessionId?: string;
}

/** The sessions the server knows: opened at sign-in, ended by sign-out, revocation and account changes. */
export class SessionStore {
  constructor(private readonly db: DataSource) {}

  async open(personId: number, ttlSeconds: number, client: ClientInfo): Promise<AuthSession> {
    const [row] = await this.db.query(
      `INSERT INTO auth_session (id, person_id, expires_at, client_address, user_agent)
       VALUES ($5, $1, now() + make_interval(secs => $2), $3, $4) RETURNING id, expires_at`,
      [personId, ttlSeconds, client.address?.slice(0, 100) ?? null, client.userAgent?.slice(0, 300) ?? null, randomUUID()],
    );
    return this.db.getRepository(AuthSession).findOneByOrFail({ id: row.id });
  }

  /**
   * Ends the selected open sessions inside the caller's transaction and records the event that
   * makes every hub process close their sockets (written in the same transaction, so a socket
   * can never outlive a committed change). Returns the ids ended.
   */
  async end(m: EntityManager, which: SessionSelection, reason: SessionEnd): Promise<string[]> {
    const params: unknown[] = [which.personId, reason];
    let extra = '';
    if (which.sessionId) extra += ` AND id = $${params.push(which.sessionId)}`;
    if (which.exceptSessionId) extra += ` AND id <> $${params.push(which.exceptSessionId)}`;
    const [rows] = await m.query(
      `UPDATE auth_session SET ended_at = now(), end_reason = $2
        WHERE person_id = $1 AND ended_at IS NULL AND expires_at > now()${extra} RETURNING id`,
      params,
    );
    const sessionIds = (rows as { id: string }[]).map((r) => r.id);
    if (sessionIds.length) await appendEvent(m, SESSION_TOPIC, { action: 'ENDED', personId: which.personId, sessionIds, reason });
    return sessionIds;
  }

  /** Open sessions of one person, newest first. */
  listOpen(personId: number): Promise<AuthSession[]> {
    return this.db.getRepository(AuthSession).createQueryBuilder('s')
      .where('s.person_id = :personId AND s.ended_at IS NULL AND s.expires_at > now()', { personId })
      .orderBy('s.created_at', 'DESC').getMany();
  }

  find(id: string): Promise<AuthSession | null> {
    return this.db.getRepository(AuthSession).findOneBy({ id });
  }
}
