import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, randomSecret } from '../../src/config';
import { Sfu } from '../../media';
import { createHub, Hub } from '../../src/server/app';
import { createLogger } from '../../src/graphql/logger';
import { createTestDatabase, TestDatabase } from './database';
import { Fixture, loadFixture, PASSWORD } from './fixture';

export interface TestHub {
  hub: Hub;
  /** The SFU, when the hub was started with `{ media: true }`. */
  media: Sfu | null;
  database: TestDatabase;
  fixture: Fixture;
  config: ReturnType<typeof loadConfig>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  signIn(username: string): Promise<string>;
  ws(token: string): Client;
  stop(): Promise<void>;
}

export interface GqlResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A hub on a random port over its own fresh database with the test fixture loaded. */
export async function startTestHub(env: Record<string, string> = {}, options: { media?: boolean } = {}): Promise<TestHub> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ DATABASE_URL: database.url, JWT_SECRET: randomSecret(), NATIONAL_ID_KEY: randomSecret(), LOG_LEVEL: 'silent', ...env }), port: 0, host: '127.0.0.1' };
  const fixture = await loadFixture(database.db, config.nationalIdKey);
  const log = createLogger(config.logLevel);
  const media = options.media ? await Sfu.create({
    workers: { numWorkers: config.media.workers, rtcMinPort: config.media.rtcMinPort, rtcMaxPort: config.media.rtcMaxPort },
    listenIp: '127.0.0.1', emptyRoomTimeoutMs: config.media.emptyRoomTimeoutMs, heartbeatTimeoutMs: config.media.peerHeartbeatTimeoutMs, logger: log,
  }) : null;
  const hub = await createHub({ config, db: database.db, databaseUrl: database.url, log, media });
  const clients: Client[] = [];
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...(await res.json()) };
  };
  return {
    hub, media, database, fixture, config, gql,
    async signIn(username: string) {
      const r = await gql('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: PASSWORD });
      if (!r.data) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.signIn.token;
    },
    ws(token: string) {
      const client = createClient({ url: hub.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await hub.close();
      await media?.close();
      await database.drop();
    },
  };
}

/** Collects a subscription's events; `next(n)` waits until n have arrived. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: T[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | null = null;
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (value) => {
      if (value.errors) errors.push(value.errors);
      else events.push(value.data as T);
      wake?.();
    },
    error: (error) => {
      errors.push(error);
      wake?.();
    },
    complete: () => {},
  });
  return {
    events,
    errors,
    dispose,
    async waitFor(count: number, timeoutMs = 5000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${events.length}: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return events;
    },
  };
}

/** Waits until a graphql-ws client is connected (so later changes are live, not replayed). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const off1 = client.on('connected', () => { off1(); off2(); resolve(); });
    const off2 = client.on('closed', (e: any) => { off1(); off2(); reject(new Error(`closed ${e?.code} ${e?.reason}`)); });
  });
}
