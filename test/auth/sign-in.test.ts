import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { startTestHub, TestHub } from '../support/hub';

let t: TestHub;
beforeAll(async () => { t = await startTestHub(); });
afterAll(async () => { await t.stop(); });

const ME = '{ me { username roles hospital { name } } }';

/** Opens a raw graphql-ws socket and reports how the server closed it. */
function wsClose(url: string, payload: Record<string, unknown>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (m) => {
      if (JSON.parse(String(m)).type === 'connection_ack') reject(new Error('connection was accepted'));
    });
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    socket.on('error', reject);
  });
}

describe('sign-in', () => {
  it('gives a token that identifies the person on HTTP', async () => {
    const token = await t.signIn('doctor.a');
    const r = await t.gql(ME, {}, token);
    expect(r.data.me).toEqual({ username: 'doctor.a', roles: ['TOWNSHIP_DOCTOR'], hospital: { name: '甲镇卫生院' } });
  });

  it('rejects a wrong password and an unknown user with the same message', async () => {
    const wrong = await t.gql('mutation { signIn(username: "doctor.a", password: "nope-nope-nope") { token } }');
    const unknown = await t.gql('mutation { signIn(username: "nobody", password: "nope-nope-nope") { token } }');
    for (const r of [wrong, unknown]) {
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0].message).toBe('Wrong username or password');
    }
  });

  it('refuses queries without a token', async () => {
    const r = await t.gql(ME);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/Sign in first/);
  });

  it('rejects an expired token on HTTP with 401 and says to sign in again', async () => {
    const expired = jwt.sign({ exp: Math.floor(Date.now() / 1000) - 60 }, t.config.jwtSecret, { subject: String(t.fixture.users.doctorA.id), issuer: 'consortium-hub' });
    const r = await t.gql(ME, {}, expired);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/expired.*sign in again/);
  });

  it('rejects a forged token (other secret) and a tampered one on HTTP', async () => {
    const forged = jwt.sign({}, 'some-other-secret-of-an-attacker-xxxxxxxx', { subject: String(t.fixture.users.admin.id), issuer: 'consortium-hub', expiresIn: 600 });
    const real = await t.signIn('doctor.a');
    const [h, , s] = real.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: String(t.fixture.users.admin.id), iss: 'consortium-hub', exp: 4e9 })).toString('base64url')}.${s}`;
    for (const token of [forged, tampered]) {
      const r = await t.gql(ME, {}, token);
      expect(r.status).toBe(401);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0].message).toMatch(/invalid/);
    }
  });

  it('closes a WebSocket with 4401 and a reason for a missing, expired or forged token', async () => {
    const expired = jwt.sign({ exp: Math.floor(Date.now() / 1000) - 60 }, t.config.jwtSecret, { subject: String(t.fixture.users.doctorA.id), issuer: 'consortium-hub' });
    const forged = jwt.sign({}, 'some-other-secret-of-an-attacker-xxxxxxxx', { subject: '1', issuer: 'consortium-hub', expiresIn: 600 });
    expect(await wsClose(t.hub.wsUrl, {})).toEqual({ code: 4401, reason: expect.stringMatching(/authorization/) });
    expect(await wsClose(t.hub.wsUrl, { authorization: `Bearer ${expired}` })).toEqual({ code: 4401, reason: expect.stringMatching(/expired/) });
    expect(await wsClose(t.hub.wsUrl, { authorization: `Bearer ${forged}` })).toEqual({ code: 4401, reason: expect.stringMatching(/invalid/) });
  });

  it('accepts a valid token in connection_init', async () => {
    const token = await t.signIn('doctor.a');
    const result = await new Promise<any>((resolve, reject) => {
      const client = t.ws(token);
      let value: any;
      client.subscribe({ query: ME }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
    });
    expect(result.data.me.username).toBe('doctor.a');
  });

  it('refuses a deactivated account even with a token issued before', async () => {
    const token = await t.signIn('doctor.b');
    await t.database.db.query('UPDATE person SET active = false WHERE id = $1', [t.fixture.users.doctorB.id]);
    try {
      const r = await t.gql(ME, {}, token);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0].message).toMatch(/deactivated/);
    } finally {
      await t.database.db.query('UPDATE person SET active = true WHERE id = $1', [t.fixture.users.doctorB.id]);
    }
  });
});
