import { collect, startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation, setWaiting, sleep } from './support';

/**
 * The requester's queue position is pushed the moment anything ahead of the request changes —
 * also when that is another hospital's request, which the requester may not see — and reveals
 * only the number. The periodic tick is left at its default (30 s) so it cannot be what delivers.
 */
let t: TestHub;
let doctorA: string;
let doctorB: string;
let specialist: string;
beforeAll(async () => {
  t = await startTestHub();
  expect(t.config.consult.positionTickSeconds).toBe(30);
  [doctorA, doctorB, specialist] = await Promise.all(['doctor.a', 'doctor.b', 'specialist'].map((u) => t.signIn(u)));
});
afterAll(async () => { await t.stop(); });
beforeEach(async () => {
  await t.database.db.query(`UPDATE consultation SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = 'test reset' WHERE state = 'REQUESTED'`);
});

const POSITION = 'subscription($id: ID!) { consultationQueuePosition(id: $id) { consultationId state position queueLength waitingSeconds effectiveUrgency } }';
const FIELDS = ['consultationId', 'effectiveUrgency', 'position', 'queueLength', 'state', 'waitingSeconds'];
const otherHospitals = () => requestConsultation(t, doctorB, { urgency: 'URGENT', patientId: String(t.fixture.patientB.id) });

async function until<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(10);
  }
}

describe('the live queue position', () => {
  it("reaches the waiting requester within 1 s of a claim of another hospital's request ahead, revealing nothing of it", async () => {
    const ahead = await otherHospitals();
    const mine = await requestConsultation(t, doctorA, { urgency: 'ROUTINE' });
    const feed = collect(t.ws(doctorA), POSITION, { id: mine });
    const changes = collect(t.ws(doctorA), 'subscription { consultationChanged { consultationId action } }');
    const [first] = await feed.waitFor(1);
    expect(first.consultationQueuePosition).toMatchObject({ consultationId: mine, position: 2, queueLength: 2 });

    const claimedAt = Date.now();
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: ahead }, specialist));
    await until(() => feed.events.find((e) => e.consultationQueuePosition.position === 1), 1000);
    const latency = Date.now() - claimedAt;
    expect(latency).toBeLessThan(1000);
    console.log(`queue position pushed ${latency} ms after the claim ahead`);

    // Only the requester's own request, only these fields: never the other hospital's request.
    for (const e of feed.events) {
      expect(Object.keys(e.consultationQueuePosition).sort()).toEqual(FIELDS);
      expect(e.consultationQueuePosition.consultationId).toBe(mine);
    }
    expect(feed.events.at(-1).consultationQueuePosition).toMatchObject({ position: 1, queueLength: 1, state: 'REQUESTED' });
    // The general change feed still tells the requester nothing about the other hospital's request.
    await sleep(300);
    expect(changes.events.map((e) => e.consultationChanged.consultationId)).not.toContain(ahead);
    await feed.dispose();
    await changes.dispose();
  });

  it('is pushed when a request ahead is cancelled, and when a new emergency arrives ahead', async () => {
    const ahead = await otherHospitals();
    const mine = await requestConsultation(t, doctorA, { urgency: 'ROUTINE' });
    const feed = collect(t.ws(doctorA), POSITION, { id: mine });
    await feed.waitFor(1);
    ok(await t.gql('mutation($i: ConsultationReasonInput!) { cancelConsultation(input: $i) { state } }', { i: { id: ahead, reason: '患者已自行就医' } }, doctorB));
    await until(() => feed.events.find((e) => e.consultationQueuePosition.position === 1), 1000);
    await requestConsultation(t, doctorB, { urgency: 'EMERGENCY', patientId: String(t.fixture.patientB.id) });
    await until(() => feed.events.find((e, i) => i > 0 && e.consultationQueuePosition.position === 2), 1000);
    await feed.dispose();
  });

  it("is pushed when another hospital's request ahead is promoted by ageing, with no event at all", async () => {
    const older = await requestConsultation(t, doctorB, { urgency: 'ROUTINE', patientId: String(t.fixture.patientB.id) });
    // ROUTINE ranks as URGENT after 4 h: this one gets there in about 2 s, and then, having waited longer, goes ahead of mine.
    await setWaiting(t, older, t.config.consult.promoteAfterSeconds.ROUTINE - 2);
    const mine = await requestConsultation(t, doctorA, { urgency: 'URGENT' });
    const feed = collect(t.ws(doctorA), POSITION, { id: mine });
    const [first] = await feed.waitFor(1);
    expect(first.consultationQueuePosition.position).toBe(1);
    const pushed = await until(() => feed.events.find((e) => e.consultationQueuePosition.position === 2), 4000);
    expect(pushed.consultationQueuePosition).toMatchObject({ consultationId: mine, queueLength: 2, effectiveUrgency: 'URGENT' });
    await feed.dispose();
  });
});
