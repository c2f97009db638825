import { startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13, item 10: with NODE_ENV=production introspection is off unless configured on; every
 * page and answer carries the security headers (X-Frame-Options, nosniff, Referrer-Policy, a
 * CSP); CORS answers only the configured origins; error answers carry no stack traces.
 */
let prod: TestHub;
beforeAll(async () => {
  prod = await startTestHub({ NODE_ENV: 'production', CORS_ORIGINS: 'https://portal.example.cn' });
});
afterAll(async () => { await prod.stop(); });

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production defaults', () => {
  it('refuses introspection, also anonymously', async () => {
    const anonymous = await prod.gql(INTROSPECTION);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors![0].message).toMatch(/introspection/i);
    const admin = await prod.gql(INTROSPECTION, undefined, await prod.signIn('admin'));
    expect(admin.data).toBeUndefined();
  });

  it('allows introspection when configured on', async () => {
    const on = await startTestHub({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      expect((await on.gql(INTROSPECTION)).data.__schema.queryType.name).toBe('Query');
    } finally {
      await on.stop();
    }
  });

  it.each(['/', '/room', '/graphql?query=%7B__typename%7D', '/healthz'])('%s carries the security headers', async (path) => {
    const res = await fetch(new URL(path, prod.hub.url));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) => fetch(prod.hub.url, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    const allowed = await preflight('https://portal.example.cn');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${prod.hub.url}?query=%7B__typename%7D`, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts no stack trace in error answers', async () => {
    const r = await prod.gql('{ nope }');
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
    const inline = await prod.gql('mutation { joinConsultationRoom(consultationId: "1", rtpCapabilities: {}) { __typename } }', undefined, await prod.signIn('doctor.a'));
    expect(JSON.stringify(inline)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });

  it('refuses a CORS_ORIGINS entry that is not an origin', () => {
    const { loadConfig } = require('../../src/config');
    expect(() => loadConfig({ CORS_ORIGINS: 'portal.example.cn/path' })).toThrow(/CORS_ORIGINS/);
  });
});
