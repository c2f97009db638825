import { DeadlineSweep } from '../../src/consult/deadline-sweep';
import { createLogger } from '../../src/graphql/logger';
import { collect, startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation, setWaiting, sleep } from './support';

/** Claim deadlines per urgency, shortened through the environment the hub reads them from. */
let t: TestHub;
let doctorA: string;
let scheduler: string;
beforeAll(async () => {
  t = await startTestHub({ CONSULT_DEADLINE_EMERGENCY_SECONDS: '1', CONSULT_DEADLINE_URGENT_SECONDS: '600', CONSULT_SWEEP_INTERVAL_MS: '200' });
  [doctorA, scheduler] = await Promise.all([t.signIn('doctor.a'), t.signIn('scheduler')]);
});
afterAll(async () => { await t.stop(); });

const CHANGED = 'subscription { consultationChanged { action consultationId urgency state overdueSeconds } }';
const escalations = async (id: string) =>
  (await t.database.db.query(`SELECT count(*)::int AS n FROM event WHERE topic = 'consultation' AND payload->>'action' = 'ESCALATED' AND (payload->>'consultationId')::int = $1`, [Number(id)]))[0].n;

describe('claim deadlines', () => {
  it('tells the schedulers once when an EMERGENCY request waits unclaimed past its deadline', async () => {
    const watch = collect(t.ws(scheduler), CHANGED);
    await sleep(300);
    const emergency = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    const urgent = await requestConsultation(t, doctorA, { urgency: 'URGENT' });
    const events = await watch.waitFor(3, 5000);
    expect(events.map((e) => e.consultationChanged.action)).toEqual(['REQUESTED', 'REQUESTED', 'ESCALATED']);
    expect(events[2].consultationChanged).toMatchObject({ consultationId: emergency, urgency: 'EMERGENCY', state: 'REQUESTED' });
    expect(events[2].consultationChanged.overdueSeconds).toBeGreaterThanOrEqual(0);
    // Several more sweeps pass: still exactly one escalation, and none for the URGENT one (10 min deadline).
    await sleep(800);
    expect(await escalations(emergency)).toBe(1);
    expect(await escalations(urgent)).toBe(0);
    const q = ok(await t.gql('query($id: ID!) { consultation(id: $id) { escalatedAt claimDeadlineAt } }', { id: emergency }, scheduler)).consultation;
    expect(q.escalatedAt).not.toBeNull();
    await watch.dispose();
  });

  it('escalates a request again after a hand-back, since it is back in the queue past its deadline', async () => {
    const specialist = await t.signIn('specialist');
    const id = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, specialist));
    await sleep(1500);
    expect(await escalations(id)).toBe(0); // claimed in time: nothing to tell
    ok(await t.gql('mutation($i: ConsultationReasonInput!) { handBackConsultation(input: $i) { state escalatedAt } }', { i: { id, reason: '需心外科会诊' } }, specialist));
    const deadline = Date.now() + 3000;
    while ((await escalations(id)) === 0 && Date.now() < deadline) await sleep(100);
    expect(await escalations(id)).toBe(1);
  });

  it('escalates each overdue request exactly once when several hub processes sweep at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await requestConsultation(t, doctorA, { urgency: 'URGENT' }));
    for (const id of ids) await setWaiting(t, id, 3600); // past the 10 min URGENT deadline
    // Four independent sweeps (as four processes would run them), racing on the same rows.
    const sweeps = Array.from({ length: 4 }, () => DeadlineSweep.start(t.database.db, t.config.consult, createLogger('silent')));
    const counts = await Promise.all(sweeps.map((s) => s.runOnce()));
    await Promise.all(sweeps.map((s) => s.close()));
    await sleep(500); // let the hub's own sweep run too
    const perRequest = await Promise.all(ids.map(escalations));
    expect(perRequest).toEqual(ids.map(() => 1));
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
  });
});
