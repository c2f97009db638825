import jwt from 'jsonwebtoken';
import { unauthenticated } from '../errors';

const ISSUER = 'consortium-hub';

export interface TokenClaims {
  personId: number;
}

export function issueToken(personId: number, secret: string, ttlSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign({}, secret, { subject: String(personId), issuer: ISSUER, expiresIn: ttlSeconds, algorithm: 'HS256' });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/** Throws UNAUTHENTICATED with a message that says what to do about it. */
export function verifyToken(token: string, secret: string): TokenClaims {
  try {
    const claims = jwt.verify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] }) as jwt.JwtPayload;
    const personId = Number(claims.sub);
    if (!Number.isInteger(personId)) throw new jwt.JsonWebTokenError('bad subject');
    return { personId };
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw unauthenticated('auth.sessionExpired', { at: error.expiredAt.toISOString() });
    }
    throw unauthenticated('auth.tokenInvalid');
  }
}

/** The token of an "Authorization: Bearer <token>" header (HTTP) or connectionParams value (WebSocket). */
export const bearerToken = (header: unknown) => (typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined);
