import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DeadlineSweep } from '../../src/consult/deadline-sweep';
import { createHub, Hub } from '../../src/server/app';
import { createLogger } from '../../src/graphql/logger';
import { startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation, setWaiting, sleep } from '../consult/support';

/**
 * The webhook channel against a real HTTP receiver on 127.0.0.1: signed, retried with growing
 * delays after failures, and delivered after the hub stopped and another one started, including
 * for a change committed while no hub was running at all (the outbox and the event log keep it).
 */
const SECRET = 'webhook-secret-for-the-test-0123456789abcdef';

interface Received { at: number; headers: IncomingMessage['headers']; body: string; status: number }

class Receiver {
  readonly received: Received[] = [];
  /** Status codes to answer next, in order; then `otherwise`. */
  plan: number[] = [];
  otherwise = 200;
  #server: Server;

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const status = this.plan.shift() ?? this.otherwise;
        this.received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status).end();
      });
    });
  }

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    await new Promise<void>((resolve) => r.#server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const validSignature = (r: Received) =>
  r.headers['x-hub-signature-256'] === `sha256=${createHmac('sha256', SECRET).update(`${r.headers['x-hub-timestamp']}.${r.body}`).digest('hex')}`;

async function until<T>(probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

let receiver: Receiver;
let t: TestHub;
let second: Hub | null = null;
let doctorA: string;
let specialist: string;

beforeAll(async () => {
  receiver = await Receiver.start();
  t = await startTestHub({ NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_SECRET: SECRET, NOTIFY_RETRY_BASE_MS: '300', NOTIFY_POLL_MS: '50' });
  [doctorA, specialist] = await Promise.all([t.signIn('doctor.a'), t.signIn('specialist')]);
}, 60_000);
afterAll(async () => {
  await second?.close();
  await t?.stop();
  await receiver?.close();
});

const outbox = (kind: string) => t.database.db.query(
  `SELECT o.id::text, o.channel, o.attempts, o.delivered_at, o.failed_at, o.last_error FROM notification_outbox o JOIN notification n ON n.id = o.notification_id
    WHERE n.kind = $1 ORDER BY o.id`, [kind]);

describe('the webhook channel', () => {
  it('signs each delivery and retries it with growing delays until the receiver takes it', async () => {
    receiver.plan = [500, 503, 200];
    const id = await requestConsultation(t, doctorA);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id }, specialist));
    const attempts = await until(() => (receiver.received.length >= 3 ? receiver.received.slice(0, 3) : null));
    expect(attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(attempts.every(validSignature)).toBe(true);
    expect(new Set(attempts.map((a) => a.headers['x-hub-delivery'])).size).toBe(1); // one delivery, tried three times
    const body = JSON.parse(attempts[2].body);
    expect(body).toMatchObject({ kind: 'CONSULTATION_CLAIMED', consultationId: id, recipient: { username: 'doctor.a' }, language: 'en', title: 'Consultation claimed' });
    // Backoff: about 300 ms, then about 600 ms (±10% jitter, plus polling).
    const [gap1, gap2] = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    expect(gap1).toBeGreaterThanOrEqual(250);
    expect(gap2).toBeGreaterThanOrEqual(520);
    expect(gap2).toBeGreaterThan(gap1);
    // A signature made with another secret is not what the receiver got.
    expect(attempts[2].headers['x-hub-signature-256']).not.toBe(`sha256=${createHmac('sha256', 'other').update(`${attempts[2].headers['x-hub-timestamp']}.${attempts[2].body}`).digest('hex')}`);
    const rows = await until(async () => {
      const r = await outbox('CONSULTATION_CLAIMED');
      return r.every((x: any) => x.delivered_at) ? r : null;
    });
    expect(rows.map((r: any) => [r.channel, r.attempts])).toEqual([['log', 1], ['webhook', 3]]);
    await sleep(800);
    expect(receiver.received).toHaveLength(3); // delivered: never again
  }, 60_000);

  it('delivers after the hub stopped and another started, also what happened while no hub ran', async () => {
    receiver.received.length = 0;
    receiver.otherwise = 503; // the receiver is down for now
    const id = await requestConsultation(t, doctorA);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id }, specialist));
    await until(() => receiver.received.length >= 1);
    const overdue = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });

    // The hub goes away with a delivery owed.
    await t.hub.close();
    const pending = (await outbox('CONSULTATION_CLAIMED')).filter((r: any) => r.channel === 'webhook' && !r.delivered_at);
    expect(pending).toHaveLength(1);
    expect(pending[0].last_error).toContain('503');

    // While no hub runs, a change commits (a deadline sweep of another process escalates a request).
    await setWaiting(t, overdue, 3600);
    const sweep = DeadlineSweep.start(t.database.db, t.config.consult, createLogger('silent'));
    expect(await sweep.runOnce()).toBe(1);
    await sweep.close();

    // The receiver comes back; a new hub process starts on the same database.
    receiver.otherwise = 200;
    second = await createHub({ config: t.config, db: t.database.db, databaseUrl: t.database.url, log: createLogger('silent') });
    const delivered = await until(() => {
      const ok200 = receiver.received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body));
      return ok200.some((b) => b.kind === 'CONSULTATION_CLAIMED' && b.consultationId === id) && ok200.some((b) => b.kind === 'CONSULTATION_ESCALATED' && b.consultationId === overdue) ? ok200 : null;
    }, 15_000);
    expect(receiver.received.every(validSignature)).toBe(true);
    const escalation = delivered.find((b) => b.kind === 'CONSULTATION_ESCALATED');
    expect(escalation).toMatchObject({ recipient: { username: 'scheduler' }, title: 'Consultation request overdue' });
    // Exactly one escalation notification, one webhook delivery each, all settled.
    // NOTE: the receiver answers before the dispatcher records the delivery: wait for that commit.
    const settled = () => t.database.db.query(
      `SELECT n.kind, count(*)::int AS n, bool_and(o.delivered_at IS NOT NULL) AS done FROM notification n JOIN notification_outbox o ON o.notification_id = n.id AND o.channel = 'webhook'
        WHERE n.consultation_id = ANY($1) GROUP BY n.kind ORDER BY n.kind`, [[Number(id), Number(overdue)]]);
    const rows = await until(async () => {
      const r = await settled();
      return r.every((row: { done: boolean }) => row.done) ? r : null;
    }, 5_000).catch(settled);
    expect(rows).toEqual([{ kind: 'CONSULTATION_CLAIMED', n: 1, done: true }, { kind: 'CONSULTATION_ESCALATED', n: 1, done: true }]);
  }, 60_000);
});
