import { Browser, Page } from 'playwright-core';
import { buildWebClient } from '../../src/web/build';
import { launchChromium } from '../support/browser';
import { startTestHub, TestHub } from '../support/hub';
import { PASSWORD } from '../support/fixture';
import { consultationInSession } from '../room/support';

/**
 * The consult-room page in real Chromium (fake camera and microphone): the specialist and the
 * township doctor each see the other's video, a third person is turned away, and when the
 * SFU worker dies the pages reconnect and video flows again.
 */
let t: TestHub;
let browser: Browser;
let consultationId: string;
beforeAll(async () => {
  await buildWebClient();
  t = await startTestHub({ MEDIA_WORKERS: '2', MEDIA_RTC_MIN_PORT: '42000', MEDIA_RTC_MAX_PORT: '42999' }, { media: true });
  browser = await launchChromium();
  consultationId = await consultationInSession(t, { doctorA: await t.signIn('doctor.a'), specialist: await t.signIn('specialist') });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function enterRoom(username: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`[${username}] page error`, e));
  page.on('console', (m) => { if (m.type() === 'error' || process.env.DEBUG_PAGES) console.error(`[${username}] ${m.text()}`); });
  await page.goto(t.hub.url.replace('/graphql', `/room?consultation=${consultationId}`));
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in-form button');
  return page;
}

const framesDecoded = (page: Page) => page.evaluate(() => (window as any).roomSession?.framesDecoded() ?? 0);

async function waitForFrames(page: Page, above: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = await framesDecoded(page);
    if (frames > above) return frames;
    if (Date.now() > deadline) throw new Error(`no decoded video frames beyond ${above} within ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

describe('consult-room page', () => {
  let specialist: Page;
  let doctor: Page;

  it('shows each participant the other one\'s video', async () => {
    specialist = await enterRoom('specialist');
    doctor = await enterRoom('doctor.a');
    await specialist.waitForSelector('#room:not([hidden])');
    await doctor.waitForSelector('#room:not([hidden])');
    expect(await waitForFrames(specialist, 10)).toBeGreaterThan(10);
    expect(await waitForFrames(doctor, 10)).toBeGreaterThan(10);
    await specialist.waitForFunction(() => document.querySelectorAll('#link li').length === 2, null, { timeout: 10_000 });
    expect(await specialist.textContent('#link')).toMatch(/kb\/s/);
  }, 90_000);

  it('speaks Chinese or English, switched by the language button', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(t.hub.url.replace('/graphql', '/room'));
    expect(await page.textContent('h1')).toBe('远程会诊视频');
    expect(await page.textContent('#sign-in-form button')).toBe('登录');
    await page.click('#lang');
    expect(await page.textContent('h1')).toBe('Consultation video');
    expect(await page.textContent('#sign-in-form button')).toBe('Sign in');
    await page.reload();
    expect(await page.textContent('h1')).toBe('Consultation video'); // the choice is remembered
    await page.close();
  });

  it('turns away someone who is not a participant, with the reason', async () => {
    const outsider = await enterRoom('doctor.b');
    await outsider.waitForSelector('#error:not([hidden])');
    expect(await outsider.textContent('#error')).toMatch(/participants/);
    expect(await outsider.isHidden('#room')).toBe(true);
    await outsider.close();
  }, 30_000);

  it('recovers video on both pages after the SFU worker process is killed', async () => {
    const room = t.media!.rooms()[0];
    const pid = room.workerPid;
    process.kill(pid, 'SIGKILL');
    for (const page of [specialist, doctor]) {
      await page.waitForFunction(() => (window as any).roomSession.reconnects >= 1, null, { timeout: 30_000, polling: 250 });
    }
    // After the reconnect the receive transport is new, so its decoded-frame count restarts from 0.
    await doctor.waitForFunction(async () => ((await (window as any).roomSession.framesDecoded()) as number) > 10, null, { timeout: 40_000, polling: 500 });
    await specialist.waitForFunction(async () => ((await (window as any).roomSession.framesDecoded()) as number) > 10, null, { timeout: 40_000, polling: 500 });
    expect(t.media!.rooms()[0].workerPid).not.toBe(pid);
    expect(await specialist.getAttribute('#status', 'data-state')).toBe('ok');
  }, 90_000);
});
