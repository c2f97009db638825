import { createHash } from 'node:crypto';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors';

export interface SignInThrottleConfig {
  /** Failed sign-ins per username before each further one locks it for a growing time. */
  freeFailuresPerUser: number;
  /** The same per client address (higher: a hospital's staff may share one NAT address). */
  freeFailuresPerAddress: number;
  /** How long failures are remembered after the first one. */
  windowSeconds: number;
  /** The lock doubles per failure beyond the free ones (2 s, 4 s, 8 s, ...) up to this. */
  maxLockSeconds: number;
}

/** The table both limiters share (created by a migration, so the hub never runs DDL). */
export const THROTTLE_TABLE = 'sign_in_throttle';

/**
 * Sign-in throttling per username and per client address, kept in PostgreSQL so that every hub
 * process sees the same counts. Unknown usernames are counted and locked exactly like known
 * ones, so the answers never tell them apart.
 *
 * NOTE: an attempt is counted before the password is checked (and forgiven on success), so a
 * burst of parallel attempts cannot all slip through before the first failure is recorded.
 */
export class SignInThrottle {
  readonly #failures: RateLimiterPostgres;
  readonly #locks: RateLimiterPostgres;
  readonly #config: SignInThrottleConfig;

  constructor(db: DataSource, config: SignInThrottleConfig) {
    this.#config = config;
    const common = { storeClient: db, storeType: 'typeorm', tableName: THROTTLE_TABLE, tableCreated: true, clearExpiredByTimeout: false };
    this.#failures = new RateLimiterPostgres({ ...common, keyPrefix: 'fail', points: 1_000_000, duration: config.windowSeconds });
    this.#locks = new RateLimiterPostgres({ ...common, keyPrefix: 'lock', points: 1, duration: 1 });
  }

  /** Throws TOO_MANY_REQUESTS (with extensions.retryAfter) when locked; otherwise counts the attempt. */
  async attempt(username: string, address: string | null): Promise<void> {
    const keys = this.#keys(username, address);
    const locks = await Promise.all(keys.map(([key]) => this.#locks.get(key)));
    const lockedMs = Math.max(0, ...locks.map((l) => (l ? l.msBeforeNext : 0)));
    if (lockedMs > 0) throw tooManyAttempts(lockedMs);
    let lockSeconds = 0;
    for (const [key, free] of keys) {
      const counted = await this.#failures.penalty(key, 1);
      const beyond = counted.consumedPoints - free;
      if (beyond > 0) {
        const seconds = Math.min(2 ** beyond, this.#config.maxLockSeconds);
        await this.#locks.block(key, seconds);
        lockSeconds = Math.max(lockSeconds, seconds);
      }
    }
    if (lockSeconds > 0) throw tooManyAttempts(lockSeconds * 1000);
  }

  /** The password was right: the username's count starts over and the address gets its attempt back. */
  async succeeded(username: string, address: string | null): Promise<void> {
    const [[userKey], addressKey] = this.#keys(username, address);
    await this.#failures.delete(userKey);
    if (addressKey) await this.#failures.reward(addressKey[0], 1);
  }

  #keys(username: string, address: string | null): [string, number][] {
    // Hashed: the table never holds what an attacker typed, and keys stay within varchar(255).
    const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
    const keys: [string, number][] = [[`user:${hash(username)}`, this.#config.freeFailuresPerUser]];
    if (address) keys.push([`addr:${hash(address)}`, this.#config.freeFailuresPerAddress]);
    return keys;
  }
}

function tooManyAttempts(ms: number): DomainError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many failed sign-ins for this username or from this address: try again in ${seconds} seconds`,
    undefined,
    { retryAfter: seconds },
  );
}
