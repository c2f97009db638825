import { collect, startTestHub, TestHub } from '../support/hub';
import { addPatients, addSpecialist, approvedDemand, GQL, makeAvailable, nextMonth, ok, refusal } from './rotation-support';

/**
 * Publishing turns assignments into bookable sessions and tells hosts and specialists;
 * amendments afterwards cancel sessions and move every booking to the nearest equivalent
 * session or flag it for re-booking, and everyone affected hears it live. No booking vanishes.
 */
let t: TestHub;
let scheduler: string;
let doctorA: string;
let doctorB: string;
let s1Token: string;
let neuroToken: string;
let s1: number;
let s2: number;
let rosterId: string;
let patients: number[] = [];
const month = nextMonth();
const D = (i: number) => month.days[i];
const asg: Record<string, string> = {};
const ses: Record<string, string> = {};
const booking: Record<string, string> = {};

const ROSTER_CHANGED = `subscription($after: ID) { rosterChanged(after: $after) { cursor action state rosterId amendments assignmentIds removedAssignmentIds specialistIds hostIds reason } }`;
const SESSION_CHANGED = `subscription($after: ID) { clinicSessionChanged(after: $after) { action sessionId hostId specialistId date reason moved flagged } }`;
const BOOKING_CHANGED = `subscription($after: ID) { bookingChanged(after: $after) { action bookingId newBookingId patientId fromSessionId toSessionId } }`;
const SLOTS = `subscription($s: ID!, $after: ID) { sessionSlots(sessionId: $s, after: $after) { action free state } }`;
const PREVIEW_REMOVE = `query($i: RemoveAssignmentInput!) { previewRemoveAssignment(input: $i) { allowed violations { rule } bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled } }`;
const REMOVE_LISTING = `mutation($i: RemoveAssignmentInput!) { removeAssignment(input: $i) { bookingsMoved bookingsFlagged affectedBookings { id state movedToId reason clinicSession { id } hospital { id } } } }`;
const BOOKINGS = `query($p: ID!) { patientBookings(patientId: $p) { id state reason movedFromId movedToId clinicSession { id date state } } }`;

/** A query answered in `language` (Accept-Language; the test users have no saved language). */
async function gqlIn(language: 'zh-CN' | 'en', query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await fetch(t.hub.url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': language }, body: JSON.stringify({ query, variables }),
  });
  return ok(await res.json());
}

/** Polls until `probe` gives something (notifications are written just after the change's commit). */
async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function cursorNow(): Promise<string> {
  const [{ max }] = await t.database.db.query('SELECT COALESCE(MAX(id), 0)::text AS max FROM event');
  return max;
}

beforeAll(async () => {
  t = await startTestHub();
  const f = t.fixture;
  s1 = f.users.specialist.id;
  s2 = (await addSpecialist(t, 'card2', f.cardiology.id)).id;
  const neurology = (await t.database.db.query(`SELECT id FROM department WHERE code = 'NEUROLOGY'`))[0].id;
  await addSpecialist(t, 'neuro1', neurology);
  [scheduler, doctorA, doctorB, s1Token, neuroToken] = await Promise.all(['scheduler', 'doctor.a', 'doctor.b', 'specialist', 'neuro1'].map((u) => t.signIn(u)));
  for (const id of [s1, s2]) await makeAvailable(t, scheduler, id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
  // Host A: four half-hour slots per session. Host B keeps the defaults (ten 20-minute slots per half-day).
  ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { slotsPerSession } }', { i: { hostId: f.townshipA.id, slotMinutes: 30, slotsPerSession: 4 } }, scheduler));
  const demandA = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, expertDays: 6, periodStart: month.start, periodEnd: month.end, session: 'MORNING' });
  const demandB = await approvedDemand(t, doctorB, scheduler, { hostId: f.townshipB.id, expertDays: 2, periodStart: month.start, periodEnd: month.end, session: 'FULL_DAY' });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  const place = async (key: string, specialistId: number, demandId: string, day: number) => {
    asg[key] = ok(await t.gql(GQL.assign, { i: { rosterId, specialistId, demandId, dates: [D(day)] } }, scheduler)).assignSpecialist.assignments[0].id;
  };
  await place('A2', s1, demandA, 2);
  await place('A4', s2, demandA, 4);
  await place('A9', s1, demandA, 9);
  await place('B5', s1, demandB, 5);
  patients = [f.patientA.id, ...(await addPatients(t.database.db, f.townshipA.id, 7, t.config.nationalIdKey))];
}, 60_000);
afterAll(async () => { await t.stop(); });

describe('publishing', () => {
  it('refuses while a hard rule is broken and says which', async () => {
    const view = ok(await t.gql('query($id: ID) { specialistAvailability(specialistId: $id) { periods { id } } }', { id: s2 }, scheduler)).specialistAvailability;
    ok(await t.gql('mutation($id: ID!) { removeAvailabilityPeriod(id: $id) { availableDates } }', { id: view.periods[0].id }, scheduler));
    const error = refusal(await t.gql(GQL.publish, { id: rosterId }, scheduler));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(new RegExp(`^Roster ${rosterId} cannot be published: \\[NOT_AVAILABLE\\] 用户card2 has not declared ${D(4)}`));
    const zh = await fetch(t.hub.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'zh-CN' }, body: JSON.stringify({ query: GQL.publish, variables: { id: rosterId } }),
    });
    expect((await zh.json()).errors[0].message).toMatch(new RegExp(`^排班 ${rosterId} 无法发布：\\[NOT_AVAILABLE\\] 不符合排班规则：用户card2 未申报 ${D(4)} 可以外出`));
    expect(ok(await t.gql('query($id: ID!) { roster(id: $id) { state } }', { id: rosterId }, scheduler)).roster.state).toBe('DRAFT');
    await makeAvailable(t, scheduler, s2, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
  });

  it('turns every assignment into a session with the host\'s slots, and tells the hosts and specialists', async () => {
    const after = await cursorNow();
    const forSpecialist = collect(t.ws(s1Token), ROSTER_CHANGED, { after });
    const forOther = collect(t.ws(neuroToken), ROSTER_CHANGED, { after });
    const forHost = collect(t.ws(doctorA), SESSION_CHANGED, { after });
    const hostStaff = collect(t.ws(doctorA), ROSTER_CHANGED, { after });
    expect(refusal(await t.gql(GQL.publish, { id: rosterId }, doctorA)).code).toBe('FORBIDDEN');
    const published = ok(await t.gql(GQL.publish, { id: rosterId }, scheduler)).publishRoster;
    expect(published.state).toBe('PUBLISHED');

    const [event] = await forSpecialist.waitFor(1);
    expect(event.rosterChanged).toMatchObject({ action: 'PUBLISHED', state: 'PUBLISHED', rosterId });
    expect(event.rosterChanged.specialistIds).toEqual(expect.arrayContaining([String(s1), String(s2)]));
    // Host A's staff hear that the roster naming their hospital is out.
    expect((await hostStaff.waitFor(1))[0].rosterChanged).toMatchObject({ action: 'PUBLISHED', hostIds: expect.arrayContaining([String(t.fixture.townshipA.id)]) });
    const opened = await forHost.waitFor(4);
    expect(opened.map((e) => e.clinicSessionChanged.action)).toEqual(['OPENED', 'OPENED', 'OPENED', 'OPENED']);
    await new Promise((r) => setTimeout(r, 300));
    expect(forOther.events).toEqual([]);

    const sessions = ok(await t.gql(`query($id: ID!) { roster(id: $id) { assignments { id clinicSession { id date session slotCount slotMinutes freeSlots slots { position startsAt } host { id } } } } }`, { id: rosterId }, scheduler)).roster.assignments;
    for (const a of sessions) {
      const key = Object.entries(asg).find(([, id]) => id === a.id)![0];
      ses[key] = a.clinicSession.id;
    }
    const a2 = sessions.find((a: any) => a.id === asg.A2).clinicSession;
    expect(a2).toMatchObject({ date: D(2), session: 'MORNING', slotCount: 4, slotMinutes: 30, freeSlots: 4 });
    expect(a2.slots.map((s: any) => s.startsAt)).toEqual(['08:00', '08:30', '09:00', '09:30']);
    const b5 = sessions.find((a: any) => a.id === asg.B5).clinicSession;
    expect(b5).toMatchObject({ session: 'FULL_DAY', slotCount: 20, slotMinutes: 20 });
    expect(b5.slots[0].startsAt).toBe('08:00');
    expect(b5.slots[10]).toEqual({ position: 11, startsAt: '13:00' });

    // The specialist sees it in their calendar; a township doctor sees the host's upcoming sessions.
    const calendar = ok(await t.gql('query($from: String) { rotationCalendar(from: $from) { date session host { name } clinicSession { id } } }', { from: month.start }, s1Token)).rotationCalendar;
    expect(calendar.map((c: any) => [c.date, c.host.name])).toEqual([[D(2), '甲镇卫生院'], [D(5), '乙镇卫生院'], [D(9), '甲镇卫生院']]);
    const upcoming = ok(await t.gql('query($h: ID!, $from: String) { hostSessions(hostId: $h, from: $from) { id date } }', { h: t.fixture.townshipA.id, from: month.start }, doctorA)).hostSessions;
    expect(upcoming.map((s: any) => s.date)).toEqual([D(2), D(4), D(9)]);
    expect(refusal(await t.gql('query { rotationCalendar { id } }', {}, doctorA)).code).toBe('BAD_USER_INPUT');
    expect(refusal(await t.gql(`query($id: ID) { rotationCalendar(specialistId: $id) { id } }`, { id: s1 }, neuroToken)).code).toBe('FORBIDDEN');
    for (const f of [forSpecialist, forOther, forHost, hostStaff]) f.dispose();
  });
});

describe('amendments after publishing', () => {
  type Watch = ReturnType<typeof collect<any>>;
  let watch: { bookings: Watch; bookingsB: Watch; sessions: Watch; roster: Watch; slots9: Watch };

  beforeAll(async () => {
    const bookAs = async (key: string, patient: number, day: string) => {
      booking[key] = ok(await t.gql(GQL.book, { i: { sessionId: ses[day], patientId: patient } }, doctorA)).bookClinicSlot.id;
    };
    // Day 2: three patients. Day 4: two of four slots. Day 9: three of four.
    await bookAs('p0', patients[0], 'A2');
    await bookAs('p1', patients[1], 'A2');
    await bookAs('p2', patients[2], 'A2');
    await bookAs('p3', patients[3], 'A4');
    await bookAs('p4', patients[4], 'A4');
    await bookAs('p5', patients[5], 'A9');
    await bookAs('p6', patients[6], 'A9');
    await bookAs('p7', patients[7], 'A9');
    const after = await cursorNow();
    watch = {
      bookings: collect(t.ws(doctorA), BOOKING_CHANGED, { after }),
      bookingsB: collect(t.ws(doctorB), BOOKING_CHANGED, { after }),
      sessions: collect(t.ws(doctorA), SESSION_CHANGED, { after }),
      roster: collect(t.ws(s1Token), ROSTER_CHANGED, { after }),
      slots9: collect(t.ws(doctorA), SLOTS, { s: ses.A9, after }),
    };
  });
  afterAll(() => { for (const w of Object.values(watch)) w.dispose(); });

  it('specialist falls ill: the session is cancelled and each booking moves to the nearest session with room', async () => {
    // The preview says what the removal will do, and leaves every booking where it is.
    const preview = ok(await t.gql(PREVIEW_REMOVE, { i: { assignmentId: asg.A2, reason: '专家生病' } }, scheduler)).previewRemoveAssignment;
    expect(preview).toEqual({ allowed: true, violations: [], bookingsMoved: 3, bookingsFlagged: 0, sessionsOpened: 0, sessionsCancelled: 1 });
    expect(ok(await t.gql(BOOKINGS, { p: patients[0] }, doctorA)).patientBookings.map((b: any) => [b.state, b.clinicSession.id])).toEqual([['BOOKED', ses.A2]]);
    await new Promise((r) => setTimeout(r, 200));
    expect(watch.bookings.events).toEqual([]);
    const r = ok(await t.gql(REMOVE_LISTING, { i: { assignmentId: asg.A2, reason: '专家生病' } }, scheduler)).removeAssignment;
    expect(r).toMatchObject({ bookingsMoved: 3, bookingsFlagged: 0 });
    // The scheduler gets the bookings it touched, each as the amendment left it.
    expect(r.affectedBookings.map((b: any) => [b.id, b.state, b.clinicSession.id, b.hospital.id])).toEqual(
      [booking.p0, booking.p1, booking.p2].map((id) => [id, 'MOVED', ses.A2, String(t.fixture.townshipA.id)]));
    expect(r.affectedBookings.every((b: any) => b.movedToId)).toBe(true);
    // Nearest first: day 4 (two slots left) takes two, day 9 (one left) the third.
    const p0 = ok(await t.gql(BOOKINGS, { p: patients[0] }, doctorA)).patientBookings;
    expect(p0.map((b: any) => [b.state, b.clinicSession.id])).toEqual([['BOOKED', ses.A4], ['MOVED', ses.A2]]);
    expect(p0[1].reason).toBe(`The Cardiology session of 用户specialist at 甲镇卫生院 on ${D(2)} (morning) was cancelled (专家生病); moved to the Cardiology session of 用户card2 at 甲镇卫生院 on ${D(4)} (morning)`);
    // The reason is stored as a sentence (key and values) and said in the reader's language.
    const p0zh = (await gqlIn('zh-CN', BOOKINGS, { p: patients[0] }, doctorA)).patientBookings;
    expect(p0zh[1].reason).toBe(`甲镇卫生院 ${D(2)}（上午）用户specialist 的心内科坐诊已取消（专家生病），已改约到甲镇卫生院 ${D(4)}（上午）用户card2 的心内科坐诊`);
    expect(p0[0].movedFromId).toBe(p0[1].id);
    const p2 = ok(await t.gql(BOOKINGS, { p: patients[2] }, doctorA)).patientBookings;
    expect(p2[0]).toMatchObject({ state: 'BOOKED', clinicSession: { id: ses.A9 } });

    const events = await watch.bookings.waitFor(3);
    expect(events.map((e) => [e.bookingChanged.action, e.bookingChanged.fromSessionId])).toEqual([['MOVED', ses.A2], ['MOVED', ses.A2], ['MOVED', ses.A2]]);
    expect(events.map((e) => e.bookingChanged.toSessionId)).toEqual([ses.A4, ses.A4, ses.A9]);
    const cancelled = (await watch.sessions.waitFor(1))[0].clinicSessionChanged;
    expect(cancelled).toMatchObject({ action: 'CANCELLED', sessionId: ses.A2, reason: '专家生病', moved: 3, flagged: 0 });
    const told = (await watch.roster.waitFor(1))[0].rosterChanged;
    expect(told).toMatchObject({ action: 'REMOVED', removedAssignmentIds: [asg.A2], reason: '专家生病', amendments: 1, specialistIds: [String(s1)] });
    const slots = await watch.slots9.waitFor(1);
    expect(slots[0].sessionSlots).toMatchObject({ action: 'REBOOKED_IN', free: 0 });
    // The cancelled session takes no more bookings, with a message saying why.
    const closed = refusal(await t.gql(GQL.book, { i: { sessionId: ses.A2, patientId: patients[0] } }, doctorA));
    expect(closed.code).toBe('CONFLICT');
    expect(closed.message).toMatch(/is CANCELLED \(专家生病\): book another session/);
  });

  it('tells the doctor who made each moved booking, in their language, where it went', async () => {
    const LIST = '{ notifications(first: 20) { nodes { kind title body bookingId } } }';
    const moved = (nodes: any[]) => nodes.filter((n) => n.kind === 'BOOKING_MOVED');
    const en = await until(async () => {
      const nodes = moved((await gqlIn('en', LIST, {}, doctorA)).notifications.nodes);
      return nodes.length >= 3 && nodes;
    });
    // One per moved booking, naming its new booking and the day and half-day it moved to (newest first).
    const newBookings = await Promise.all([0, 1, 2].map(async (i) => ok(await t.gql(BOOKINGS, { p: patients[i] }, doctorA)).patientBookings[0]));
    expect(en.map((n: any) => n.bookingId).sort()).toEqual(newBookings.map((b) => b.id).sort());
    const where = (bookingId: string) => newBookings.find((b) => b.id === bookingId)!.clinicSession.date;
    for (const n of en) {
      expect(n.title).toBe('Booking moved');
      expect(n.body).toBe(`A session was cancelled; your patient's booking moved to ${where(n.bookingId)} (morning).`);
    }
    expect(en.map((n: any) => where(n.bookingId)).sort()).toEqual([D(4), D(4), D(9)]);
    const zh = moved((await gqlIn('zh-CN', LIST, {}, doctorA)).notifications.nodes);
    expect(zh.map((n: any) => [n.title, n.body])).toEqual(en.map((n: any) => ['预约已改期', `原坐诊已取消，您的患者预约已改到 ${where(n.bookingId)}（上午）。`]));
    // Nobody else heard of these bookings: not the other hospital's doctor, not the scheduler who removed the assignment.
    expect(moved((await gqlIn('en', LIST, {}, doctorB)).notifications.nodes)).toEqual([]);
    expect(moved((await gqlIn('en', LIST, {}, scheduler)).notifications.nodes)).toEqual([]);
  });

  it('day moved: bookings follow to the new session', async () => {
    const r = ok(await t.gql(GQL.move, { i: { assignmentId: asg.A4, date: D(11), reason: '改期' } }, scheduler)).moveAssignment;
    expect(r).toMatchObject({ bookingsMoved: 4, bookingsFlagged: 0 });
    const newSession = ok(await t.gql(`query($id: ID!) { roster(id: $id) { assignments { id date clinicSession { id freeSlots } } } }`, { id: rosterId }, scheduler))
      .roster.assignments.find((a: any) => a.id === r.assignments[0].id).clinicSession;
    expect(newSession.freeSlots).toBe(0);
    ses.A11 = newSession.id;
    const events = await watch.bookings.waitFor(7);
    expect(events.slice(3).map((e) => [e.bookingChanged.action, e.bookingChanged.fromSessionId, e.bookingChanged.toSessionId]))
      .toEqual(Array(4).fill(['MOVED', ses.A4, ses.A11]));
    const sessionEvents = await watch.sessions.waitFor(3);
    expect(sessionEvents.slice(1).map((e) => e.clinicSessionChanged.action).sort()).toEqual(['CANCELLED', 'OPENED']);
  });

  it('no equivalent session with room: every booking is flagged for the township doctor, none disappears', async () => {
    const preview = ok(await t.gql(PREVIEW_REMOVE, { i: { assignmentId: asg.A9, reason: '医院停电' } }, scheduler)).previewRemoveAssignment;
    expect(preview).toMatchObject({ allowed: true, bookingsMoved: 0, bookingsFlagged: 4, sessionsCancelled: 1 });
    const r = ok(await t.gql(REMOVE_LISTING, { i: { assignmentId: asg.A9, reason: '医院停电' } }, scheduler)).removeAssignment;
    expect(r).toMatchObject({ bookingsMoved: 0, bookingsFlagged: 4 });
    expect(r.affectedBookings.map((b: any) => b.state)).toEqual(Array(4).fill('NEEDS_REBOOKING'));
    const events = await watch.bookings.waitFor(11);
    expect(events.slice(7).map((e) => e.bookingChanged.action)).toEqual(Array(4).fill('NEEDS_REBOOKING'));
    const todo = ok(await t.gql('{ bookingsNeedingRebooking { id state reason patient { id } } }', {}, doctorA)).bookingsNeedingRebooking;
    expect(todo).toHaveLength(4);
    expect(todo[0].reason).toMatch(/was cancelled \(医院停电\) and no other open session of that specialty at that hospital has a free slot: please book again$/);
    const todoZh = (await gqlIn('zh-CN', '{ bookingsNeedingRebooking { reason } }', {}, doctorA)).bookingsNeedingRebooking;
    expect(todoZh[0].reason).toMatch(/的心内科坐诊已取消（医院停电），该医院同专科的其他坐诊均无空余号源，请重新预约$/);
    // Each of the eight patients still has exactly one booking that is either held or waiting to be re-booked.
    const [{ n, patients: who }] = await t.database.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT patient_id)::int AS patients FROM booking WHERE patient_id = ANY($1) AND state IN ('BOOKED', 'NEEDS_REBOOKING')`, [patients]);
    expect([n, who]).toEqual([8, 8]);
    const [{ total }] = await t.database.db.query(`SELECT count(*)::int AS total FROM booking WHERE patient_id = ANY($1)`, [patients]);
    expect(total).toBe(8 + 3 + 4);
    // Another hospital heard none of it.
    await new Promise((r) => setTimeout(r, 300));
    expect(watch.bookingsB.events).toEqual([]);
  });

  it('lets the township doctor re-book a flagged booking elsewhere', async () => {
    const [flagged] = ok(await t.gql('{ bookingsNeedingRebooking { id patient { id } } }', {}, doctorA)).bookingsNeedingRebooking;
    const rebooked = ok(await t.gql('mutation($i: RebookInput!) { rebookBooking(input: $i) { id state movedFromId clinicSession { id } } }', { i: { bookingId: flagged.id, sessionId: ses.B5 } }, doctorA)).rebookBooking;
    expect(rebooked).toMatchObject({ state: 'BOOKED', movedFromId: flagged.id, clinicSession: { id: ses.B5 } });
    expect(ok(await t.gql('query($id: ID!) { booking(id: $id) { state movedToId } }', { id: flagged.id }, doctorA)).booking).toEqual({ state: 'REBOOKED', movedToId: rebooked.id });
    expect(ok(await t.gql('{ bookingsNeedingRebooking { id } }', {}, doctorA)).bookingsNeedingRebooking).toHaveLength(3);
    expect(refusal(await t.gql('mutation($i: RebookInput!) { rebookBooking(input: $i) { id } }', { i: { bookingId: rebooked.id, sessionId: ses.B5 } }, doctorA)).code).toBe('CONFLICT');
  });

  it('adds on a published roster open a session straight away; closing waits for the period to end', async () => {
    const demandA = ok(await t.gql('query($id: ID!) { roster(id: $id) { assignments(includeRemoved: true) { demand { id } host { id } } } }', { id: rosterId }, scheduler))
      .roster.assignments.find((a: any) => a.host.id === String(t.fixture.townshipA.id)).demand.id;
    const added = ok(await t.gql(`mutation($i: AssignSpecialistInput!) { assignSpecialist(input: $i) { assignments { id clinicSession { id state freeSlots } } } }`, { i: { rosterId, specialistId: s2, demandId: demandA, dates: [D(20)] } }, scheduler)).assignSpecialist;
    expect(added.assignments[0].clinicSession).toMatchObject({ state: 'OPEN', freeSlots: 4 });
    const early = refusal(await t.gql('mutation($id: ID!) { closeRoster(id: $id) { id } }', { id: rosterId }, scheduler));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(new RegExp(`runs until ${month.end}`));
    const draftOnly = refusal(await t.gql('mutation($i: StartOptimizationInput!) { startRosterOptimization(input: $i) { id } }', { i: { rosterId } }, scheduler));
    expect(draftOnly.code).toBe('CONFLICT');
    expect(draftOnly.message).toMatch(/is PUBLISHED: the optimizer drafts rosters/);
    expect((await gqlIn('zh-CN', 'mutation($i: StartOptimizationInput!) { startRosterOptimization(input: $i) { id } }', { i: { rosterId } }, scheduler).catch((e: Error) => e.message)))
      .toMatch(/的状态为已发布：优化器只起草排班，已发布的排班请手工调整/);
    expect(ok(await t.gql('query($id: ID!) { roster(id: $id) { amendments } }', { id: rosterId }, scheduler)).roster.amendments).toBe(4);
  });

  it('re-books into another specialty only when the doctor confirms it, and says so', async () => {
    const f = t.fixture;
    const neuro = (await t.database.db.query(`SELECT id FROM person WHERE username = 'neuro1'`))[0].id;
    const neurology = (await t.database.db.query(`SELECT id FROM department WHERE code = 'NEUROLOGY'`))[0].id;
    await makeAvailable(t, scheduler, neuro, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
    const demand = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, specialtyId: neurology, expertDays: 1, periodStart: month.start, periodEnd: month.end, session: 'AFTERNOON' });
    const neuroSession = ok(await t.gql(`mutation($i: AssignSpecialistInput!) { assignSpecialist(input: $i) { assignments { clinicSession { id state } } } }`,
      { i: { rosterId, specialistId: neuro, demandId: demand, dates: [D(13)] } }, scheduler)).assignSpecialist.assignments[0].clinicSession;
    expect(neuroSession.state).toBe('OPEN');
    const [flagged] = ok(await t.gql('{ bookingsNeedingRebooking { id } }', {}, doctorA)).bookingsNeedingRebooking;
    const REBOOK = 'mutation($i: RebookInput!) { rebookBooking(input: $i) { state clinicSession { id specialty { code } } } }';
    const refused = refusal(await t.gql(REBOOK, { i: { bookingId: flagged.id, sessionId: neuroSession.id } }, doctorA));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.field).toBe('confirmSpecialtyChange');
    expect(refused.message).toBe(`Booking ${flagged.id} was for 心内科 (Cardiology); session ${neuroSession.id} is 神经内科 (Neurology): rebooking into another specialty needs confirmSpecialtyChange: true`);
    expect(ok(await t.gql('query($id: ID!) { booking(id: $id) { state } }', { id: flagged.id }, doctorA)).booking.state).toBe('NEEDS_REBOOKING');
    const rebooked = ok(await t.gql(REBOOK, { i: { bookingId: flagged.id, sessionId: neuroSession.id, confirmSpecialtyChange: true } }, doctorA)).rebookBooking;
    expect(rebooked).toEqual({ state: 'BOOKED', clinicSession: { id: neuroSession.id, specialty: { code: 'NEUROLOGY' } } });
  });
});
