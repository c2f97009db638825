import { seedConsultationAndReferralHistory } from '../../src/db/seed/consult-history';
import { AssessmentService } from '../../src/assessment/service';
import { loadActor } from '../../src/auth/actor';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/db/seed/demo';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The demo's consultation and referral history: believable figures, deterministic, quick. */
let d: TestDatabase;
let seededMs: number;
let fromDemoSeed: { consultations: number; referrals: number };
beforeAll(async () => {
  d = await createTestDatabase();
  await d.db.transaction((m) => seedDemo(m, { ...loadConfig({}), nationalIdKey: 'demo-history-test-key-0123456789abcdef' }));
  [fromDemoSeed] = await d.db.query('SELECT (SELECT count(*)::int FROM consultation) AS consultations, (SELECT count(*)::int FROM referral) AS referrals');
  // Timed on its own (the directory seed before it hashes passwords).
  await d.db.query('DELETE FROM referral_criterion_citation; DELETE FROM referral; DELETE FROM consultation_opinion; DELETE FROM consultation');
  const started = Date.now();
  await d.db.transaction((m) => seedConsultationAndReferralHistory(m, loadConfig({}).consult));
  seededMs = Date.now() - started;
}, 120_000);
afterAll(async () => { await d.drop(); });

async function assessLastSixWeeks() {
  const [{ id: scheduler }] = await d.db.query(`SELECT id FROM person WHERE username = 'scheduler'`);
  const [{ id: consortiumId }] = await d.db.query(`SELECT id FROM consortium WHERE name = '沂水县医共体'`);
  const day = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return new AssessmentService(d.db, loadConfig({}).consult).assess(await loadActor(d.db, scheduler), { consortiumId: String(consortiumId), from: day(-42), to: day(0) });
}

describe('demo history', () => {
  it('is loaded by the demo seed and gives the assessment meaningful numbers (up:down about 3:1)', async () => {
    expect(fromDemoSeed.consultations).toBeGreaterThan(100);
    expect(fromDemoSeed.referrals).toBeGreaterThan(100);
    const a = await assessLastSixWeeks();
    expect(a.referrals.up).toBeGreaterThan(60);
    expect(a.referrals.down).toBeGreaterThan(15);
    expect(a.referrals.upDownRatio).toBeGreaterThan(2.5);
    expect(a.referrals.upDownRatio).toBeLessThan(3.6);
    expect(a.referrals.medianHoursToAccept).toBeGreaterThan(0.2);
    expect(a.referrals.greenChannel).toBeGreaterThan(0);
    const [emergency, urgent, routine] = a.consultations;
    expect(emergency.waitToClaimP50Seconds).toBeLessThan(urgent.waitToClaimP50Seconds!);
    expect(urgent.waitToClaimP50Seconds).toBeLessThan(routine.waitToClaimP50Seconds!);
    expect(emergency.waitToClaimP50Seconds).toBeLessThan(emergency.deadlineSeconds);
    expect(routine.requested).toBeGreaterThan(urgent.requested);
    const breaches = a.consultations.reduce((s, u) => s + u.deadlineBreaches, 0);
    expect(breaches).toBeGreaterThan(0);
    expect(a.consultations.reduce((s, u) => s + u.escalations, 0)).toBe(breaches); // every breach was escalated, once
  });

  it('leaves a live queue to look at, and rows the database accepts as consistent', async () => {
    const open = await d.db.query(`SELECT state, count(*)::int AS n FROM consultation WHERE state IN ('REQUESTED', 'CLAIMED') GROUP BY 1 ORDER BY 1`);
    expect(open.find((r: any) => r.state === 'REQUESTED')?.n).toBeGreaterThanOrEqual(3);
    const [{ n }] = await d.db.query(`SELECT count(*)::int AS n FROM consultation c WHERE c.state = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM consultation_opinion o WHERE o.consultation_id = c.id)`);
    expect(n).toBe(0);
    const [{ bad }] = await d.db.query(`SELECT count(*)::int AS bad FROM referral r JOIN referral_criterion_citation l ON l.referral_id = r.id JOIN referral_criterion c ON c.id = l.criterion_id
      WHERE c.direction <> r.direction OR NOT EXISTS (SELECT 1 FROM unnest(c.icd10_prefixes) p WHERE r.diagnosis_code LIKE p || '%')`);
    expect(bad).toBe(0); // every cited criterion fits the referral's direction and diagnosis
  });

  it('is deterministic and quick', async () => {
    const now = new Date('2026-06-15T04:00:00Z');
    const snapshot = () => d.db.query(`SELECT urgency, state, requested_at, first_claimed_at FROM consultation WHERE requested_at < $1 ORDER BY requested_at`, [now]);
    const referrals = () => d.db.query(`SELECT direction, state, proposed_at, accepted_at, diagnosis_code FROM referral WHERE proposed_at < $1 ORDER BY proposed_at`, [now]);
    await d.db.query('DELETE FROM referral_criterion_citation; DELETE FROM referral; DELETE FROM consultation_opinion; DELETE FROM consultation');
    await d.db.transaction((m) => seedConsultationAndReferralHistory(m, loadConfig({}).consult, now));
    const first = [await snapshot(), await referrals()];
    await d.db.query('DELETE FROM referral_criterion_citation; DELETE FROM referral; DELETE FROM consultation_opinion; DELETE FROM consultation');
    await d.db.transaction((m) => seedConsultationAndReferralHistory(m, loadConfig({}).consult, now));
    expect([await snapshot(), await referrals()]).toEqual(first);
    expect(first[0].length).toBeGreaterThan(100);
    expect(seededMs).toBeLessThan(3000);
  });
});
