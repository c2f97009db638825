import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
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
 * A lock refuses even the right password: otherwise a guess during the lock would still be a guess.
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

  /**
   * Call before checking the password. Throws TOO_MANY_REQUESTS (with extensions.retryAfter)
   * while the username or address is locked. Beyond the free failures, each attempt takes the
   * lock for the next 2, 4, 8 ... seconds itself, atomically: of a burst of parallel attempts at
   * most one per lock period reaches the password check. Returns the seconds of the lock this
   * attempt took (0: none), to report if the password turns out wrong.
   */
  async attempt(username: string, address: string | null): Promise<number> {
    const keys = this.#keys(username, address);
    const held = await Promise.all(keys.map(([key]) => this.#locks.get(key)));
    const heldMs = Math.max(0, ...held.map((l) => (l ? l.msBeforeNext : 0)));
    if (heldMs > 0) throw tooManyAttempts(heldMs);
    let lockSeconds = 0;
    for (const [key, free] of keys) {
      const counted = await this.#failures.penalty(key, 1);
      const beyond = counted.consumedPoints - free;
      if (beyond <= 0) continue;
      const seconds = Math.min(2 ** beyond, this.#config.maxLockSeconds);
      try {
        await this.#locks.consume(key, 1, { customDuration: seconds });
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        throw tooManyAttempts(refused.msBeforeNext);
      }
      lockSeconds = Math.max(lockSeconds, seconds);
    }
    return lockSeconds;
  }

  /** The password was wrong: say so, or (when this attempt took a lock) when to try again. */
  failed(lockSeconds: number): DomainError | null {
    return lockSeconds > 0 ? tooManyAttempts(lockSeconds * 1000) : null;
  }

  /** The password was right: the username starts over and the address gets its attempt back. */
  async succeeded(username: string, address: string | null): Promise<void> {
    const [[userKey], addressKey] = this.#keys(username, address);
    await this.#failures.delete(userKey);
    await this.#locks.delete(userKey);
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
  return new DomainError('TOO_MANY_REQUESTS', 'auth.tooManySignIns', { seconds }, undefined, { retryAfter: seconds });
}
