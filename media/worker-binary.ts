import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { MediaError } from './errors';

/**
 * Where the mediasoup-worker binary comes from, in the order media/worker/install.mjs
 * prepares it: MEDIASOUP_WORKER_BIN, the per-user cache, mediasoup's own default
 * location (filled when mediasoup's postinstall is allowed to run).
 */
export type WorkerBinarySource = 'env' | 'cache' | 'node_modules';

export interface WorkerBinary {
  path: string;
  source: WorkerBinarySource;
  mediasoupVersion: string;
}

const INSTALL_HINT =
  'Run `node media/worker/install.mjs` (the postinstall does it) or set MEDIASOUP_WORKER_BIN ' +
  'to a mediasoup-worker binary.';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function mediasoupPackageDir(): { dir: string; version: string } {
  // NOTE: resolving package.json does not load mediasoup itself, which must not happen
  // before MEDIASOUP_WORKER_BIN is set (3.12 reads it once, at module load).
  const pkgJson = require.resolve('mediasoup/package.json');
  const { version } = require(pkgJson) as { version: string };
  return { dir: dirname(pkgJson), version };
}

/** Same layout as media/worker/install.mjs writes; keep the two in step. */
export function cachedWorkerBinaryPath(
  version: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(
    base,
    'consortium-hub',
    'mediasoup-worker',
    `${version}-${process.platform}-${process.arch}`,
    'mediasoup-worker',
  );
}

/** Finds the worker binary, or throws a MediaError saying how to get one. */
export function resolveWorkerBinary(env: NodeJS.ProcessEnv = process.env): WorkerBinary {
  const { dir, version } = mediasoupPackageDir();
  const fromEnv = env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) {
    if (isFile(fromEnv)) return { path: fromEnv, source: 'env', mediasoupVersion: version };
    throw new MediaError('UNAVAILABLE', `MEDIASOUP_WORKER_BIN=${fromEnv} does not exist. ${INSTALL_HINT}`);
  }
  const cached = cachedWorkerBinaryPath(version, env);
  if (isFile(cached)) return { path: cached, source: 'cache', mediasoupVersion: version };
  const bundled = join(dir, 'worker', 'out', 'Release', 'mediasoup-worker');
  if (isFile(bundled)) return { path: bundled, source: 'node_modules', mediasoupVersion: version };
  throw new MediaError(
    'UNAVAILABLE',
    `no mediasoup-worker ${version} binary: looked at ${cached} and ${bundled}. ${INSTALL_HINT}`,
  );
}

/**
 * Points mediasoup at the resolved binary. Call before mediasoup is first required;
 * importing media/index.ts does so. Returns the binary used.
 */
export function useWorkerBinary(env: NodeJS.ProcessEnv = process.env): WorkerBinary {
  const binary = resolveWorkerBinary(env);
  env.MEDIASOUP_WORKER_BIN = binary.path;
  const workerModulePath = join(mediasoupPackageDir().dir, 'node', 'lib', 'Worker.js');
  const loaded = require.cache[workerModulePath]?.exports as { workerBin?: string } | undefined;
  if (loaded && loaded.workerBin !== binary.path) {
    // NOTE: something required mediasoup before this module ran, so it captured its
    // default path. In 3.12.16 (pinned exactly) Worker reads the exported `workerBin` at
    // each spawn, so correcting the export is enough.
    loaded.workerBin = binary.path;
  }
  return binary;
}

/** Like useWorkerBinary() but never throws: for module load, where media may be unused. */
export function tryUseWorkerBinary(env: NodeJS.ProcessEnv = process.env): WorkerBinary | undefined {
  try {
    return useWorkerBinary(env);
  } catch {
    return undefined;
  }
}

// Importing media/ sets MEDIASOUP_WORKER_BIN when a binary exists; when none does, media
// stays importable (the hub can run without the SFU) and WorkerPool.create() explains.
tryUseWorkerBinary();
