import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, notFound, unauthenticated } from '../errors';
import { isLanguage } from '../i18n/language';
import type { Actor } from './actor';
import { AuthSession, Credential, SessionEnd } from './entities';
import { hashPassword, verifyPassword } from './password';
import { allows, authorize } from './policy';
import { ClientInfo, SessionStore } from './sessions';
import { SignInThrottle, SignInThrottleConfig } from './throttle';
import { TokenSigner } from './tokens';

// Verifying against a throwaway hash when the user does not exist keeps the response time the
// same, so sign-in does not reveal which usernames exist. The hash is of random bytes made at
// start, so nothing about it is written in the source.
const decoyHash = hashPassword(randomBytes(24).toString('base64'));

/** Where sign-ins and failures are recorded (the audit trail; auth/ sits below it and names it not). */
export interface SignInAudit {
  recordSignIn(entry: { actorId: number | null; action: 'signIn' | 'signIn.failed' | 'signIn.throttled'; personId: number | null; username: string; clientAddress: string | null }): Promise<void>;
}

export interface AuthConfig {
  jwtSecret: string;
  jwtTtlSeconds: number;
  signIn: SignInThrottleConfig;
}

function checkNewPassword(field: string, password: string): void {
  if (password.length < 10) throw badInput(field, 'validation.minLength', { field, min: 10 });
  if (password.length > 200) throw badInput(field, 'validation.maxLength', { field, max: 200 });
}

export class AuthService {
  readonly tokens: TokenSigner;
  readonly sessions: SessionStore;
  readonly #throttle: SignInThrottle;

  constructor(private readonly db: DataSource, private readonly audit: SignInAudit, private readonly config: AuthConfig) {
    this.tokens = new TokenSigner(config.jwtSecret);
    this.sessions = new SessionStore(db);
    this.#throttle = new SignInThrottle(db, config.signIn);
  }

  /** A token for the person with this username and password; the caller loads the person it names. */
  async signIn(username: string, password: string, client: ClientInfo = {}): Promise<{ token: string; expiresAt: Date; personId: number; session: AuthSession }> {
    const name = username.trim().toLowerCase();
    const address = client.address ?? null;
    let lockSeconds: number;
    try {
      lockSeconds = await this.#throttle.attempt(name, address);
    } catch (error) {
      await this.audit.recordSignIn({ actorId: null, action: 'signIn.throttled', personId: null, username: name, clientAddress: address });
      throw error;
    }
    // Read like loadActor reads the signed-in person: the person table by SQL, so auth/ needs no directory entity.
    const [person]: { id: number; active: boolean }[] = await this.db.query('SELECT id, active FROM person WHERE username = $1', [name]);
    const credential = person && (await this.db.getRepository(Credential).findOneBy({ personId: person.id }));
    const ok = await verifyPassword(password, credential?.passwordHash ?? (await decoyHash));
    if (!person || !credential || !ok) {
      await this.audit.recordSignIn({ actorId: null, action: 'signIn.failed', personId: person?.id ?? null, username: name, clientAddress: address });
      throw this.#throttle.failed(lockSeconds) ?? unauthenticated('auth.wrongPassword');
    }
    await this.#throttle.succeeded(name, address);
    if (!person.active) {
      await this.audit.recordSignIn({ actorId: null, action: 'signIn.failed', personId: person.id, username: name, clientAddress: address });
      throw unauthenticated('auth.deactivated');
    }
    const session = await this.sessions.open(person.id, this.config.jwtTtlSeconds, client);
    await this.audit.recordSignIn({ actorId: person.id, action: 'signIn', personId: person.id, username: name, clientAddress: address });
    return { token: this.tokens.issue(person.id, session.id, session.expiresAt), expiresAt: session.expiresAt, personId: person.id, session };
  }

  /** Ends the session the request came with; its other sessions (devices) stay. */
  async signOut(actor: Actor | null): Promise<boolean> {
    const me = authorize(actor, 'directory.read');
    if (!me.sessionId) return false;
    const ended = await this.db.transaction((m) => this.sessions.end(m, { personId: me.personId, sessionId: me.sessionId }, SessionEnd.SIGNED_OUT));
    return ended.length > 0;
  }

  /** An administrator ends any session; a person may end their own other sessions. */
  async revokeSession(actor: Actor | null, sessionId: string): Promise<boolean> {
    const session = /^[0-9a-f-]{36}$/i.test(sessionId) ? await this.sessions.find(sessionId) : null;
    const me = authorize(actor, 'directory.read');
    // Someone else's session looks exactly like one that does not exist.
    if (!session || !allows(me, 'session.end', { personId: session.personId })) throw notFound('entity.session', sessionId);
    const reason = me.personId === session.personId ? SessionEnd.SIGNED_OUT : SessionEnd.REVOKED;
    const ended = await this.db.transaction((m) => this.sessions.end(m, { personId: session.personId, sessionId }, reason));
    return ended.length > 0;
  }

  async listSessions(actor: Actor | null, personId: number | null): Promise<AuthSession[]> {
    const me = authorize(actor, 'directory.read');
    const whose = personId ?? me.personId;
    authorize(me, 'session.end', { personId: whose });
    return this.sessions.listOpen(whose);
  }

  /** Changes one's own password; every other session of the person ends. */
  async changePassword(actor: Actor | null, currentPassword: string, newPassword: string): Promise<boolean> {
    const me = authorize(actor, 'directory.read');
    checkNewPassword('newPassword', newPassword);
    const credential = await this.db.getRepository(Credential).findOneBy({ personId: me.personId });
    if (!credential || !(await verifyPassword(currentPassword, credential.passwordHash))) {
      throw badInput('currentPassword', 'auth.currentPasswordWrong');
    }
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      await m.update(Credential, { personId: me.personId }, { passwordHash: hash });
      await this.sessions.end(m, { personId: me.personId, exceptSessionId: me.sessionId }, SessionEnd.PASSWORD_CHANGED);
    });
    return true;
  }

  /** An administrator sets a new password for someone; all their sessions end. */
  async resetPassword(actor: Actor | null, personId: number, newPassword: string): Promise<boolean> {
    authorize(actor, 'session.manage');
    checkNewPassword('newPassword', newPassword);
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      const [person] = await m.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [personId]);
      if (!person) throw notFound('entity.person', personId);
      await m.upsert(Credential, { personId, passwordHash: hash }, ['personId']);
      await this.sessions.end(m, { personId }, SessionEnd.PASSWORD_RESET);
    });
    return true;
  }

  /** The signed-in person's language for the hub's sentences (null: the client's Accept-Language decides). */
  async setLanguage(actor: Actor | null, language: string | null): Promise<number> {
    if (!actor) throw unauthenticated();
    if (language !== null && !isLanguage(language)) throw badInput('language', 'auth.badLanguage', { value: language });
    await this.db.query('UPDATE person SET language = $2 WHERE id = $1', [actor.personId, language]);
    return actor.personId;
  }
}
