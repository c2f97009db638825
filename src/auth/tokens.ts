import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { unauthenticated } from '../errors';

const ISSUER = 'consortium-hub';

export interface TokenClaims {
  personId: number;
  /** The stored session (auth_session.id) the token belongs to: ending it ends the token. */
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signs and verifies access tokens with one HMAC key.
 * NOTE: the KeyObject is made once; jsonwebtoken would otherwise import the string secret on
 * every verify (measured: bench/auth/session-check.ts).
 */
export class TokenSigner {
  readonly #key: KeyObject;

  constructor(secret: string) {
    this.#key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(personId: number, sessionId: string, expiresAt: Date): string {
    return jwt.sign({ sid: sessionId, exp: Math.floor(expiresAt.getTime() / 1000) }, this.#key, { subject: String(personId), issuer: ISSUER, algorithm: 'HS256' });
  }

  /** Throws UNAUTHENTICATED with a message that says what to do about it. */
  verify(token: string): TokenClaims {
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.#key, { issuer: ISSUER, algorithms: ['HS256'] }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) {
        throw unauthenticated('auth.sessionExpired', { at: error.expiredAt.toISOString() });
      }
      throw unauthenticated('auth.tokenInvalid');
    }
    const personId = Number(claims.sub);
    // A token without a session (e.g. from before sessions existed) cannot be ended, so it is refused.
    if (!Number.isInteger(personId) || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) {
      throw unauthenticated('auth.tokenInvalid');
    }
    return { personId, sessionId: claims.sid };
  }
}

/** The token of an "Authorization: Bearer <token>" header (HTTP) or connectionParams value (WebSocket). */
export const bearerToken = (header: unknown) => (typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined);
