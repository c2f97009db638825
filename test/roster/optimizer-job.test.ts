import { ConsortiumMembership, Department, Hospital } from '../../src/consortium/entities';
import { HospitalTier } from '../../src/consortium/kinds';
import { ChildHub, startChildHub } from '../support/child-hub';
import { collect, startTestHub, TestHub } from '../support/hub';
import { addSpecialist, approvedDemand, GQL, makeAvailable, nextMonth, ok, refusal } from './rotation-support';

/**
 * The optimizer as a job, through GraphQL: progress over the subscription, cancellation (in
 * this process and from another one), pinned assignments kept, same seed -> same roster, and
 * the stored roster judged by the rules (the service's own check and this file's SQL).
 */
let t: TestHub;
let scheduler: string;
let rosterId: string;
const month = nextMonth();
const D = (i: number) => month.days[i];
const weekdays = [1, 2, 3, 4, 5];
let cardiologists: number[] = [];
let neurologists: number[] = [];
const demand: Record<string, string> = {};
let pinnedIds: string[] = [];

const START = `mutation($i: StartOptimizationInput!) { startRosterOptimization(input: $i) { id state seed method cursor } }`;
const JOB = `query($id: ID!) { rosterJob(id: $id) { id state phase percent bestObjective error cancelRequested startedAt finishedAt
  summary { method status stopReason seed gap bound expertDaysDemanded expertDaysAssigned coveragePercent assignmentsWritten pinnedKept
    objective { total coverage fairness continuity preference travel } coverageByHost { hostId demandedDays assignedDays ratio }
    unmet { demandId hostId missingDays reason detail } droppedOnWrite { rule } timeMs } } }`;
const PROGRESS = `subscription($job: ID!, $after: ID) { rosterJobProgress(jobId: $job, after: $after) { cursor action occurredAt state phase percent bestObjective bound gap objective { total coverage fairness continuity preference travel } error } }`;
const ASSIGNMENTS = `query($id: ID!) { roster(id: $id) { state assignments { id date session pinned source specialist { id } demand { id } host { id } } } }`;

async function waitForJob(id: string, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = ok(await t.gql(JOB, { id }, scheduler)).rosterJob;
    if (!['QUEUED', 'RUNNING'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rosterShape = (assignments: any[]) => assignments.map((a) => `${a.date} ${a.session} ${a.specialist.id} ${a.demand.id} ${a.pinned}`).sort();

beforeAll(async () => {
  t = await startTestHub();
  scheduler = await t.signIn('scheduler');
  const doctorA = await t.signIn('doctor.a');
  const f = t.fixture;
  const db = t.database.db;
  const hospital = (name: string, lat: number, lng: number) => db.getRepository(Hospital).save({ name, tier: HospitalTier.TOWNSHIP, county: '测试县', latitude: lat, longitude: lng });
  const [c, d, far] = [await hospital('丙镇卫生院', 35.85, 118.7), await hospital('丁镇卫生院', 35.75, 118.5), await hospital('远镇卫生院', 37.0, 118.6)];
  await db.getRepository(ConsortiumMembership).insert([c, d, far].map((h) => ({ consortiumId: f.consortium.id, hospitalId: h.id })));
  const neurology = await db.getRepository(Department).findOneByOrFail({ code: 'NEUROLOGY' });
  const paediatrics = await db.getRepository(Department).findOneByOrFail({ code: 'PAEDIATRICS' });
  for (let i = 0; i < 6; i++) cardiologists.push((await addSpecialist(t, `cardio${i}`, f.cardiology.id)).id);
  for (let i = 0; i < 3; i++) neurologists.push((await addSpecialist(t, `neuro${i}`, neurology.id)).id);
  for (const id of [...cardiologists, ...neurologists]) {
    await makeAvailable(t, scheduler, id, [{ from: month.start, to: month.end, weekdays }], { maxDaysPerMonth: 6, maxConsecutiveDays: 3, maxTravelKm: 60 });
  }
  const base = { periodStart: month.start, periodEnd: month.end };
  demand.A = await approvedDemand(t, doctorA, scheduler, { ...base, hostId: f.townshipA.id, expertDays: 8, session: 'MORNING', priority: 5 });
  demand.B = await approvedDemand(t, scheduler, scheduler, { ...base, hostId: f.townshipB.id, expertDays: 6, session: 'FULL_DAY', priority: 3 });
  demand.C = await approvedDemand(t, scheduler, scheduler, { ...base, hostId: c.id, specialtyId: neurology.id, expertDays: 5, session: 'AFTERNOON', priority: 4 });
  demand.D = await approvedDemand(t, scheduler, scheduler, { ...base, hostId: d.id, expertDays: 4, session: 'MORNING', priority: 2, preferredWeekdays: [2, 4] });
  demand.far = await approvedDemand(t, scheduler, scheduler, { ...base, hostId: far.id, expertDays: 3, session: 'MORNING', priority: 5 });
  demand.kids = await approvedDemand(t, scheduler, scheduler, { ...base, hostId: f.townshipA.id, specialtyId: paediatrics.id, expertDays: 2, session: 'AFTERNOON', priority: 4 });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, ...base } }, scheduler)).createRoster.id;
  // Two assignments the scheduler fixes by hand, on days the optimizer might have chosen differently.
  const firstWeekday = month.days.find((day) => weekdays.includes(isoWeekday(day)))!;
  pinnedIds = ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: cardiologists[5], demandId: demand.B, dates: [firstWeekday], pinned: true } }, scheduler))
    .assignSpecialist.assignments.map((a: any) => a.id);
}, 120_000);
afterAll(async () => { await t.stop(); });

describe('the optimizer job', () => {
  let firstRun: any;

  it('drafts the roster from approved demands and availability, keeps pinned assignments, and reports coverage and unmet demand', async () => {
    const job = ok(await t.gql(START, { i: { rosterId, seed: 1 } }, scheduler)).startRosterOptimization;
    expect(job).toMatchObject({ state: 'QUEUED', seed: 1, method: 'AUTO' });
    const done = await waitForJob(job.id);
    expect(done.state).toBe('SUCCEEDED');
    expect(done.percent).toBe(100);
    expect(done.summary).toMatchObject({ method: 'exact', status: 'OPTIMAL', stopReason: 'OPTIMAL' });
    const s = done.summary;
    expect(s.pinnedKept).toBe(1);
    expect(s.droppedOnWrite).toEqual([]);
    expect(s.assignmentsWritten).toBeGreaterThan(10);
    expect(s.objective.total).toBeCloseTo(done.bestObjective, 6);
    // Paediatrics: nobody has it. The far host: beyond everyone's 60 km.
    const unmet = new Map(s.unmet.map((u: any) => [u.demandId, u]));
    expect(unmet.get(demand.kids)).toMatchObject({ reason: 'NO_SPECIALIST_WITH_SPECIALTY', missingDays: 2 });
    expect(unmet.get(demand.far)).toMatchObject({ reason: 'TRAVEL', missingDays: 3 });
    // The reasons are stored as sentences and said in the reader's language.
    expect((unmet.get(demand.kids) as any).detail).toMatch(/^No specialist in the pool practises .+; add one or drop the demand\.$/);
    expect((unmet.get(demand.far) as any).detail).toMatch(/ is beyond the travel limit of \d+ free .+ specialist\(s\)/);
    const zh = await fetch(t.hub.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'zh-CN' }, body: JSON.stringify({ query: JOB, variables: { id: job.id } }),
    });
    const unmetZh = new Map(ok(await zh.json()).rosterJob.summary.unmet.map((u: any) => [u.demandId, u.detail]));
    expect(unmetZh.get(demand.kids)).toMatch(/^专家库中没有.+专家，请增加专家或撤销该需求。$/);
    expect(unmetZh.get(demand.far)).toMatch(/ 超出 \d+ 名有空的.+专家的出行上限/);
    expect(s.coverageByHost.find((h: any) => h.hostId === String(t.fixture.townshipA.id))).toMatchObject({ demandedDays: 10, assignedDays: 8 });

    const roster = ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster;
    expect(roster.state).toBe('DRAFT');
    const pinned = roster.assignments.filter((a: any) => a.pinned);
    expect(pinned.map((a: any) => a.id)).toEqual(pinnedIds);
    expect(roster.assignments.filter((a: any) => !a.pinned).every((a: any) => a.source === 'OPTIMIZER')).toBe(true);
    expect(roster.assignments).toHaveLength(s.assignmentsWritten + 1);
    firstRun = roster;
  });

  it('stores a roster that passes every hard rule', async () => {
    expect(ok(await t.gql(GQL.violations, { id: rosterId }, scheduler)).rosterViolations).toEqual([]);
    // Judged again here, from the tables, without the hub's checker.
    const db = t.database.db;
    const rows: any[] = await db.query(`
      SELECT a.specialist_id, a.date::text AS date, a.session, a.host_hospital_id, a.demand_id, d.expert_days, d.session AS demand_session,
             d.period_start::text AS ps, d.period_end::text AS pe, l.max_days_per_month, l.max_consecutive_days, l.max_travel_km,
             EXISTS (SELECT 1 FROM person_specialty ps WHERE ps.person_id = a.specialist_id AND ps.department_id = d.specialty_id) AS has_specialty,
             EXISTS (SELECT 1 FROM availability_period p WHERE p.person_id = a.specialist_id AND p.kind = 'AVAILABLE' AND a.date BETWEEN p.start_date AND p.end_date
                       AND (cardinality(p.weekdays) = 0 OR extract(isodow FROM a.date)::int = ANY(p.weekdays))) AS available,
             EXISTS (SELECT 1 FROM availability_period p WHERE p.person_id = a.specialist_id AND p.kind = 'UNAVAILABLE' AND a.date BETWEEN p.start_date AND p.end_date) AS blocked,
             hh.latitude AS hlat, hh.longitude AS hlng, sh.latitude AS slat, sh.longitude AS slng,
             COALESCE(hs.daily_capacity, 2) AS capacity
        FROM roster_assignment a JOIN rotation_demand d ON d.id = a.demand_id JOIN specialist_limits l ON l.person_id = a.specialist_id
        JOIN hospital hh ON hh.id = a.host_hospital_id JOIN person sp ON sp.id = a.specialist_id JOIN hospital sh ON sh.id = sp.hospital_id
        LEFT JOIN host_settings hs ON hs.hospital_id = a.host_hospital_id
       WHERE a.roster_id = $1 AND a.state = 'ACTIVE'`, [rosterId]);
    expect(rows.length).toBeGreaterThan(10);
    const problems: string[] = [];
    const group = <K>(key: (r: any) => K) => rows.reduce((m, r) => m.set(key(r), [...(m.get(key(r)) ?? []), r]), new Map<K, any[]>());
    for (const r of rows) {
      if (!r.has_specialty) problems.push(`specialty ${r.specialist_id} ${r.date}`);
      if (!r.available || r.blocked) problems.push(`availability ${r.specialist_id} ${r.date}`);
      if (r.session !== r.demand_session || r.date < r.ps || r.date > r.pe) problems.push(`demand ${r.demand_id} ${r.date}`);
      if (km(r.slat, r.slng, r.hlat, r.hlng) > r.max_travel_km) problems.push(`travel ${r.specialist_id} ${r.host_hospital_id}`);
    }
    for (const [, list] of group((r) => r.specialist_id)) {
      const days: string[] = [...new Set<string>(list.map((r: any) => r.date as string))].sort();
      if (days.length > list[0].max_days_per_month) problems.push(`monthly ${list[0].specialist_id}`);
      let run = 1;
      for (let i = 1; i < days.length; i++) {
        run = dayDiff(days[i - 1], days[i]) === 1 ? run + 1 : 1;
        if (run > list[0].max_consecutive_days) problems.push(`consecutive ${list[0].specialist_id} ${days[i]}`);
      }
    }
    for (const [key, list] of group((r) => `${r.host_hospital_id} ${r.date}`)) {
      if (new Set(list.map((r: any) => r.specialist_id)).size > list[0].capacity) problems.push(`capacity ${key}`);
    }
    for (const [key, list] of group((r) => r.demand_id)) if (list.length > list[0].expert_days) problems.push(`demand days ${key}`);
    expect(problems).toEqual([]);
  });

  it('gives the same roster for the same seed', async () => {
    const run = async (seed: number) => {
      const job = ok(await t.gql(START, { i: { rosterId, seed, method: 'LOCAL', iterations: 20_000 } }, scheduler)).startRosterOptimization;
      const done = await waitForJob(job.id);
      expect(done.state).toBe('SUCCEEDED');
      expect(done.summary).toMatchObject({ method: 'local', seed, pinnedKept: 1 });
      return { roster: ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster.assignments, objective: done.summary.objective.total };
    };
    const a = await run(7);
    const b = await run(7);
    expect(rosterShape(b.roster)).toEqual(rosterShape(a.roster));
    expect(b.objective).toBe(a.objective);
    // The rows are new (the draft was replaced), the pinned one is the very same row.
    expect(b.roster.filter((x: any) => x.pinned).map((x: any) => x.id)).toEqual(pinnedIds);
    expect(a.roster.length).toBeGreaterThan(firstRun.assignments.length / 2);
  });

  it('leaves out, and reports, an assignment that a change elsewhere made impossible while it ran', async () => {
    const f = t.fixture;
    // A second consortium sharing the tertiary hospital's specialists, with a full-day demand at a host of its own.
    const own = await t.database.db.getRepository(Hospital).save({ name: '戊镇卫生院', tier: HospitalTier.TOWNSHIP, county: '测试县', latitude: 35.82, longitude: 118.65 });
    await t.database.db.getRepository(ConsortiumMembership).insert([{ consortiumId: f.otherConsortium.id, hospitalId: f.tertiary.id }, { consortiumId: f.otherConsortium.id, hospitalId: own.id }]);
    const otherDemand = await approvedDemand(t, scheduler, scheduler, { consortiumId: f.otherConsortium.id, hostId: own.id, expertDays: 5, periodStart: month.start, periodEnd: month.end, session: 'FULL_DAY' });
    const otherRoster = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.otherConsortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
    // The same input and seed as before will place X on day d again; free that slot in the draft first.
    const current = ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster.assignments;
    const victim = current.find((a: any) => !a.pinned);
    ok(await t.gql(GQL.remove, { i: { assignmentId: victim.id, reason: '腾出' } }, scheduler));
    const job = ok(await t.gql(START, { i: { rosterId, seed: 7, method: 'LOCAL', iterations: 20_000 } }, scheduler)).startRosterOptimization;
    const events = collect(t.ws(scheduler), PROGRESS, { job: job.id, after: job.cursor });
    // Once it reports progress its input is fixed; now X goes to the other consortium's host on day d.
    const deadline = Date.now() + 20_000;
    while (!events.events.some((e) => e.rosterJobProgress.action === 'PROGRESS')) {
      if (Date.now() > deadline) throw new Error('no progress');
      await new Promise((r) => setTimeout(r, 20));
    }
    ok(await t.gql(GQL.assign, { i: { rosterId: otherRoster, specialistId: victim.specialist.id, demandId: otherDemand, dates: [victim.date] } }, scheduler));
    const done = await waitForJob(job.id);
    events.dispose();
    expect(done.state).toBe('SUCCEEDED');
    expect(done.summary.droppedOnWrite).toEqual([{ rule: 'DOUBLE_BOOKED' }]);
    const after = ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster.assignments;
    expect(after.some((a: any) => a.specialist.id === victim.specialist.id && a.date === victim.date)).toBe(false);
    expect(after).toHaveLength(current.length - 1);
    expect(ok(await t.gql(GQL.violations, { id: rosterId }, scheduler)).rosterViolations).toEqual([]);
  });

  it('pushes progress through the subscription and stops when cancelled, leaving the roster as it was', async () => {
    const before = rosterShape(ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster.assignments);
    const job = ok(await t.gql(START, { i: { rosterId, seed: 3, method: 'LOCAL', iterations: 100_000_000, timeLimitSeconds: 300 } }, scheduler)).startRosterOptimization;
    const events = collect(t.ws(scheduler), PROGRESS, { job: job.id, after: job.cursor });
    await events.waitFor(5, 20_000);
    const progress = events.events.map((e) => e.rosterJobProgress);
    expect(progress[0]).toMatchObject({ action: 'QUEUED', state: 'QUEUED' });
    expect(progress[1]).toMatchObject({ action: 'STARTED', state: 'RUNNING' });
    const updates = progress.filter((p) => p.action === 'PROGRESS');
    expect(updates.length).toBeGreaterThanOrEqual(3);
    const percents = updates.map((p) => p.percent);
    expect([...percents].sort((x, y) => x - y)).toEqual(percents);
    expect(updates.some((p) => p.bestObjective !== null)).toBe(true);
    // The live score: its parts add up to its total; the bound is above the best found, and the gap says by how much.
    const scored = updates.filter((p) => p.objective && p.bound !== null && p.bestObjective !== null);
    expect(scored.length).toBeGreaterThanOrEqual(2);
    for (const p of scored) {
      const o = p.objective;
      expect(o.coverage + o.fairness + o.continuity + o.preference + o.travel).toBeCloseTo(o.total, 6);
      expect(p.bound).toBeGreaterThanOrEqual(p.bestObjective - 1e-9);
      expect(p.gap).toBeCloseTo(Math.max(0, (p.bound - p.bestObjective) / Math.max(1, Math.abs(p.bound))), 9);
    }
    // Throttled: consecutive updates at least 250 ms apart (the log's own timestamps, to the millisecond).
    const times = updates.map((p) => Date.parse(p.occurredAt));
    expect(times.slice(1).map((time, i) => time - times[i]).filter((gap) => gap < 249)).toEqual([]);
    // Editing by hand meanwhile is refused: the job owns the draft.
    const blocked = refusal(await t.gql(GQL.assign, { i: { rosterId, specialistId: cardiologists[0], demandId: demand.A, dates: [D(27)] } }, scheduler));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toMatch(new RegExp(`Optimizer job ${job.id} is working on roster`));
    expect(refusal(await t.gql(START, { i: { rosterId } }, scheduler)).code).toBe('CONFLICT');

    const cancelledAt = Date.now();
    const cancel = ok(await t.gql('mutation($id: ID!) { cancelRosterJob(id: $id) { id cancelRequested } }', { id: job.id }, scheduler)).cancelRosterJob;
    expect(cancel.cancelRequested).toBe(true);
    const deadline = Date.now() + 10_000;
    while (!events.events.some((e) => e.rosterJobProgress.state === 'CANCELLED')) {
      if (Date.now() > deadline) throw new Error(`no CANCELLED event: ${JSON.stringify(events.events.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now() - cancelledAt).toBeLessThan(3000);
    const done = ok(await t.gql(JOB, { id: job.id }, scheduler)).rosterJob;
    expect(done).toMatchObject({ state: 'CANCELLED', error: 'Cancelled by a scheduler', summary: null });
    const zh = await fetch(t.hub.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'zh-CN' }, body: JSON.stringify({ query: JOB, variables: { id: job.id } }),
    });
    expect(ok(await zh.json()).rosterJob.error).toBe('已被排班员取消');
    expect(rosterShape(ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster.assignments)).toEqual(before);
    const again = refusal(await t.gql('mutation($id: ID!) { cancelRosterJob(id: $id) { id } }', { id: job.id }, scheduler));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already finished \(CANCELLED\)/);
    events.dispose();
    // Resubscribing from the start replays the whole story, and the subscription completes after its end.
    const replay = await new Promise<any[]>((resolve, reject) => {
      const seen: any[] = [];
      const timer = setTimeout(() => reject(new Error(`no completion; saw ${seen.length}`)), 10_000);
      t.ws(scheduler).subscribe({ query: PROGRESS, variables: { job: job.id, after: job.cursor } }, {
        next: (v: any) => seen.push(v.data.rosterJobProgress),
        error: (e) => { clearTimeout(timer); reject(e); },
        complete: () => { clearTimeout(timer); resolve(seen); },
      });
    });
    expect(replay.map((e) => e.cursor)).toEqual(events.events.map((e) => e.rosterJobProgress.cursor).filter((c) => BigInt(c) <= BigInt(replay[replay.length - 1].cursor)));
    expect(replay[replay.length - 1].state).toBe('CANCELLED');
  });

  it('is for the schedulers of the consortium only', async () => {
    const doctorA = await t.signIn('doctor.a');
    expect(refusal(await t.gql(START, { i: { rosterId } }, doctorA)).code).toBe('FORBIDDEN');
    const specialist = await t.signIn('cardio0');
    expect(refusal(await t.gql(START, { i: { rosterId } }, specialist)).code).toBe('FORBIDDEN');
    const [{ id: anyJob }] = await t.database.db.query('SELECT id FROM roster_job ORDER BY id LIMIT 1');
    expect(refusal(await t.gql(JOB, { id: anyJob }, doctorA)).code).toBe('NOT_FOUND');
    // A job's progress never reaches someone who may not see it.
    const snoop = collect(t.ws(doctorA), PROGRESS, { job: String(anyJob), after: '0' });
    await new Promise((r) => setTimeout(r, 500));
    expect(snoop.events).toEqual([]);
    snoop.dispose();
  });
});

describe('a job run by another hub process', () => {
  let child: ChildHub;
  let childUrl: string;

  beforeAll(async () => {
    child = await startChildHub(t);
    childUrl = child.url;
  }, 60_000);

  afterAll(async () => {
    await child.stop();
  });

  it('is followed and cancelled through this process: progress crosses processes, the owner sees the flag', async () => {
    const res = await fetch(childUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}` },
      body: JSON.stringify({ query: START, variables: { i: { rosterId, seed: 5, method: 'LOCAL', iterations: 100_000_000, timeLimitSeconds: 300 } } }),
    });
    const job = ok(await res.json() as any).startRosterOptimization;
    // Subscribed here, the job runs there.
    const events = collect(t.ws(scheduler), PROGRESS, { job: job.id, after: job.cursor });
    await events.waitFor(4, 30_000);
    expect(events.events.some((e) => e.rosterJobProgress.action === 'PROGRESS')).toBe(true);
    ok(await t.gql('mutation($id: ID!) { cancelRosterJob(id: $id) { id } }', { id: job.id }, scheduler));
    const deadline = Date.now() + 10_000;
    while (!events.events.some((e) => e.rosterJobProgress.state === 'CANCELLED')) {
      if (Date.now() > deadline) throw new Error(`the owning process did not stop: ${JSON.stringify(events.events.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const actions = events.events.map((e) => e.rosterJobProgress.action);
    expect(actions).toContain('CANCEL_REQUESTED');
    expect(actions[actions.length - 1]).toBe('CANCELLED');
    expect(ok(await t.gql(JOB, { id: job.id }, scheduler)).rosterJob.state).toBe('CANCELLED');
    events.dispose();
  }, 60_000);

  it('is not left running when its process shuts down', async () => {
    const res = await fetch(childUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}` },
      body: JSON.stringify({ query: START, variables: { i: { rosterId, seed: 6, method: 'LOCAL', iterations: 100_000_000, timeLimitSeconds: 300 } } }),
    });
    const job = ok(await res.json() as any).startRosterOptimization;
    await new Promise((r) => setTimeout(r, 1000));
    expect(await child.stop()).toBe(0);
    const done = ok(await t.gql(JOB, { id: job.id }, scheduler)).rosterJob;
    expect(done).toMatchObject({ state: 'CANCELLED', error: 'The hub is shutting down' });
  }, 60_000);
});

function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const dayDiff = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

function km(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const h = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lng2 - lng1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
