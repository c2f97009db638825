/**
 * The nested directory read under load: the hub against a raw floor (issue 14, "Read").
 *
 *   node -r @swc-node/register bench/read/run.ts [--rounds=3] [--seconds=10] [--warmup=3] [--connections=64]
 *                                                  [--hub=swc|dist] [--only=hub|floor] [--profile=DIR] [--node-options=FLAGS]
 *
 * Setup: a fresh database on DATABASE_URL's server (default the local PostgreSQL) with 50
 * hospitals, 20 active people each (1,000), every hospital practising 3–5 specialties and each
 * person 1–2 of them, every hospital in 1–2 of 6 consortia; one administrator with a stored
 * session and its token.
 *
 * Servers, each its own process, started once and measured alternately (hub, floor, hub, ...):
 * - the hub as `npm start` runs it (dist/src/main.js, compiled first as `npm run build` does;
 *   --hub=swc: src/main.ts through @swc-node/register), NODE_ENV=production, media off;
 * - the raw floor (bench/read/floor.ts): node:http + pg, the same token verification, session
 *   check and policy, then four statements (one per level), JSON built in Node.
 * Both answer the same query; the bench checks that their answers are equal before measuring.
 *
 * Load: `--connections` keep-alive HTTP connections, each sending the next request when the
 * previous answer has arrived; `--warmup` seconds unmeasured, then `--seconds` measured.
 * Prints per round and server: req/s, p50/p99 latency, and the server process's CPU time per
 * request (user + system, from /proc/<pid>/stat over the measured window); then the medians
 * over the rounds and the hub's ratio to the floor.
 * Both servers run with the V8 flags `npm start` sets (NODE_OPTIONS in package.json's start
 * script), or with --node-options (e.g. --node-options= for none).
 * --profile=DIR starts the hub with `node --cpu-prof --cpu-prof-dir=DIR` (written when it stops).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Client as PgClient } from 'pg';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { createDataSource } from '../../src/db/data-source';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 10);
const WARMUP = arg('warmup', 3);
const CONNECTIONS = arg('connections', 64);
const HUB_BUILD = option('hub') ?? 'dist';
const ONLY = option('only');
const PROFILE_DIR = option('profile');
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const JWT_SECRET = randomBytes(32).toString('hex');
const ROOT = `${__dirname}/../..`;
/** The V8 flags `npm start` gives the hub (package.json), given to both servers here. */
const START_FLAGS = /NODE_OPTIONS=\\?"([^"$\\]*)/.exec(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).scripts.start)?.[1].trim() ?? '';
const NODE_OPTIONS = option('node-options') ?? START_FLAGS;

export const READ = `query Directory($first: Int!) {
  hospitals(first: $first) {
    nodes { id name tier county consortia { id name kind } staff { id name title specialties { id code nameZh } } }
  }
}`;

const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

async function admin(sql: string) {
  const c = new PgClient({ connectionString: withDb(SERVER, 'postgres') });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** The data set, written in bulk; returns the administrator's person id. */
async function load(url: string): Promise<number> {
  const db = createDataSource(url);
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
    const tiers = ['TERTIARY', 'SECONDARY', 'COMMUNITY', 'TOWNSHIP', 'TOWNSHIP', 'VILLAGE'];
    const hospitals: number[] = (await q(`INSERT INTO hospital (name, tier, county, latitude, longitude)
      SELECT '读基准' || g || '号医院', ($1::text[])[1 + g % 6], '读基准' || (g % 7) || '县', 35 + g * 0.01, 118 + g * 0.01
        FROM generate_series(1, 50) g ORDER BY g RETURNING id`, [tiers])).map((r: any) => r.id);
    const kinds = ['COUNTY_MEDICAL_COMMUNITY', 'CITY_MEDICAL_GROUP', 'SPECIALTY_ALLIANCE', 'TELEMEDICINE_NETWORK'];
    const consortia: number[] = (await q(`INSERT INTO consortium (name, kind, region, lead_hospital_id)
      SELECT '读基准医联体' || g, ($1::text[])[1 + g % 4], '读基准市', ($2::int[])[g] FROM generate_series(1, 6) g ORDER BY g RETURNING id`, [kinds, hospitals])).map((r: any) => r.id);
    // Every hospital in one consortium, every third also in a second one.
    const memberships = hospitals.flatMap((h, i) => [[consortia[i % 6], h], ...(i % 3 === 0 ? [[consortia[(i + 1) % 6], h]] : [])]);
    await q(`INSERT INTO consortium_membership (consortium_id, hospital_id) SELECT * FROM unnest($1::int[], $2::int[])`,
      [memberships.map((m) => m[0]), memberships.map((m) => m[1])]);
    const departments: number[] = (await q('SELECT id FROM department ORDER BY id')).map((r: any) => r.id);
    const titles = ['CHIEF', 'ASSOCIATE_CHIEF', 'ATTENDING', 'RESIDENT', null];
    const people: { id: number; hospital_id: number }[] = await q(`INSERT INTO person (name, username, roles, title, hospital_id)
      SELECT '读基准医生' || h.i || '-' || k, 'read.doc' || h.i || '-' || k, CASE WHEN k % 4 = 0 THEN '{TOWNSHIP_DOCTOR}'::text[] ELSE '{SPECIALIST}'::text[] END,
             ($2::text[])[1 + k % 5], h.id
        FROM unnest($1::int[]) WITH ORDINALITY AS h(id, i), generate_series(1, 20) k ORDER BY h.i, k RETURNING id, hospital_id`, [hospitals, titles]);
    // Hospital i practises 3–5 specialties; each of its people 1 or 2 of them.
    const practised = new Map(hospitals.map((h, i) => [h, Array.from({ length: 3 + (i % 3) }, (_, k) => departments[(i * 3 + k) % departments.length])]));
    const links = people.flatMap((p, n) => {
      const own = practised.get(p.hospital_id)!;
      const first = own[n % own.length];
      return n % 2 ? [[p.id, first], [p.id, own[(n + 1) % own.length]]] : [[p.id, first]];
    });
    await q(`INSERT INTO person_specialty (person_id, department_id) SELECT * FROM unnest($1::int[], $2::int[])`, [links.map((l) => l[0]), links.map((l) => l[1])]);
    // The administrator works at a 51st hospital: not in the answer, so the staff are exactly 1,000.
    const [{ id: office }] = await q(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('读基准卫健委', 'SECONDARY', '读基准市', 35, 118) RETURNING id`);
    const [{ id: adminId }] = await q(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('读基准管理员', 'read.admin', '{ADMIN}', $1) RETURNING id`, [office]);
    await q('ANALYZE');
    console.log(`data: ${hospitals.length} hospitals, ${people.length} people (${links.length} specialty links), ${consortia.length} consortia, ${memberships.length} memberships`);
    return adminId;
  } finally {
    await db.destroy();
  }
}

interface Server { name: string; child: ChildProcess; url: string }
const running: Server[] = [];

async function startServer(name: string, args: string[], env: Record<string, string>, ready: string): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  running.push({ name, child, url: '' });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s`)), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === ready) { clearTimeout(timer); resolve(entry.url); }
      } catch { /* not JSON */ }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, child, url };
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** User + system CPU time of a process so far, in ms (Linux). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, utime field 14, stime field 15 (clock ticks of 10 ms).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// NOTE: a fresh agent per measurement: connections left idle while the other server is measured
// are closed by the server (keep-alive timeout), and reusing one just then reads ECONNRESET.
const newAgent = () => new Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS });
let agent = newAgent();

function post(url: URL, body: string, token: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Result { requests: number; seconds: number; rps: number; p50: number; p99: number; cpuMsPerRequest: number; bytes: number }

/** `CONNECTIONS` loops, each one request at a time; measured after the warm-up. */
async function hammer(server: Server, token: string): Promise<Result> {
  const url = new URL(server.url);
  const body = JSON.stringify({ query: READ, variables: { first: 50 } });
  let measuring = false;
  let stop = false;
  const latencies: number[] = [];
  let bytes = 0;
  let failures = 0;
  agent.destroy();
  agent = newAgent();
  const loop = async () => {
    while (!stop) {
      const start = performance.now();
      const res = await post(url, body, token).catch((error) => ({ status: error.code ?? String(error), body: Buffer.alloc(0) }));
      if (res.status !== 200) { failures++; if (failures === 1) console.error(`${server.name}: ${res.status}`); }
      if (measuring) { latencies.push(performance.now() - start); bytes = res.body.length; }
    }
  };
  const loops = Array.from({ length: CONNECTIONS }, loop);
  await new Promise((r) => setTimeout(r, WARMUP * 1000));
  const pid = server.child.pid!;
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs(pid) - cpuBefore;
  stop = true;
  await Promise.all(loops);
  if (failures) throw new Error(`${server.name}: ${failures} answers were not 200`);
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, seconds, rps: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuMsPerRequest: cpu / sorted.length, bytes };
}

const line = (name: string, r: Result) =>
  `${name.padEnd(6)} ${r.rps.toFixed(1).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   ${r.cpuMsPerRequest.toFixed(2).padStart(6)} CPU-ms/req   (${r.requests} requests, ${(r.bytes / 1024).toFixed(0)} kB each)`;

async function main() {
  const name = `hub_bench_read_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDb(SERVER, name);
  const servers: Server[] = [];
  try {
    const adminId = await load(url);
    const sessionDb = createDataSource(url);
    await sessionDb.initialize();
    const session = await new SessionStore(sessionDb).open(adminId, 24 * 3600, {});
    await sessionDb.destroy();
    const token = new TokenSigner(JWT_SECRET).issue(adminId, session.id, session.expiresAt);

    const env = { DATABASE_URL: url, JWT_SECRET, NODE_OPTIONS };
    // Compiled as `npm run build` compiles the server (about 10 s).
    if (HUB_BUILD === 'dist') execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'src'], { cwd: ROOT, stdio: 'inherit' });
    const hubArgs = [
      ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      ...(HUB_BUILD === 'dist' ? ['dist/src/main.js'] : ['-r', '@swc-node/register', 'src/main.ts']),
    ];
    const hub = await startServer('hub', hubArgs, {
      ...env, NODE_ENV: 'production', NATIONAL_ID_KEY: randomBytes(32).toString('hex'), PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', MEDIA_ENABLED: 'false',
    }, 'hub ready');
    servers.push(hub);
    const floor = await startServer('floor', ['-r', '@swc-node/register', 'bench/read/floor.ts'], env, 'floor ready');
    servers.push(floor);

    // Both answer the same thing, and it is the whole data set.
    const body = JSON.stringify({ query: READ, variables: { first: 50 } });
    const [fromHub, fromFloor] = await Promise.all([hub, floor].map(async (s) => JSON.parse((await post(new URL(s.url), body, token)).body.toString())));
    if (fromHub.errors) throw new Error(`hub: ${JSON.stringify(fromHub.errors)}`);
    if (!isDeepStrictEqual(fromHub, fromFloor)) throw new Error('the hub and the floor answer differently');
    const nodes = fromHub.data.hospitals.nodes;
    const staff = nodes.reduce((n: number, h: any) => n + h.staff.length, 0);
    console.log(`answer: ${nodes.length} hospitals, ${staff} staff; hub and floor equal`);
    // First requests one at a time (lazy module loading, JIT), so the timed warm-up starts warm.
    for (const s of [hub, floor]) for (let i = 0; i < 30; i++) await post(new URL(s.url), body, token);
    console.log(`${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per server and round; hub from ${HUB_BUILD}; NODE_OPTIONS="${NODE_OPTIONS}" (npm start's)\n`);

    const results = new Map<string, Result[]>([['hub', []], ['floor', []]]);
    const measured = [hub, floor].filter((s) => !ONLY || s.name === ONLY);
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}`);
      for (const server of round % 2 ? measured : [...measured].reverse()) {
        const r = await hammer(server, token);
        results.get(server.name)!.push(r);
        console.log(`  ${line(server.name, r)}`);
      }
    }
    const summary = (list: Result[]) => ({
      rps: median(list.map((r) => r.rps)), p50: median(list.map((r) => r.p50)), p99: median(list.map((r) => r.p99)), cpu: median(list.map((r) => r.cpuMsPerRequest)),
    });
    console.log(`\nmedians over ${ROUNDS} rounds`);
    const s = new Map([...results].filter(([, list]) => list.length).map(([n, list]) => [n, summary(list)]));
    for (const [n, v] of s) {
      console.log(`  ${n.padEnd(6)} ${v.rps.toFixed(1).padStart(8)} req/s   p50 ${v.p50.toFixed(1).padStart(7)} ms   p99 ${v.p99.toFixed(1).padStart(7)} ms   ${v.cpu.toFixed(2).padStart(6)} CPU-ms/req`);
    }
    const h = s.get('hub');
    const f = s.get('floor');
    if (h && f) {
      console.log(`  hub / floor: throughput ${(h.rps / f.rps).toFixed(2)}×   CPU per request ${(h.cpu / f.cpu).toFixed(2)}×`);
      console.log(`  targets: hub ≤ 9 CPU-ms/req: ${h.cpu <= 9 ? 'met' : 'NOT met'}; throughput ≥ 0.6× floor: ${h.rps / f.rps >= 0.6 ? 'met' : 'NOT met'}`);
    }
  } finally {
    for (const s of servers) await stopServer(s);
    agent.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
// A crash must not leave the servers running.
process.on('exit', () => { for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL'); });
