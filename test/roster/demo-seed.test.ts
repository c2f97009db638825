import { performance } from 'node:perf_hooks';
import { loadActor } from '../../src/auth/actor';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/db/seed/demo';
import { addDays, today } from '../../src/roster/calendar';
import { workingCalendar } from '../../src/calendar/service';
import { AssessmentService } from '../../src/assessment/service';
import { GIVEN_FEMALE, GIVEN_MALE } from '../../src/db/seed/demo';
import { seedRotationDemo } from '../../src/db/seed/rotations';
import { RosterService } from '../../src/roster/roster-service';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The demo lives in the present: rotations around the day it is loaded, holidays respected, believable patients. */
let a: TestDatabase;

beforeAll(async () => {
  a = await createTestDatabase();
  await a.db.transaction((m) => seedDemo(m, { ...loadConfig({}), nationalIdKey: 'demo-national-id-key-for-tests-only-0123456789' }));
}, 300_000);
afterAll(async () => { await a?.drop(); });

const shape = (run: { query: (sql: string) => Promise<any> }) => run.query(
  `SELECT p.username, a.date::text AS date, a.session, h.name AS host FROM roster_assignment a JOIN person p ON p.id = a.specialist_id JOIN hospital h ON h.id = a.host_hospital_id ORDER BY a.date, h.name, p.username`,
);

describe('demo rotations', () => {
  it('lives in the present: a published roster for this week and the next four, bookable tomorrow, after a delivered one for the last thirteen weeks', async () => {
    const rosters = await a.db.query(`SELECT id, state, period_start::text AS start, period_end::text AS "end" FROM roster ORDER BY period_start`);
    expect(rosters.map((r: any) => r.state)).toEqual(['CLOSED', 'PUBLISHED']);
    const now = today();
    expect(rosters[1].start <= now && rosters[1].end >= addDays(now, 27)).toBe(true);
    expect(rosters[0].end).toBe(addDays(rosters[1].start, -1));
    expect(rosters[0].start <= addDays(now, -90)).toBe(true);
    // Bookable sessions on the next working day (tomorrow, unless that is a weekend or holiday).
    const calendar = await workingCalendar(a.db, now, addDays(now, 14));
    let next = addDays(now, 1);
    while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
    const [{ open, free }] = await a.db.query(`SELECT count(DISTINCT s.id)::int AS open, count(sl.id)::int AS free FROM clinic_session s JOIN clinic_slot sl ON sl.session_id = s.id
      WHERE s.date = $1 AND s.state = 'OPEN' AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = sl.id AND b.state = 'BOOKED')`, [next]);
    expect(open).toBeGreaterThan(0);
    expect(free).toBeGreaterThan(0);
    const [{ assignments, sessions, bookings, approved, requested }] = await a.db.query(`SELECT
      (SELECT count(*)::int FROM roster_assignment WHERE state = 'ACTIVE') AS assignments, (SELECT count(*)::int FROM clinic_session) AS sessions,
      (SELECT count(*)::int FROM booking WHERE state = 'BOOKED') AS bookings,
      (SELECT count(*)::int FROM rotation_demand WHERE state = 'APPROVED') AS approved, (SELECT count(*)::int FROM rotation_demand WHERE state = 'REQUESTED') AS requested`);
    expect(assignments).toBeGreaterThanOrEqual(60);
    expect(sessions).toBe(assignments);
    expect(bookings).toBeGreaterThan(20);
    expect(approved).toBeGreaterThanOrEqual(20);
    expect(requested).toBe(1);
  });

  it('dispatches nobody on a holiday and gives every roster figure of last month a value', async () => {
    const [{ from, to }] = await a.db.query(`SELECT min(period_start)::text AS "from", max(period_end)::text AS "to" FROM roster`);
    const calendar = await workingCalendar(a.db, from, to);
    const dates: string[] = (await a.db.query(`SELECT DISTINCT date::text AS date FROM roster_assignment WHERE state = 'ACTIVE'`)).map((r: any) => r.date);
    expect(dates.filter((d) => calendar.isHoliday(d))).toEqual([]);
    expect(dates.every((d) => calendar.isWorkingDay(d))).toBe(true);
    const [y, m] = today().split('-').map(Number);
    const first = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
    const last = addDays(`${y}-${String(m).padStart(2, '0')}-01`, -1);
    const [{ id: schedulerId }] = await a.db.query(`SELECT id FROM person WHERE username = 'scheduler'`);
    const [{ id: consortiumId }] = await a.db.query(`SELECT id FROM consortium WHERE name = '沂水县医共体'`);
    const report = await new AssessmentService(a.db, loadConfig({}).consult).assess(await loadActor(a.db, schedulerId), { consortiumId: String(consortiumId), from: first, to: last });
    expect(report.roster).toMatchObject({ available: true });
    expect(report.roster.totalDemanded).toBeGreaterThan(0);
    expect(report.roster.totalDelivered).toBeGreaterThan(0);
    expect(report.roster.slots).toBeGreaterThan(0);
    expect(report.roster.bookedSlots).toBeGreaterThan(0);
    expect(report.roster.slotUtilisation).toBeGreaterThan(0);
    expect(report.referrals.up).toBeGreaterThan(0);
    expect(report.referrals.down).toBeGreaterThan(0);
  });

  it("gives patients names that match their sex, and ID numbers whose 17th digit does (odd for men)", async () => {
    const patients: { name: string; sex: string; national_id_masked: string }[] = await a.db.query('SELECT name, sex, national_id_masked FROM patient');
    expect(patients.length).toBeGreaterThan(20);
    for (const p of patients) {
      const given = p.name.slice(1);
      expect((p.sex === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE)).toContain(given);
      expect(Number(p.national_id_masked[16]) % 2).toBe(p.sex === 'MALE' ? 1 : 0);
    }
  });

  it('passes every hard rule, judged by the service', async () => {
    const [{ id: schedulerId }] = await a.db.query(`SELECT id FROM person WHERE username = 'scheduler'`);
    const actor = await loadActor(a.db, schedulerId);
    for (const { id: rosterId } of await a.db.query('SELECT id FROM roster ORDER BY id')) {
      expect(await new RosterService(a.db).violations(actor, String(rosterId))).toEqual([]);
    }
  });

  it('is the same on every run of the same day, and takes well under 3 s on its own', async () => {
    // Run again inside a transaction that first removes the rotation rows and is rolled back after.
    const before = await shape(a.db);
    const qr = a.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      for (const table of ['booking', 'clinic_slot', 'clinic_session', 'roster_assignment', 'roster', 'rotation_demand', 'availability_period', 'specialist_limits', 'host_settings']) {
        await qr.query(`DELETE FROM ${table}`);
      }
      const started = performance.now();
      const counts = await seedRotationDemo(qr.manager);
      const ms = performance.now() - started;
      expect(counts.assignments).toBe(before.length);
      expect(await shape(qr)).toEqual(before);
      expect(ms).toBeLessThan(3000);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });
});
