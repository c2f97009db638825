import { DataSource } from 'typeorm';
import { unauthenticated } from '../errors';
import type { MessageKey } from '../i18n/catalogue';
import { isLanguage, Language } from '../i18n/language';
import { SessionEnd } from './entities';
import { Role } from './roles';
import type { TokenClaims } from './tokens';

/** Who is making a request, with what the policy needs to decide. */
export interface Actor {
  personId: number;
  name: string;
  roles: Role[];
  hospitalId: number;
  /** Consortia the actor's home hospital belongs to. */
  consortiumIds: number[];
  /** Departments the person practises (person_specialty): which consultation queues a specialist serves. */
  specialtyIds: number[];
  /** The stored session the request came with (absent for actors built by jobs and tests). */
  sessionId?: string;
  sessionExpiresAt?: Date;
  /**
   * Set when the session ends while a WebSocket still holds this actor: from then on the policy
   * allows it nothing, so no event reaches it even before the socket is closed.
   */
  ended?: boolean;
  /** Saved language of the hub's sentences; null: the client's Accept-Language decides. */
  language: Language | null;
}

const ACTOR_COLUMNS = `p.id, p.name, p.roles, p.hospital_id, p.active, p.language,
  COALESCE(array_agg(m.consortium_id) FILTER (WHERE m.consortium_id IS NOT NULL), '{}') AS consortium_ids,
  ARRAY(SELECT s.department_id FROM person_specialty s WHERE s.person_id = p.id ORDER BY 1) AS specialty_ids`;

const toActor = (row: any): Actor =>
  ({
    personId: row.id, name: row.name, roles: row.roles, hospitalId: row.hospital_id, consortiumIds: row.consortium_ids, specialtyIds: row.specialty_ids,
    language: isLanguage(row.language) ? row.language : null,
  });

/** An actor by person id alone, for jobs and seeds that act on someone's behalf without a request. */
export async function loadActor(db: DataSource, personId: number): Promise<Actor> {
  const [row] = await db.query(
    `SELECT ${ACTOR_COLUMNS} FROM person p LEFT JOIN consortium_membership m ON m.hospital_id = p.hospital_id
      WHERE p.id = $1 GROUP BY p.id`,
    [personId],
  );
  if (!row || !row.active) throw unauthenticated('auth.goneOrDeactivated');
  return toActor(row);
}

/** What a person reads when a session they still hold a token for was ended (i18n/messages/auth.ts). */
export const sessionEndedMessage: Record<SessionEnd, MessageKey> = {
  SIGNED_OUT: 'auth.endedSignedOut',
  REVOKED: 'auth.endedRevoked',
  PASSWORD_CHANGED: 'auth.endedPasswordChanged',
  PASSWORD_RESET: 'auth.endedPasswordReset',
  DEACTIVATED: 'auth.deactivated',
  RIGHTS_CHANGED: 'auth.endedRightsChanged',
};

/**
 * The actor of a verified token, checked against its stored session in the same query that
 * loads the actor (one round trip per request either way; measured in bench/auth/session-check.ts).
 */
export async function loadSessionActor(db: DataSource, claims: TokenClaims): Promise<Actor> {
  const [row] = await db.query(
    `SELECT ${ACTOR_COLUMNS}, a.end_reason, a.expires_at, a.expires_at <= now() AS expired
       FROM auth_session a JOIN person p ON p.id = a.person_id
       LEFT JOIN consortium_membership m ON m.hospital_id = p.hospital_id
      WHERE a.id = $1 AND a.person_id = $2 GROUP BY p.id, a.id`,
    [claims.sessionId, claims.personId],
  );
  if (!row) throw unauthenticated('auth.sessionUnknown');
  if (row.end_reason) throw unauthenticated(sessionEndedMessage[row.end_reason as SessionEnd]);
  if (row.expired) throw unauthenticated('auth.sessionExpiredNow');
  if (!row.active) throw unauthenticated(sessionEndedMessage.DEACTIVATED);
  return { ...toActor(row), sessionId: claims.sessionId, sessionExpiresAt: row.expires_at };
}
