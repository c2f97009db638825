import { ConsortiumMembership, Person } from '../../src/consortium/entities';
import { startTestHub, TestHub } from '../support/hub';
import { addRotationExtras, addSpecialist, approvedDemand, GQL, makeAvailable, nextMonth, ok, refusal, RotationExtras } from './rotation-support';

/**
 * Every hard rule broken on purpose by a manual edit: the edit is refused with the rule's code
 * at the start of the message and nothing changes. Then edits racing each other, through the
 * API and straight into the table: PostgreSQL's exclusion constraint has the last word.
 */
let t: TestHub;
let x: RotationExtras;
let card3: Person;
let scheduler: string;
let doctorA: string;
let doctorB: string;
const month = nextMonth();
const D = (i: number) => month.days[i];
let rosterId: string;
const demand: Record<string, string> = {};
const ids = () => ({ s1: t.fixture.users.specialist.id, s2: x.specialist2.id, s3: card3.id, neuro: x.neurologist.id });

beforeAll(async () => {
  t = await startTestHub();
  x = await addRotationExtras(t);
  card3 = await addSpecialist(t, 'card3', t.fixture.cardiology.id);
  [scheduler, doctorA, doctorB] = await Promise.all(['scheduler', 'doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
  const { s1, s2, s3, neuro } = ids();
  // s1: four days a month, two in a row, 50 km; available the first twenty days and day 25, but day 25 is blocked.
  await makeAvailable(t, scheduler, s1, [{ from: D(0), to: D(19) }, { from: D(25), to: D(25) }], { maxDaysPerMonth: 4, maxConsecutiveDays: 2, maxTravelKm: 50 });
  await makeAvailable(t, scheduler, s1, [], { maxDaysPerMonth: 4, maxConsecutiveDays: 2, maxTravelKm: 50 }, [{ from: D(25), to: D(25) }]);
  for (const id of [s2, s3, neuro]) await makeAvailable(t, scheduler, id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 20, maxConsecutiveDays: 20, maxTravelKm: 50 });
  const f = t.fixture;
  const [hostA, hostB, far] = await Promise.all([doctorA, doctorB, scheduler]);
  demand.A = await approvedDemand(t, hostA, scheduler, { hostId: f.townshipA.id, expertDays: 20, periodStart: month.start, periodEnd: month.end, session: 'MORNING' });
  demand.B = await approvedDemand(t, hostB, scheduler, { hostId: f.townshipB.id, expertDays: 20, periodStart: month.start, periodEnd: month.end, session: 'FULL_DAY' });
  demand.far = await approvedDemand(t, far, scheduler, { hostId: x.far.id, expertDays: 5, periodStart: month.start, periodEnd: month.end });
  demand.small = await approvedDemand(t, hostA, scheduler, { hostId: f.townshipA.id, expertDays: 1, periodStart: month.start, periodEnd: month.end, session: 'AFTERNOON' });
  demand.short = await approvedDemand(t, hostB, scheduler, { hostId: f.townshipB.id, expertDays: 5, periodStart: D(0), periodEnd: D(9), session: 'AFTERNOON' });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
}, 60_000);
afterAll(async () => { await t.stop(); });

const assign = (specialistId: number, demandId: string, dates: string[], token = scheduler) => t.gql(GQL.assign, { i: { rosterId, specialistId, demandId, dates } }, token);
const liveCount = async () => (await t.database.db.query(`SELECT count(*)::int AS n FROM roster_assignment WHERE state = 'ACTIVE'`))[0].n as number;

/** The edit fails with `code`, its message starts with the rule, and no assignment was written. */
async function refused(call: Promise<any>, code: string, rule: string, detail: RegExp) {
  const before = await liveCount();
  const error = refusal(await call);
  expect(error.code).toBe(code);
  expect(error.message.startsWith(`[${rule}] `)).toBe(true);
  expect(error.message).toMatch(detail);
  expect(await liveCount()).toBe(before);
  return error;
}

describe('each hard rule, broken by a manual edit', () => {
  it('accepts an edit that breaks nothing', async () => {
    const r = ok(await assign(ids().s1, demand.A, [D(0), D(1)])).assignSpecialist.assignments;
    expect(r.map((a: any) => [a.date, a.session, a.pinned, a.state])).toEqual([[D(0), 'MORNING', true, 'ACTIVE'], [D(1), 'MORNING', true, 'ACTIVE']]);
  });

  it('NOT_AVAILABLE: a day the specialist did not offer', async () => {
    await refused(assign(ids().s1, demand.A, [D(22)]), 'BAD_USER_INPUT', 'NOT_AVAILABLE', new RegExp(`用户specialist has not declared ${D(22)}`));
  });

  it('BLOCKED_DAY: a day the specialist said they cannot', async () => {
    await refused(assign(ids().s1, demand.A, [D(25)]), 'BAD_USER_INPUT', 'BLOCKED_DAY', /is blocked on/);
  });

  it('SPECIALTY_MISSING: a neurologist for a cardiology demand', async () => {
    await refused(assign(ids().neuro, demand.A, [D(3)]), 'BAD_USER_INPUT', 'SPECIALTY_MISSING', /does not practise Cardiology, which 甲镇卫生院 asked for/);
  });

  it('TRAVEL_LIMIT: a host beyond the travel limit', async () => {
    await refused(assign(ids().s1, demand.far, [D(3)]), 'BAD_USER_INPUT', 'TRAVEL_LIMIT', /远镇卫生院 is 13\d\.\d km from 用户specialist's hospital, beyond their 50 km travel limit/);
  });

  it('CONSECUTIVE_LIMIT: a third day in a row for someone allowed two', async () => {
    await refused(assign(ids().s1, demand.A, [D(2)]), 'CONFLICT', 'CONSECUTIVE_LIMIT', /out 3 days in a row .* over their limit of 2/);
  });

  it('MONTHLY_LIMIT: a fifth day in a month for someone allowed four', async () => {
    ok(await assign(ids().s1, demand.A, [D(5), D(8)]));
    await refused(assign(ids().s1, demand.A, [D(11)]), 'CONFLICT', 'MONTHLY_LIMIT', /out 5 days in .* over their limit of 4/);
  });

  it('DOUBLE_BOOKED: a full day elsewhere when the morning is taken, while an afternoon is fine', async () => {
    await refused(assign(ids().s1, demand.B, [D(5)]), 'CONFLICT', 'DOUBLE_BOOKED', /already works at 甲镇卫生院 on .* \(morning\); cannot also take the full-day session at 乙镇卫生院/);
    // Same date, the other half-day: no clash, and still the same number of days out.
    ok(await assign(ids().s1, demand.small, [D(5)]));
  });

  it('DEMAND_EXCEEDED: more expert-days than the host asked for', async () => {
    await refused(assign(ids().s2, demand.small, [D(12)]), 'CONFLICT', 'DEMAND_EXCEEDED', /asked for 1 expert-days of Cardiology .* but 2 are assigned/);
  });

  it('HOST_CAPACITY: more visiting experts in a day than the host can receive', async () => {
    ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { dailyCapacity } }', { i: { hostId: t.fixture.townshipB.id, dailyCapacity: 1 } }, scheduler));
    ok(await assign(ids().s2, demand.B, [D(10)]));
    await refused(assign(ids().s3, demand.B, [D(10)]), 'CONFLICT', 'HOST_CAPACITY', /乙镇卫生院 would receive 2 visiting experts on .*, over its capacity of 1/);
  });

  it("OUTSIDE_PERIOD: a date in the roster but outside the demand's period", async () => {
    await refused(assign(ids().s2, demand.short, [D(15)]), 'BAD_USER_INPUT', 'OUTSIDE_PERIOD', /is outside the period .* that 乙镇卫生院 asked Cardiology for/);
  });

  it('checks a multi-day stay (蹲点) as a whole: one bad day refuses all of it', async () => {
    ok(await assign(ids().s3, demand.B, [D(16)]));
    await refused(assign(ids().s3, demand.A, [D(14), D(15), D(16)]), 'CONFLICT', 'DOUBLE_BOOKED', /用户card3 already works at 乙镇卫生院/);
    const stay = ok(await assign(ids().s3, demand.A, [D(15), D(13), D(14)])).assignSpecialist.assignments;
    expect(stay.map((a: any) => a.date)).toEqual([D(13), D(14), D(15)]);
  });

  it('refuses dates outside the roster, in the past, and demands not approved, naming the field', async () => {
    const after = refusal(await assign(ids().s2, demand.A, [addMonth(D(0))]));
    expect(after.code).toBe('BAD_USER_INPUT');
    expect(after.field).toBe('dates[0]');
    expect(after.message).toMatch(/outside the roster's period/);
    const past = refusal(await assign(ids().s2, demand.A, ['2020-01-06']));
    expect(past.code).toBe('BAD_USER_INPUT');
    expect(past.message).toMatch(/in the past/);
    const pending = ok(await t.gql(GQL.requestDemand, { i: { consortiumId: t.fixture.consortium.id, hostId: t.fixture.townshipA.id, specialtyId: t.fixture.cardiology.id, expertDays: 2, periodStart: month.start, periodEnd: month.end, preferredWeekdays: [], session: 'MORNING', priority: 2 } }, doctorA)).requestRotationDemand;
    const notApproved = refusal(await assign(ids().s2, pending.id, [D(3)]));
    expect(notApproved.code).toBe('BAD_USER_INPUT');
    expect(notApproved.field).toBe('demandId');
    expect(notApproved.message).toMatch(/REQUESTED; only approved demands/);
    expect(refusal(await assign(ids().s2, demand.A, [D(3)], doctorA)).code).toBe('FORBIDDEN');
    // One roster per consortium and day: PostgreSQL's exclusion constraint on the period says no.
    const overlap = refusal(await t.gql(GQL.createRoster, { i: { consortiumId: t.fixture.consortium.id, periodStart: D(10), periodEnd: addMonth(D(10)) } }, scheduler));
    expect(overlap.code).toBe('CONFLICT');
    expect(overlap.message).toBe('This consortium already has a roster for part of that period');
  });

  it('lists what a roster breaks now, and nothing for a sound one', async () => {
    expect(ok(await t.gql(GQL.violations, { id: rosterId }, scheduler)).rosterViolations).toEqual([]);
    // card3 withdraws their availability after being placed: the roster now breaks NOT_AVAILABLE on each of their days.
    const view = ok(await t.gql('query($id: ID) { specialistAvailability(specialistId: $id) { periods { id } } }', { id: ids().s3 }, scheduler)).specialistAvailability;
    ok(await t.gql('mutation($id: ID!) { removeAvailabilityPeriod(id: $id) { availableDates } }', { id: view.periods[0].id }, scheduler));
    const broken = ok(await t.gql(GQL.violations, { id: rosterId }, scheduler)).rosterViolations;
    expect(broken.map((v: any) => [v.rule, v.date])).toEqual([D(13), D(14), D(15), D(16)].map((d) => ['NOT_AVAILABLE', d]));
    expect(broken.every((v: any) => v.assignmentIds.length === 1 && v.message.includes('用户card3'))).toBe(true);
    expect(refusal(await t.gql(GQL.violations, { id: rosterId }, doctorA)).code).toBe('NOT_FOUND');
    await makeAvailable(t, scheduler, ids().s3, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 20, maxConsecutiveDays: 20, maxTravelKm: 50 });
    expect(ok(await t.gql(GQL.violations, { id: rosterId }, scheduler)).rosterViolations).toEqual([]);
  });
});

const PREVIEW_MOVE = `query($i: MoveAssignmentInput!) { previewMoveAssignment(input: $i) { allowed violations { rule message date assignmentIds } bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled } }`;
const PREVIEW_ASSIGN = `query($i: AssignSpecialistInput!) { previewAssignSpecialist(input: $i) { allowed violations { rule message } sessionsOpened } }`;

describe('checking an edit before saving it', () => {
  it('names every rule an assignment would break, as the refusal does, and saves nothing', async () => {
    const before = await liveCount();
    const input = { rosterId, specialistId: ids().s1, demandId: demand.A, dates: [D(22), D(25)] };
    const preview = ok(await t.gql(PREVIEW_ASSIGN, { i: input }, scheduler)).previewAssignSpecialist;
    expect(preview.allowed).toBe(false);
    expect(preview.violations.map((v: any) => v.rule)).toEqual(expect.arrayContaining(['BLOCKED_DAY', 'NOT_AVAILABLE']));
    const edit = refusal(await assign(ids().s1, demand.A, [D(22), D(25)]));
    expect(edit.code).toBe('BAD_USER_INPUT');
    expect(preview.violations.some((v: any) => edit.message.startsWith(`[${v.rule}] ${v.message}`))).toBe(true);
    const fine = ok(await t.gql(PREVIEW_ASSIGN, { i: { ...input, specialistId: ids().s3, dates: [D(12)] } }, scheduler)).previewAssignSpecialist;
    expect(fine).toEqual({ allowed: true, violations: [], sessionsOpened: 0 });
    expect(await liveCount()).toBe(before);
    // Bad input is still an error naming its field, as for the edit itself.
    expect(refusal(await t.gql(PREVIEW_ASSIGN, { i: { ...input, dates: ['2020-01-01'] } }, scheduler))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dates[0]' });
  });
});

describe('moving and removing by hand', () => {
  it('validates a move like an assignment and keeps the old row, REMOVED', async () => {
    const current = ok(await t.gql('query($id: ID!) { roster(id: $id) { assignments { id date specialist { id } demand { id } } } }', { id: rosterId }, scheduler)).roster.assignments;
    const day8 = current.find((a: any) => a.date === D(8) && a.specialist.id === String(ids().s1));
    const bad = refusal(await t.gql(GQL.move, { i: { assignmentId: day8.id, date: D(22), reason: '换日子' } }, scheduler));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.message).toMatch(/^\[NOT_AVAILABLE\]/);
    // The check before saving gives the same rule and message on the cell, and writes nothing.
    const before = await liveCount();
    const preview = ok(await t.gql(PREVIEW_MOVE, { i: { assignmentId: day8.id, date: D(22), reason: '换日子' } }, scheduler)).previewMoveAssignment;
    expect(preview).toMatchObject({ allowed: false, bookingsMoved: 0, bookingsFlagged: 0 });
    expect(preview.violations.map((v: any) => v.rule)).toEqual(['NOT_AVAILABLE']);
    expect(bad.message).toBe(`[NOT_AVAILABLE] ${preview.violations[0].message}`);
    expect(preview.violations[0].assignmentIds).toEqual([day8.id]);
    const fine = ok(await t.gql(PREVIEW_MOVE, { i: { assignmentId: day8.id, date: D(6), reason: '换日子' } }, scheduler)).previewMoveAssignment;
    // A draft: nothing opens or closes yet.
    expect(fine).toEqual({ allowed: true, violations: [], bookingsMoved: 0, bookingsFlagged: 0, sessionsOpened: 0, sessionsCancelled: 0 });
    expect(await liveCount()).toBe(before);
    expect(refusal(await t.gql(PREVIEW_MOVE, { i: { assignmentId: day8.id, date: D(6), reason: '换日子' } }, doctorA)).code).toBe('FORBIDDEN');
    const moved = ok(await t.gql(GQL.move, { i: { assignmentId: day8.id, date: D(6), reason: '换日子' } }, scheduler)).moveAssignment;
    expect(moved.assignments[0].date).toBe(D(6));
    expect(moved.removed[0]).toMatchObject({ id: day8.id, state: 'REMOVED', removedReason: 'moved: 换日子' });
    const handed = ok(await t.gql(GQL.move, { i: { assignmentId: moved.assignments[0].id, specialistId: ids().s2, reason: '专家生病' } }, scheduler)).moveAssignment;
    expect(handed.assignments[0]).toMatchObject({ date: D(6), specialist: { id: String(ids().s2) } });
    const again = refusal(await t.gql(GQL.remove, { i: { assignmentId: day8.id, reason: '重复' } }, scheduler));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/REMOVED and cannot become REMOVED \(REMOVED is final\)/);
    expect(ok(await t.gql(GQL.remove, { i: { assignmentId: handed.assignments[0].id, reason: '取消' } }, scheduler)).removeAssignment.removed[0].state).toBe('REMOVED');
  });
});

describe('racing edits', () => {
  let otherRoster: string;
  let otherDemand: string;

  beforeAll(async () => {
    // A second consortium sharing the specialists: two rosters, two schedulers' worth of edits, one person.
    const f = t.fixture;
    await t.database.db.getRepository(ConsortiumMembership).insert([
      { consortiumId: f.otherConsortium.id, hospitalId: f.tertiary.id }, { consortiumId: f.otherConsortium.id, hospitalId: f.townshipB.id },
    ]);
    scheduler = await t.signIn('scheduler');
    ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { dailyCapacity } }', { i: { hostId: f.townshipB.id, dailyCapacity: 20 } }, scheduler));
    otherDemand = await approvedDemand(t, doctorB, scheduler, { consortiumId: f.otherConsortium.id, hostId: f.townshipB.id, expertDays: 20, periodStart: month.start, periodEnd: month.end, session: 'MORNING' });
    otherRoster = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.otherConsortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  });

  it('lets exactly one of many concurrent edits place a specialist at one time, across rosters', async () => {
    const s2 = ids().s2;
    const attempts = Array.from({ length: 12 }, (_, i) => t.gql(GQL.assign, { i: { rosterId: i % 2 ? otherRoster : rosterId, specialistId: s2, demandId: i % 2 ? otherDemand : demand.A, dates: [D(20)] } }, scheduler));
    const results = await Promise.all(attempts);
    const won = results.filter((r) => r.data);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const r of lost) {
      expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(r.errors![0].message).toMatch(/^\[DOUBLE_BOOKED\]/);
    }
    const [{ n }] = await t.database.db.query(`SELECT count(*)::int AS n FROM roster_assignment WHERE state = 'ACTIVE' AND specialist_id = $1 AND date = $2`, [s2, D(20)]);
    expect(n).toBe(1);
  });

  it('holds in the database itself when two transactions bypass the service and race', async () => {
    const db = t.database.db;
    const [{ id: demandId, host_hospital_id: hostId, specialty_id: specialtyId }] = await db.query('SELECT id, host_hospital_id, specialty_id FROM rotation_demand WHERE id = $1', [otherDemand]);
    const insert = (date: string, session: string, during: string) =>
      `INSERT INTO roster_assignment (roster_id, specialist_id, demand_id, host_hospital_id, specialty_id, date, session, during, source)
       VALUES (${otherRoster}, ${ids().s3}, ${demandId}, ${hostId}, ${specialtyId}, '${date}', '${session}', '${during}', 'MANUAL')`;
    const first = db.createQueryRunner();
    const second = db.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      await first.startTransaction();
      await second.startTransaction();
      await first.query(insert(D(21), 'MORNING', `[${D(21)} 08:00,${D(21)} 12:00)`));
      // The second overlaps the first (full day vs morning): it waits for the first to commit, then fails.
      const racing = second.query(insert(D(21), 'FULL_DAY', `[${D(21)} 08:00,${D(21)} 17:00)`)).then(() => 'inserted', (e) => e);
      await new Promise((r) => setTimeout(r, 200));
      await first.commitTransaction();
      const outcome = await racing;
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as any).driverError?.code ?? (outcome as any).code).toBe('23P01');
      // The referee is the specialist's one calendar (specialist_commitment), kept by a trigger.
      expect(String(outcome.message)).toMatch(/specialist_commitment_no_overlap/);
      await second.rollbackTransaction();
      // A removed row does not count: only live assignments are in the calendar.
      await db.query(`UPDATE roster_assignment SET state = 'REMOVED' WHERE specialist_id = $1 AND date = $2`, [ids().s3, D(21)]);
      await db.query(insert(D(21), 'FULL_DAY', `[${D(21)} 08:00,${D(21)} 17:00)`));
      // And `during` cannot lie about the session.
      await expect(db.query(insert(D(22), 'AFTERNOON', `[${D(22)} 08:00,${D(22)} 12:00)`))).rejects.toThrow(/roster_assignment_during_check/);
    } finally {
      await first.release();
      await second.release();
    }
  });
});

function addMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-${String(d).padStart(2, '0')}` : `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
