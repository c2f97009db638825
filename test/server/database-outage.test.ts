import { createServer, Server, Socket, connect } from 'node:net';
import { loadConfig, randomSecret } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createHub, Hub } from '../../src/server/app';
import { createLogger } from '../../src/graphql/logger';
import { createTestDatabase, TestDatabase } from '../support/database';
import { loadFixture, PASSWORD } from '../support/fixture';

/**
 * Issue 13, item 11: while PostgreSQL is unreachable GraphQL answers 503 with Retry-After and a
 * sentence (not 500); once it is back the hub recovers by itself. The outage is real: the hub
 * reaches PostgreSQL through a TCP relay that this test cuts and restores.
 */
class Relay {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  constructor(readonly target: { host: string; port: number }, public port = 0) {}
  async start(): Promise<void> {
    this.#server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.#server!.listen(this.port, '127.0.0.1', () => r()));
    this.port = (this.#server.address() as { port: number }).port;
  }
  async cut(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((r) => this.#server!.close(() => r()));
  }
}

let database: TestDatabase;
let relay: Relay;
let hub: Hub;
beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
  await relay.start();
  url.host = `127.0.0.1:${relay.port}`;
  const config = { ...loadConfig({ DATABASE_URL: url.toString(), JWT_SECRET: randomSecret(), NATIONAL_ID_KEY: randomSecret(), LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  await loadFixture(database.db, config.nationalIdKey);
  const db = createDataSource(url.toString());
  await db.initialize();
  hub = await createHub({ config, db, databaseUrl: url.toString(), log: createLogger('silent') });
});
afterAll(async () => {
  await hub?.close();
  await database.drop();
});

const gql = async (query: string, token?: string) => {
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
};

it('answers 503 with Retry-After and a sentence while PostgreSQL is away, and recovers', async () => {
  const signIn = await gql(`mutation { signIn(username: "admin", password: "${PASSWORD}") { token } }`);
  const token = signIn.body.data.signIn.token;
  expect((await gql('{ hospitals { totalCount } }', token)).body.data.hospitals.totalCount).toBe(3);

  await relay.cut();
  for (const [query, auth] of [['{ hospitals { totalCount } }', token], ['{ departments { code } }', token], [`mutation { signIn(username: "admin", password: "${PASSWORD}") { token } }`, undefined]] as const) {
    const r = await gql(query, auth);
    expect(r.status).toBe(503);
    expect(r.retryAfter).toBe('5');
    expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.body.errors[0].message).toMatch(/database is not reachable right now.*Try again in 5 seconds/);
  }
  expect((await fetch(new URL('/readyz', hub.url))).status).toBe(503);

  await relay.start(); // the same port again
  let recovered: Awaited<ReturnType<typeof gql>> | null = null;
  for (let i = 0; i < 50 && recovered?.status !== 200; i++) {
    recovered = await gql('{ hospitals { totalCount } }', token);
    if (recovered.status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  expect(recovered!.status).toBe(200);
  expect(recovered!.body.data.hospitals.totalCount).toBe(3);
});
