import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config';

const root = join(__dirname, '../..');

/** No Docker engine runs here; this keeps docker-compose.yml consistent with the code it runs. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
  const hub = compose.services.hub;

  it('builds the hub from a Dockerfile that exists and starts the built entry point', () => {
    const dockerfile = join(root, hub.build.context, hub.build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const text = readFileSync(dockerfile, 'utf8');
    expect(text).toMatch(/CMD \["node", "dist\/src\/main.js"\]/);
    expect(existsSync(join(root, 'src/main.ts'))).toBe(true);
  });

  it("gives the hub a configuration its config loader accepts, pointing at the compose PostgreSQL", () => {
    // Compose's ${VAR:-default} gives the default; ${VAR:?message} stands for a real secret.
    const env = Object.fromEntries(Object.entries(hub.environment as Record<string, string>).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/, '$1').replace(/\$\{[^}]+\}/, 'x'.repeat(40))]));
    const config = loadConfig({ ...env, NODE_ENV: 'production' });
    const db = new URL(config.databaseUrl!);
    expect(db.hostname).toBe('postgres');
    const pg = compose.services.postgres.environment;
    expect([db.username, db.password, db.pathname.slice(1)]).toEqual([pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, pg.POSTGRES_DB]);
    expect(hub.ports).toContain(`${config.port}:${config.port}`);
    expect(hub.depends_on.postgres.condition).toBe('service_healthy');
    const media = config.media;
    expect(hub.ports).toContain(`${media.rtcMinPort}-${media.rtcMaxPort}:${media.rtcMinPort}-${media.rtcMaxPort}/udp`);
    expect(media.announcedIp).toBeDefined();
    // Docker's SIGKILL must not come before the drain deadline and the hub's own shutdown.
    const grace = Number(/^(\d+)s$/.exec(hub.stop_grace_period)![1]) * 1000;
    expect(grace).toBeGreaterThan(config.http.drainTimeoutMs);
    expect(config.http.introspection).toBe(false);
  });

  it('refuses to start in production without real secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });
});
