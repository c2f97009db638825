/**
 * First-screen load time of the web app on this machine, in Debian's Chromium against a test
 * hub on loopback: navigation → sign-in form visible, and sign-in click → home visible; cold
 * (new browser context, empty cache) and warm (same context, cached assets). Also prints the
 * gzipped size of what the sign-in screen loads and of every chunk.
 * Run: DATABASE_URL=postgres://… node -r @swc-node/register bench/web/first-load.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { webOutDir } from '../../src/web/build';
import { PASSWORD } from '../../test/support/fixture';
import { appUrl, launchAppBrowser, startAppHub } from '../../test/web/support/app';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const t = await startAppHub();
  const browser = await launchAppBrowser();
  const cold = { signIn: [] as number[], home: [] as number[] };
  const warm = { signIn: [] as number[], home: [] as number[] };
  const warmContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, context] of [['cold', await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })], ['warm', warmContext]] as const) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(appUrl(t, '/'), { waitUntil: 'commit' });
      await page.waitForSelector('#sign-in-form', { state: 'visible' });
      const signIn = Date.now() - started;
      await page.fill('#username', 'doctor.a');
      await page.fill('#password', PASSWORD);
      const clicked = Date.now();
      await page.click('[data-testid="sign-in-submit"]');
      await page.waitForSelector('[data-testid="home-doctor"]', { state: 'visible' });
      const home = Date.now() - clicked;
      (kind === 'cold' ? cold : warm).signIn.push(signIn);
      (kind === 'cold' ? cold : warm).home.push(home);
      await page.evaluate(() => sessionStorage.clear());
      await page.close();
      if (kind === 'cold') await context.close();
    }
  }
  console.log(`first screen (median of ${RUNS}, ms): cold navigation→sign-in ${median(cold.signIn)}, sign-in→home ${median(cold.home)}; warm navigation→sign-in ${median(warm.signIn)}, sign-in→home ${median(warm.home)}`);
  console.log(`all runs: ${JSON.stringify({ cold, warm })}`);

  const html = readFileSync(join(webOutDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(join(webOutDir, 'assets', file)), { level: 9 }).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`sign-in screen loads ${initial.length} files, ${kb(initial.reduce((s, f) => s + gz(f), 0))} gzipped`);
  for (const file of readdirSync(join(webOutDir, 'assets')).filter((f) => /\.(js|css|mjs)$/.test(f)).sort((a, b) => gz(b) - gz(a))) {
    console.log(`  ${file.padEnd(48)} ${kb(gz(file)).padStart(10)}${initial.includes(file) ? '  (initial)' : ''}`);
  }
  await warmContext.close();
  await browser.close();
  await t.stop();
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
