import { startTestHub, TestHub } from '../support/hub';

let t: TestHub;
let token: string;
beforeAll(async () => {
  t = await startTestHub({ BODY_LIMIT_BYTES: '50000' });
  token = await t.signIn('admin');
});
afterAll(async () => { await t.stop(); });

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(t.hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });

describe('GraphQL over HTTP', () => {
  it('answers GET for queries', async () => {
    const res = await fetch(`${t.hub.url}?query=${encodeURIComponent('{ departments { code } }')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.departments.length).toBeGreaterThan(5);
  });

  it('refuses a mutation over GET with 405 and an Allow header', async () => {
    const res = await fetch(`${t.hub.url}?query=${encodeURIComponent('mutation { signIn(username: "a", password: "b") { token } }')}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/POST/);
  });

  it('answers application/graphql-response+json with 400 for an invalid document when the client accepts it', async () => {
    const res = await post(JSON.stringify({ query: '{ nope }' }), { accept: 'application/graphql-response+json' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    expect((await res.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('says 400 for a body that is not JSON', async () => {
    const res = await post('{not json');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].message).toMatch(/Bad request/);
  });

  it('says 413 with the limit for a body over the limit', async () => {
    const res = await post(JSON.stringify({ query: `{ departments { code } } # ${'x'.repeat(60_000)}` }));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0]).toMatchObject({ message: expect.stringMatching(/50000 bytes/), extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('serves /healthz and /readyz', async () => {
    const base = t.hub.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('hostile queries', () => {
  it('rejects a query 50 levels deep quickly, naming the depth limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `consortia { hospitals { ${selection} } }`;
    const started = Date.now();
    const res = await post(JSON.stringify({ query: `{ hospitals { nodes { ${selection} } } }` }));
    const body = await res.json();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/depth/i);
    expect(body.errors[0].message).toMatch(/10/);
  });

  it('rejects 1,000 aliases quickly, naming the alias limit', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: departments { code }`).join(' ');
    const started = Date.now();
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    const body = await res.json();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/aliases/i);
  });

  it('rejects the same over WebSocket', async () => {
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `consortia { hospitals { ${selection} } }`;
    const client = t.ws(token);
    const error = await new Promise<any>((resolve) => {
      client.subscribe({ query: `{ hospitals { nodes { ${selection} } } }` }, { next: () => {}, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(error)).toMatch(/depth/i);
  });

  it('rejects an over-expensive query (cost limit) even when shallow and alias-free', async () => {
    const fields = Array.from({ length: 40 }, () => 'hospitals(first: 100) { nodes { staff { specialties { code nameZh nameEn } } } }');
    const res = await post(JSON.stringify({ query: `{ ${fields.map((f, i) => `${i < 25 ? `h${i}: ` : ''}${f}`).slice(0, 25).join(' ')} }` }));
    const body = await res.json();
    expect(body.errors?.[0]?.message ?? '').toMatch(/cost|aliases/i);
  });
});
