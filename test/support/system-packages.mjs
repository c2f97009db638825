#!/usr/bin/env node
// What the test suite needs from the operating system, installed when missing, so that
// `npm test` (the README's second command) is true on a fresh Debian machine without CI's help.
// Runs as `pretest`. As root with apt-get: `apt-get update`, then install what is missing.
// Otherwise: a message naming the packages, and the tests that need them fail with it.
//
//   chromium            browser tests (test/support/browser.ts; CHROMIUM_PATH overrides)
//   ffmpeg              media tests send real RTP from it (test/media/support/ffmpeg.ts)
//   fonts-wqy-microhei  a CJK font, so screenshots of the zh-CN web app show text, not boxes
//
// NOTE: the mediasoup worker's offline build (media/worker/install.mjs, at `npm install`) also
// runs apt-get. Two apt-gets at once fail on dpkg's lock, so both wait for it
// (DPkg::Lock::Timeout) instead of failing; npm runs postinstall and pretest one after the other.
// Set CONSORTIUM_HUB_SKIP_SYSTEM_PACKAGES=1 to skip this step.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const LOCK_WAIT_SECONDS = 600;

const onPath = (command) => spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** [what the tests use, Debian package, present?] */
export function requirements(env = process.env) {
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return [
    [`Chromium at ${chromium}`, 'chromium', existsSync(chromium)],
    ['ffmpeg', 'ffmpeg', onPath('ffmpeg')],
    ['a CJK font (WenQuanYi Micro Hei)', 'fonts-wqy-microhei', existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')],
  ];
}

export function missingPackages(env = process.env) {
  return requirements(env).filter(([, , ok]) => !ok);
}

function main() {
  if (process.env.CONSORTIUM_HUB_SKIP_SYSTEM_PACKAGES === '1') return 0;
  let missing = missingPackages();
  if (missing.length === 0) return 0;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
  if (canApt) {
    console.log(`[system-packages] installing what the tests need: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', `DPkg::Lock::Timeout=${LOCK_WAIT_SECONDS}`];
    for (const args of [[...lock, 'update', '-qq'], [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
      const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (run.status !== 0) {
        console.error(`[system-packages] \`apt-get ${args.join(' ')}\` failed (${run.error?.message ?? `exit ${run.status}`})`);
        break;
      }
    }
    missing = missingPackages();
    if (missing.length === 0) return 0;
  }
  console.error([
    '[system-packages] the browser and media tests need packages this machine lacks:',
    ...missing.map(([what, pkg]) => `  - ${what}  (Debian package ${pkg})`),
    `On Debian/Ubuntu, as root: apt-get update && apt-get install -y --no-install-recommends ${[...new Set(missing.map(([, p]) => p))].join(' ')}`,
  ].join('\n'));
  // NOTE: not a hard stop: the other tests still run and say what they prove; the ones that need
  // these packages fail with the same message.
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
