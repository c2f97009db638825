import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/**
 * `npm test` on a fresh machine (issue 13, items 12 and 14): what the tests need from the
 * system is the project's own test step's business, not CI's; and CI's smoke test stops only
 * what it started. Checked by reading the scripts and running the check with nothing on PATH
 * (nothing is uninstalled here).
 */
describe('npm test on a fresh machine', () => {
  it("installs the tests' system packages in npm's pretest step", () => {
    const scripts = JSON.parse(read('package.json')).scripts;
    expect(scripts.pretest).toBe('node test/support/system-packages.mjs');
  });

  it('names the missing packages when it cannot install them', () => {
    // No apt-get, chromium or ffmpeg reachable: the script must say exactly what to install.
    const run = spawnSync(process.execPath, [join(root, 'test/support/system-packages.mjs')], {
      env: { PATH: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium' }, encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Debian package chromium');
    expect(run.stderr).toContain('Debian package ffmpeg');
    expect(run.stderr).toMatch(/apt-get update && apt-get install -y --no-install-recommends chromium ffmpeg/);
  });

  it('checks the same things the tests use', () => {
    const script = read('test/support/system-packages.mjs');
    const browser = read('test/support/browser.ts');
    const chromiumDefault = /CHROMIUM_PATH \?\? '([^']+)'/.exec(browser)![1];
    expect(script).toContain(`env.CHROMIUM_PATH ?? '${chromiumDefault}'`);
    expect(read('test/media/support/ffmpeg.ts')).toMatch(/spawn\('ffmpeg'/);
    expect(script).toContain("onPath('ffmpeg')");
    // Two apt-gets at once fail on dpkg's lock: both the worker build and this step wait for it.
    expect(script).toContain('DPkg::Lock::Timeout');
    expect(read('media/worker/install.mjs')).toContain('DPkg::Lock::Timeout');
  });

  it(".ci/run does nothing the README's commands don't", () => {
    const ci = read('.ci/run');
    expect(ci).not.toMatch(/apt-get|apt /);
    const commands = ci.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !/^(echo|set|cd|export|unset) /.test(l));
    expect(commands).toEqual(['npm install --no-audit --no-fund', 'npm test', 'bash .ci/start-smoke']);
  });

  it('.ci/start-smoke stops only the processes it started', () => {
    const smoke = read('.ci/start-smoke');
    expect(smoke).not.toMatch(/\b(pgrep|pkill|killall)\b/);
    // What it signals comes from its own child's process tree or its own data directory.
    expect(smoke).toMatch(/descendants "\$npm_pid"/);
    expect(smoke).toContain('"$data/postgres/postmaster.pid"');
  });
});
