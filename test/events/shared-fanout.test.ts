import { PASSWORD } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';
import { openRawSocket } from '../support/raw-socket';

/**
 * Subscriptions whose audience is shared (the directory's): many sockets are served from one
 * decision, execution and serialization per event. What each client sees must be exactly what
 * it would see alone: its own operation id, its own selection, every change once and in order,
 * nothing after it stops or after its session ends.
 */
let t: TestHub;
let admin: string;
beforeAll(async () => {
  t = await startTestHub();
  admin = await t.signIn('admin');
});
afterAll(async () => { await t.stop(); });

const COUNTIES = 'subscription($after: ID) { hospitalChanged(after: $after) { cursor action hospital { id county } } }';
const NAMES = 'subscription { changed: hospitalChanged { hospital { name } } }';
const setCounty = async (county: string) => {
  const r = await t.gql('mutation($i: UpdateHospitalInput!) { updateHospital(input: $i) { id } }', { i: { id: t.fixture.townshipA.id, county } }, admin);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
};
const settle = () => new Promise((r) => setTimeout(r, 300));

async function addDoctor(username: string): Promise<string> {
  const r = await t.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }',
    { i: { name: username, username, password: PASSWORD, roles: ['TOWNSHIP_DOCTOR'], hospitalId: String(t.fixture.townshipA.id) } }, admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createPerson.id;
}

describe('shared subscription answers', () => {
  it('gives every subscriber its own operation id and selection, every change once and in order, and nothing after it stops', async () => {
    const [doctorA, doctorB] = await Promise.all([t.signIn('doctor.a'), t.signIn('doctor.b')]);
    const a = await openRawSocket(t.hub.wsUrl, doctorA);
    const b = await openRawSocket(t.hub.wsUrl, doctorB);
    a.subscribe('x', COUNTIES);
    a.subscribe('y', COUNTIES);
    b.subscribe('z', COUNTIES, { after: null });
    b.subscribe('n', NAMES);
    await settle();
    for (const county of ['一县', '二县', '三县']) await setCounty(county);
    const counties = (id: string, socket = a) => socket.nexts.get(id)!.map((p) => p.data.hospitalChanged.hospital.county);
    await Promise.all([a.waitFor('x', 3), a.waitFor('y', 3), b.waitFor('z', 3), b.waitFor('n', 3)]);
    expect(counties('x')).toEqual(['一县', '二县', '三县']);
    expect(counties('y')).toEqual(['一县', '二县', '三县']);
    expect(counties('z', b)).toEqual(['一县', '二县', '三县']);
    const cursors = a.nexts.get('x')!.map((p) => BigInt(p.data.hospitalChanged.cursor));
    expect(cursors[0] < cursors[1] && cursors[1] < cursors[2]).toBe(true);
    expect(a.nexts.get('x')![0]).toEqual({ data: { hospitalChanged: { cursor: String(cursors[0]), action: 'UPDATED', hospital: { id: String(t.fixture.townshipA.id), county: '一县' } } } });
    // The other selection is answered as asked, under its alias.
    expect(b.nexts.get('n')![0]).toEqual({ data: { changed: { hospital: { name: t.fixture.townshipA.name } } } });

    a.complete('y');
    await settle();
    await setCounty('四县');
    await a.waitFor('x', 4);
    await b.waitFor('z', 4);
    await settle();
    expect(counties('y')).toEqual(['一县', '二县', '三县']);
    expect(counties('x')).toEqual(['一县', '二县', '三县', '四县']);

    // A subscriber joining later with a cursor gets what it missed, then the live changes, once each.
    const c = await openRawSocket(t.hub.wsUrl, doctorA);
    c.subscribe('late', COUNTIES, { after: String(cursors[1]) });
    await c.waitFor('late', 2);
    await setCounty('五县');
    await c.waitFor('late', 3);
    await settle();
    expect(counties('late', c)).toEqual(['三县', '四县', '五县']);
    [a, b, c].forEach((s) => s.close());
  });

  it("closes a deactivated subscriber's socket (4403) and sends it nothing committed after, while the others keep hearing", async () => {
    const id = await addDoctor('doctor.shared');
    const watcher = await t.signIn('doctor.shared');
    const colleague = await openRawSocket(t.hub.wsUrl, await t.signIn('doctor.a'));
    const socket = await openRawSocket(t.hub.wsUrl, watcher);
    socket.subscribe('w', COUNTIES);
    colleague.subscribe('c', COUNTIES);
    await settle();
    await setCounty('甲县');
    await Promise.all([socket.waitFor('w', 1), colleague.waitFor('c', 1)]);

    const off = await t.gql('mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { active } }', { i: { id, active: false } }, admin);
    expect(off.data.updatePerson.active).toBe(false);
    await setCounty('乙县');
    expect(await socket.closed).toEqual({ code: 4403, reason: expect.stringMatching(/deactivated/) });
    await colleague.waitFor('c', 2);
    expect(socket.nexts.get('w')!.map((p) => p.data.hospitalChanged.hospital.county)).toEqual(['甲县']);
    expect(colleague.nexts.get('c')!.map((p) => p.data.hospitalChanged.hospital.county)).toEqual(['甲县', '乙县']);
    colleague.close();
  });
});
