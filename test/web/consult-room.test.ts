import { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWebClient, repoRoot } from '../../src/web/build';
import { addSpecialists, ok } from '../consult/support';
import { Colour, launchWithCamera, nameColour, videoColour, waitForColour } from '../support/fake-camera';
import { PASSWORD } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';
import { consultationInSession } from '../room/support';

/**
 * The consult-room page in real Chromium, one browser per participant, each with a fake
 * camera of its own solid colour: every remote tile must show the OTHER person's colour
 * (never one's own), people who close the tab or lose the network disappear, a reload and a
 * lost network come back by themselves, a missing camera still lets one in with audio, and
 * when the SFU worker dies the pages rebuild the call.
 */
let t: TestHub;
const browsers: Record<Colour, Browser> = {} as any;
let consultationId: string;
let ids: { specialist: string; doctor: string; colleague: string };
const shots = join(repoRoot, 'test-output/screenshots/room');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await buildWebClient();
  t = await startTestHub({ MEDIA_WORKERS: '2', MEDIA_RTC_MIN_PORT: '42000', MEDIA_RTC_MAX_PORT: '42999' }, { media: true });
  [browsers.red, browsers.blue, browsers.green] = await Promise.all([launchWithCamera('red'), launchWithCamera('blue'), launchWithCamera('green')]);
  consultationId = await consultationInSession(t, { doctorA: await t.signIn('doctor.a'), specialist: await t.signIn('specialist') });
  const [second] = await addSpecialists(t, 1);
  ids = { specialist: String(t.fixture.users.specialist.id), doctor: String(t.fixture.users.doctorA.id), colleague: String(second.id) };
}, 120_000);
afterAll(async () => {
  await Promise.all(Object.values(browsers).map((b) => b?.close()));
  await t?.stop();
});

const roomUrl = () => t.hub.url.replace('/graphql', `/room?consultation=${consultationId}`);
const tile = (personId: string) => `#remote-tiles figure[data-person="${personId}"]`;
const tileVideo = (personId: string) => `${tile(personId)} video`;
const remoteIds = (page: Page) => page.$$eval('#remote-tiles figure', (fs) => fs.map((f) => (f as HTMLElement).dataset.person!).sort());

function watch(page: Page, name: string) {
  page.on('pageerror', (e) => console.error(`[${name}] page error`, e));
  page.on('console', (m) => { if (m.type() === 'error' || process.env.DEBUG_PAGES) console.error(`[${name}] ${m.text()}`); });
  return page;
}

async function enterRoom(browserOrContext: Browser | BrowserContext, username: string, locale = 'zh-CN'): Promise<Page> {
  const page = watch('newContext' in browserOrContext ? await (await browserOrContext.newContext({ locale })).newPage() : await browserOrContext.newPage(), username);
  await page.goto(roomUrl());
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in-form button');
  return page;
}

describe('consult room in the browser', () => {
  let specialist: Page;
  let doctor: Page;

  it('shows each side the OTHER one (checked from the pixels), named with their part, and themselves only in the self-view', async () => {
    specialist = await enterRoom(browsers.red, 'specialist');
    await specialist.waitForSelector('#room:not([hidden])');
    // Alone in the room: waiting for the other side, even though one's own tracks are flowing.
    await specialist.waitForFunction(() => (window as any).roomSession?.snapshot().status === 'connected');
    expect(await specialist.isVisible('#waiting')).toBe(true);
    expect(await specialist.textContent('#waiting')).toBe('等待对方加入…');
    expect(await remoteIds(specialist)).toEqual([]);
    await waitForColour(specialist, '#local', 'red');

    doctor = await enterRoom(browsers.blue, 'doctor.a');
    await doctor.waitForSelector('#room:not([hidden])');
    await waitForColour(doctor, tileVideo(ids.specialist), 'red');
    await waitForColour(specialist, tileVideo(ids.doctor), 'blue');
    await waitForColour(doctor, '#local', 'blue');
    expect(await remoteIds(doctor)).toEqual([ids.specialist]);
    expect(await remoteIds(specialist)).toEqual([ids.doctor]);
    expect(await specialist.isHidden('#waiting')).toBe(true);

    // Names and parts, not ids.
    expect(await doctor.textContent(`${tile(ids.specialist)} figcaption`)).toBe('用户specialist · 会诊专家 · 主任医师 · 测试县人民医院');
    expect(await specialist.textContent(`${tile(ids.doctor)} figcaption`)).toBe('用户doctor.a · 申请医生 · 甲镇卫生院');
    // The remote element carries exactly the other person's sound and picture; the self-view no sound at all.
    const tracks = await doctor.evaluate((sel) => {
      const remote = (document.querySelector(sel) as HTMLVideoElement).srcObject as MediaStream;
      const local = (document.getElementById('local') as HTMLVideoElement).srcObject as MediaStream;
      return { remote: remote.getTracks().map((x) => x.kind).sort(), localAudio: local.getAudioTracks().length, remoteMuted: (document.querySelector(sel) as HTMLVideoElement).muted };
    }, tileVideo(ids.specialist));
    expect(tracks).toEqual({ remote: ['audio', 'video'], localAudio: 0, remoteMuted: false });

    await specialist.waitForFunction(() => document.querySelectorAll('#link li').length === 2, null, { timeout: 10_000 });
    const link = await specialist.textContent('#link');
    expect(link).toMatch(/用户doctor\.a: .*kb\/s/);
    expect(link).not.toMatch(/#\d/);
    await specialist.screenshot({ path: join(shots, 'room-specialist.zh-CN.png') });
  }, 120_000);

  it('speaks Chinese or English, switched by the language button', async () => {
    const page = await browsers.red.newPage({ locale: 'zh-CN' });
    await page.goto(t.hub.url.replace('/graphql', '/room'));
    expect(await page.textContent('h1')).toBe('远程会诊视频');
    expect(await page.textContent('#sign-in-form button')).toBe('登录');
    await page.click('#lang');
    expect(await page.textContent('h1')).toBe('Consultation video');
    expect(await page.textContent('#sign-in-form button')).toBe('Sign in');
    await page.reload();
    expect(await page.textContent('h1')).toBe('Consultation video'); // the choice is remembered
    await page.close();
    // The room itself in English.
    await doctor.click('#lang');
    await doctor.waitForFunction(() => document.querySelector('#remote-tiles figcaption')?.textContent?.includes('Specialist'));
    expect(await doctor.textContent(`${tile(ids.specialist)} figcaption`)).toBe('用户specialist · Specialist · Chief physician · 测试县人民医院');
    await doctor.screenshot({ path: join(shots, 'room-doctor.en.png') });
    await doctor.click('#lang');
  }, 30_000);

  it('turns away someone who is not a participant, with the reason', async () => {
    const outsider = await enterRoom(browsers.green, 'doctor.b');
    await outsider.waitForSelector('#error:not([hidden])');
    // The hub's refusal, in the page's language (zh-CN by default).
    expect(await outsider.textContent('#error')).toContain('只有会诊参与者（申请医生、接诊专家及其邀请的人员）可以进入会诊室');
    expect(await outsider.isHidden('#room')).toBe(true);
    await outsider.close();
  }, 30_000);

  it('shows an invited second specialist as a third tile, and removes it when they leave', async () => {
    ok(await t.gql('mutation($id: ID!, $p: ID!) { inviteToConsultationRoom(consultationId: $id, personId: $p) }', { id: consultationId, p: ids.colleague }, await t.signIn('specialist')));
    const colleague = await enterRoom(browsers.green, 'cardio.1');
    await waitForColour(colleague, tileVideo(ids.specialist), 'red');
    await waitForColour(colleague, tileVideo(ids.doctor), 'blue');
    await waitForColour(specialist, tileVideo(ids.colleague), 'green');
    await waitForColour(doctor, tileVideo(ids.colleague), 'green');
    expect(await remoteIds(specialist)).toEqual([ids.doctor, ids.colleague].sort());
    expect(await remoteIds(doctor)).toEqual([ids.specialist, ids.colleague].sort());
    expect(await doctor.textContent(`${tile(ids.colleague)} figcaption`)).toBe('cardio专家1 · 受邀参与 · 主治医师 · 测试县人民医院');
    // Still the right colour in the right tile with three in the room.
    expect(nameColour(await videoColour(specialist, tileVideo(ids.doctor)))).toBe('blue');
    await specialist.screenshot({ path: join(shots, 'room-three.zh-CN.png') });

    await colleague.click('#leave');
    await specialist.waitForFunction((id) => !document.querySelector(`#remote-tiles figure[data-person="${id}"]`), ids.colleague, { timeout: 10_000 });
    await doctor.waitForFunction((id) => !document.querySelector(`#remote-tiles figure[data-person="${id}"]`), ids.colleague, { timeout: 10_000 });
    await colleague.close();
  }, 90_000);

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
    await waitForColour(doctor, tileVideo(ids.specialist), 'red');
    await waitForColour(specialist, tileVideo(ids.doctor), 'blue');
    expect(t.media!.rooms()[0].workerPid).not.toBe(pid);
    expect(await specialist.getAttribute('#status', 'data-state')).toBe('ok');
  }, 90_000);

  it('removes someone who closes the tab from the other side within 10 s, and the other side waits again', async () => {
    const closedAt = Date.now();
    await doctor.close();
    await specialist.waitForFunction(() => !document.querySelector('#remote-tiles figure') && !document.getElementById('waiting')!.hidden, null, { timeout: 10_000, polling: 100 });
    const goneAfterMs = Date.now() - closedAt;
    console.log(`tab closed: gone from the other side after ${goneAfterMs} ms`);
    expect(goneAfterMs).toBeLessThan(10_000);
    // The closing page said it was leaving (the hub did not have to miss its heartbeats).
    const [last] = await t.database.db.query(
      `SELECT payload->>'reason' AS reason FROM event WHERE topic = 'room' AND payload->>'action' = 'PEER_LEFT' AND payload->>'personId' = $1 ORDER BY id DESC LIMIT 1`, [ids.doctor]);
    expect(last).toEqual({ reason: 'left' });
    await specialist.waitForFunction(() => document.querySelectorAll('#link li').length === 1, null, { timeout: 10_000 });
  }, 30_000);

  it('brings a reloaded page back into the room without signing in again', async () => {
    doctor = await enterRoom(browsers.blue, 'doctor.a');
    await waitForColour(specialist, tileVideo(ids.doctor), 'blue');
    await doctor.reload();
    await doctor.waitForSelector('#room:not([hidden])');
    expect(await doctor.isHidden('#sign-in')).toBe(true);
    await waitForColour(doctor, tileVideo(ids.specialist), 'red');
    await waitForColour(specialist, tileVideo(ids.doctor), 'blue');
    expect(await remoteIds(specialist)).toEqual([ids.doctor]);
  }, 60_000);

  it('drops a participant whose network is gone, and lets them back in by themselves when it returns', async () => {
    const context = doctor.context();
    await context.setOffline(true); // heartbeats (and the GraphQL socket) stop
    await specialist.waitForFunction((id) => !document.querySelector(`#remote-tiles figure[data-person="${id}"]`), ids.doctor, { timeout: 10_000, polling: 100 });
    await context.setOffline(false);
    await waitForColour(specialist, tileVideo(ids.doctor), 'blue', 30_000);
    await waitForColour(doctor, tileVideo(ids.specialist), 'red');
    expect(await doctor.evaluate(() => (window as any).roomSession.reconnects)).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('lets someone without a camera join with audio only, saying so, and the other side hears them', async () => {
    await doctor.close();
    const context = await browsers.blue.newContext({ locale: 'zh-CN' });
    // This machine has no camera: Chromium answers a request for video as it does then.
    await context.addInitScript(() => {
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
        if (constraints?.video) throw new DOMException('Requested device not found', 'NotFoundError');
        return original(constraints);
      };
    });
    doctor = await enterRoom(context, 'doctor.a');
    await doctor.waitForSelector('#notice:not([hidden])');
    expect(await doctor.textContent('#notice')).toBe('未找到摄像头：您以仅语音方式加入，对方能听到您但看不到您');
    await waitForColour(doctor, tileVideo(ids.specialist), 'red');
    await specialist.waitForSelector(`${tile(ids.doctor)}[data-has-video="false"]`, { timeout: 15_000 });
    expect(await specialist.textContent(`${tile(ids.doctor)} .no-video`)).toBe('仅语音');
    const heard = async () => specialist.evaluate(() => (window as any).roomSession.audioBytesReceived() as Promise<number>);
    const before = await heard();
    await specialist.waitForFunction(async (b) => ((await (window as any).roomSession.audioBytesReceived()) as number) > b + 2000, before, { timeout: 15_000, polling: 500 });
    await specialist.screenshot({ path: join(shots, 'room-audio-only.zh-CN.png') });
  }, 60_000);
});
