import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { validNationalId } from '../support/fixture';
import { ChildHub, startChildHub } from '../support/child-hub';
import { collect, connected, startTestHub, TestHub } from '../support/hub';

let t: TestHub;
let admin: string;
let doctorA: string;
let doctorB: string;
beforeAll(async () => {
  t = await startTestHub();
  [admin, doctorA, doctorB] = await Promise.all([t.signIn('admin'), t.signIn('doctor.a'), t.signIn('doctor.b')]);
});
afterAll(async () => { await t.stop(); });

const HOSPITAL_CHANGED = 'subscription($after: ID) { hospitalChanged(after: $after) { cursor action hospital { id county } } }';
const setCounty = (county: string) =>
  t.gql('mutation($i: UpdateHospitalInput!) { updateHospital(input: $i) { id } }', { i: { id: t.fixture.townshipA.id, county } }, admin)
    .then((r) => { if (r.errors) throw new Error(JSON.stringify(r.errors)); });

describe('resumable subscriptions', () => {
  it('replays exactly the changes missed while disconnected, in order, then continues live', async () => {
    const first = t.ws(doctorA);
    const live = collect(first, HOSPITAL_CHANGED);
    await connected(first).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    await setCounty('县-0');
    const [seen] = await live.waitFor(1);
    expect(seen.hospitalChanged.hospital.county).toBe('县-0');
    await first.dispose();

    for (const n of [1, 2, 3]) await setCounty(`县-${n}`);

    const second = t.ws(doctorA);
    const resumed = collect(second, HOSPITAL_CHANGED, { after: seen.hospitalChanged.cursor });
    await resumed.waitFor(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.events.map((e) => e.hospitalChanged.hospital.county)).toEqual(['县-1', '县-2', '县-3']);
    await setCounty('县-4');
    await resumed.waitFor(4);
    await new Promise((r) => setTimeout(r, 200));
    const cursors = resumed.events.map((e) => BigInt(e.hospitalChanged.cursor));
    expect(resumed.events.map((e) => e.hospitalChanged.hospital.county)).toEqual(['县-1', '县-2', '县-3', '县-4']);
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
  });

  it('gives a cursor of "now" to start from, so a stream that has seen nothing yet still resumes without loss', async () => {
    expect((await t.gql('{ eventCursor }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const now = (await t.gql('{ eventCursor }', {}, doctorA)).data!.eventCursor as string;
    const [{ max }] = await t.database.db.query('SELECT COALESCE(MAX(id),0)::text AS max FROM event');
    expect(BigInt(now) <= BigInt(max)).toBe(true);
    // Subscribed from that cursor, then disconnected before any event came: what happened
    // meanwhile arrives when the client subscribes again from the same cursor.
    await setCounty('光标-1');
    await setCounty('光标-2');
    const client = t.ws(doctorA);
    const resumed = collect(client, HOSPITAL_CHANGED, { after: now });
    await resumed.waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.events.map((e) => e.hospitalChanged.hospital.county)).toEqual(['光标-1', '光标-2']);
  });

  it('loses nothing and repeats nothing when changes keep coming during the replay', async () => {
    const [{ max }] = await t.database.db.query('SELECT COALESCE(MAX(id),0)::text AS max FROM event');
    for (let i = 0; i < 30; i++) await setCounty(`回放-${i}`);
    const writer = (async () => { for (let i = 0; i < 30; i++) await setCounty(`并发-${i}`); })();
    const client = t.ws(doctorA);
    const resumed = collect(client, HOSPITAL_CHANGED, { after: max });
    await writer;
    const expected: string[] = (await t.database.db.query(`SELECT payload->'hospital'->>'county' AS county FROM event WHERE topic = 'hospital' AND id > $1 ORDER BY id`, [max])).map((r: any) => r.county);
    expect(expected).toHaveLength(60);
    await resumed.waitFor(60, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.events.map((e) => e.hospitalChanged.hospital.county)).toEqual(expected);
  });

  it('filters events through the policy: a doctor hears only registrations at their own hospital', async () => {
    const a = collect(t.ws(doctorA), 'subscription { patientChanged { action hospitalId patientId } }');
    const b = collect(t.ws(doctorB), 'subscription { patientChanged { action hospitalId patientId } }');
    await new Promise((r) => setTimeout(r, 300));
    const register = async (token: string, serial: string) => {
      const r = await t.gql('mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
        { i: { name: '订阅患者', sex: 'FEMALE', birthDate: '1980-05-05', nationalId: validNationalId('1980-05-05', serial) } }, token);
      return r.data.registerPatient.id;
    };
    const atA = await register(doctorA, '501');
    const atB = await register(doctorB, '502');
    await a.waitFor(1);
    await b.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(a.events.map((e) => e.patientChanged.patientId)).toEqual([atA]);
    expect(b.events.map((e) => e.patientChanged.patientId)).toEqual([atB]);
  });

  it('rejects a cursor that is not one', async () => {
    const s = collect(t.ws(doctorA), HOSPITAL_CHANGED, { after: 'yesterday' });
    await expect(s.waitFor(1, 2000)).rejects.toThrow(/after.*cursor/);
  });
});

describe('several hub processes on one database', () => {
  let child: ChildHub;

  beforeAll(async () => {
    child = await startChildHub(t);
  }, 40_000);

  afterAll(async () => {
    await child.stop();
  });

  it('delivers a change made through one process to a subscriber of the other', async () => {
    const client = createClient({ url: child.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${doctorA}` }, retryAttempts: 0 });
    try {
      const s = collect(client, HOSPITAL_CHANGED);
      await new Promise((r) => setTimeout(r, 500));
      await setCounty('跨进程');
      const [event] = await s.waitFor(1);
      expect(event.hospitalChanged).toMatchObject({ action: 'UPDATED', hospital: { id: String(t.fixture.townshipA.id), county: '跨进程' } });
    } finally {
      await client.dispose();
    }
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await child.stop()).toBe(0);
    expect(child.lines.some((l) => l.includes('"msg":"stopped cleanly"'))).toBe(true);
  });
});
