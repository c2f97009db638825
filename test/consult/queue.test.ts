import { collect, startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation, setWaiting, sleep } from './support';

/**
 * The live queue: its order (urgency, then waiting time, with the anti-starvation promotion),
 * the snapshot + resumable changes a specialist follows, and the requester's live position.
 * Defaults: URGENT ranks as EMERGENCY after 20 min, ROUTINE as URGENT after 4 h.
 */
let t: TestHub;
let doctorA: string;
let doctorB: string;
let specialist: string;
let scheduler: string;
let cardiology: string;
let consortiumId: string;
beforeAll(async () => {
  t = await startTestHub({ CONSULT_POSITION_TICK_SECONDS: '1' });
  [doctorA, doctorB, specialist, scheduler] = await Promise.all(['doctor.a', 'doctor.b', 'specialist', 'scheduler'].map((u) => t.signIn(u)));
  cardiology = String(t.fixture.cardiology.id);
  consortiumId = String(t.fixture.consortium.id);
});
afterAll(async () => { await t.stop(); });

const QUEUE = `query($c: ID!, $s: ID!, $first: Int, $offset: Int) { consultationQueue(consortiumId: $c, specialtyId: $s, first: $first, offset: $offset) {
  cursor totalCount rule entries { consultationId position urgency effectiveUrgency waitingSeconds overdue requestingHospital { name } } } }`;
const queue = async (token = specialist, first = 200, offset = 0) => ok(await t.gql(QUEUE, { c: consortiumId, s: cardiology, first, offset }, token)).consultationQueue;
const cancel = (id: string, token = doctorA) => t.gql('mutation($i: ConsultationReasonInput!) { cancelConsultation(input: $i) { state } }', { i: { id, reason: '患者已自行就医' } }, token).then(ok);
const claim = (id: string, token = specialist) => t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, token).then(ok);
/** Empties the cardiology queue so each test starts from a known state. */
async function clearQueue() {
  await t.database.db.query(`UPDATE consultation SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = 'test reset' WHERE state = 'REQUESTED'`);
}

describe('queue order', () => {
  beforeEach(clearQueue);

  it('ranks by urgency, then by waiting time, promoting long waits one level (URGENT after 20 min, ROUTINE after 4 h)', async () => {
    const make = async (name: string, urgency: string, waitedSeconds: number) => {
      const id = await requestConsultation(t, name.endsWith('b') ? doctorB : doctorA, {
        urgency, ...(name.endsWith('b') ? { patientId: String(t.fixture.patientB.id) } : {}),
      });
      await setWaiting(t, id, waitedSeconds);
      return [name, id] as const;
    };
    const ids = Object.fromEntries(await Promise.all([
      make('routine 10 min', 'ROUTINE', 600),
      make('urgent 25 min (promoted)', 'URGENT', 1500),
      make('emergency new b', 'EMERGENCY', 0),
      make('emergency 2 min', 'EMERGENCY', 120),
      make('urgent new b', 'URGENT', 5),
      make('routine 5 h (promoted)', 'ROUTINE', 5 * 3600),
      make('urgent 10 min', 'URGENT', 600),
    ]));
    const q = await queue();
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    expect(q.entries.map((e: any) => names[e.consultationId])).toEqual([
      'urgent 25 min (promoted)', 'emergency 2 min', 'emergency new b',
      'routine 5 h (promoted)', 'urgent 10 min', 'urgent new b',
      'routine 10 min',
    ]);
    expect(q.entries.map((e: any) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(q.totalCount).toBe(7);
    expect(q.entries[0]).toMatchObject({ urgency: 'URGENT', effectiveUrgency: 'EMERGENCY' });
    expect(q.entries[3]).toMatchObject({ urgency: 'ROUTINE', effectiveUrgency: 'URGENT', overdue: false });
    expect(q.entries[0].waitingSeconds).toBeGreaterThanOrEqual(1500);
    expect(q.entries[2].requestingHospital.name).toBe('乙镇卫生院');
    expect(q.rule).toMatch(/Anti-starvation/);
    // Pages by position.
    const page = await queue(specialist, 3, 3);
    expect(page.entries.map((e: any) => e.position)).toEqual([4, 5, 6]);
    expect(page.totalCount).toBe(7);
  });

  it('anti-starvation: an URGENT request overtaken by a stream of new emergencies is overtaken no more once it has waited 20 min', async () => {
    const urgent = await requestConsultation(t, doctorA, { urgency: 'URGENT' });
    const position = async () => (await queue()).entries.findIndex((e: any) => e.consultationId === urgent) + 1;
    const emergencies: string[] = [];
    for (let i = 0; i < 5; i++) {
      emergencies.push(await requestConsultation(t, doctorB, { urgency: 'EMERGENCY', patientId: String(t.fixture.patientB.id) }));
      expect(await position()).toBe(emergencies.length + 1); // each new emergency goes ahead of it
    }
    // 21 minutes later (the emergencies are still waiting, but arrived after it):
    await setWaiting(t, urgent, 21 * 60);
    expect(await position()).toBe(1);
    for (let i = 0; i < 5; i++) {
      emergencies.push(await requestConsultation(t, doctorB, { urgency: 'EMERGENCY', patientId: String(t.fixture.patientB.id) }));
      expect(await position()).toBe(1); // the stream no longer overtakes it
    }
    const q = await queue();
    expect(q.entries.map((e: any) => e.consultationId)).toEqual([urgent, ...emergencies]);
  });

  it('a backlog of old ROUTINE requests never pushes a new emergency down: ROUTINE ages into URGENT rank only', async () => {
    const old = await requestConsultation(t, doctorA, { urgency: 'ROUTINE' });
    await setWaiting(t, old, 30 * 3600);
    const emergency = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    const q = await queue();
    expect(q.entries.map((e: any) => e.consultationId)).toEqual([emergency, old]);
    expect(q.entries[1]).toMatchObject({ effectiveUrgency: 'URGENT', overdue: true }); // 30 h > the 24 h routine deadline
  });

  it('is refused to those who do not serve or schedule it', async () => {
    const r = await t.gql(QUEUE, { c: consortiumId, s: cardiology }, doctorA);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const neurology = (await t.database.db.query(`SELECT id FROM department WHERE code = 'NEUROLOGY'`))[0].id;
    const other = await t.gql(QUEUE, { c: consortiumId, s: String(neurology) }, specialist);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(ok(await t.gql(QUEUE, { c: consortiumId, s: cardiology }, scheduler)).consultationQueue.totalCount).toBeGreaterThanOrEqual(0);
  });
});

const CHANGES = `subscription($c: ID!, $s: ID!, $after: ID) { consultationQueueChanged(consortiumId: $c, specialtyId: $s, after: $after) {
  cursor action consultationId state inQueue entry { consultationId urgency effectiveUrgency requestedAt } } }`;

describe('queue subscription', () => {
  beforeAll(clearQueue);

  it('gives a snapshot plus live changes, and after a disconnect resumes from the last cursor with nothing lost or repeated', async () => {
    const a = await requestConsultation(t, doctorA, { urgency: 'URGENT' });
    const b = await requestConsultation(t, doctorB, { urgency: 'ROUTINE', patientId: String(t.fixture.patientB.id) });
    const snapshot = await queue();
    expect(snapshot.entries.map((e: any) => e.consultationId)).toEqual([a, b]);

    // Live: follow from the snapshot's cursor.
    const first = t.ws(specialist);
    const live = collect(first, CHANGES, { c: consortiumId, s: cardiology, after: snapshot.cursor });
    const c = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    await claim(a);
    const seen = await live.waitFor(2);
    expect(seen.map((e) => [e.consultationQueueChanged.action, e.consultationQueueChanged.consultationId, e.consultationQueueChanged.inQueue]))
      .toEqual([['REQUESTED', c, true], ['CLAIMED', a, false]]);
    expect(seen[0].consultationQueueChanged.entry).toMatchObject({ consultationId: c, urgency: 'EMERGENCY', effectiveUrgency: 'EMERGENCY' });
    expect(seen[1].consultationQueueChanged.entry).toBeNull();
    await first.dispose();

    // Offline: three changes happen, plus one in another queue that must not be delivered.
    const d = await requestConsultation(t, doctorB, { urgency: 'URGENT', patientId: String(t.fixture.patientB.id) });
    await cancel(b, doctorB);
    await t.gql('mutation($i: ConsultationReasonInput!) { handBackConsultation(input: $i) { state } }', { i: { id: a, reason: '本周外出坐诊，无法按时会诊' } }, specialist).then(ok);
    const neurology = (await t.database.db.query(`SELECT id FROM department WHERE code = 'NEUROLOGY'`))[0].id;
    await t.database.db.query(`INSERT INTO person_specialty (person_id, department_id) SELECT id, $1 FROM person WHERE username = 'specialist'`, [neurology]);
    await requestConsultation(t, doctorA, { specialtyId: String(neurology) });

    // Resume after the last cursor seen.
    const second = t.ws(specialist);
    const resumed = collect(second, CHANGES, { c: consortiumId, s: cardiology, after: seen[1].consultationQueueChanged.cursor });
    const replay = await resumed.waitFor(3);
    await sleep(300);
    expect(resumed.events).toHaveLength(3);
    expect(replay.map((e) => [e.consultationQueueChanged.action, e.consultationQueueChanged.consultationId]))
      .toEqual([['REQUESTED', d], ['CANCELLED', b], ['HANDED_BACK', a]]);

    // Applying snapshot + every change gives exactly the queue as it is now.
    const members = new Set<string>(snapshot.entries.map((e: any) => e.consultationId));
    for (const e of [...seen, ...replay]) {
      if (e.consultationQueueChanged.inQueue) members.add(e.consultationQueueChanged.consultationId);
      else members.delete(e.consultationQueueChanged.consultationId);
    }
    const now = await queue();
    expect([...members].sort()).toEqual(now.entries.map((e: any) => e.consultationId).sort());

    // And it goes on live.
    await claim(c);
    await resumed.waitFor(4);
    expect(resumed.events[3].consultationQueueChanged).toMatchObject({ action: 'CLAIMED', consultationId: c, inQueue: false });
  });

  it('refuses to subscribe to a queue the user does not serve', async () => {
    const s = collect(t.ws(doctorA), CHANGES, { c: consortiumId, s: cardiology });
    await expect(s.waitFor(1, 3000)).rejects.toThrow(/FORBIDDEN|consultation queue is for/);
  });
});

describe("the requester's live position", () => {
  beforeAll(clearQueue);

  it('changes as requests ahead are taken, and the waiting time grows', async () => {
    const ahead1 = await requestConsultation(t, doctorB, { urgency: 'EMERGENCY', patientId: String(t.fixture.patientB.id) });
    const ahead2 = await requestConsultation(t, doctorB, { urgency: 'URGENT', patientId: String(t.fixture.patientB.id) });
    const mine = await requestConsultation(t, doctorA, { urgency: 'ROUTINE' });
    const feed = collect(t.ws(doctorA), 'subscription($id: ID!) { consultationQueuePosition(id: $id) { consultationId state position queueLength waitingSeconds effectiveUrgency } }', { id: mine });
    const [initial] = await feed.waitFor(1);
    expect(initial.consultationQueuePosition).toMatchObject({ consultationId: mine, state: 'REQUESTED', position: 3, queueLength: 3 });

    await claim(ahead1);
    await waitUntil(() => feed.events.some((e) => e.consultationQueuePosition.position === 2));
    await cancel(ahead2, doctorB);
    await waitUntil(() => feed.events.some((e) => e.consultationQueuePosition.position === 1));
    // With nothing else happening, the tick (1 s in this test) still updates the waiting time.
    const before = feed.events.length;
    await waitUntil(() => feed.events.length >= before + 2, 4000);
    const waits = feed.events.map((e) => e.consultationQueuePosition.waitingSeconds);
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0]);

    await claim(mine);
    await waitUntil(() => feed.events.some((e) => e.consultationQueuePosition.state === 'CLAIMED'));
    expect(feed.events.find((e) => e.consultationQueuePosition.state === 'CLAIMED').consultationQueuePosition.position).toBeNull();
    await feed.dispose();
  });

  it('is not available to other hospitals', async () => {
    const mine = await requestConsultation(t, doctorA);
    const feed = collect(t.ws(doctorB), 'subscription($id: ID!) { consultationQueuePosition(id: $id) { position } }', { id: mine });
    await expect(feed.waitFor(1, 3000)).rejects.toThrow(/NOT_FOUND|does not exist or is not visible/);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}
