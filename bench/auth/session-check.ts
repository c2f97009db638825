/**
 * What checking the stored session on every request costs (issue 13: short tokens + silent
 * refresh, or a session check per request?). Prints µs per operation:
 *   - token verification: jsonwebtoken with the string secret vs a KeyObject made once;
 *   - loading the actor as before (person only) vs with the session check in the same query;
 *   - a whole `{ me { id } }` over HTTP.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node -r @swc-node/register bench/auth/session-check.ts
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { loadActor, loadSessionActor } from '../../src/auth/actor';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createHub } from '../../src/server/app';
import { createLogger } from '../../src/graphql/logger';
import { loadFixture } from '../../test/support/fixture';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function perOp(label: string, n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const us = ((performance.now() - start) * 1000) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs`);
  return us;
}

async function main() {
  const name = `hub_bench_session_${process.pid}`;
  const admin = new Client({ connectionString: withDb(SERVER, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDb(SERVER, name);
  const db = createDataSource(url);
  try {
    await db.initialize();
    await db.runMigrations();
    const secret = randomBytes(32).toString('hex');
    const fixture = await loadFixture(db, randomBytes(32).toString('hex'));
    const personId = fixture.users.doctorA.id;
    const session = await new SessionStore(db).open(personId, 3600, {});
    const signer = new TokenSigner(secret);
    const token = signer.issue(personId, session.id, session.expiresAt);

    // The machine is shared: alternate the variants over three rounds and keep each one's best.
    const best = { s: Infinity, k: Infinity, before: Infinity, after: Infinity };
    for (let round = 1; round <= 3; round++) {
      console.log(`round ${round}`);
      best.s = Math.min(best.s, await perOp('verify token: jsonwebtoken, string secret (before)', 10_000, () => jwt.verify(token, secret, { issuer: 'consortium-hub', algorithms: ['HS256'] })));
      best.k = Math.min(best.k, await perOp('verify token: jsonwebtoken, KeyObject made once (now)', 10_000, () => signer.verify(token)));
      best.before = Math.min(best.before, await perOp('load actor by person id (before: no session check)', 2_000, () => loadActor(db, personId)));
      best.after = Math.min(best.after, await perOp('load actor with the session check in the same query', 2_000, () => loadSessionActor(db, { personId, sessionId: session.id })));
    }
    console.log(`best: verify ${best.s.toFixed(1)} -> ${best.k.toFixed(1)} µs; actor ${best.before.toFixed(1)} -> ${best.after.toFixed(1)} µs (session check adds ${(best.after - best.before).toFixed(1)} µs)`);

    const config = { ...loadConfig({ DATABASE_URL: url, JWT_SECRET: secret, NATIONAL_ID_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', MEDIA_ENABLED: 'false' }), port: 0, host: '127.0.0.1' };
    const hub = await createHub({ config, db, databaseUrl: url, log: createLogger('silent') });
    try {
      const body = JSON.stringify({ query: '{ me { id } }' });
      await perOp('HTTP { me { id } } with a bearer token (whole request)', 2_000, async () => {
        const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        await res.json();
      });
    } finally {
      await hub.close();
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
