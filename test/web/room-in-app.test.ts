import { Browser, Page } from 'playwright-core';
import { launchWithCamera, waitForColour } from '../support/fake-camera';
import { TestHub } from '../support/hub';
import { consultationInSession } from '../room/support';
import { AppPage, appUrl, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';

/**
 * The consult room inside the app, from both sides: the township doctor joins from the doctor's
 * consultation page and the specialist from theirs; each stays in the app (its shell, menu and
 * session: no page load, no second sign-in), sees the OTHER person's camera colour from the
 * pixels and its own only in the self-view, the other named with their part in both languages,
 * and the menu lights the consultations entry of the workspace the room was opened from.
 * Real Chromium (one per person, each with its own coloured fake camera), hub, SFU and PostgreSQL.
 */
let t: TestHub;
let red: Browser;
let blue: Browser;
let doctor: AppPage;
let specialist: AppPage;
let id: string;
let ids: { doctor: string; specialist: string };

beforeAll(async () => {
  t = await startAppHub({ MEDIA_WORKERS: '1', MEDIA_RTC_MIN_PORT: '44000', MEDIA_RTC_MAX_PORT: '44999' }, { media: true });
  [red, blue] = await Promise.all([launchWithCamera('red'), launchWithCamera('blue')]);
  id = await consultationInSession(t, { doctorA: await t.signIn('doctor.a'), specialist: await t.signIn('specialist') });
  ids = { doctor: String(t.fixture.users.doctorA.id), specialist: String(t.fixture.users.specialist.id) };
}, 180_000);
afterAll(async () => {
  await Promise.all([doctor?.close(), specialist?.close()]);
  await Promise.all([red?.close(), blue?.close()]);
  await t?.stop();
});

const tile = (personId: string) => `#remote-tiles figure[data-person="${personId}"]`;
const remoteIds = (page: Page) => page.$$eval('#remote-tiles figure', (fs) => fs.map((f) => (f as HTMLElement).dataset.person!));
/** The side menu's lit entries, as a person reads them. */
const litMenu = (page: Page) => page.$$eval('.ant-layout-sider .ant-menu-item-selected', (items) => items.map((i) => (i as HTMLElement).innerText.trim()));
const caption = (page: Page, personId: string) => page.textContent(`${tile(personId)} figcaption`);

/** Opens the consultation page in the person's workspace and clicks "join video"; the app must not reload. */
async function joinFromConsultationPage(page: Page, workspace: 'doctor' | 'specialist'): Promise<void> {
  await page.goto(appUrl(t, `/${workspace}/consultations/${id}`));
  await page.waitForSelector('[data-testid="join-video"]', { timeout: 30_000 });
  await page.evaluate(() => { (window as any).sameDocument = true; });
  await page.click('[data-testid="join-video"]');
  await page.waitForURL(new RegExp(`/${workspace}/room/${id}$`));
  await page.waitForSelector('#room');
  // Inside the app: the same document (no load of the standalone page), its header, no sign-in form.
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(await page.locator('#sign-in-form').count()).toBe(0);
}

describe('the consult room inside the app, for the doctor and the specialist', () => {
  it('each joins from their own consultation page and sees the other (from the pixels), never themselves', async () => {
    doctor = await openApp(blue, t, { label: 'doctor' });
    await signInThroughUi(doctor.page, 'doctor.a');
    await joinFromConsultationPage(doctor.page, 'doctor');
    expect(await doctor.page.textContent('[data-testid="who"]')).toContain('用户doctor.a');
    // Alone: waiting for the other side.
    await doctor.page.waitForSelector('#waiting');
    expect(await doctor.page.textContent('#waiting')).toBe('等待对方加入…');
    await waitForColour(doctor.page, '#local', 'blue');

    specialist = await openApp(red, t, { label: 'specialist' });
    await signInThroughUi(specialist.page, 'specialist');
    await joinFromConsultationPage(specialist.page, 'specialist');

    await waitForColour(doctor.page, `${tile(ids.specialist)} video`, 'red');
    await waitForColour(specialist.page, `${tile(ids.doctor)} video`, 'blue');
    await waitForColour(specialist.page, '#local', 'red');
    expect(await remoteIds(doctor.page)).toEqual([ids.specialist]);
    expect(await remoteIds(specialist.page)).toEqual([ids.doctor]);
    expect(await doctor.page.locator('#waiting').count()).toBe(0);
  }, 180_000);

  it('names the other with their part, and lights the consultations entry of the workspace it was opened from, in both languages', async () => {
    const d = doctor.page;
    const s = specialist.page;
    expect(await caption(d, ids.specialist)).toBe('用户specialist · 会诊专家 · 主任医师 · 测试县人民医院');
    expect(await caption(s, ids.doctor)).toBe('用户doctor.a · 申请医生 · 甲镇卫生院');
    expect(await d.textContent('#room #who')).toBe('用户doctor.a · 申请医生 · 甲镇卫生院');
    expect(await litMenu(d)).toEqual(['远程会诊']);
    expect(await litMenu(s)).toEqual(['我的会诊']);
    expect(await d.textContent('#back')).toContain(`返回会诊 #${id}`);
    await screenshot(d, 'zh-CN', 'room-in-app-doctor');
    await screenshot(s, 'zh-CN', 'room-in-app-specialist');

    await Promise.all([switchLanguage(d, 'en'), switchLanguage(s, 'en')]);
    expect(await caption(d, ids.specialist)).toBe('用户specialist · Specialist · Chief physician · 测试县人民医院');
    expect(await caption(s, ids.doctor)).toBe('用户doctor.a · Requesting doctor · 甲镇卫生院');
    expect(await litMenu(d)).toEqual(['Consultations']);
    expect(await litMenu(s)).toEqual(['My consultations']);
    expect(await d.textContent('#back')).toContain(`Back to consultation #${id}`);
    expect(await s.textContent('#leave')).toBe('Leave');
    await screenshot(d, 'en', 'room-in-app-doctor');
    await screenshot(s, 'en', 'room-in-app-specialist');
    await Promise.all([switchLanguage(d, 'zh-CN'), switchLanguage(s, 'zh-CN')]);
  }, 120_000);

  it("a reload of the doctor's in-app room is back in the room, in the doctor's workspace, seeing the specialist", async () => {
    const d = doctor.page;
    await d.reload();
    await d.waitForSelector('#room');
    expect(await d.locator('#sign-in-form').count()).toBe(0);
    await waitForColour(d, `${tile(ids.specialist)} video`, 'red');
    await waitForColour(specialist.page, `${tile(ids.doctor)} video`, 'blue');
    expect(await litMenu(d)).toEqual(['远程会诊']);
  }, 120_000);

  it("leaving goes back to the doctor's consultation page; the specialist waits for the other side again", async () => {
    const d = doctor.page;
    await d.click('#leave');
    await d.waitForURL(new RegExp(`/doctor/consultations/${id}$`));
    await d.waitForSelector('[data-testid="consultation-page"]');
    expect(await litMenu(d)).toEqual(['远程会诊']);
    await specialist.page.waitForSelector('#waiting', { timeout: 15_000 });
    expect(await remoteIds(specialist.page)).toEqual([]);
    for (const p of [doctor, specialist]) {
      expect(p.problems.errors).toEqual([]);
      expect(p.problems.missingKeys).toEqual([]);
      expect(p.problems.cspViolations).toEqual([]);
    }
  }, 120_000);
});
