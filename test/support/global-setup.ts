import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/graphql/logger';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

/**
 * Tests run against real PostgreSQL: DATABASE_URL's server when set (CI points it at the local
 * service), otherwise a throwaway embedded one, so `npm test` needs no setup either.
 * Each test file then creates its own database on that server (test/support/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
  const pg = await startEmbeddedPostgres(join(dir, 'data'), await freePort(), createLogger('warn', 'test-postgres'));
  process.env.DATABASE_URL = pg.url;
  (globalThis as any).__embeddedPostgres = pg;
}
