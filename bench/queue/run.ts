/**
 * The live consultation queue under load.
 *
 *   node -r @swc-node/register bench/queue/run.ts [--requests=5000] [--subscribers=1000] [--pages=300] [--claims=30]
 *
 * Setup (all on this machine, over loopback): a fresh database on DATABASE_URL's server
 * (default the local PostgreSQL), one consortium with 8 township hospitals and a tertiary
 * hospital, `--requests` open requests spread over 8 specialties (random urgency, waiting up to
 * 3 days), `--subscribers` cardiology specialists. The hub runs as its own process (src/main.ts),
 * so the clients here do not share its event loop.
 *
 * Measures:
 * 1. Queue page load: `consultationQueue(first: 50)` of one specialty (~625 waiting, ranked by
 *    the anti-starvation rule) over HTTP, one request at a time: p50/p99 latency.
 * 2. Claim fan-out: every subscriber follows the cardiology queue over its own WebSocket; a
 *    specialist claims requests one after another; for each claim, the delay from sending the
 *    claim mutation to the CLAIMED change arriving at each subscriber: p50/p99 over all
 *    deliveries, and p50/p99 of the time until the last subscriber has it.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { createDataSource } from '../../src/db/data-source';
import { hubReady } from '../support/hub-ready';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 5000);
const SUBSCRIBERS = arg('subscribers', 1000);
const PAGES = arg('pages', 300);
const CLAIMS = arg('claims', 30);
const SPECIALTIES = ['CARDIOLOGY', 'NEUROLOGY', 'RESPIRATORY', 'ENDOCRINOLOGY', 'PAEDIATRICS', 'ORTHOPAEDICS', 'TCM', 'REHABILITATION'];
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const JWT_SECRET = randomBytes(32).toString('hex');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function admin(sql: string) {
  const c = new PgClient({ connectionString: withDb(SERVER, 'postgres') });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** Directory, specialists and open requests, written in bulk. */
async function load(url: string) {
  const db = createDataSource(url);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const [{ id: tertiary }] = await q(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('基准县人民医院', 'TERTIARY', '基准县', 35.8, 118.6) RETURNING id`);
  const townships: number[] = (await q(`INSERT INTO hospital (name, tier, county, latitude, longitude)
    SELECT '基准' || g || '镇卫生院', 'TOWNSHIP', '基准县', 35.8 + g * 0.01, 118.6 FROM generate_series(1, 8) g RETURNING id`)).map((r: any) => r.id);
  const [{ id: consortium }] = await q(`INSERT INTO consortium (name, kind, region, lead_hospital_id) VALUES ('基准县医共体', 'COUNTY_MEDICAL_COMMUNITY', '基准县', $1) RETURNING id`, [tertiary]);
  await q(`INSERT INTO consortium_membership (consortium_id, hospital_id) SELECT $1, unnest($2::int[])`, [consortium, [tertiary, ...townships]]);
  const departments = new Map<string, number>((await q(`SELECT id, code FROM department`)).map((d: any) => [d.code, d.id]));
  const doctors: number[] = (await q(`INSERT INTO person (name, username, roles, hospital_id)
    SELECT '基层医生' || g, 'bench.doctor' || g, '{TOWNSHIP_DOCTOR}', ($1::int[])[1 + (g % 8)] FROM generate_series(1, 16) g RETURNING id`, [townships])).map((r: any) => r.id);
  const patients: { id: number; hospital_id: number }[] = await q(`INSERT INTO patient (name, sex, birth_date, hospital_id, national_id_hash, national_id_masked)
    SELECT '患者' || g, 'FEMALE', '1960-01-01', ($1::int[])[1 + (g % 8)], 'bench-' || g, '371323**********0' FROM generate_series(1, 800) g RETURNING id, hospital_id`, [townships]);
  // One specialist per other specialty (so every queue is served), the subscribers in cardiology.
  const specialists: number[] = (await q(`INSERT INTO person (name, username, roles, hospital_id)
    SELECT '心内科专家' || g, 'bench.cardio' || g, '{SPECIALIST}', $1 FROM generate_series(1, $2::int) g RETURNING id`, [tertiary, SUBSCRIBERS + 1])).map((r: any) => r.id);
  await q(`INSERT INTO person_specialty (person_id, department_id) SELECT unnest($1::int[]), $2`, [specialists, departments.get('CARDIOLOGY')]);
  for (const code of SPECIALTIES.slice(1)) {
    const [{ id }] = await q(`INSERT INTO person (name, username, roles, hospital_id) VALUES ($1, $2, '{SPECIALIST}', $3) RETURNING id`, [`${code}专家`, `bench.${code.toLowerCase()}`, tertiary]);
    await q(`INSERT INTO person_specialty (person_id, department_id) VALUES ($1, $2)`, [id, departments.get(code)]);
  }
  // Open requests: 8 specialties, urgency 60/30/10, waiting up to 3 days.
  const rows = Array.from({ length: REQUESTS }, (_, i) => {
    const patient = patients[i % patients.length];
    const r = (i * 7919) % 1000 / 1000;
    return {
      consortium_id: consortium, specialty_id: departments.get(SPECIALTIES[i % SPECIALTIES.length]), requesting_hospital_id: patient.hospital_id,
      requested_by_id: doctors[townships.indexOf(patient.hospital_id) % doctors.length], patient_id: patient.id,
      urgency: r < 0.6 ? 'ROUTINE' : r < 0.9 ? 'URGENT' : 'EMERGENCY', seconds_ago: Math.floor(((i * 104729) % 259200)),
    };
  });
  await q(`INSERT INTO consultation (consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, state, clinical_summary, question, requested_at)
    SELECT consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, 'REQUESTED', '基准测试病例摘要', '基准测试问题', now() - make_interval(secs => seconds_ago)
      FROM jsonb_to_recordset($1::jsonb) AS x(consortium_id int, specialty_id int, requesting_hospital_id int, requested_by_id int, patient_id int, urgency text, seconds_ago int)`,
  [JSON.stringify(rows)]);
  await q('ANALYZE');
  await db.destroy();
  return { consortium, cardiology: departments.get('CARDIOLOGY')!, specialists };
}

async function startHub(url: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: {
      ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET, NATIONAL_ID_KEY: randomBytes(32).toString('hex'), SEED_DEMO: 'false', LOG_LEVEL: 'info',
      MEDIA_ENABLED: 'false',
      // Long deadlines: the bench measures the queue, not a storm of escalations of its old requests.
      CONSULT_DEADLINE_EMERGENCY_SECONDS: '604800', CONSULT_DEADLINE_URGENT_SECONDS: '604800', CONSULT_DEADLINE_ROUTINE_SECONDS: '2592000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const hubUrl = await hubReady(child);
  return { child, url: hubUrl };
}

async function main() {
  const name = `hub_bench_queue_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDb(SERVER, name);
  let hub: { child: ChildProcess; url: string } | null = null;
  const clients: Client[] = [];
  try {
    let t = performance.now();
    const fixture = await load(url);
    console.log(`loaded ${REQUESTS} open requests over ${SPECIALTIES.length} specialties and ${SUBSCRIBERS + 1} cardiology specialists in ${ms(performance.now() - t)}`);
    hub = await startHub(url);
    // Tokens exactly like signIn's (a stored session each), without a password hash per person.
    const sessionDb = createDataSource(url);
    await sessionDb.initialize();
    const signer = new TokenSigner(JWT_SECRET);
    const token = async (personId: number) => {
      const session = await new SessionStore(sessionDb).open(personId, 3600, {});
      return signer.issue(personId, session.id, session.expiresAt);
    };
    const gql = async (query: string, variables: Record<string, unknown>, bearer: string) => {
      const res = await fetch(hub!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
      const body: any = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    // 1. Queue page load.
    const claimer = await token(fixture.specialists[0]);
    const PAGE = `query($c: ID!, $s: ID!, $offset: Int) { consultationQueue(consortiumId: $c, specialtyId: $s, first: 50, offset: $offset) {
      cursor totalCount entries { consultationId position urgency effectiveUrgency waitingSeconds deadlineAt overdue requestingHospital { name } } } }`;
    for (let i = 0; i < 20; i++) await gql(PAGE, { c: fixture.consortium, s: fixture.cardiology, offset: 0 }, claimer); // warm-up
    const pageTimes: number[] = [];
    let total = 0;
    for (let i = 0; i < PAGES; i++) {
      const start = performance.now();
      const data = await gql(PAGE, { c: fixture.consortium, s: fixture.cardiology, offset: (i % 5) * 50 }, claimer);
      pageTimes.push(performance.now() - start);
      total = data.consultationQueue.totalCount;
    }
    console.log(`\nqueue page (50 of ${total} waiting, ranked), ${PAGES} sequential requests over HTTP:`);
    console.log(`  p50 ${ms(percentile(pageTimes, 50))}   p99 ${ms(percentile(pageTimes, 99))}   max ${ms(Math.max(...pageTimes))}`);

    // 2. Claim fan-out to the subscribers.
    t = performance.now();
    const arrivals = new Map<string, number[]>();
    let subscribed = 0;
    const CHANGES = 'subscription($c: ID!, $s: ID!) { consultationQueueChanged(consortiumId: $c, specialtyId: $s) { cursor action consultationId inQueue } }';
    await Promise.all(fixture.specialists.slice(1, SUBSCRIBERS + 1).map(async (id, i) => {
      await sleep(i * 2); // spread the connection storm a little
      const bearer = await token(id);
      const client = createClient({ url: hub!.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bearer}` }, retryAttempts: 0, lazy: false });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        const off = client.on('connected', () => { off(); resolve(); });
        client.on('closed', (e: any) => reject(new Error(`closed ${e?.code}`)));
      });
      client.subscribe({ query: CHANGES, variables: { c: fixture.consortium, s: fixture.cardiology } }, {
        next: (v: any) => {
          const change = v.data?.consultationQueueChanged;
          if (change?.action === 'CLAIMED') (arrivals.get(change.consultationId) ?? arrivals.set(change.consultationId, []).get(change.consultationId)!).push(performance.now());
        },
        error: (e) => console.error('subscription error', e),
        complete: () => {},
      });
      subscribed++;
    }));
    console.log(`\n${subscribed} specialists connected and subscribed in ${ms(performance.now() - t)}`);
    const queue = (await gql(`query($c: ID!, $s: ID!) { consultationQueue(consortiumId: $c, specialtyId: $s, first: ${CLAIMS + 2}) { entries { consultationId } } }`,
      { c: fixture.consortium, s: fixture.cardiology }, claimer)).consultationQueue.entries.map((e: any) => e.consultationId);
    const waitAll = async (id: string, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while ((arrivals.get(id)?.length ?? 0) < SUBSCRIBERS) {
        if (Date.now() > deadline) throw new Error(`claim of ${id} reached ${arrivals.get(id)?.length ?? 0} of ${SUBSCRIBERS} subscribers in ${timeoutMs} ms`);
        await sleep(2);
      }
    };
    // Warm-up claim: proves every subscription is live before measuring.
    await gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id: queue[0] }, claimer);
    await waitAll(queue[0]);
    const delays: number[] = [];
    const lastArrivals: number[] = [];
    const commits: number[] = [];
    for (const id of queue.slice(1, CLAIMS + 1)) {
      const sent = performance.now();
      await gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id }, claimer);
      commits.push(performance.now() - sent);
      await waitAll(id);
      const times = arrivals.get(id)!.map((at) => at - sent);
      delays.push(...times);
      lastArrivals.push(Math.max(...times));
      await sleep(50);
    }
    console.log(`\nclaim → CLAIMED change at each of ${SUBSCRIBERS} subscribers (${CLAIMS} claims, ${delays.length} deliveries):`);
    console.log(`  per delivery         p50 ${ms(percentile(delays, 50))}   p99 ${ms(percentile(delays, 99))}`);
    console.log(`  until the last one   p50 ${ms(percentile(lastArrivals, 50))}   p99 ${ms(percentile(lastArrivals, 99))}`);
    console.log(`  claim mutation round trip   p50 ${ms(percentile(commits, 50))}   p99 ${ms(percentile(commits, 99))}`);
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
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
