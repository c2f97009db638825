import { Browser, Page } from 'playwright-core';
import { addSpecialists, ok, requestConsultation, tokenFor } from '../consult/support';
import { approvedDemand, GQL, makeAvailable, nextMonth } from '../roster/rotation-support';
import { validNationalId } from '../support/fixture';
import { TestHub } from '../support/hub';
import { AppPage, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage, UiLanguage } from './support/app';
import { onePagePdf } from './support/pdf';

/**
 * The township doctor's day in real Chromium, through the real hub and PostgreSQL (and the SFU
 * for the video): register a patient (a bad birth date refused beside its field) → book a
 * visiting specialist's slot and print the slip → request a consultation with a PDF → watch
 * the queue position fall as specialists claim the requests ahead, then this one → join the
 * video → read the opinion → refer up from it. Screens are kept as screenshots in both languages.
 */
let t: TestHub;
let browser: Browser;
let app: AppPage;
let page: Page;
let scheduler: string;
let specialist: string;
const month = nextMonth();
const SESSION_DAY = month.days[2];
const NEW_ID = validNationalId('1962-05-14', '135');
const screens: string[] = [];

beforeAll(async () => {
  t = await startAppHub({ MEDIA_WORKERS: '1', MEDIA_RTC_MIN_PORT: '43000', MEDIA_RTC_MAX_PORT: '43999' }, { media: true });
  browser = await launchAppBrowser();
  const f = t.fixture;
  [scheduler, specialist] = await Promise.all(['scheduler', 'specialist'].map((u) => t.signIn(u)));
  const doctorA = await t.signIn('doctor.a');
  // A published roster: the fixture's cardiologist visits township A on the third day of next month.
  await makeAvailable(t, scheduler, f.users.specialist.id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
  ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { slotsPerSession } }', { i: { hostId: f.townshipA.id, slotMinutes: 30, slotsPerSession: 4 } }, scheduler));
  const demand = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, expertDays: 2, periodStart: month.start, periodEnd: month.end, session: 'MORNING' });
  const rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: f.users.specialist.id, demandId: demand, dates: [SESSION_DAY] } }, scheduler));
  ok(await t.gql(GQL.publish, { id: rosterId }, scheduler));
  app = await openApp(browser, t, { label: 'doctor.a' });
  page = app.page;
}, 240_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await t?.stop();
});

async function shot(language: UiLanguage, screen: string) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, language, screen);
  if (language === 'zh-CN') screens.push(screen);
}

const text = (selector: string) => page.locator(selector).first().innerText();
const byLabel = (label: string) => page.locator(`.ant-form-item:has(label:text-is("${label}"))`);

async function pickDate(formItem: ReturnType<typeof byLabel>, date: string) {
  const input = formItem.locator('input');
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter would also submit the form. Leaving the field commits a valid typed date.
  await input.press('Tab');
  await formItem.page().waitForFunction(([el, want]) => (el as HTMLInputElement).value === want, [await input.elementHandle(), date] as const);
}

let patientId: string;
let consultationId: string;

describe("the township doctor's day", () => {
  it('registers a patient: the ID number is checked as typed, a bad birth date is refused beside its field', async () => {
    await signInThroughUi(page, 'doctor.a');
    await page.click('[data-testid="menu-patients"]');
    await page.waitForSelector('[data-testid="patients-page"]');
    await page.click('[data-testid="register-patient"]');
    await page.waitForSelector('#register-patient');
    await byLabel('姓名').locator('input').fill('王建国');
    // A typo in the last character: refused while typing, before anything is sent.
    const typo = NEW_ID.slice(0, 17) + (NEW_ID[17] === '1' ? '2' : '1');
    await byLabel('身份证号').locator('input').fill(typo);
    await page.waitForSelector('text=校验位不对，可能输错了');
    await byLabel('身份证号').locator('input').fill(NEW_ID);
    await page.waitForFunction(() => !document.body.innerText.includes('校验位不对'));
    // Birth date and sex came from the number; a different birth date is the hub's to refuse.
    expect(await byLabel('出生日期').locator('input').inputValue()).toBe('1962-05-14');
    await pickDate(byLabel('出生日期'), '1962-05-15');
    await page.click('[data-testid="register-submit"]');
    const error = byLabel('出生日期').locator('.ant-form-item-explain-error');
    await error.waitFor();
    // The hub answers in the page's language (Accept-Language zh-CN), beside the field it names.
    expect(await error.innerText()).toContain('与身份证号中的出生日期（1962-05-14）不一致');
    expect(await byLabel('身份证号').locator('.ant-form-item-explain-error').count()).toBe(0);
    await shot('zh-CN', 'patient-register-error');
    await pickDate(byLabel('出生日期'), '1962-05-14');
    await page.click('[data-testid="register-submit"]');
    await page.waitForSelector('[data-testid="lookup-result"]');
    expect(await text('[data-testid="lookup-result"]')).toContain('已找到患者：王建国');
    // The table shows the new patient with the number masked.
    await page.waitForSelector('td:text-is("王建国")');
    expect(await page.locator('tr:has(td:text-is("王建国"))').innerText()).toContain(`${NEW_ID.slice(0, 6)}**********${NEW_ID.slice(16)}`);
    // And the full number finds the patient.
    await page.fill('[data-testid="patient-lookup"] input', NEW_ID);
    await page.press('[data-testid="patient-lookup"] input', 'Enter');
    await page.waitForSelector('text=已找到患者：王建国');
    await shot('zh-CN', 'patients');
    patientId = String((await t.database.db.query(`SELECT id FROM patient WHERE name = '王建国'`))[0].id);
  }, 120_000);

  it('books the visiting cardiologist\'s earliest free slot and prints the slip', async () => {
    await page.click('[data-testid="lookup-result"] button:has-text("预约专家")');
    await page.waitForSelector('[data-testid="experts-page"]');
    await page.locator('[data-testid="calendar-view"]').getByText('月', { exact: true }).click();
    await page.click('[data-testid="calendar-next"]');
    const chip = page.locator('[data-testid="session-chip"]').first();
    await chip.waitFor();
    expect(await chip.innerText()).toMatch(/心内科[\s\S]*用户specialist[\s\S]*甲镇卫生院[\s\S]*余4/);
    await shot('zh-CN', 'experts-month');
    await chip.click();
    await page.waitForSelector('[data-testid="session-drawer"]');
    await page.waitForSelector('#book-slot .ant-select-content:has-text("王建国"), #book-slot .ant-select-selection-item:has-text("王建国")');
    await page.click('[data-testid="book-submit"]');
    const slip = page.locator('.ant-drawer [data-testid="booking-slip"]');
    await slip.waitFor();
    const slipText = await slip.innerText();
    expect(slipText).toContain('王建国');
    expect(slipText).toContain(SESSION_DAY);
    expect(slipText).toContain('第 1 号');
    expect(slipText).toContain('用户specialist');
    // The session is read again after booking: one slot fewer.
    await page.waitForFunction(() => document.querySelector('[data-testid="free-slots"]')?.textContent === '3 / 4', null, { timeout: 15_000 });
    await shot('zh-CN', 'booking-slip');
    // Printing shows the slip alone: no header, no menu.
    await page.evaluate(() => { (window as any).printed = 0; window.print = () => { (window as any).printed += 1; }; });
    await page.click('[data-testid="print-slip"]');
    expect(await page.evaluate(() => (window as any).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.booking-slip-print [data-testid="booking-slip"]').isVisible()).toBe(true);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await screenshot(page, 'zh-CN', 'booking-slip-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-slip'));
    await page.keyboard.press('Escape');
    const booked = ok(await t.gql('query($p: ID!) { patientBookings(patientId: $p) { state slot { position } } }', { p: patientId }, await t.signIn('doctor.a')));
    expect(booked.patientBookings).toEqual([{ state: 'BOOKED', slot: { position: 1 } }]);
  }, 120_000);

  it('requests a consultation with a PDF under a Chinese name, and watches its queue position fall', async () => {
    // Two requests from township B are ahead in the same cardiology queue.
    const doctorB = await t.signIn('doctor.b');
    const patientB = String(t.fixture.patientB.id);
    const ahead = [await requestConsultation(t, doctorB, { patientId: patientB }), await requestConsultation(t, doctorB, { patientId: patientB })];
    await page.goto(page.url().replace(/\/doctor.*$/, `/doctor/consultations/new?patient=${patientId}`));
    await page.waitForSelector('#request-consultation');
    await page.waitForSelector('#request-consultation .ant-select-content:has-text("王建国"), #request-consultation .ant-select-selection-item:has-text("王建国")');
    await page.click('[data-testid="specialty-select"]');
    await page.click('.ant-select-dropdown .ant-select-item-option:has-text("心内科")');
    await byLabel('会诊问题').locator('textarea').fill('胸痛待查，是否需要上转行冠脉造影？');
    await byLabel('病情摘要').locator('textarea').fill('男，64岁，活动后胸闷2周，心电图ST段压低。');
    await page.setInputFiles('#request-consultation input[type=file]', { name: '心电图报告.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
    await page.waitForSelector('[data-testid="attachment-name"]:text-is("心电图报告.pdf")');
    await page.waitForSelector('[data-testid="pdf-preview"][data-pages="1"]', { timeout: 30_000 });
    await shot('zh-CN', 'consultation-request');
    await page.click('[data-testid="request-submit"]');
    await page.waitForURL(/\/doctor\/consultations\/\d+$/, { timeout: 30_000 });
    consultationId = page.url().split('/').pop()!;
    await page.waitForSelector('[data-testid="stored-attachment"]:has-text("心电图报告.pdf")');
    await page.waitForSelector('[data-testid="stored-attachment"] [data-testid="pdf-preview"][data-pages="1"]', { timeout: 30_000 });
    const shown = () => page.locator('[data-testid="queue-position"]').innerText().catch(() => '(none)');
    const positionIs = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while ((await shown()).trim() !== String(n)) {
        if (Date.now() > deadline) throw new Error(`queue position ${n} expected, the page shows ${await shown()}`);
        await page.waitForTimeout(200);
      }
    };
    await positionIs(3);
    await shot('zh-CN', 'consultation-queue');
    const [cardio1, cardio2] = await addSpecialists(t, 2);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: ahead[0] }, await tokenFor(t, cardio1.id)));
    await positionIs(2);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: ahead[1] }, await tokenFor(t, cardio2.id)));
    await positionIs(1);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: consultationId }, specialist));
    await page.waitForSelector('[data-testid="consultation-state"][data-state="CLAIMED"]');
    expect(await page.locator('[data-testid="queue-card"]').count()).toBe(0);
    expect(await text('[data-testid="consultation-timeline"]')).toContain('测试县人民医院 用户specialist 已认领');
  }, 180_000);

  it('joins the video when the specialist starts the session', async () => {
    ok(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { state } }', { id: consultationId }, specialist));
    const join = page.locator('[data-testid="join-video"]');
    await join.waitFor({ timeout: 30_000 });
    await shot('zh-CN', 'consultation-in-session');
    await page.evaluate(() => { (window as any).sameDocument = true; });
    await join.click();
    // The consult room opens inside the app: the doctor's room route, the same document and session
    // (no page load, no second sign-in), the doctor's menu with its consultations entry lit.
    await page.waitForURL(new RegExp(`/doctor/room/${consultationId}$`));
    await page.waitForSelector('#room', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    expect(await page.locator('#sign-in-form').count()).toBe(0);
    expect(await text('[data-testid="who"]')).toContain('用户doctor.a');
    expect(await text('#room #who')).toBe('用户doctor.a · 申请医生 · 甲镇卫生院');
    expect(await page.$$eval('.ant-layout-sider .ant-menu-item-selected', (items) => items.map((i) => (i as HTMLElement).innerText.trim()))).toEqual(['远程会诊']);
    // Nobody else is in the room yet: waiting for the other side.
    expect(await text('#waiting')).toBe('等待对方加入…');
    await shot('zh-CN', 'room-in-app');
    await page.goBack();
    await page.waitForSelector('[data-testid="consultation-page"]');
    // The deep link (notifications, other systems) still opens the standalone room with the app's session.
    await page.goto(page.url().replace(/\/doctor.*$/, `/room?consultation=${consultationId}`));
    await page.waitForSelector('#room:not([hidden])', { timeout: 30_000 });
    expect(await page.isHidden('#sign-in')).toBe(true);
    await page.goBack();
    await page.waitForSelector('[data-testid="consultation-page"]');
  }, 120_000);

  it('reads the opinion as soon as it is written, and refers up from it', async () => {
    ok(await t.gql('mutation($id: ID!) { endConsultationSession(id: $id) { state } }', { id: consultationId }, specialist));
    ok(await t.gql('mutation($i: ConsultationOpinionInput!) { writeConsultationOpinion(input: $i) { state } }', {
      i: { id: consultationId, impression: '不稳定型心绞痛（中危）', recommendations: '双联抗血小板，尽快上转行冠脉造影评估', referUp: true, diagnosisCode: 'I20.0', diagnosisText: '不稳定型心绞痛' },
    }, specialist));
    const opinion = page.locator('[data-testid="opinion"]');
    await opinion.waitFor({ timeout: 30_000 });
    expect(await opinion.innerText()).toContain('双联抗血小板，尽快上转行冠脉造影评估');
    expect(await text('[data-testid="consultation-state"]')).toBe('已完成');
    await shot('zh-CN', 'consultation-opinion');
    await page.click('[data-testid="refer-up"]');
    await page.waitForSelector('#propose-referral');
    await page.waitForFunction(() => (document.querySelector('#propose-referral input#diagnosisCode') as HTMLInputElement | null)?.value === 'I20.0');
    expect(await page.inputValue('#propose-referral input#diagnosisText')).toBe('不稳定型心绞痛');
    await page.click('[data-testid="referral-to"]');
    await page.click('.ant-select-dropdown .ant-select-item-option:has-text("测试县人民医院")');
    await shot('zh-CN', 'referral-propose');
    await page.click('[data-testid="referral-submit"]');
    await page.waitForSelector('[data-testid="referrals-page"]');
    const row = page.locator('[data-testid="outgoing-referrals"] tr:has-text("王建国")');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/上转[\s\S]*测试县人民医院[\s\S]*I20\.0 不稳定型心绞痛[\s\S]*待接收/);
    await shot('zh-CN', 'referrals');
    const sent = ok(await t.gql('query($id: ID!) { consultation(id: $id) { referrals { direction state toHospital { name } } } }', { id: consultationId }, specialist));
    expect(sent.consultation.referrals).toEqual([{ direction: 'UP', state: 'PROPOSED', toHospital: { name: '测试县人民医院' } }]);
  }, 120_000);

  it('shows every screen in English too, with no untranslated key and no CSP refusal', async () => {
    await page.click('[data-testid="menu-home"]');
    await page.waitForSelector('[data-testid="home-doctor"]');
    await shot('zh-CN', 'doctor-home');
    await switchLanguage(page, 'en');
    const visit = async (path: string, ready: string, screen: string) => {
      await page.goto(page.url().replace(/\/doctor.*$/, path));
      await page.waitForSelector(ready);
      await shot('en', screen);
    };
    await visit('/doctor', '[data-testid="home-doctor"]', 'doctor-home');
    expect(await text('[data-testid="menu-patients"]')).toBe('Patients');
    await visit('/doctor/patients', 'td:text-is("王建国")', 'patients');
    await visit(`/doctor/experts?view=month&date=${SESSION_DAY}`, '[data-testid="session-chip"]', 'experts-month');
    expect(await text('[data-testid="session-chip"]')).toContain('Cardiology');
    await visit(`/doctor/consultations/new?patient=${patientId}`, '#request-consultation', 'consultation-request');
    await visit(`/doctor/consultations/${consultationId}`, '[data-testid="opinion"]', 'consultation-opinion');
    expect(await text('[data-testid="consultation-state"]')).toBe('Completed');
    await visit('/doctor/referrals', '[data-testid="outgoing-referrals"] tr:has-text("王建国")', 'referrals');
    expect(await text('[data-testid="outgoing-referrals"] tr:has-text("王建国")')).toContain('Awaiting answer');
    await visit(`/doctor/referrals/new?patient=${patientId}`, '#propose-referral', 'referral-propose');
    expect(app.problems.missingKeys).toEqual([]);
    expect(app.problems.cspViolations).toEqual([]);
    expect(app.problems.errors).toEqual([]);
  }, 120_000);
});
