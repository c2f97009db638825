import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { cachedWorkerBinaryPath, MediaError, resolveWorkerBinary } from '../../media';
import { requireWorkerBinary } from './support/sfu';

const INSTALL = resolve(__dirname, '../../media/worker/install.mjs');
const VERSION: string = require('mediasoup/package.json').version;
const TARBALL = `mediasoup-worker-${VERSION}-${process.platform}-${process.arch}.tgz`;

function runInstall(env: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [INSTALL, ...args], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }));
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('media/worker/install.mjs and worker-binary.ts', () => {
  let dir: string;
  let realBinary: string;
  let server: Server;
  let baseUrl: string;
  let requests = 0;

  beforeAll(async () => {
    requireWorkerBinary();
    realBinary = resolveWorkerBinary().path;
    dir = mkdtempSync(join(tmpdir(), 'media-install-'));
    // a release directory laid out like GitHub's: <base>/<version>/<tarball>
    const release = join(dir, 'www', VERSION);
    mkdirSync(release, { recursive: true });
    const staging = join(dir, 'staging');
    mkdirSync(staging);
    copyFileSync(realBinary, join(staging, 'mediasoup-worker'));
    expect(spawnSync('tar', ['-czf', join(release, TARBALL), '-C', staging, 'mediasoup-worker']).status).toBe(0);
    server = createServer((req, res) => {
      requests++;
      // slow enough that concurrent installs overlap
      setTimeout(() => {
        try {
          const body = readFileSync(join(dir, 'www', decodeURIComponent(req.url!)));
          res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
        } catch {
          res.writeHead(404).end();
        }
      }, 300);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('downloads the prebuilt worker into the cache once, even with concurrent installs', async () => {
    const cache = join(dir, 'cache-download');
    const env = { XDG_CACHE_HOME: cache, MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL: baseUrl };
    const runs = await Promise.all([runInstall(env), runInstall(env), runInstall(env)]);
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.out).toContain('ready:');
    }
    expect(requests).toBe(1);
    const bin = cachedWorkerBinaryPath(VERSION, { XDG_CACHE_HOME: cache });
    expect(sha(bin)).toBe(sha(realBinary));
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(JSON.parse(readFileSync(join(bin, '..', 'build-info.json'), 'utf8'))).toMatchObject({ source: 'prebuilt' });

    // the next install finds it without asking the network
    const again = await runInstall(env);
    expect(again.code).toBe(0);
    expect(requests).toBe(1);
    // and worker-binary.ts resolves to it
    expect(resolveWorkerBinary({ XDG_CACHE_HOME: cache })).toMatchObject({ path: bin, source: 'cache' });
  });

  test('a cached binary that does not run is replaced', async () => {
    const cache = join(dir, 'cache-broken');
    const bin = cachedWorkerBinaryPath(VERSION, { XDG_CACHE_HOME: cache });
    mkdirSync(join(bin, '..'), { recursive: true });
    writeFileSync(bin, '#!/bin/sh\nexit 1\n');
    chmodSync(bin, 0o755);
    const r = await runInstall({ XDG_CACHE_HOME: cache, MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL: baseUrl });
    expect(r.code).toBe(0);
    expect(r.out).toContain('does not run');
    expect(sha(bin)).toBe(sha(realBinary));
  });

  test('without a usable prebuilt and without build tools, the install fails naming what is missing', async () => {
    const noTools = { PATH: '/nonexistent' }; // no compiler, no meson, no apt-get
    const missing = await runInstall({
      XDG_CACHE_HOME: join(dir, 'cache-404'),
      MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL: `${baseUrl}/no-such-release`,
      ...noTools,
    });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/no prebuilt worker \(404/);
    expect(missing.out).toMatch(/meson >= 1\.0 +\(Debian package meson\)/);
    expect(missing.out).toMatch(/apt-get install -y --no-install-recommends .*meson/);

    // a download that is not a gzip'd tar is refused, never installed
    const garbage = join(dir, 'www', 'garbage', VERSION);
    mkdirSync(garbage, { recursive: true });
    writeFileSync(join(garbage, TARBALL), 'not a tarball');
    const cache = join(dir, 'cache-garbage');
    const refused = await runInstall({ XDG_CACHE_HOME: cache, MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL: `${baseUrl}/garbage`, ...noTools });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('not a valid .tgz');
    expect(() => statSync(cachedWorkerBinaryPath(VERSION, { XDG_CACHE_HOME: cache }))).toThrow();
  });

  test('MEDIASOUP_WORKER_BIN and CONSORTIUM_HUB_SKIP_MEDIA_WORKER short-circuit the install', async () => {
    const cache = join(dir, 'cache-unused');
    const viaEnv = await runInstall({ XDG_CACHE_HOME: cache, MEDIASOUP_WORKER_BIN: realBinary });
    expect(viaEnv).toMatchObject({ code: 0 });
    expect(viaEnv.out).toContain('using it');
    const skipped = await runInstall({ XDG_CACHE_HOME: cache, CONSORTIUM_HUB_SKIP_MEDIA_WORKER: '1' });
    expect(skipped).toMatchObject({ code: 0 });
    expect(skipped.out).toContain('skipping');

    expect(resolveWorkerBinary({ MEDIASOUP_WORKER_BIN: realBinary })).toMatchObject({ source: 'env', path: realBinary });
    expect(() => resolveWorkerBinary({ MEDIASOUP_WORKER_BIN: join(dir, 'missing') })).toThrow(MediaError);
    expect(() => resolveWorkerBinary({ XDG_CACHE_HOME: join(dir, 'empty-cache'), HOME: join(dir, 'nohome') })).toThrow(
      /install\.mjs/,
    );
  });
});
