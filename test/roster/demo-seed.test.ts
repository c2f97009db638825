import { performance } from 'node:perf_hooks';
import { loadActor } from '../../src/auth/actor';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/db/seed/demo';
import { today } from '../../src/roster/calendar';
import { seedRotationDemo } from '../../src/db/seed/rotations';
import { RosterService } from '../../src/roster/roster-service';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The demo consortium comes with rotations: a published, rule-abiding roster for next month, sessions and bookings. */
let a: TestDatabase;

beforeAll(async () => {
  a = await createTestDatabase();
  await a.db.transaction((m) => seedDemo(m, { ...loadConfig({}), nationalIdKey: 'demo-national-id-key-for-tests-only-0123456789' }));
}, 120_000);
afterAll(async () => { await a?.drop(); });

const shape = (run: { query: (sql: string) => Promise<any> }) => run.query(
  `SELECT p.username, a.date::text AS date, a.session, h.name AS host FROM roster_assignment a JOIN person p ON p.id = a.specialist_id JOIN hospital h ON h.id = a.host_hospital_id ORDER BY a.date, h.name, p.username`,
);

describe('demo rotations', () => {
  it('publish a roster for next month whose sessions are bookable and already partly booked', async () => {
    const [roster] = await a.db.query(`SELECT id, state, period_start::text AS start FROM roster`);
    expect(roster.state).toBe('PUBLISHED');
    expect(roster.start > today()).toBe(true);
    const [{ assignments, sessions, slots, bookings, approved, requested }] = await a.db.query(`SELECT
      (SELECT count(*)::int FROM roster_assignment WHERE state = 'ACTIVE') AS assignments, (SELECT count(*)::int FROM clinic_session WHERE state = 'OPEN') AS sessions,
      (SELECT count(*)::int FROM clinic_slot) AS slots, (SELECT count(*)::int FROM booking WHERE state = 'BOOKED') AS bookings,
      (SELECT count(*)::int FROM rotation_demand WHERE state = 'APPROVED') AS approved, (SELECT count(*)::int FROM rotation_demand WHERE state = 'REQUESTED') AS requested`);
    expect(assignments).toBeGreaterThanOrEqual(20);
    expect(sessions).toBe(assignments);
    expect(slots).toBeGreaterThan(sessions * 9);
    expect(bookings).toBeGreaterThan(5);
    expect(approved).toBeGreaterThanOrEqual(10);
    expect(requested).toBe(1);
  });

  it('passes every hard rule, judged by the service', async () => {
    const [{ id: schedulerId }] = await a.db.query(`SELECT id FROM person WHERE username = 'scheduler'`);
    const [{ id: rosterId }] = await a.db.query('SELECT id FROM roster');
    const actor = await loadActor(a.db, schedulerId);
    expect(await new RosterService(a.db).violations(actor, String(rosterId))).toEqual([]);
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
