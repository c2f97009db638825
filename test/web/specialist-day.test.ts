import { Browser } from 'playwright-core';
import { addSpecialists, ok, refusal, requestConsultation, tokenFor } from '../consult/support';
import { launchWithCamera, waitForColour } from '../support/fake-camera';
import { TestHub } from '../support/hub';
import { AppPage, appUrl, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';
import { pickTime, shanghai, shanghaiDay, typed } from './support/schedule';

/**
 * The specialist's day in the browser, against the real hub, SFU and database: a request
 * arrives on the live board (seen and heard), is read before claiming, claimed, scheduled
 * beside the calendar (a clash refused at the time field), started; doctor and specialist
 * meet in the room, each seeing the other's camera colour; the session ends and the opinion
 * reaches the township doctor, who refers up from it.
 */
let t: TestHub;
let red: Browser;
let blue: Browser;
let specialist: AppPage;
let doctor: AppPage;
beforeAll(async () => {
  t = await startAppHub({ MEDIA_WORKERS: '1', MEDIA_RTC_MIN_PORT: '43000', MEDIA_RTC_MAX_PORT: '43999' }, { media: true });
  [red, blue] = await Promise.all([launchWithCamera('red'), launchWithCamera('blue')]);
}, 180_000);
afterAll(async () => {
  await Promise.all([red?.close(), blue?.close()]);
  await t?.stop();
});

const rowOf = (id: string) => `[data-testid="queue-row"][data-consultation="${id}"]`;

const tomorrow = () => shanghaiDay(1);

describe("the specialist's day", () => {
  let id: string;

  it('sees a new request arrive on the live board, with a visible and an audible cue', async () => {
    specialist = await openApp(red, t, { label: 'specialist' });
    await signInThroughUi(specialist.page, 'specialist');
    await specialist.page.waitForSelector('[data-testid="queue-board"] [data-testid="queue"]');
    id = await requestConsultation(t, await tokenFor(t, t.fixture.users.doctorA.id), { urgency: 'URGENT', question: '胸痛原因？是否需要上转？' });
    await specialist.page.waitForSelector(`${rowOf(id)}[data-fresh="true"]`, { timeout: 15_000 });
    expect(await specialist.page.evaluate(() => (window as any).chimes ?? 0)).toBeGreaterThanOrEqual(1);
    expect(await specialist.page.textContent(rowOf(id))).toContain('甲镇卫生院');
    expect(await specialist.page.textContent(rowOf(id))).toContain('紧急');
    // The wait is running.
    const first = await specialist.page.textContent(`${rowOf(id)} [data-testid="waiting"]`);
    await specialist.page.waitForFunction(([sel, before]) => document.querySelector(sel)?.textContent !== before, [`${rowOf(id)} [data-testid="waiting"]`, first] as const, { timeout: 5000 });
    await screenshot(specialist.page, 'zh-CN', 'specialist-queue-board');
    await switchLanguage(specialist.page, 'en');
    await screenshot(specialist.page, 'en', 'specialist-queue-board');
    await switchLanguage(specialist.page, 'zh-CN');
  }, 120_000);

  it('reads the request before claiming (audited), then claims it; a second specialist who was slower sees who won', async () => {
    const page = specialist.page;
    await page.click(`${rowOf(id)} [data-testid="open-preview"]`);
    await page.waitForSelector('[data-testid="preview-question"]');
    expect(await page.textContent('[data-testid="preview-question"]')).toBe('胸痛原因？是否需要上转？');
    expect(await page.textContent('[data-testid="preview-hospital"]')).toBe('甲镇卫生院');
    expect(await page.textContent('[data-testid="preview-patient"]')).toMatch(/^女 · \d+岁$/);
    expect(await page.textContent('[data-testid="preview-drawer"]')).not.toContain('患者甲');
    const audited = await t.database.db.query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'consultation.preview' AND actor_id = $1", [t.fixture.users.specialist.id]);
    expect(audited[0].n).toBeGreaterThanOrEqual(1);

    // Another specialist reads it too, and claims second.
    const [other] = await addSpecialists(t, 1);
    const rival = await openApp(red, t, { label: 'rival' });
    await signInThroughUi(rival.page, other.username);
    await rival.page.click(`${rowOf(id)} [data-testid="open-preview"]`);
    await rival.page.waitForSelector('[data-testid="preview-question"]');

    await page.click('[data-testid="claim"]');
    await page.waitForSelector('[data-testid="specialist-consultation"]');
    expect(await page.textContent('[data-testid="patient"]')).toContain('患者甲');

    await rival.page.click('[data-testid="claim"]');
    await rival.page.waitForSelector('[data-testid="claim-lost"]');
    expect(await rival.page.textContent('[data-testid="claim-lost"]')).toContain('用户specialist');
    await rival.close();
  }, 120_000);

  it('schedules beside the calendar: a clash is refused with its reason at the time field', async () => {
    const page = specialist.page;
    // Another consultation of this specialist already holds tomorrow 10:00–10:30 (Asia/Shanghai, the consortium's zone).
    const token = await tokenFor(t, t.fixture.users.specialist.id);
    const busy = await requestConsultation(t, await tokenFor(t, t.fixture.users.doctorA.id));
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: busy }, token));
    ok(await t.gql('mutation($i: ScheduleConsultationInput!) { scheduleConsultation(input: $i) { state } }', { i: { id: busy, startsAt: shanghai(tomorrow(), '10:00').toISOString(), endsAt: shanghai(tomorrow(), '10:30').toISOString() } }, token));
    await page.reload();
    await page.waitForSelector('[data-testid="my-calendar"] [data-testid="calendar-item"][data-kind="remote"]');

    await pickTime(page, tomorrow(), '10:15');
    await page.click('[data-testid="schedule-submit"]');
    const fieldError = page.locator('[data-testid="schedule-form"] .ant-form-item-explain-error');
    await fieldError.waitFor({ timeout: 10_000 });
    // The reason, in the person's language, beside the time they chose.
    expect(await fieldError.textContent()).toContain('该专家此时已有安排');
    expect(await page.locator('.hub-error').count()).toBe(0); // said once, not also as a toast
    expect(await page.getAttribute('[data-testid="consultation-state"]', 'data-state')).toBe('CLAIMED');

    await pickTime(page, tomorrow(), '14:00');
    await page.click('[data-testid="schedule-submit"]');
    await page.waitForSelector('[data-testid="consultation-state"][data-state="SCHEDULED"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="scheduled"]')).toContain(typed(tomorrow(), '14:00'));
    await screenshot(page, 'zh-CN', 'specialist-consultation');
    await switchLanguage(page, 'en');
    await screenshot(page, 'en', 'specialist-consultation');
    await switchLanguage(page, 'zh-CN');
  }, 120_000);

  it('starts the session; doctor and specialist meet in the room, each seeing the other', async () => {
    const page = specialist.page;
    await page.click('[data-testid="start-session"]');
    await page.waitForSelector('[data-testid="join-video"]', { timeout: 15_000 });
    await page.click('[data-testid="join-video"]');
    // The room opens inside the app: its route, the app's shell and session (no second sign-in).
    await page.waitForURL(new RegExp(`/specialist/room/${id}$`));
    await page.waitForSelector('#room');
    expect(await page.textContent('[data-testid="who"]')).toContain('用户specialist');

    doctor = await openApp(blue, t, { label: 'doctor' });
    await signInThroughUi(doctor.page, 'doctor.a');
    await doctor.page.goto(appUrl(t, `/doctor/consultations/${id}`));
    await doctor.page.click('[data-testid="join-video"]');
    // The doctor's room is inside the app too, in the doctor's workspace.
    await doctor.page.waitForURL(new RegExp(`/doctor/room/${id}$`));
    await doctor.page.waitForSelector('#room:not([hidden])');

    const tile = (personId: number) => `#remote-tiles figure[data-person="${personId}"] video`;
    await waitForColour(doctor.page, tile(t.fixture.users.specialist.id), 'red');
    await waitForColour(page, tile(t.fixture.users.doctorA.id), 'blue');
    // Names and roles, not ids.
    expect(await page.textContent(`#remote-tiles figure[data-person="${t.fixture.users.doctorA.id}"] figcaption`)).toBe('用户doctor.a · 申请医生 · 甲镇卫生院');
    await screenshot(page, 'zh-CN', 'room-in-app');
    await switchLanguage(page, 'en');
    expect(await page.textContent(`#remote-tiles figure[data-person="${t.fixture.users.doctorA.id}"] figcaption`)).toBe('用户doctor.a · Requesting doctor · 甲镇卫生院');
    await screenshot(page, 'en', 'room-in-app');
    await switchLanguage(page, 'zh-CN');
    // A reload of the in-app room is back in the room, signed in, seeing the doctor again.
    await page.reload();
    await page.waitForSelector('#room');
    await waitForColour(page, tile(t.fixture.users.doctorA.id), 'blue');
    await waitForColour(doctor.page, tile(t.fixture.users.specialist.id), 'red');
    await screenshot(doctor.page, 'zh-CN', 'room');
  }, 120_000);

  it('ends the session and writes the opinion; the doctor reads it and refers up from it', async () => {
    const page = specialist.page;
    // Leaving the in-app room goes back to the consultation; the doctor waits for the other side again.
    await page.click('#leave');
    await page.waitForURL(new RegExp(`/specialist/consultations/${id}$`));
    await doctor.page.waitForSelector('#waiting:not([hidden])', { timeout: 15_000 });
    await page.click('[data-testid="end-session"]');
    await page.waitForSelector('[data-testid="opinion-form"]', { timeout: 15_000 });
    // The room closes with the session: the doctor's page says so.
    await doctor.page.waitForSelector('#status[data-state="closed"]', { timeout: 15_000 });

    await page.click('[data-testid="opinion-submit"]');
    await page.waitForSelector('#impression_help, [data-testid="opinion-form"] .ant-form-item-explain-error');
    await page.fill('[data-testid="impression"]', '不稳定型心绞痛可能');
    await page.fill('[data-testid="recommendations"]', '建议上转行冠脉造影，转运途中心电监护。');
    await page.fill('[data-testid="diagnosis-code"]', 'I20.0');
    await page.fill('[data-testid="diagnosis-text"]', '不稳定型心绞痛');
    await page.check('[data-testid="refer-up"]');
    await page.click('[data-testid="opinion-submit"]');
    await page.waitForSelector('[data-testid="consultation-state"][data-state="COMPLETED"]', { timeout: 15_000 });

    await doctor.page.goto(appUrl(t, `/doctor/consultations/${id}`));
    await doctor.page.waitForSelector('[data-testid="opinion"]');
    expect(await doctor.page.textContent('[data-testid="opinion"]')).toContain('不稳定型心绞痛可能');
    await doctor.page.click('[data-testid="refer-up"]');
    await doctor.page.waitForURL(/\/doctor\/referrals\/new\?consultation=/);
    for (const p of [specialist, doctor]) expect(p.problems.errors).toEqual([]);
    expect(refusal(await t.gql('query($id: ID!) { consultationPreview(id: $id) { question } }', { id }, await tokenFor(t, t.fixture.users.doctorB.id))).code).toBe('NOT_FOUND');
  }, 120_000);
});
