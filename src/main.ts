import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createDataSource } from './db/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded-postgres';
import { seedDemoIfEmpty } from './db/seed/demo';
import { createHub } from './server/app';
import { startMedia } from './server/media';
import { createLogger } from './graphql/logger';

/** config -> database -> (media) -> HTTP + WebSocket server; SIGTERM/SIGINT unwind it in reverse. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort, log);
    databaseUrl = embedded.url;
  }
  const db = createDataSource(databaseUrl, { preparedStatements: config.databasePreparedStatements });
  try {
    await db.initialize();
  } catch (error) {
    log.fatal({ err: error }, `cannot reach PostgreSQL at ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);
    await embedded?.stop();
    process.exit(1);
  }
  const applied = await db.runMigrations({ transaction: 'each' });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(db, config, log);
    if (seeded) log.info(seeded, 'demo consortium loaded');
  }
  const media = await startMedia(config, log);
  const hub = await createHub({ config, db, databaseUrl, log, media });
  log.info({ url: hub.url, embedded: Boolean(embedded) }, 'hub ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The drain deadline plus time to close the rest.
    const limitMs = config.http.drainTimeoutMs + 10_000;
    const timer = setTimeout(() => {
      log.error(`shutdown took longer than ${limitMs / 1000} s; exiting`);
      process.exit(1);
    }, limitMs);
    let code = 0;
    const steps = [
      ['hub', () => hub.close()],
      ['media workers', async () => media?.close()],
      ['database connections', () => db.destroy()],
      ['embedded PostgreSQL', async () => embedded?.stop()],
    ] as const;
    for (const [what, step] of steps) {
      try {
        log.debug({ step: what }, 'closing');
        await step();
      } catch (error) {
        code = 1;
        log.error({ err: error }, `closing the ${what} failed`);
      }
    }
    clearTimeout(timer);
    log.info({ code }, code ? 'stopped with errors' : 'stopped cleanly');
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
