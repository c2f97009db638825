import { startChildHub } from '../support/child-hub';
import { PASSWORD } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';

const SIGN_IN = 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function attempt(url: string, username: string, password: string) {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SIGN_IN, variables: { u: username, p: password } }) });
  const body: any = await res.json();
  return { ms: performance.now() - started, status: res.status, ok: Boolean(body.data?.signIn), error: body.errors?.[0] };
}

describe('sign-in throttling per username', () => {
  let t: TestHub;
  beforeAll(async () => { t = await startTestHub({ SIGNIN_FREE_FAILURES_PER_USER: '3', SIGNIN_FREE_FAILURES_PER_ADDRESS: '1000' }); });
  afterAll(async () => { await t.stop(); });

  it('locks a username after the free failures, for a growing time, says when to try again, and refuses even the right password meanwhile', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(t.hub.url, 'doctor.a', 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
    const locked = await attempt(t.hub.url, 'doctor.a', 'wrong-password');
    expect(locked.error.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfter: 2 });
    expect(locked.error.message).toBe('Too many failed sign-ins for this username or from this address: try again in 2 seconds');
    const right = await attempt(t.hub.url, 'doctor.a', PASSWORD);
    expect(right.error.extensions.code).toBe('TOO_MANY_REQUESTS');
    await sleep(2100);
    // The next failure doubles the lock.
    expect((await attempt(t.hub.url, 'doctor.a', 'wrong-password')).error.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfter: 4 });
    await sleep(4100);
    expect((await attempt(t.hub.url, 'doctor.a', PASSWORD)).ok).toBe(true);
    // A success starts the count over.
    expect((await attempt(t.hub.url, 'doctor.a', 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown username exactly like a known one: same messages at the same attempts, and about the same time', async () => {
    const known: any[] = [];
    const unknown: any[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await attempt(t.hub.url, 'doctor.b', 'wrong-password'));
      unknown.push(await attempt(t.hub.url, 'nobody.here', 'wrong-password'));
    }
    // The same answers; a lock's seconds left may differ by one between two attempts made a
    // moment apart (CI, on a loaded machine: "1" and "2"), which tells nothing about the username.
    const said = (r: any) => [r.status, r.error.message.replace(/\d+/g, 'N'), r.error.extensions.code];
    expect(unknown.map(said)).toEqual(known.map(said));
    known.forEach((r, i) => expect(Math.abs((unknown[i].error.extensions.retryAfter ?? 0) - (r.error.extensions.retryAfter ?? 0))).toBeLessThanOrEqual(1));
    // Both check a password hash (scrypt): neither answers measurably faster.
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const k = median(known.slice(0, 3).map((r) => r.ms));
    const u = median(unknown.slice(0, 3).map((r) => r.ms));
    expect(Math.min(k, u)).toBeGreaterThan(10);
    expect(Math.max(k, u) / Math.min(k, u)).toBeLessThan(2.5);
  });

  it('counts failures across hub processes (PostgreSQL holds the counts)', async () => {
    process.env.SIGNIN_FREE_FAILURES_PER_USER = '3';
    const child = await startChildHub(t);
    delete process.env.SIGNIN_FREE_FAILURES_PER_USER;
    try {
      expect((await attempt(t.hub.url, 'specialist', 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt(child.url, 'specialist', 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt(t.hub.url, 'specialist', 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt(child.url, 'specialist', 'wrong-password')).error.extensions.code).toBe('TOO_MANY_REQUESTS');
      expect((await attempt(t.hub.url, 'specialist', PASSWORD)).error.extensions.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await child.stop();
    }
  }, 120_000);

  it('records sign-ins, failures and refusals in the audit trail with the client address', async () => {
    await attempt(t.hub.url, 'scheduler', PASSWORD);
    const rows = await t.database.db.query(`SELECT actor_id, action, subject_type, subject_id, client_address FROM audit_entry WHERE action LIKE 'signIn%' ORDER BY id`);
    const scheduler = String(t.fixture.users.scheduler.id);
    expect(rows).toContainEqual({ actor_id: t.fixture.users.scheduler.id, action: 'signIn', subject_type: 'person', subject_id: scheduler, client_address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(rows).toContainEqual({ actor_id: null, action: 'signIn.failed', subject_type: 'person', subject_id: String(t.fixture.users.doctorA.id), client_address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(rows).toContainEqual({ actor_id: null, action: 'signIn.failed', subject_type: 'username', subject_id: 'nobody.here', client_address: expect.any(String) });
    expect(rows).toContainEqual({ actor_id: null, action: 'signIn.throttled', subject_type: 'username', subject_id: 'doctor.a', client_address: expect.any(String) });
  });
});

describe('sign-in throttling per client address', () => {
  let t: TestHub;
  beforeAll(async () => { t = await startTestHub({ SIGNIN_FREE_FAILURES_PER_USER: '100', SIGNIN_FREE_FAILURES_PER_ADDRESS: '4' }); });
  afterAll(async () => { await t.stop(); });

  it('locks an address that tries many usernames, with the same answer', async () => {
    const names = ['a.1', 'a.2', 'doctor.a', 'a.4'];
    for (const name of names) expect((await attempt(t.hub.url, name, 'wrong-password')).error.extensions.code).toBe('UNAUTHENTICATED');
    const locked = await attempt(t.hub.url, 'a.5', 'wrong-password');
    expect(locked.error.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfter: 2 });
    expect((await attempt(t.hub.url, 'doctor.b', PASSWORD)).error.extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});
