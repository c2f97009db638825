import { connect, Socket } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { collect, connected, startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13, item 5: bounded sockets. Subscriptions per socket and sockets per user are limited
 * with clear errors; idle and silent sockets are closed; half-sent HTTP requests are closed.
 */
let t: TestHub;
let token: string;
beforeAll(async () => {
  t = await startTestHub({
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_MAX_SOCKETS_PER_USER: '2', WS_IDLE_TIMEOUT_MS: '600', WS_PING_INTERVAL_MS: '300',
    HTTP_HEADERS_TIMEOUT_MS: '1500', HTTP_REQUEST_TIMEOUT_MS: '3000',
  });
  token = await t.signIn('admin');
});
afterAll(async () => { await t.stop(); });

/** A client that reads the hub in `language` (connectionParams.language, as the web app sends it). */
const wsIn = (user: string, language: 'zh-CN' | 'en') => createClient({
  url: t.hub.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${user}`, language }, retryAttempts: 0, lazy: false, onNonLazyError: () => {},
});

const closedWith = (client: ReturnType<typeof createClient>) => new Promise<{ code: number; reason: string }>((resolve) => {
  client.on('closed', (e: any) => resolve({ code: e.code, reason: e.reason }));
});

describe('WebSocket bounds', () => {
  it('refuses a subscription beyond the per-socket limit with a clear error, and keeps the others', async () => {
    const client = t.ws(token);
    await connected(client);
    const subs = Array.from({ length: 3 }, () => collect(client, 'subscription { hospitalChanged { cursor } }'));
    await new Promise((r) => setTimeout(r, 200));
    const fourth = collect(client, 'subscription { hospitalChanged { cursor } }');
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(fourth.errors)).toMatch(/LIMIT_EXCEEDED/);
    expect(JSON.stringify(fourth.errors)).toMatch(/already runs 3 subscriptions, the limit/);
    expect(subs.map((s) => s.errors)).toEqual([[], [], []]);
    // The first three still deliver.
    await t.gql(`mutation { updateHospital(input: { id: "${t.fixture.townshipA.id}", county: "新县" }) { id } }`, undefined, token);
    await Promise.all(subs.map((s) => s.waitFor(1)));
    // Completing one frees a place.
    subs[0].dispose();
    await new Promise((r) => setTimeout(r, 200));
    const again = collect(client, 'subscription { hospitalChanged { cursor } }');
    await new Promise((r) => setTimeout(r, 300));
    expect(again.errors).toEqual([]);
    await client.dispose();
  });

  it('closes a socket beyond the per-user limit with 4429 and a reason', async () => {
    const user = await t.signIn('scheduler');
    const first = t.ws(user);
    const second = t.ws(user);
    await Promise.all([connected(first), connected(second)]);
    // Subscriptions keep them from being idle meanwhile.
    collect(first, 'subscription { hospitalChanged { cursor } }');
    collect(second, 'subscription { hospitalChanged { cursor } }');
    const third = createClient({ url: t.hub.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${user}` }, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
    const closed = await closedWith(third);
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/Too many open connections for this user \(limit 2\)/);
    // The same refusal to a client that reads Chinese, within the 123 bytes of a close frame.
    const fourth = wsIn(user, 'zh-CN');
    const closedZh = await closedWith(fourth);
    expect(closedZh).toEqual({ code: 4429, reason: '该用户打开的连接过多（上限 2），请关闭其他标签页或设备' });
    expect(Buffer.byteLength(closedZh.reason)).toBeLessThanOrEqual(123);
    await Promise.all([first.dispose(), second.dispose(), third.dispose(), fourth.dispose()]);
  });

  it('closes a signed-in socket that holds no subscription after the idle timeout, not one that does', async () => {
    const user = await t.signIn('doctor.a');
    const idle = t.ws(user);
    const busy = t.ws(user);
    await Promise.all([connected(idle), connected(busy)]);
    const sub = collect(busy, 'subscription { hospitalChanged { cursor } }');
    const idleZh = wsIn(token, 'zh-CN');
    const [closed, closedZh] = await Promise.all([closedWith(idle), closedWith(idleZh)]);
    expect(closed.code).toBe(1000);
    expect(closed.reason).toBe('Closed after 1 s without a subscription: reconnect when needed');
    expect(closedZh).toEqual({ code: 1000, reason: '连接 1 秒内没有订阅，已关闭；需要时请重新连接' });
    await new Promise((r) => setTimeout(r, 700));
    expect(sub.errors).toEqual([]);
    await t.gql(`mutation { updateHospital(input: { id: "${t.fixture.townshipA.id}", county: "又一县" }) { id } }`, undefined, token);
    await sub.waitFor(1);
    await busy.dispose();
  });

  it('drops a socket that does not answer pings', async () => {
    const raw = new WebSocket(t.hub.wsUrl, 'graphql-transport-ws', { autoPong: false } as any);
    await new Promise((r) => raw.once('open', r));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    // Keep it "busy" with a subscription so only the missing pongs can close it.
    raw.once('message', () => raw.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { hospitalChanged { cursor } }' } })));
    const started = Date.now();
    const code = await new Promise<number>((r) => raw.once('close', (c) => r(c)));
    expect(code).toBe(1006); // terminated: no close frame for a peer that stopped answering
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('HTTP timeouts', () => {
  const rawHttp = (text: string) => new Promise<{ socket: Socket; received: string; closedAfterMs: number }>((resolve) => {
    const u = new URL(t.hub.url);
    const socket = connect(Number(u.port), u.hostname);
    let received = '';
    const started = Date.now();
    socket.on('data', (d) => { received += d.toString(); });
    socket.on('close', () => resolve({ socket, received, closedAfterMs: Date.now() - started }));
    socket.on('error', () => {});
    socket.write(text);
  });

  it('closes a connection whose request headers never finish', async () => {
    const r = await rawHttp('POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n');
    expect(r.closedAfterMs).toBeLessThan(8000);
    expect(r.received).toMatch(/^HTTP\/1.1 408/);
  });

  it('closes a request whose body stalls', async () => {
    const r = await rawHttp('POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":');
    expect(r.closedAfterMs).toBeLessThan(10000);
  });
});
