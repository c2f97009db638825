import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../../src/config';
import { startTestHub, TestHub } from '../support/hub';
import { openRawSocket } from '../support/raw-socket';

const root = join(__dirname, '../..');
// What src/config.ts signed tokens with before: anyone who read the source could forge these.
const FORMER_DEFAULT = 'development-only-jwt_secret-do-not-use-in-production';

describe('no forgeable default secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
  let t: TestHub;
  beforeAll(async () => { t = await startTestHub({ JWT_SECRET: '', NATIONAL_ID_KEY: '', EMBEDDED_PG_DIR: join(dir, 'postgres') }); });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates random secrets on first start, keeps them beside the embedded data with mode 0600, and reuses them', () => {
    for (const name of ['jwt_secret', 'national_id_key']) {
      const file = join(dir, 'secrets', name);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
    }
    expect(statSync(join(dir, 'secrets')).mode & 0o077).toBe(0);
    expect(t.config.jwtSecret).toBe(readFileSync(join(dir, 'secrets', 'jwt_secret'), 'utf8'));
    expect(t.config.nationalIdKey).not.toBe(t.config.jwtSecret);
    const again = loadConfig({ EMBEDDED_PG_DIR: join(dir, 'postgres') });
    expect([again.jwtSecret, again.nationalIdKey]).toEqual([t.config.jwtSecret, t.config.nationalIdKey]);
    const elsewhere = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
    try {
      expect(loadConfig({ EMBEDDED_PG_DIR: join(elsewhere, 'postgres') }).jwtSecret).not.toBe(t.config.jwtSecret);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("refuses an admin token forged with the source's former default, over HTTP and WebSocket", async () => {
    const forged = jwt.sign({}, FORMER_DEFAULT, { subject: String(t.fixture.users.admin.id), issuer: 'consortium-hub', expiresIn: 600 });
    const r = await t.gql('{ me { username } }', {}, forged);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expect(openRawSocket(t.hub.wsUrl, forged)).rejects.toThrow(/4401.*invalid/);
  });

  it('holds no secret constant in src/', () => {
    const files = (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    // A message key (consult.alreadyClaimed, doctor:notifications.x.${state}) is named `key` too but is no secret,
    // and neither is a template that interpolates (a list item's key such as `escalated-${id}`).
    const messageKey = /^[a-z][\w-]*(:[\w-]+)?(\.[\w${}-]+)+$/i;
    const constants = (text: string) => [...text.matchAll(/(?:secret|key)\s*[:=]\s*['"`]([^'"`]{16,})/gi)].filter((m) => !messageKey.test(m[1]) && !m[1].includes('${'));
    const hits = files.filter((f) => {
      const text = readFileSync(join(root, 'src', f), 'utf8');
      return /do-not-use-in-production|development-only-/i.test(text) || constants(text).length > 0;
    });
    expect(hits).toEqual([]);
  });

  it('still insists on secrets from the environment in production with an external database (several processes must share them)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(/JWT_SECRET is required/);
  });
});
