/**
 * Subscription fan-out: one hub process, N graphql-ws subscribers of `hospitalChanged`.
 *
 *   node -r @swc-node/register bench/fanout/run.ts [--subscribers=10000] [--changes=20] [--clients=2] [--hub=dist|swc] [--profile=/tmp/dir]
 *
 * Setup: a fresh database on DATABASE_URL's server (default the local PostgreSQL), N township
 * doctors spread over 8 hospitals (a stored session and a token each, made like signIn's) and an
 * administrator. The hub runs as its own process, as `npm start` runs it (bench/support/start-hub.ts;
 * --hub=swc: through @swc-node/register); the subscribers are real
 * graphql-ws WebSocket clients in `--clients` child processes (bench/fanout/subscribers.ts), so
 * neither the load generator nor this script shares the hub's event loop.
 *
 * Prints N, the time to connect and subscribe them all, the hub's memory per subscriber (its
 * resident memory after connecting minus before, over N), and for `--changes` updateHospital
 * mutations sent one at a time: the delay from the mutation's response to each subscriber's
 * receipt (p50/p99/max over all deliveries), and how many deliveries were lost.
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { createDataSource } from '../../src/db/data-source';
import { startBenchHub } from '../support/start-hub';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SUBSCRIBERS = arg('subscribers', 10_000);
const CHANGES = arg('changes', 20);
// Two subscriber processes: one per core; more only took turns with the hub on the same two cores.
const CLIENTS = arg('clients', 2);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const JWT_SECRET = randomBytes(32).toString('hex');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function admin(sql: string) {
  const c = new PgClient({ connectionString: withDb(SERVER, 'postgres') });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** The hub's resident memory in kB (Linux /proc). */
function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, ''));
}
/** CPU time (user + system) of a process so far, in ms; `system`: the kernel's part alone. */
function cpuMs(pid: number, system = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (((system ? 0 : Number(fields[11])) + Number(fields[12])) * 1000) / 100;
}

async function load(url: string) {
  const db = createDataSource(url);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const hospitals: number[] = (await q(`INSERT INTO hospital (name, tier, county, latitude, longitude)
    SELECT '基准' || g || '镇卫生院', 'TOWNSHIP', '基准县', 35.8 + g * 0.01, 118.6 FROM generate_series(1, 8) g RETURNING id`)).map((r: any) => r.id);
  const [{ id: adminId }] = await q(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('管理员', 'bench.admin', '{ADMIN}', $1) RETURNING id`, [hospitals[0]]);
  const doctors: number[] = (await q(`INSERT INTO person (name, username, roles, hospital_id)
    SELECT '基层医生' || g, 'bench.doctor' || g, '{TOWNSHIP_DOCTOR}', ($1::int[])[1 + (g % 8)] FROM generate_series(1, $2::int) g RETURNING id`, [hospitals, SUBSCRIBERS])).map((r: any) => r.id);
  // Tokens exactly like signIn's (a stored session each), without a password hash per person.
  const signer = new TokenSigner(JWT_SECRET);
  const sessions = new SessionStore(db);
  const token = async (personId: number) => {
    const session = await sessions.open(personId, 4 * 3600, {});
    return signer.issue(personId, session.id, session.expiresAt);
  };
  const tokens: string[] = [];
  for (let i = 0; i < doctors.length; i += 50) tokens.push(...await Promise.all(doctors.slice(i, i + 50).map(token)));
  const adminToken = await token(adminId);
  await q('ANALYZE');
  await db.destroy();
  return { hospital: hospitals[0], tokens, adminToken };
}

// A connection storm on a busy 2-core machine can wait in the accept queue longer than the default 10 s.
const METRICS_TOKEN = randomBytes(16).toString('hex');
const startHub = (url: string) => startBenchHub({ DATABASE_URL: url, JWT_SECRET, NATIONAL_ID_KEY: randomBytes(32).toString('hex'), HTTP_HEADERS_TIMEOUT_MS: '60000', METRICS_TOKEN });

/** The hub's V8 heap by space, in MB, from its own /metrics (used, and the size the space holds). */
async function heapSpaces(graphqlUrl: string): Promise<Record<string, { used: number; size: number }>> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const spaces: Record<string, { used: number; size: number }> = {};
  for (const [, kind, space, value] of text.matchAll(/^hub_nodejs_heap_space_size_(used|total)_bytes\{space="(\w+)"\} (\d+)/gm)) {
    spaces[space] ??= { used: 0, size: 0 };
    spaces[space][kind === 'used' ? 'used' : 'size'] = Number(value) / 2 ** 20;
  }
  return spaces;
}
const heapLine = (spaces: Record<string, { used: number; size: number }>) =>
  Object.entries(spaces).filter(([, v]) => v.size >= 1).map(([k, v]) => `${k} ${v.used.toFixed(0)}/${v.size.toFixed(0)}`).join(', ');

/** Sends a command to a subscriber process and waits for the answer of `kind`. */
function ask<T>(child: ChildProcess, command: object, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: any) => {
      if (m.kind === 'failed') { child.off('message', onMessage); reject(new Error(m.error)); }
      if (m.kind === kind) { child.off('message', onMessage); resolve(m); }
    };
    child.on('message', onMessage);
    child.send(command);
  });
}

async function main() {
  const name = `hub_bench_fanout_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDb(SERVER, name);
  let hub: { child: ChildProcess; url: string } | null = null;
  const clients: ChildProcess[] = [];
  try {
    let t = performance.now();
    const fixture = await load(url);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`loaded ${SUBSCRIBERS} doctors with sessions in ${ms(performance.now() - t)}`);
    hub = await startHub(url);
    const gql = async (query: string, variables: Record<string, unknown>, bearer: string) => {
      const res = await fetch(hub!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
      const body: any = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const UPDATE = 'mutation($i: UpdateHospitalInput!) { updateHospital(input: $i) { id name } }';
    // Warm-up: the mutation path, then a pause so the hub's memory settles before measuring.
    for (let i = 0; i < 5; i++) await gql(UPDATE, { i: { id: String(fixture.hospital), name: `预热${i}镇卫生院` } }, fixture.adminToken);
    await sleep(2000);
    const rssBefore = rssKb(hub.child.pid!);
    const heapBefore = await heapSpaces(hub.url);

    for (let c = 0; c < CLIENTS; c++) clients.push(fork(`${__dirname}/subscribers.ts`, [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    t = performance.now();
    const share = Math.ceil(SUBSCRIBERS / CLIENTS);
    await Promise.all(clients.map((child, c) => ask(child, {
      kind: 'connect', url: hub!.url.replace('http', 'ws'), tokens: fixture.tokens.slice(c * share, (c + 1) * share), lanes: 8,
    }, 'connected')));
    const connectMs = performance.now() - t;
    await sleep(3000);
    const rssAfter = rssKb(hub.child.pid!);
    const heapAfter = await heapSpaces(hub.url);

    /** Every subscriber's receipt time of the change that renamed the hospital `hospitalName`. */
    const collectArrivals = async (hospitalName: string, deadline: number) => {
      const times: number[] = [];
      for (;;) {
        const reports = await Promise.all(clients.map((child) => ask<{ times: number[]; errors: number }>(child, { kind: 'report', name: hospitalName }, 'arrivals')));
        for (const r of reports) times.push(...r.times);
        const errors = reports.reduce((n, r) => n + r.errors, 0);
        if (times.length >= SUBSCRIBERS || Date.now() > deadline) return { times, errors };
        await sleep(20);
      }
    };
    // One change that every subscriber must have before measuring: they are all live.
    await gql(UPDATE, { i: { id: String(fixture.hospital), name: '基准预热镇卫生院' } }, fixture.adminToken);
    const warm = await collectArrivals('基准预热镇卫生院', Date.now() + 60_000);
    console.log(`warm-up change reached ${warm.times.length} of ${SUBSCRIBERS}`);

    const delays: number[] = [];
    const lasts: number[] = [];
    let lost = 0;
    const cpuBefore = cpuMs(hub.child.pid!);
    const systemBefore = cpuMs(hub.child.pid!, true);
    const clientsBefore = clients.reduce((sum, child) => sum + cpuMs(child.pid!), 0);
    for (let i = 0; i < CHANGES; i++) {
      const hospitalName = `基准${i}号变更镇卫生院`;
      await gql(UPDATE, { i: { id: String(fixture.hospital), name: hospitalName } }, fixture.adminToken);
      const answered = now();
      const { times } = await collectArrivals(hospitalName, Date.now() + 30_000);
      lost += SUBSCRIBERS - times.length;
      const d = times.map((at) => at - answered);
      delays.push(...d);
      lasts.push(Math.max(...d));
      await sleep(200);
    }
    const cpu = cpuMs(hub.child.pid!) - cpuBefore;
    const system = cpuMs(hub.child.pid!, true) - systemBefore;
    const clientsCpu = clients.reduce((sum, child) => sum + cpuMs(child.pid!), 0) - clientsBefore;

    console.log(`\nN = ${SUBSCRIBERS} subscribers of hospitalChanged (${CLIENTS} client processes)`);
    console.log(`connect + subscribe all: ${ms(connectMs)}`);
    console.log(`hub memory: ${(rssBefore / 1024).toFixed(0)} MB before, ${(rssAfter / 1024).toFixed(0)} MB after: ${((rssAfter - rssBefore) / SUBSCRIBERS).toFixed(1)} kB per subscriber`);
    console.log(`  V8 heap spaces, MB used/held: before ${heapLine(heapBefore)}; after ${heapLine(heapAfter)}`);
    console.log(`${CHANGES} changes, ${delays.length} deliveries, lost ${lost}`);
    console.log(`mutation response → receipt   p50 ${ms(percentile(delays, 50))}   p99 ${ms(percentile(delays, 99))}   max ${ms(Math.max(...delays))}`);
    console.log(`until the last subscriber     p50 ${ms(percentile(lasts, 50))}   p99 ${ms(percentile(lasts, 99))}`);
    console.log(`hub CPU over the changes: ${ms(cpu)} (${((cpu * 1000) / Math.max(1, delays.length)).toFixed(1)} µs per delivery, the ${CHANGES} mutations included; ${((system * 1000) / Math.max(1, delays.length)).toFixed(1)} µs of it in the kernel)`);
    console.log(`subscriber processes' CPU over the changes: ${((clientsCpu * 1000) / Math.max(1, delays.length)).toFixed(1)} µs per delivery`);
  } finally {
    await Promise.all(clients.map((child) => new Promise((r) => { child.once('exit', r); child.send({ kind: 'stop' }); })));
    if (hub) {
      const exited = new Promise((r) => hub!.child.once('exit', r));
      hub.child.kill('SIGTERM');
      await exited;
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
