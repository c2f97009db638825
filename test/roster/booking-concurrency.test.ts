import { collect, GqlResult, startTestHub, TestHub } from '../support/hub';
import { addPatients, approvedDemand, GQL, makeAvailable, nextMonth, ok, refusal } from './rotation-support';

/**
 * Booking a published clinic session: 200 township-doctor requests race for 10 slots, exactly
 * 10 win, the rest get CONFLICT naming the session, and the slot subscription follows along.
 */
let t: TestHub;
let scheduler: string;
let doctorA: string;
let doctorB: string;
let sessionId: string;
let cursor: string;
let patients: number[] = [];
const month = nextMonth();
const D = (i: number) => month.days[i];

const SESSION = `query($id: ID!) { clinicSession(id: $id) { id cursor state date session slotCount slotMinutes freeSlots
  host { name } specialist { name } specialty { nameZh } slots { id position startsAt booked } myBookings { id patient { id } } } }`;
const SLOTS = `subscription($s: ID!, $after: ID) { sessionSlots(sessionId: $s, after: $after) { cursor action free capacity state } }`;

beforeAll(async () => {
  t = await startTestHub();
  [scheduler, doctorA, doctorB] = await Promise.all(['scheduler', 'doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
  const f = t.fixture;
  await makeAvailable(t, scheduler, f.users.specialist.id, [{ from: month.start, to: month.end }]);
  const demandId = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, periodStart: month.start, periodEnd: month.end });
  const rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: f.users.specialist.id, demandId, dates: [D(3)] } }, scheduler));
  ok(await t.gql(GQL.publish, { id: rosterId }, scheduler));
  const sessions = ok(await t.gql('query($h: ID!, $from: String) { hostSessions(hostId: $h, from: $from) { id date freeSlots } }', { h: f.townshipA.id, from: month.start }, doctorA)).hostSessions;
  expect(sessions).toEqual([{ id: expect.any(String), date: D(3), freeSlots: 10 }]);
  sessionId = sessions[0].id;
  cursor = ok(await t.gql(SESSION, { id: sessionId }, doctorA)).clinicSession.cursor;
  patients = await addPatients(t.database.db, f.townshipA.id, 200, t.config.nationalIdKey);
}, 60_000);
afterAll(async () => { await t.stop(); });

const book = (patientId: number | string, token = doctorA, extra: Record<string, unknown> = {}) => t.gql(GQL.book, { i: { sessionId, patientId, ...extra } }, token);
/** doctorA's booking, from a browser that asks for `language`. */
async function bookIn(language: string, patientId: number): Promise<GqlResult<any>> {
  const res = await fetch(t.hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${doctorA}`, 'accept-language': language },
    body: JSON.stringify({ query: GQL.book, variables: { i: { sessionId, patientId } } }),
  });
  return { status: res.status, ...(await res.json()) };
}

describe('booking a clinic session', () => {
  it('lets exactly 10 of 200 concurrent attempts have the 10 slots; the others get CONFLICT naming the session', async () => {
    const slots = collect(t.ws(doctorA), SLOTS, { s: sessionId, after: cursor });
    // The ticket is taken inside a booking's transaction: how many of the crowd opened one.
    const tickets = { pattern: /pg_try_advisory_xact_lock[\s\S]*FROM clinic_session cs/, count: 0 };
    t.database.counter.watch = tickets;
    // Every other doctor's browser asks in Chinese: the refusal is the catalogue's sentence in each reader's language.
    const results = await Promise.all(patients.map(async (p, i) => ({ zh: i % 2 === 1, ...await bookIn(i % 2 ? 'zh-CN' : 'en', p) })));
    t.database.counter.watch = null;
    // About as many went on to a transaction as there were free slots (a few more when they read
    // the session just before a booking committed); the rest were refused from one read. Without
    // the gate more than a hundred of the crowd opened one.
    expect(tickets.count).toBeGreaterThanOrEqual(10);
    expect(tickets.count).toBeLessThanOrEqual(20);
    const won = results.filter((r) => r.data?.bookClinicSlot);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(190);
    expect(new Set(won.map((r) => r.data.bookClinicSlot.slot.position))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(lost.filter((r) => r.zh).length).toBeGreaterThanOrEqual(90);
    for (const r of lost) {
      expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(r.errors![0].message).toBe(r.zh
        ? `甲镇卫生院 ${D(3)}（上午）用户specialist 的心内科坐诊已无空余号源（10 个均已预约）`
        : `No free slot left in the Cardiology session of 用户specialist at 甲镇卫生院 on ${D(3)} (morning) (all 10 are booked)`);
    }
    const [{ booked, slots: distinctSlots }] = await t.database.db.query(
      `SELECT count(*)::int AS booked, count(DISTINCT slot_id)::int AS slots FROM booking WHERE session_id = $1 AND state = 'BOOKED'`, [sessionId]);
    expect([booked, distinctSlots]).toEqual([10, 10]);
    // The count the bookings take their turn by agrees with the bookings themselves.
    const [{ booked_count: counted }] = await t.database.db.query('SELECT booked_count FROM clinic_session WHERE id = $1', [sessionId]);
    expect(counted).toBe(10);
    // The subscription saw every booking, the free count falling to zero.
    const seen = await slots.waitFor(10, 10_000);
    expect(seen.map((e) => e.sessionSlots.free).sort((a, b) => b - a)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(seen.every((e) => e.sessionSlots.action === 'BOOKED' && e.sessionSlots.capacity === 10)).toBe(true);
    const session = ok(await t.gql(SESSION, { id: sessionId }, doctorA)).clinicSession;
    expect(session.freeSlots).toBe(0);
    expect(session.slots.every((s: any) => s.booked)).toBe(true);
    expect(session.myBookings).toHaveLength(10);
    slots.dispose();
  }, 60_000);

  it('refuses a booking into the full session while another transaction holds the session row lock', async () => {
    // A full session's refusal must not queue behind whoever holds the session (a cancellation, an amendment).
    const holder = await t.database.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM clinic_session WHERE id = $1 FOR UPDATE', [sessionId]);
      const answer = await Promise.race([
        bookIn('zh-CN', patients[120]),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      expect(answer).not.toBeNull();
      expect(answer!.errors?.[0]).toMatchObject({ message: `甲镇卫生院 ${D(3)}（上午）用户specialist 的心内科坐诊已无空余号源（10 个均已预约）`, extensions: { code: 'CONFLICT' } });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  }, 30_000);

  it('frees the slot on cancellation, pushes it, and lets another patient take it', async () => {
    const [bookingId] = (await t.database.db.query(`SELECT id FROM booking WHERE session_id = $1 AND state = 'BOOKED' ORDER BY id LIMIT 1`, [sessionId])).map((r: any) => String(r.id));
    const { cursor: now } = ok(await t.gql(SESSION, { id: sessionId }, doctorA)).clinicSession;
    const slots = collect(t.ws(doctorA), SLOTS, { s: sessionId, after: now });
    expect(refusal(await t.gql('mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { id } }', { i: { bookingId } }, doctorB)).code).toBe('NOT_FOUND');
    const cancelled = ok(await t.gql('mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { state reason } }', { i: { bookingId, reason: '患者已转院' } }, doctorA)).cancelBooking;
    expect(cancelled).toEqual({ state: 'CANCELLED', reason: '患者已转院' });
    const [freed] = await slots.waitFor(1);
    expect(freed.sessionSlots).toMatchObject({ action: 'RELEASED', free: 1 });
    const again = refusal(await t.gql('mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { id } }', { i: { bookingId } }, doctorA));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/CANCELLED and cannot become CANCELLED/);
    const patient = patients[199];
    const taken = ok(await book(patient)).bookClinicSlot;
    expect(taken.state).toBe('BOOKED');
    const twice = refusal(await book(patient));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/批量患者199 already has a slot in the Cardiology session/);
    await slots.waitFor(2);
    expect(slots.events[1].sessionSlots).toMatchObject({ action: 'BOOKED', free: 0 });
    slots.dispose();
  });

  it("books only a doctor's own hospital's patients, and shows bookings only to that hospital", async () => {
    const f = t.fixture;
    // Issue 13: another hospital's patient answers exactly like one that does not exist.
    const notYours = refusal(await book(f.patientB.id));
    expect(notYours.code).toBe('NOT_FOUND');
    expect(notYours.message).toBe(`Patient ${f.patientB.id} does not exist or is not visible to you`);
    const missing = refusal(await book(999999));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Patient 999999 does not exist or is not visible to you');
    expect(refusal(await book(f.patientA.id, doctorB)).code).toBe('NOT_FOUND');
    expect(refusal(await book(f.patientA.id, scheduler)).code).toBe('NOT_FOUND');
    const [{ patient_id: holder, starts_at: startsAt }] = await t.database.db.query(
      `SELECT b.patient_id, s.starts_at FROM booking b JOIN clinic_slot s ON s.id = b.slot_id WHERE b.session_id = $1 AND b.state = 'BOOKED' ORDER BY b.id LIMIT 1`, [sessionId]);
    const list = ok(await t.gql('query($p: ID!) { patientBookings(patientId: $p) { state clinicSession { id date } slot { startsAt } patient { id } } }', { p: holder }, doctorA)).patientBookings;
    expect(list).toEqual([{ state: 'BOOKED', clinicSession: { id: sessionId, date: D(3) }, slot: { startsAt }, patient: { id: String(holder) } }]);
    expect(refusal(await t.gql('query($p: ID!) { patientBookings(patientId: $p) { id } }', { p: holder }, doctorB)).code).toBe('NOT_FOUND');
    // Every read of a booking names a patient: it is audited like a patient read.
    const [{ n }] = await t.database.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'booking.read' AND subject_id = $1`, [String(holder)]);
    expect(n).toBeGreaterThanOrEqual(1);
    const fromB = ok(await t.gql(SESSION, { id: sessionId }, doctorB)).clinicSession;
    expect(fromB.myBookings).toEqual([]);
    expect(fromB.freeSlots).toBe(0);
  });

  it('offers a chosen slot when it is free and says so when it is not', async () => {
    const session = ok(await t.gql(SESSION, { id: sessionId }, doctorA)).clinicSession;
    const taken = refusal(await book(patients[150], doctorA, { slotId: session.slots[0].id }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toMatch(/That slot of the Cardiology session .* is already taken/);
    const [bookingId] = (await t.database.db.query(`SELECT b.id FROM booking b JOIN clinic_slot s ON s.id = b.slot_id WHERE b.session_id = $1 AND b.state = 'BOOKED' AND s.position = 5`, [sessionId])).map((r: any) => String(r.id));
    ok(await t.gql('mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { id } }', { i: { bookingId } }, doctorA));
    const chosen = ok(await book(patients[150], doctorA, { slotId: session.slots[4].id })).bookClinicSlot;
    expect(chosen.slot).toEqual({ position: 5, startsAt: '09:20' });
  });

  it('says why it refuses: a cancelled or past session, a slot not of the session, a patient already in it', async () => {
    const db = t.database.db;
    const booked = async () => (await db.query(`SELECT id, patient_id FROM booking WHERE session_id = $1 AND state = 'BOOKED' ORDER BY id`, [sessionId])) as { id: number; patient_id: number }[];
    const [first, second] = await booked();
    // One slot free again: the refusals below are decided under the session's lock, not from its full count.
    ok(await t.gql('mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { id } }', { i: { bookingId: String(first.id) } }, doctorA));
    const twice = refusal(await bookIn('zh-CN', second.patient_id));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(new RegExp(`^批量患者\\d+ 已预约甲镇卫生院 ${D(3)}（上午）用户specialist 的心内科坐诊`));
    const elsewhere = refusal(await book(patients[160], doctorA, { slotId: '999999' }));
    expect(elsewhere).toMatchObject({ code: 'BAD_USER_INPUT', message: `slotId: slot 999999 is not a slot of clinic session ${sessionId}` });
    // Written past the hub, as an amendment in another process would leave it.
    await db.query(`UPDATE clinic_session SET state = 'CANCELLED', cancelled_reason = '专家临时停诊' WHERE id = $1`, [sessionId]);
    try {
      const closed = refusal(await bookIn('zh-CN', patients[160]));
      expect(closed).toMatchObject({ code: 'CONFLICT', message: `甲镇卫生院 ${D(3)}（上午）用户specialist 的心内科坐诊已取消，原因：专家临时停诊，请预约其他坐诊` });
    } finally {
      await db.query(`UPDATE clinic_session SET state = 'OPEN', cancelled_reason = NULL WHERE id = $1`, [sessionId]);
    }
    const [{ date }] = await db.query('SELECT date::text AS date FROM clinic_session WHERE id = $1', [sessionId]);
    await db.query(`UPDATE clinic_session SET date = current_date - 1 WHERE id = $1`, [sessionId]);
    try {
      const over = refusal(await book(patients[160]));
      expect(over.code).toBe('CONFLICT');
      expect(over.message).toMatch(/^The Cardiology session of .* is over$/);
    } finally {
      await db.query(`UPDATE clinic_session SET date = $2 WHERE id = $1`, [sessionId, date]);
    }
    // None of that took the free slot: the next patient gets it.
    expect((await booked()).length).toBe(9);
    expect(ok(await book(patients[160])).bookClinicSlot.state).toBe('BOOKED');
    expect((await booked()).length).toBe(10);
  });

  it('cannot be overbooked even by writes that bypass the hub', async () => {
    const [{ slot_id: slotId }] = await t.database.db.query(`SELECT slot_id FROM booking WHERE session_id = $1 AND state = 'BOOKED' LIMIT 1`, [sessionId]);
    await expect(t.database.db.query(
      `INSERT INTO booking (slot_id, session_id, patient_id, hospital_id, state) VALUES ($1, $2, $3, $4, 'BOOKED')`,
      [slotId, sessionId, patients[100], t.fixture.townshipA.id],
    )).rejects.toThrow(/booking_slot_taken_key/);
  });
});
