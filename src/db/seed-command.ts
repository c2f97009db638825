import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../graphql/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { seedDemoIfEmpty } from './seed/demo';

/** `npm run seed`: migrates and loads the demo consortium into DATABASE_URL (or the embedded default). */
async function seed(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'seed');
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort, log);
  const db = createDataSource(config.databaseUrl ?? embedded!.url, { preparedStatements: config.databasePreparedStatements });
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const counts = await seedDemoIfEmpty(db, config, log);
    console.log(counts ? `Loaded the demo consortium: ${JSON.stringify(counts)}` : 'The database already has a directory; nothing loaded.');
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

seed().catch((error) => {
  console.error(error);
  process.exit(1);
});
