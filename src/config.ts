import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SignInThrottleConfig } from './auth/throttle';

/** Every environment variable the hub reads, parsed and validated here and nowhere else. */
export interface HubConfig {
  port: number;
  host: string;
  /** Absent: the hub starts an embedded PostgreSQL under `embeddedDataDir`. */
  databaseUrl: string | undefined;
  /** Prepare repeated statements on each connection (off behind a pooler that cannot keep them, e.g. PgBouncer in transaction mode). */
  databasePreparedStatements: boolean;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Where generated secrets live when JWT_SECRET / NATIONAL_ID_KEY are not set (beside the embedded data). */
  secretsDir: string;
  /** Load the demo consortium when the database has no hospitals yet. */
  seedDemo: boolean;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** Sign-in throttling per username and per client address (src/auth/throttle.ts). */
  signIn: SignInThrottleConfig;
  /** Key of the keyed hash that lets patients be found by national ID without storing it. */
  nationalIdKey: string;
  logLevel: string;
  bodyLimitBytes: number;
  limits: { maxDepth: number; maxAliases: number; maxCost: number };
  media: {
    /** Off: the hub runs without the SFU (rooms refuse to open with a clear error). */
    enabled: boolean;
    workers: number;
    listenIp: string;
    /** The public address clients reach when the SFU is behind NAT (README: media settings). */
    announcedIp: string | undefined;
    rtcMinPort: number;
    rtcMaxPort: number;
    emptyRoomTimeoutMs: number;
    /** A room participant whose page stops its heartbeats this long is dropped (tab closed, network gone). */
    peerHeartbeatTimeoutMs: number;
  };
  /** Remote consultations: claim deadlines, queue ageing, escalation sweep, attachments. */
  consult: ConsultConfig;
  /** HTTP hardening: headers, CORS, introspection, timeouts, the drain on SIGTERM. */
  http: HttpConfig;
  /** WebSocket bounds: subscriptions per socket, sockets per user, pings, idle sockets. */
  sockets: SocketConfig;
  /** Language of the hub's sentences when neither the person nor the client names one. */
  defaultLanguage: 'zh-CN' | 'en';
  notifications: NotificationConfig;
}

export interface HttpConfig {
  /** Origins other than the hub's own whose browsers may call the API (CORS allow-list). */
  corsOrigins: string[];
  /** Send Strict-Transport-Security (only when the hub is reached over HTTPS). */
  hsts: boolean;
  /** Schema introspection: on in development and tests, off in production unless configured. */
  introspection: boolean;
  /** Stack traces in error answers: only with NODE_ENV=development. */
  stackTraces: boolean;
  /** A client must have sent all request headers within this time (slow-header attacks). */
  headersTimeoutMs: number;
  /** A whole request (an upload on a township link included) must arrive within this time. */
  requestTimeoutMs: number;
  /** An idle keep-alive HTTP connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** On SIGTERM: how long requests already received may take to be answered. */
  drainTimeoutMs: number;
  /** A scraper shows it as `Authorization: Bearer …` to read /metrics (administrators' tokens work too); null: administrators only. */
  metricsToken: string | null;
}

export interface SocketConfig {
  maxSubscriptionsPerSocket: number;
  maxSocketsPerUser: number;
  /** A ping every this often; a socket that has not answered the previous one is closed. */
  pingIntervalMs: number;
  /** A socket with no subscription and no message for this long is closed. */
  idleTimeoutMs: number;
}

export interface NotificationConfig {
  /** Time zone in which notification texts state times. */
  timeZone: string;
  /** Outbound webhook (POST, HMAC-SHA256 signed); absent: notifications go to the log only. */
  webhookUrl: string | undefined;
  webhookSecret: string;
  /** Retry after 1, 2, 4 ... times this, capped at retryMaxMs; given up after maxAttempts. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** How often each hub process looks for deliveries due (retries, other processes' rows). */
  pollMs: number;
  /** A delivery not finished in this time (the process died) is taken up again. */
  leaseMs: number;
}

export interface ConsultConfig {
  /** Seconds a request may wait unclaimed before schedulers hear of it (per urgency). */
  claimDeadlineSeconds: { EMERGENCY: number; URGENT: number; ROUTINE: number };
  /** Anti-starvation: after this many seconds in the queue a request ranks one urgency higher. */
  promoteAfterSeconds: { URGENT: number; ROUTINE: number };
  /** How often each hub process looks for requests past their deadline. */
  sweepIntervalMs: number;
  /** How often a requester's live queue position is refreshed even when nothing else changes. */
  positionTickSeconds: number;
  /** Largest exam result (image or PDF) one upload may carry. */
  attachmentMaxBytes: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * A secret from the environment, or else one the hub generated on its first start and keeps
 * in `dir` (mode 0600, beside the embedded data; back them up together: README). Never a
 * constant: a default written in the source would let anyone forge tokens.
 * NOTE: generated lazily (on first use) so that reading other settings writes no file.
 */
function secret(env: Env, name: string, requireFromEnv: boolean, dir: string): () => string {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
    return () => raw;
  }
  // Several hub processes over one external database must share the secret: only the
  // environment can give it to all of them.
  if (requireFromEnv) throw new ConfigError(`${name} is required when NODE_ENV=production with DATABASE_URL (every hub process must share it)`);
  let value: string | undefined;
  return () => (value ??= generatedSecret(join(dir, name.toLowerCase())));
}

function generatedSecret(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < 32) throw new ConfigError(`${file} holds a secret shorter than 32 characters: remove the file or set the variable`);
  return value;
}

export function loadConfig(env: Env = process.env): HubConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const embeddedDataDir = resolve(env.EMBEDDED_PG_DIR || '.data/postgres');
  const secretsDir = resolve(env.SECRETS_DIR || join(dirname(embeddedDataDir), 'secrets'));
  const jwtSecret = secret(env, 'JWT_SECRET', production && Boolean(databaseUrl), secretsDir);
  const nationalIdKey = secret(env, 'NATIONAL_ID_KEY', production && Boolean(databaseUrl), secretsDir);
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databasePreparedStatements: bool(env, 'DATABASE_PREPARED_STATEMENTS', true),
    embeddedDataDir,
    secretsDir,
    embeddedPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl),
    get jwtSecret() { return jwtSecret(); },
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 10, 30 * 24 * 3600),
    get nationalIdKey() { return nationalIdKey(); },
    signIn: {
      freeFailuresPerUser: int(env, 'SIGNIN_FREE_FAILURES_PER_USER', 5, 1, 1000),
      freeFailuresPerAddress: int(env, 'SIGNIN_FREE_FAILURES_PER_ADDRESS', 30, 1, 100_000),
      windowSeconds: int(env, 'SIGNIN_FAILURE_WINDOW_SECONDS', 3600, 10, 7 * 24 * 3600),
      maxLockSeconds: int(env, 'SIGNIN_MAX_LOCK_SECONDS', 900, 1, 24 * 3600),
    },
    logLevel,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 100_000, 1_000, 50_000_000),
    limits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 20000, 100, 10_000_000),
    },
    media: mediaConfig(env),
    consult: consultConfig(env),
    http: httpConfig(env, production),
    sockets: {
      maxSubscriptionsPerSocket: int(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 10_000),
      maxSocketsPerUser: int(env, 'WS_MAX_SOCKETS_PER_USER', 10, 1, 10_000),
      pingIntervalMs: int(env, 'WS_PING_INTERVAL_MS', 30_000, 100, 3_600_000),
      idleTimeoutMs: int(env, 'WS_IDLE_TIMEOUT_MS', 10 * 60_000, 100, 24 * 3_600_000),
    },
    defaultLanguage: language(env, 'DEFAULT_LANGUAGE', 'en'),
    notifications: notificationConfig(env, production, secretsDir),
  };
}

function httpConfig(env: Env, production: boolean): HttpConfig {
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError(`CORS_ORIGINS must list origins like https://portal.example.cn (scheme and host, no path), got "${origin}"`);
  }
  const headersTimeoutMs = int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  const requestTimeoutMs = int(env, 'HTTP_REQUEST_TIMEOUT_MS', 120_000, 100, 3_600_000);
  if (requestTimeoutMs < headersTimeoutMs) throw new ConfigError(`HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must not be below HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (a scraper shows it as a bearer token)');
  return {
    metricsToken,
    corsOrigins,
    hsts: bool(env, 'HTTP_HSTS', false),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    stackTraces: env.NODE_ENV === 'development',
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    drainTimeoutMs: int(env, 'SHUTDOWN_DRAIN_MS', 10_000, 0, 600_000),
  };
}

function language(env: Env, name: string, fallback: 'zh-CN' | 'en'): 'zh-CN' | 'en' {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'zh-CN' && raw !== 'en') throw new ConfigError(`${name} must be zh-CN or en, got "${raw}"`);
  return raw;
}

function notificationConfig(env: Env, production: boolean, secretsDir: string): NotificationConfig {
  const webhookUrl = env.NOTIFY_WEBHOOK_URL || undefined;
  if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) throw new ConfigError('NOTIFY_WEBHOOK_URL must start with http:// or https://');
  const timeZone = env.NOTIFY_TIME_ZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`NOTIFY_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
  }
  return {
    timeZone,
    webhookUrl,
    // The receiver must know the secret: production names it; elsewhere it is generated into SECRETS_DIR to be read from there.
    webhookSecret: webhookUrl ? secret(env, 'NOTIFY_WEBHOOK_SECRET', production, secretsDir)() : '',
    retryBaseMs: int(env, 'NOTIFY_RETRY_BASE_MS', 2_000, 10, 3_600_000),
    retryMaxMs: int(env, 'NOTIFY_RETRY_MAX_MS', 10 * 60_000, 10, 24 * 3_600_000),
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 12, 1, 1000),
    pollMs: int(env, 'NOTIFY_POLL_MS', 1_000, 20, 3_600_000),
    leaseMs: int(env, 'NOTIFY_LEASE_MS', 60_000, 100, 3_600_000),
  };
}

function consultConfig(env: Env): ConsultConfig {
  const seconds = (name: string, fallback: number, max = 30 * 24 * 3600) => int(env, name, fallback, 1, max);
  return {
    claimDeadlineSeconds: {
      EMERGENCY: seconds('CONSULT_DEADLINE_EMERGENCY_SECONDS', 5 * 60),
      URGENT: seconds('CONSULT_DEADLINE_URGENT_SECONDS', 30 * 60),
      ROUTINE: seconds('CONSULT_DEADLINE_ROUTINE_SECONDS', 24 * 3600),
    },
    promoteAfterSeconds: {
      URGENT: seconds('CONSULT_PROMOTE_URGENT_SECONDS', 20 * 60),
      ROUTINE: seconds('CONSULT_PROMOTE_ROUTINE_SECONDS', 4 * 3600),
    },
    sweepIntervalMs: int(env, 'CONSULT_SWEEP_INTERVAL_MS', 10_000, 50, 3_600_000),
    positionTickSeconds: seconds('CONSULT_POSITION_TICK_SECONDS', 30, 3600),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  };
}

function mediaConfig(env: Env): HubConfig['media'] {
  const listenIp = env.MEDIA_LISTEN_IP || '127.0.0.1';
  const announcedIp = env.MEDIA_ANNOUNCED_IP || undefined;
  if ((listenIp === '0.0.0.0' || listenIp === '::') && !announcedIp) {
    throw new ConfigError(`MEDIA_LISTEN_IP=${listenIp} needs MEDIA_ANNOUNCED_IP: the address clients (e.g. a township hospital behind NAT) can reach`);
  }
  const rtcMinPort = int(env, 'MEDIA_RTC_MIN_PORT', 40000, 1024, 65535);
  const rtcMaxPort = int(env, 'MEDIA_RTC_MAX_PORT', 49999, 1024, 65535);
  if (rtcMaxPort < rtcMinPort) throw new ConfigError(`MEDIA_RTC_MAX_PORT (${rtcMaxPort}) must not be below MEDIA_RTC_MIN_PORT (${rtcMinPort})`);
  return {
    enabled: bool(env, 'MEDIA_ENABLED', true),
    workers: int(env, 'MEDIA_WORKERS', cpus().length, 1, 64),
    listenIp,
    announcedIp,
    rtcMinPort,
    rtcMaxPort,
    emptyRoomTimeoutMs: int(env, 'MEDIA_EMPTY_ROOM_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    // NOTE: pages beat every 2 s; 6 s tolerates two lost beats and still shows someone gone within 10 s.
    peerHeartbeatTimeoutMs: int(env, 'MEDIA_PEER_HEARTBEAT_TIMEOUT_MS', 6_000, 1_000, 600_000),
  };
}

/** A throwaway secret for tests (each test hub has its own). */
export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}
