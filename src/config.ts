import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

/** Every environment variable the hub reads, parsed and validated here and nowhere else. */
export interface HubConfig {
  port: number;
  host: string;
  /** Absent: the hub starts an embedded PostgreSQL under `embeddedDataDir`. */
  databaseUrl: string | undefined;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Load the demo consortium when the database has no hospitals yet. */
  seedDemo: boolean;
  jwtSecret: string;
  jwtTtlSeconds: number;
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

function secret(env: Env, name: string, production: boolean): string {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
    return raw;
  }
  if (production) throw new ConfigError(`${name} is required when NODE_ENV=production`);
  // NOTE: a development default that changes per process would log everyone out on every
  // restart of the demo; a fixed one is only acceptable because production refuses it.
  return `development-only-${name.toLowerCase()}-do-not-use-in-production`;
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
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embeddedDataDir: resolve(env.EMBEDDED_PG_DIR || '.data/postgres'),
    embeddedPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl),
    jwtSecret: secret(env, 'JWT_SECRET', production),
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 10, 30 * 24 * 3600),
    nationalIdKey: secret(env, 'NATIONAL_ID_KEY', production),
    logLevel,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 100_000, 1_000, 50_000_000),
    limits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 20000, 100, 10_000_000),
    },
    media: mediaConfig(env),
    consult: consultConfig(env),
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

/** A throwaway secret for tests that must not share the development default. */
export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}
