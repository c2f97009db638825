/**
 * The booking race: 200 township-doctor requests for one clinic session with 10 free slots.
 *
 *   node -r @swc-node/register bench/booking/run.ts [--attempts=200] [--rounds=3] [--warmup=14] [--hub=dist|swc] [--profile=/tmp/dir]
 *
 * Setup: a fresh database on DATABASE_URL's server (default the local PostgreSQL) with the test
 * fixture (one consortium, a cardiologist, township A's doctor) and `--attempts` patients of
 * township A. The hub runs as its own process, as `npm start` runs it (bench/support/start-hub.ts;
 * --hub=swc: through @swc-node/register), so the requests fired from here do
 * not share its event loop. The roster is published through the API, as a scheduler would, and
 * opens one 10-slot session per round (plus one that `--warmup` crowds go to first, not reported).
 *
 * Each round fires every attempt at once (one HTTP request each, no client-side queueing) and
 * prints: wins, refusals with the catalogue's "session full" sentence, other answers, and the
 * latency of all answers (p50/p99/max), of the refusals alone, and when the last slot went.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

import { createTestDatabase } from '../../test/support/database';
import { loadFixture, PASSWORD } from '../../test/support/fixture';
import type { TestHub } from '../../test/support/hub';
import { addPatients, approvedDemand, GQL, makeAvailable, nextMonth, ok } from '../../test/roster/rotation-support';
import { LeanConnection } from '../support/lean-http';
import { startBenchHub } from '../support/start-hub';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ATTEMPTS = arg('attempts', 200);
const ROUNDS = arg('rounds', 3);
const WARMUP = arg('warmup', 14);
const JWT_SECRET = randomBytes(32).toString('hex');
const NATIONAL_ID_KEY = randomBytes(32).toString('hex');

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc); `system`: the kernel's part alone. */
function cpuMs(pid: number, system = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (((system ? 0 : Number(fields[11])) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** CPU time of every PostgreSQL process on this machine (the server shares the two cores). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(pid));
    } catch { /* gone meanwhile */ }
  }
  return total;
}

const startHub = (url: string) => startBenchHub({ DATABASE_URL: url, JWT_SECRET, NATIONAL_ID_KEY });

async function main() {
  const database = await createTestDatabase();
  let hub: { child: ChildProcess; url: string } | null = null;
  try {
    const fixture = await loadFixture(database.db, NATIONAL_ID_KEY);
    const patients = await addPatients(database.db, fixture.townshipA.id, ATTEMPTS, NATIONAL_ID_KEY);
    hub = await startHub(database.url);
    const hubUrl = new URL(hub.url);
    // The crowd: one kept-alive connection per attempt, as 200 browsers would hold, through the
    // lean load generator (bench/support/lean-http.ts: it shares the two cores with the hub).
    const connections = await Promise.all(patients.map(() => LeanConnection.open(hubUrl)));
    let crowdMember = 0;
    const post = async (query: string, variables: Record<string, unknown> | undefined, token: string, i = crowdMember++ % connections.length): Promise<any> => {
      const answer = await connections[i].post(hubUrl.pathname, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
      return { status: answer.status, ...JSON.parse(answer.body) };
    };
    const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
      const res = await fetch(hub!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...(await res.json()) };
    };
    // The rotation helpers need only these two of a test hub.
    const t = { gql, fixture } as unknown as TestHub;
    const signIn = async (u: string) => ok(await gql('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u, p: PASSWORD })).signIn.token as string;
    const scheduler = await signIn('scheduler');
    const doctor = await signIn('doctor.a');

    const month = nextMonth();
    const dates = Array.from({ length: ROUNDS + 1 }, (_, i) => month.days[2 + i * 4]);
    await makeAvailable(t, scheduler, fixture.users.specialist.id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 20 });
    const demandId = await approvedDemand(t, doctor, scheduler, { hostId: fixture.townshipA.id, periodStart: month.start, periodEnd: month.end, expertDays: ROUNDS + 1 });
    const rosterId = ok(await gql(GQL.createRoster, { i: { consortiumId: fixture.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
    ok(await gql(GQL.assign, { i: { rosterId, specialistId: fixture.users.specialist.id, demandId, dates } }, scheduler));
    ok(await gql(GQL.publish, { id: rosterId }, scheduler));
    const sessions: { id: string; date: string; freeSlots: number }[] = ok(await gql(
      'query($h: ID!, $from: String) { hostSessions(hostId: $h, from: $from) { id date freeSlots } }', { h: fixture.townshipA.id, from: month.start }, doctor)).hostSessions;
    if (sessions.length !== ROUNDS + 1) throw new Error(`expected ${ROUNDS + 1} sessions, got ${JSON.stringify(sessions)}`);
    const slots = sessions[0].freeSlots;
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`hub on ${hub.url}; ${sessions.length} sessions of ${slots} free slots; ${ATTEMPTS} attempts per round`);

    const all: number[] = [];
    const refusals: number[] = [];
    const floor: number[] = [];
    // A running hub is warm: V8 has optimized the booking path. The first rounds after a start
    // cost the hub 2-3× the CPU of later ones, so the warm-up session takes WARMUP crowds first
    // (the first fills it; the rest are refused, as "full" or "already booked": the same path).
    for (let w = 0; w < WARMUP; w++) {
      const started = performance.now();
      const cpuBefore = cpuMs(hub.child.pid!);
      const answers = await Promise.all(patients.map((patientId, i) => post(GQL.book, { i: { sessionId: sessions[0].id, patientId } }, doctor, i)));
      const cpu = cpuMs(hub.child.pid!) - cpuBefore;
      const took = performance.now() - started;
      const won = answers.filter((r) => r.data?.bookClinicSlot).length;
      const refused = answers.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length;
      await Promise.all(patients.map((_, i) => post('{ me { id } }', undefined, doctor, i)));
      console.log(`warm-up ${w + 1}/${WARMUP}: ${won} won, ${refused} refused, ${answers.length - won - refused} other in ${ms(took)}, hub CPU ${ms(cpu / answers.length)} per answer`);
    }
    for (const [index, session] of sessions.slice(1).entries()) {
      const round = index + 1;
      const fullSentence = new RegExp(`^No free slot left in .* \\(all ${slots} are booked\\)$`);
      const cpuBefore = cpuMs(hub.child.pid!);
      const systemBefore = cpuMs(hub.child.pid!, true);
      const pgBefore = postgresCpuMs();
      const start = performance.now();
      const loadBefore = process.cpuUsage();
      const answers = await Promise.all(patients.map(async (patientId, i) => {
        const r = await post(GQL.book, { i: { sessionId: session.id, patientId } }, doctor, i);
        return { r, took: performance.now() - start };
      }));
      const cpu = cpuMs(hub.child.pid!) - cpuBefore;
      const system = cpuMs(hub.child.pid!, true) - systemBefore;
      const pgCpu = postgresCpuMs() - pgBefore;
      const load = process.cpuUsage(loadBefore);
      const wins = answers.filter((a) => a.r.data?.bookClinicSlot);
      const full = answers.filter((a) => a.r.errors?.[0]?.extensions?.code === 'CONFLICT' && fullSentence.test(a.r.errors[0].message));
      const other = answers.length - wins.length - full.length;
      const times = answers.map((a) => a.took);
      const refused = full.map((a) => a.took);
      const positions = wins.map((a) => a.r.data.bookClinicSlot.slot.position).sort((a: number, b: number) => a - b);
      console.log(`\nround ${round}: ${wins.length} won (slots ${positions.join(',')}), ${full.length} refused "session full", ${other} other`);
      if (other) console.log(`  other answers: ${JSON.stringify(answers.filter((a) => !a.r.data?.bookClinicSlot && !full.includes(a)).slice(0, 3).map((a) => a.r.errors))}`);
      console.log(`  all ${answers.length} answers   p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}   max ${ms(Math.max(...times))}`);
      console.log(`  refusals             p50 ${ms(percentile(refused, 50))}   p99 ${ms(percentile(refused, 99))}`);
      console.log(`  last win answered at ${ms(Math.max(...wins.map((a) => a.took)))}; hub CPU ${ms(cpu)} for the round, ${ms(cpu / answers.length)} per answer (${ms(system / answers.length)} in the kernel); PostgreSQL ${ms(pgCpu / answers.length)}, load generator ${ms((load.user + load.system) / 1000 / answers.length)} per answer`);
      // The comparison: as many requests at once through the same HTTP, token and session check,
      // asking only who is signed in. What booking adds is the difference.
      const meBefore = cpuMs(hub.child.pid!);
      const mePgBefore = postgresCpuMs();
      const meStart = performance.now();
      const me = await Promise.all(patients.map(async (_, i) => {
        const r = await post('{ me { id } }', undefined, doctor, i);
        if (!r.data?.me) throw new Error(`me failed: ${JSON.stringify(r)}`);
        return performance.now() - meStart;
      }));
      const meCpu = cpuMs(hub.child.pid!) - meBefore;
      const mePgCpu = postgresCpuMs() - mePgBefore;
      console.log(`  comparison, ${me.length} × { me { id } } at once: p50 ${ms(percentile(me, 50))}   p99 ${ms(percentile(me, 99))}; hub CPU ${ms(meCpu / me.length)} per answer; PostgreSQL ${ms(mePgCpu / me.length)} per answer`);
      all.push(...times);
      refusals.push(...refused);
      floor.push(...me);
    }
    console.log(`\nover the ${ROUNDS} measured rounds (${all.length} answers): p50 ${ms(percentile(all, 50))}   p99 ${ms(percentile(all, 99))}   max ${ms(Math.max(...all))};`
      + ` refusals p50 ${ms(percentile(refusals, 50))}   p99 ${ms(percentile(refusals, 99))}`);
    console.log(`comparison { me { id } }: p50 ${ms(percentile(floor, 50))}   p99 ${ms(percentile(floor, 99))}`);
  } finally {
    if (hub) {
      const exited = new Promise((r) => hub!.child.once('exit', r));
      hub.child.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
