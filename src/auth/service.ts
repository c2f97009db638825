import { DataSource } from 'typeorm';
import { badInput, unauthenticated } from '../errors';
import { isLanguage } from '../i18n/language';
import type { Actor } from './actor';
import { Credential } from './entities';
import { hashPassword, verifyPassword } from './password';
import { issueToken } from './tokens';

// Verifying against a throwaway hash when the user does not exist keeps the response time the
// same, so sign-in does not reveal which usernames exist.
const decoyHash = hashPassword('decoy-password-for-timing');

export class AuthService {
  constructor(private readonly db: DataSource, private readonly secret: string, private readonly ttlSeconds: number) {}

  /** A token for the person with this username and password; the caller loads the person it names. */
  async signIn(username: string, password: string): Promise<{ token: string; expiresAt: Date; personId: number }> {
    // Read like loadActor reads the signed-in person: the person table by SQL, so auth/ needs no directory entity.
    const [person]: { id: number; active: boolean }[] = await this.db.query('SELECT id, active FROM person WHERE username = $1', [username.trim().toLowerCase()]);
    const credential = person && (await this.db.getRepository(Credential).findOneBy({ personId: person.id }));
    const ok = await verifyPassword(password, credential?.passwordHash ?? (await decoyHash));
    if (!person || !credential || !ok) throw unauthenticated('auth.wrongPassword');
    if (!person.active) throw unauthenticated('auth.deactivated');
    return { ...issueToken(person.id, this.secret, this.ttlSeconds), personId: person.id };
  }

  /** The signed-in person's language for the hub's sentences (null: the client's Accept-Language decides). */
  async setLanguage(actor: Actor | null, language: string | null): Promise<number> {
    if (!actor) throw unauthenticated();
    if (language !== null && !isLanguage(language)) throw badInput('language', 'auth.badLanguage', { value: language });
    await this.db.query('UPDATE person SET language = $2 WHERE id = $1', [actor.personId, language]);
    return actor.personId;
  }
}
