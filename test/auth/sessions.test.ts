import { startChildHub } from '../support/child-hub';
import { PASSWORD, validNationalId } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';
import { openRawSocket } from '../support/raw-socket';

let t: TestHub;
beforeAll(async () => { t = await startTestHub(); });
afterAll(async () => { await t.stop(); });

const ME = '{ me { username hospital { name } } }';
const PATIENTS = 'subscription { patientChanged { patientId hospitalId action } }';
const REGISTER = 'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }';
const UPDATE_PERSON = 'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { id active } }';
let serial = 300;

async function addPerson(username: string, hospitalId: number, roles = ['TOWNSHIP_DOCTOR']): Promise<string> {
  const admin = await t.signIn('admin');
  const r = await t.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', { i: { name: username, username, password: PASSWORD, roles, hospitalId: String(hospitalId) } }, admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createPerson.id;
}

async function register(token: string, name: string): Promise<string> {
  const r = await t.gql(REGISTER, { i: { name, sex: 'MALE', birthDate: '1970-01-02', nationalId: validNationalId('1970-01-02', String(serial++)) } }, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.registerPatient.id;
}

async function until(probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A roster period `offset` whole months from now (each test's rosters in months of their own). */
function month(offset: number) {
  const d = new Date();
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}
const CREATE = 'mutation($i: CreateRosterInput!) { createRoster(input: $i) { id } }';

describe('sessions the server knows', () => {
  it('signOut ends the token on HTTP and closes its open socket with 4401 and a reason; other sessions stay', async () => {
    const token = await t.signIn('doctor.b');
    const other = await t.signIn('doctor.b');
    const socket = await openRawSocket(t.hub.wsUrl, token);
    expect((await t.gql('mutation { signOut }', {}, token)).data).toEqual({ signOut: true });
    expect(await socket.closed).toEqual({ code: 4401, reason: expect.stringMatching(/signed out/) });
    const after = await t.gql(ME, {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]).toMatchObject({ message: expect.stringMatching(/signed out.*sign in again/), extensions: { code: 'UNAUTHENTICATED' } });
    expect((await t.gql(ME, {}, other)).data.me.username).toBe('doctor.b');
  });

  it('deactivating a user closes their socket (4403) before any later event reaches it, and refuses the token everywhere', async () => {
    const id = await addPerson('doctor.a2', t.fixture.townshipA.id);
    const watcher = await t.signIn('doctor.a2');
    const colleague = await t.signIn('doctor.a');
    const admin = await t.signIn('admin');
    const socket = await openRawSocket(t.hub.wsUrl, watcher);
    socket.subscribe('p', PATIENTS);
    await new Promise((r) => setTimeout(r, 200));
    const before = await register(colleague, '赵一');
    await socket.waitFor('p', 1);

    expect((await t.gql(UPDATE_PERSON, { i: { id, active: false } }, admin)).data.updatePerson.active).toBe(false);
    // Committed after the deactivation: must never reach the deactivated watcher.
    const after = await register(colleague, '赵二');
    expect(await socket.closed).toEqual({ code: 4403, reason: expect.stringMatching(/deactivated/) });
    expect(socket.nexts.get('p')!.map((p) => p.data.patientChanged.patientId)).toEqual([before]);
    expect(after).toBeDefined();

    const http = await t.gql(ME, {}, watcher);
    expect(http.status).toBe(401);
    expect(http.errors?.[0].message).toMatch(/deactivated/);
    await expect(openRawSocket(t.hub.wsUrl, watcher)).rejects.toThrow(/4401.*deactivated/);
  });

  it('a deactivated user cannot replay past events on a socket opened before (new subscriptions are refused)', async () => {
    const id = await addPerson('doctor.a3', t.fixture.townshipA.id);
    const watcher = await t.signIn('doctor.a3');
    const admin = await t.signIn('admin');
    const socket = await openRawSocket(t.hub.wsUrl, watcher);
    await t.gql(UPDATE_PERSON, { i: { id, active: false } }, admin);
    socket.subscribe('replay', 'subscription { patientChanged(after: "0") { patientId } }');
    const closed = await socket.closed;
    expect([4401, 4403]).toContain(closed.code);
    expect(closed.reason).toMatch(/deactivated/);
    expect(socket.nexts.get('replay') ?? []).toEqual([]);
  });

  it("moving a user to another hospital ends their sessions: the socket closes (4403) and the old hospital's events stop", async () => {
    const id = await addPerson('doctor.a4', t.fixture.townshipA.id);
    const mover = await t.signIn('doctor.a4');
    const colleague = await t.signIn('doctor.a');
    const admin = await t.signIn('admin');
    const socket = await openRawSocket(t.hub.wsUrl, mover);
    socket.subscribe('p', PATIENTS);
    await new Promise((r) => setTimeout(r, 200));
    await t.gql(UPDATE_PERSON, { i: { id, hospitalId: String(t.fixture.townshipB.id) } }, admin);
    await register(colleague, '钱一');
    expect(await socket.closed).toEqual({ code: 4403, reason: expect.stringMatching(/hospital or roles were changed/) });
    expect(socket.nexts.get('p') ?? []).toEqual([]);
    expect((await t.gql(ME, {}, mover)).status).toBe(401);
    // Signing in again gives the rights of the new hospital.
    const again = await t.signIn('doctor.a4');
    expect((await t.gql(ME, {}, again)).data.me.hospital.name).toBe(t.fixture.townshipB.name);
  });

  it("a hospital leaving the consortium takes that consortium's rights from its people's open sockets at once", async () => {
    const { consortium, townshipB } = t.fixture;
    await addPerson('sched.b1', townshipB.id, ['SCHEDULER']);
    const leaver = await t.signIn('sched.b1');
    const scheduler = await t.signIn('scheduler');
    const admin = await t.signIn('admin');
    const socket = await openRawSocket(t.hub.wsUrl, leaver);
    socket.subscribe('r', 'subscription { rosterChanged { rosterId consortiumId action } }');
    // A scheduler of a hospital that stays: proves each event was sent.
    const control = await openRawSocket(t.hub.wsUrl, scheduler);
    control.subscribe('r', 'subscription { rosterChanged { rosterId consortiumId action } }');
    await new Promise((r) => setTimeout(r, 200));
    const MEMBERSHIP = (verb: string) => `mutation($i: MembershipInput!) { ${verb}(input: $i) { id } }`;
    const membership = { consortiumId: String(consortium.id), hospitalId: String(townshipB.id) };
    // While a member, the consortium's drafts reach the hospital's scheduler.
    const before = (await t.gql(CREATE, { i: { consortiumId: String(consortium.id), ...month(5) } }, scheduler)).data.createRoster.id;
    await until(() => (socket.nexts.get('r') ?? []).length === 1);
    expect(socket.nexts.get('r')![0].data.rosterChanged).toMatchObject({ rosterId: before, action: 'CREATED' });
    try {
      expect((await t.gql(MEMBERSHIP('removeHospitalFromConsortium'), { i: membership }, admin)).errors).toBeUndefined();
      const after = (await t.gql(CREATE, { i: { consortiumId: String(consortium.id), ...month(7) } }, scheduler)).data.createRoster.id;
      await until(() => (control.nexts.get('r') ?? []).some((n: any) => n.data.rosterChanged.rosterId === after));
      await new Promise((r) => setTimeout(r, 300));
      expect((socket.nexts.get('r') ?? []).map((n: any) => n.data.rosterChanged.rosterId)).toEqual([before]);
      expect(after).not.toBe(before);
      // The socket stays open (the session is not ended, only its rights narrowed), and HTTP says the same.
      expect((await t.gql('query($id: ID!) { roster(id: $id) { id } }', { id: after }, leaver)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // Joining again gives the rights back on the same socket.
      expect((await t.gql(MEMBERSHIP('addHospitalToConsortium'), { i: membership }, admin)).errors).toBeUndefined();
      const again = (await t.gql(CREATE, { i: { consortiumId: String(consortium.id), ...month(9) } }, scheduler)).data.createRoster.id;
      await until(() => (socket.nexts.get('r') ?? []).length === 2);
      expect(socket.nexts.get('r')![1].data.rosterChanged).toMatchObject({ rosterId: again, action: 'CREATED' });
    } finally {
      await t.gql(MEMBERSHIP('addHospitalToConsortium'), { i: membership }, admin);
    }
    socket.close();
    control.close();
  });

  it("a hospital made a consortium's lead hospital (updateConsortium, createConsortium) gives its people that consortium's rights on their open sockets at once", async () => {
    const admin = await t.signIn('admin');
    const created = await t.gql('mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }', { i: { name: '丙镇卫生院', tier: 'TOWNSHIP', county: '外县', latitude: 35.6, longitude: 118.4 } }, admin);
    const hospitalId = created.data.createHospital.id;
    await addPerson('sched.c1', Number(hospitalId), ['SCHEDULER']);
    const lead = await t.signIn('sched.c1');
    // The socket is opened while the hospital belongs to no consortium.
    const socket = await openRawSocket(t.hub.wsUrl, lead);
    socket.subscribe('r', 'subscription { rosterChanged { rosterId consortiumId action } }');
    await new Promise((r) => setTimeout(r, 200));
    const other = t.fixture.otherConsortium;
    try {
      const updated = await t.gql('mutation($i: UpdateConsortiumInput!) { updateConsortium(input: $i) { id leadHospital { id } } }', { i: { id: String(other.id), leadHospitalId: hospitalId } }, admin);
      expect(updated.errors).toBeUndefined();
      // HTTP loads the person afresh: the new lead hospital's scheduler may draft the consortium's roster...
      const drafted = await t.gql(CREATE, { i: { consortiumId: String(other.id), ...month(11) } }, lead);
      expect(drafted.errors).toBeUndefined();
      // ... and the socket opened before hears of it, as after addHospitalToConsortium.
      await until(() => (socket.nexts.get('r') ?? []).length === 1);
      expect(socket.nexts.get('r')![0].data.rosterChanged).toMatchObject({ rosterId: drafted.data.createRoster.id, consortiumId: String(other.id), action: 'CREATED' });

      // A consortium created with the hospital as its lead: the same on the same socket.
      const fresh = await t.gql('mutation($i: CreateConsortiumInput!) { createConsortium(input: $i) { id } }', { i: { name: '丙县医共体', kind: 'COUNTY_MEDICAL_COMMUNITY', region: '丙县', leadHospitalId: hospitalId } }, admin);
      expect(fresh.errors).toBeUndefined();
      const second = await t.gql(CREATE, { i: { consortiumId: fresh.data.createConsortium.id, ...month(11) } }, lead);
      expect(second.errors).toBeUndefined();
      await until(() => (socket.nexts.get('r') ?? []).length === 2);
      expect(socket.nexts.get('r')![1].data.rosterChanged).toMatchObject({ rosterId: second.data.createRoster.id, consortiumId: fresh.data.createConsortium.id, action: 'CREATED' });
    } finally {
      await t.gql('mutation($i: UpdateConsortiumInput!) { updateConsortium(input: $i) { id } }', { i: { id: String(other.id), leadHospitalId: null } }, admin);
    }
    socket.close();
  });

  it('changing roles ends the sessions too', async () => {
    const id = await addPerson('doctor.a5', t.fixture.townshipA.id);
    const token = await t.signIn('doctor.a5');
    const admin = await t.signIn('admin');
    await t.gql(UPDATE_PERSON, { i: { id, roles: ['SCHEDULER'] } }, admin);
    const r = await t.gql(ME, {}, token);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].message).toMatch(/roles were changed/);
  });

  it('changePassword ends the other sessions and keeps this one; an admin reset ends all', async () => {
    const id = await addPerson('doctor.a6', t.fixture.townshipA.id);
    const here = await t.signIn('doctor.a6');
    const elsewhere = await t.signIn('doctor.a6');
    const socket = await openRawSocket(t.hub.wsUrl, elsewhere);
    const wrong = await t.gql('mutation { changePassword(currentPassword: "not-it-at-all", newPassword: "new-password-2") }', {}, here);
    expect(wrong.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await t.gql(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "short") }`, {}, here);
    expect(short.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await t.gql(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "new-password-2") }`, {}, here)).data).toEqual({ changePassword: true });
    expect(await socket.closed).toEqual({ code: 4401, reason: expect.stringMatching(/password was changed/) });
    expect((await t.gql(ME, {}, elsewhere)).status).toBe(401);
    expect((await t.gql(ME, {}, here)).data.me).toBeTruthy();
    const old = await t.gql(`mutation { signIn(username: "doctor.a6", password: "${PASSWORD}") { token } }`);
    expect(old.errors?.[0].message).toBe('Wrong username or password');

    const admin = await t.signIn('admin');
    expect((await t.gql(`mutation { resetPassword(personId: "${id}", newPassword: "reset-password-3") }`, {}, admin)).data).toEqual({ resetPassword: true });
    const r = await t.gql(ME, {}, here);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].message).toMatch(/administrator reset the password/);
    const doctor = await t.signIn('doctor.a');
    const refused = await t.gql(`mutation { resetPassword(personId: "${id}", newPassword: "reset-password-4") }`, {}, doctor);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("an admin lists and revokes a session, also one whose socket is open on another hub process; someone else's session looks like none", async () => {
    const child = await startChildHub(t);
    try {
      const victim = await t.signIn('specialist');
      const socket = await openRawSocket(child.url.replace(/^http/, 'ws'), victim);
      const admin = await t.signIn('admin');
      const sessions = await t.gql(`{ sessions(personId: "${t.fixture.users.specialist.id}") { id expiresAt clientAddress } }`, {}, admin);
      expect(sessions.data.sessions.length).toBeGreaterThanOrEqual(1);
      const mine = await t.gql('{ sessions { id } }', {}, victim);
      const sid = mine.data.sessions[0].id;
      expect(sessions.data.sessions.map((s: any) => s.id)).toContain(sid);

      const doctor = await t.signIn('doctor.b');
      const foreign = await t.gql(`mutation { revokeSession(id: "${sid}") }`, {}, doctor);
      const missing = await t.gql('mutation { revokeSession(id: "00000000-0000-4000-8000-000000000000") }', {}, doctor);
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message.replace(sid, 'X')).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', 'X'));
      expect((await t.gql(`{ sessions(personId: "${t.fixture.users.specialist.id}") { id } }`, {}, doctor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

      expect((await t.gql(`mutation { revokeSession(id: "${sid}") }`, {}, admin)).data).toEqual({ revokeSession: true });
      expect(await socket.closed).toEqual({ code: 4401, reason: expect.stringMatching(/administrator ended this session/) });
      expect((await t.gql(ME, {}, victim)).status).toBe(401);
    } finally {
      await child.stop();
    }
  }, 120_000);

  it('closes a socket when its session expires (4401), not only at the next reconnect', async () => {
    const token = await t.signIn('doctor.b');
    await t.database.db.query(`UPDATE auth_session SET expires_at = now() + interval '1.5 seconds' WHERE id = (SELECT id FROM auth_session ORDER BY created_at DESC LIMIT 1)`);
    const socket = await openRawSocket(t.hub.wsUrl, token);
    const started = Date.now();
    expect(await socket.closed).toEqual({ code: 4401, reason: expect.stringMatching(/expired/) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a token without a stored session, even when signed with the right key', async () => {
    const jwt = await import('jsonwebtoken');
    const unsessioned = jwt.default.sign({}, t.config.jwtSecret, { subject: String(t.fixture.users.admin.id), issuer: 'consortium-hub', expiresIn: 600 });
    const r = await t.gql(ME, {}, unsessioned);
    expect(r.status).toBe(401);
    const unknown = jwt.default.sign({ sid: '00000000-0000-4000-8000-000000000000' }, t.config.jwtSecret, { subject: String(t.fixture.users.admin.id), issuer: 'consortium-hub', expiresIn: 600 });
    expect((await t.gql(ME, {}, unknown)).errors?.[0].message).toMatch(/session does not exist/);
  });
});
