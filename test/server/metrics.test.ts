import { requestConsultation } from '../consult/support';
import { connected, startTestHub, TestHub } from '../support/hub';

/** Issue 13, metrics: /metrics in Prometheus' text format shows what just happened. */
let t: TestHub;
const METRICS_TOKEN = 'scraper-secret-0123456789';
beforeAll(async () => { t = await startTestHub({ METRICS_TOKEN }, { media: true }); });
afterAll(async () => { await t.stop(); });

const get = (headers: Record<string, string> = {}) => fetch(new URL('/metrics', t.hub.url), { headers });
const scrape = async () => {
  const res = await get({ authorization: `Bearer ${METRICS_TOKEN}` });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
};
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics access', () => {
  it('refuses anyone without the METRICS_TOKEN or an administrator\'s token, in their language', async () => {
    const none = await get();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toEqual({ errors: [{ message: expect.stringContaining('METRICS_TOKEN'), extensions: { code: 'UNAUTHENTICATED' } }] });
    const wrong = await get({ authorization: 'Bearer scraper-secret-0123456780', 'accept-language': 'zh-CN' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).errors[0].message).toBe('读取 /metrics 需要在 Authorization: Bearer 中提供 METRICS_TOKEN 或管理员的访问令牌');
    const doctor = await get({ authorization: `Bearer ${await t.signIn('doctor.a')}` });
    expect(doctor.status).toBe(403);
    expect(await doctor.json()).toEqual({ errors: [{ message: 'Only administrators (or a scraper with the METRICS_TOKEN) may read /metrics', extensions: { code: 'FORBIDDEN' } }] });
  });

  it('answers the scraper with the token and an administrator', async () => {
    expect((await get({ authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
    const admin = await get({ authorization: `Bearer ${await t.signIn('admin')}` });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toMatch(/^# HELP hub_/m);
  });
});

describe('/metrics', () => {
  it('shows a GraphQL request just made, by operation name, and its HTTP route', async () => {
    const token = await t.signIn('admin');
    const before = value(await scrape(), 'hub_graphql_operation_duration_seconds_count{operation="MetricsProbe",type="query"}') ?? 0;
    const r = await t.gql('query MetricsProbe { hospitals { totalCount } }', undefined, token);
    expect(r.data).toBeDefined();
    const text = await scrape();
    expect(value(text, 'hub_graphql_operation_duration_seconds_count{operation="MetricsProbe",type="query"}')).toBe(before + 1);
    expect(value(text, 'hub_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(2);
  });

  it('counts errors by code', async () => {
    await t.gql('query Refused { patients { totalCount } }');
    expect(value(await scrape(), 'hub_graphql_errors_total{code="UNAUTHENTICATED",operation="Refused"}')).toBe(1);
  });

  it('shows queue depth per specialty, event delivery lag, open sockets and subscriptions', async () => {
    const doctor = await t.signIn('doctor.a');
    const client = t.ws(doctor);
    await connected(client);
    const dispose = client.subscribe({ query: 'subscription { consultationChanged { cursor } }' }, { next() {}, error() {}, complete() {} });
    await new Promise((r) => setTimeout(r, 200));
    await requestConsultation(t, doctor);
    await new Promise((r) => setTimeout(r, 300));
    const text = await scrape();
    expect(value(text, `hub_consultation_queue_depth{consortium="${t.fixture.consortium.id}",specialty="CARDIOLOGY"}`)).toBe(1);
    expect(value(text, 'hub_websockets_open')).toBe(1);
    expect(value(text, 'hub_subscriptions_active')).toBe(1);
    expect(value(text, 'hub_event_delivery_lag_seconds_count{topic="consultation"}')).toBeGreaterThanOrEqual(1);
    dispose();
  });

  it('shows the SFU: workers, rooms and per-worker load', async () => {
    const text = await scrape();
    expect(value(text, 'hub_sfu_workers')).toBe(t.config.media.workers);
    expect(value(text, 'hub_sfu_rooms')).toBe(0);
    expect(text).toMatch(/^hub_sfu_worker_consumers\{worker="\d+"\} 0$/m);
    expect(text).toMatch(/^hub_sfu_worker_cpu_seconds_total\{worker="\d+"\} [\d.e-]+$/m);
    expect(text).toMatch(/^hub_optimizer_jobs|# TYPE hub_optimizer_jobs gauge/m);
  });
});

describe('the Grafana dashboard', () => {
  it('queries only metrics the hub exports', async () => {
    const { readFileSync } = await import('node:fs');
    const dashboard = JSON.parse(readFileSync(`${__dirname}/../../.docker/grafana/hub.json`, 'utf8'));
    const exported = new Set((await scrape()).split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]));
    const used = dashboard.panels.flatMap((p: any) => p.targets.map((x: any) => x.expr)).join(' ').match(/hub_[a-z_]+/g) as string[];
    const base = (name: string) => name.replace(/_(bucket|count|sum)$/, '');
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !exported.has(name) && !exported.has(base(name)))).toEqual([]);
  });
});
