import { Browser, Page } from 'playwright-core';
import { ok as okConsult, requestConsultation } from '../consult/support';
import { addPatients, approvedDemand, GQL, makeAvailable, ok, refusal } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, appUrl, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';
import { pickTime, shanghai, shanghaiDay, ZONE } from './support/schedule';

/**
 * The rest of the specialist's workspace in the browser, against the real hub and database:
 * incoming referrals answered (accept, decline with a reason), the patients booked into each
 * clinic session and what for, the clash sentence read in the same zone as the calendar, and
 * referring up or down from an opinion.
 */
let t: TestHub;
let browser: Browser;
let specialist: AppPage;
let tokens: Record<'scheduler' | 'specialist' | 'doctorA' | 'doctorB', string>;
beforeAll(async () => {
  t = await startAppHub();
  browser = await launchAppBrowser();
  const [scheduler, spec, doctorA, doctorB] = await Promise.all(['scheduler', 'specialist', 'doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
  tokens = { scheduler, specialist: spec, doctorA, doctorB };
  // The browser is in New York: a page that read times in the browser's zone would show 12 or 13 hours off.
  specialist = await openApp(browser, t, { label: 'specialist', timezoneId: 'America/New_York' });
  await signInThroughUi(specialist.page, 'specialist');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const PROPOSE = 'mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id state } }';
const propose = (token: string, patientId: number, justification: string, diagnosisText = '不稳定型心绞痛') => t.gql(PROPOSE, {
  i: { direction: 'UP', patientId: String(patientId), toHospitalId: String(t.fixture.tertiary.id), toDepartmentId: String(t.fixture.cardiology.id), diagnosisCode: 'I20.0', diagnosisText, justification },
}, token);
const card = (id: string) => `[data-testid="incoming-referral"][data-referral="${id}"]`;
const text = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';

describe("the specialist's referrals", () => {
  it('lists the referrals coming to my specialty, live, and answers them: accept with the arrival day, decline with a reason', async () => {
    const page = specialist.page;
    const first = ok(await propose(tokens.doctorA, t.fixture.patientA.id, '反复胸痛，基层无冠脉造影条件')).proposeReferral.id;
    await page.click('.ant-menu-item:has-text("我的转诊")');
    await page.waitForSelector(card(first));
    expect(await text(page, card(first))).toContain('患者甲');
    expect(await text(page, card(first))).toContain('甲镇卫生院');
    expect(await text(page, `${card(first)} [data-testid="referral-diagnosis"]`)).toBe('I20.0 不稳定型心绞痛');
    expect(await text(page, `${card(first)} [data-testid="referral-basis"]`)).toBe('反复胸痛，基层无冠脉造影条件');
    expect(await text(page, `${card(first)} [data-testid="referral-state"]`)).toBe('待接收');

    // A new one arrives while the page is open.
    const second = ok(await propose(tokens.doctorB, t.fixture.patientB.id, '心衰加重，需调整方案', '慢性心力衰竭')).proposeReferral.id;
    await page.waitForSelector(card(second), { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="referrals-waiting"]')?.textContent?.includes('2'));
    await screenshot(page, 'zh-CN', 'specialist-referrals');
    await switchLanguage(page, 'en');
    expect(await text(page, `${card(second)} [data-testid="referral-state"]`)).toBe('Waiting for an answer');
    await screenshot(page, 'en', 'specialist-referrals');
    await switchLanguage(page, 'zh-CN');

    // Accept the first: the expected day, tomorrow by default.
    await page.click(`${card(first)} [data-testid="referral-accept"]`);
    await page.click('[data-testid="referral-answer-ok"]');
    await page.waitForSelector(`${card(first)}[data-state="ACCEPTED"]`, { timeout: 10_000 });
    expect(await text(page, `${card(first)} [data-testid="referral-state"]`)).toBe('已接收');
    const arrival = await text(page, `${card(first)} [data-testid="referral-arrival"]`);
    expect(arrival).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator(`${card(first)} [data-testid="referral-accept"]`).count()).toBe(0);

    // Decline the second: not without a reason. (The accept dialog is gone first, and the decline
    // dialog open: CI once pressed OK on the one closing.)
    await page.waitForSelector('[data-testid="referral-answer-ok"]', { state: 'detached' });
    await page.click(`${card(second)} [data-testid="referral-decline"]`);
    await page.waitForSelector('[data-testid="decline-reason"]', { state: 'visible' });
    await page.click('[data-testid="referral-answer-ok"]');
    await page.waitForSelector('[data-testid="referral-answer-form"] .ant-form-item-explain-error');
    expect(await text(page, '[data-testid="referral-answer-form"] .ant-form-item-explain-error')).toBe('请填写拒绝理由');
    await page.fill('[data-testid="decline-reason"]', '本院心内科床位已满，建议转市人民医院');
    await page.click('[data-testid="referral-answer-ok"]');
    // Said in words; then the card goes (the patient is no longer this hospital's to see).
    await page.waitForSelector('.referral-answered:has-text("已拒绝 患者乙 的转诊")', { timeout: 10_000 });
    await page.waitForSelector(card(second), { state: 'detached', timeout: 10_000 });
    expect(await page.locator(card(first)).count()).toBe(1);

    // The sending doctors hear the answers.
    const seen = (token: string) => t.gql('query { referrals(incoming: false, first: 10) { nodes { id state expectedArrivalDate declineReason } } }', {}, token);
    expect(ok(await seen(tokens.doctorA)).referrals.nodes).toContainEqual({ id: first, state: 'ACCEPTED', expectedArrivalDate: arrival, declineReason: null });
    expect(ok(await seen(tokens.doctorB)).referrals.nodes).toContainEqual({ id: second, state: 'DECLINED', expectedArrivalDate: null, declineReason: '本院心内科床位已满，建议转市人民医院' });
    expect(specialist.problems.errors).toEqual([]);
    expect(specialist.problems.missingKeys).toEqual([]);
  }, 120_000);
});

describe("the specialist's calendar", () => {
  let sessionId: string;

  it('shows, for a clinic session, the patients booked into it and what for', async () => {
    const f = t.fixture;
    // A published half-day at 甲镇卫生院 ten days or more from now, on a working day.
    const holidays = new Set(ok(await t.gql('query($f: String!, $t: String!) { holidays(from: $f, to: $t) { date } }', { f: shanghaiDay(10), t: shanghaiDay(20) }, tokens.scheduler)).holidays.map((h: any) => h.date));
    let ahead = 10;
    while ([0, 6].includes(new Date(`${shanghaiDay(ahead)}T12:00:00Z`).getUTCDay()) || holidays.has(shanghaiDay(ahead))) ahead++;
    const day = shanghaiDay(ahead);
    await makeAvailable(t, tokens.scheduler, f.users.specialist.id, [{ from: day, to: day }], { maxDaysPerMonth: 20, maxConsecutiveDays: 10, maxTravelKm: 100 });
    const demandId = await approvedDemand(t, tokens.doctorA, tokens.scheduler, { hostId: f.townshipA.id, expertDays: 1, periodStart: day, periodEnd: day });
    const rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: day, periodEnd: day } }, tokens.scheduler)).createRoster.id;
    ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: String(f.users.specialist.id), demandId, dates: [day] } }, tokens.scheduler));
    ok(await t.gql(GQL.publish, { id: rosterId }, tokens.scheduler));
    sessionId = ok(await t.gql('query($h: ID!, $from: String) { hostSessions(hostId: $h, from: $from) { id date } }', { h: f.townshipA.id, from: day }, tokens.doctorA)).hostSessions[0].id;
    const [other] = await addPatients(t.database.db, f.townshipA.id, 1, t.config.nationalIdKey, 700);
    const BOOK = 'mutation($i: BookSlotInput!) { bookClinicSlot(input: $i) { id purpose slot { startsAt } } }';
    // The township doctor books one patient in the browser, saying what for; another through the API, saying nothing.
    const doctor = await openApp(browser, t, { label: 'doctor' });
    await signInThroughUi(doctor.page, 'doctor.a');
    await doctor.page.goto(appUrl(t, `/doctor/experts?view=month&date=${day}&patient=${f.patientA.id}`));
    await doctor.page.locator('[data-testid="session-chip"]').first().click();
    await doctor.page.waitForSelector('#book-slot .ant-select-content:has-text("患者甲"), #book-slot .ant-select-selection-item:has-text("患者甲")');
    await doctor.page.fill('[data-testid="book-purpose"]', '复诊：冠心病术后调整用药');
    await doctor.page.click('[data-testid="book-submit"]');
    await doctor.page.waitForSelector('.ant-drawer [data-testid="booking-slip"]');
    expect(doctor.problems.errors).toEqual([]);
    await doctor.close();
    ok(await t.gql(BOOK, { i: { sessionId, patientId: String(other) } }, tokens.doctorA));

    const page = specialist.page;
    await page.click('.ant-menu-item:has-text("我的日程")');
    await page.waitForSelector('[data-testid="my-calendar"]');
    await page.getByText('月', { exact: true }).click();
    const item = `[data-testid="calendar-item"][data-session="${sessionId}"]`;
    await page.waitForSelector(item);
    expect(await text(page, item)).toContain('甲镇卫生院');
    expect(await text(page, item)).toContain('已预约 2/10');
    await page.click(`${item} [data-testid="open-session"]`);
    await page.waitForSelector('[data-testid="session-booking"]');
    const rows = await page.locator('[data-testid="session-booking"]').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('08:00');
    expect(rows[0]).toContain('患者甲');
    expect(await page.locator('[data-testid="booking-purpose"]').first().textContent()).toBe('就诊目的: 复诊：冠心病术后调整用药');
    expect(await page.locator('[data-testid="booking-purpose"]').nth(1).textContent()).toBe('就诊目的: 预约医生未填写');
    await screenshot(page, 'zh-CN', 'specialist-session-patients');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="session-bookings"]', { state: 'hidden' });
    await switchLanguage(page, 'en');
    await page.click(`${item} [data-testid="open-session"]`);
    await page.waitForFunction(() => document.querySelector('[data-testid="booking-purpose"]')?.textContent === 'Comes for: 复诊：冠心病术后调整用药');
    await screenshot(page, 'en', 'specialist-session-patients');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="session-bookings"]', { state: 'hidden' });
    await switchLanguage(page, 'zh-CN');

    // Only the session's own specialist sees its patients; the reads are audited.
    const BOOKINGS = 'query($id: ID!) { clinicSession(id: $id) { bookings { patient { name } purpose } } }';
    expect(ok(await t.gql(BOOKINGS, { id: sessionId }, tokens.doctorB)).clinicSession.bookings).toEqual([]);
    const audited = await t.database.db.query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'booking.read' AND actor_id = $1", [f.users.specialist.id]);
    expect(audited[0].n).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('refuses a clashing time with a plain sentence whose times read like the calendar beside it', async () => {
    const page = specialist.page;
    const busy = await requestConsultation(t, tokens.doctorA);
    okConsult(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: busy }, tokens.specialist));
    const day = shanghaiDay(2);
    okConsult(await t.gql('mutation($i: ScheduleConsultationInput!) { scheduleConsultation(input: $i) { state } }', { i: { id: busy, startsAt: shanghai(day, '10:00').toISOString(), endsAt: shanghai(day, '10:30').toISOString() } }, tokens.specialist));
    const id = await requestConsultation(t, tokens.doctorA);
    okConsult(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, tokens.specialist));

    await page.goto(appUrl(t, `/specialist/consultations/${id}`));
    const busyItem = page.locator('[data-testid="my-calendar"] [data-testid="calendar-item"][data-kind="remote"]').filter({ hasText: `#${busy}` });
    await busyItem.waitFor();
    expect(await busyItem.textContent()).toContain(`10:00–10:30 · 远程会诊 #${busy}`);
    expect(await text(page, '[data-testid="calendar-zone"]')).toBe(`时间按 ${ZONE}`);
    expect(await text(page, '[data-testid="schedule-form"] label')).toBe(`开始时间（${ZONE}）`);

    await pickTime(page, day, '10:15');
    await page.click('[data-testid="schedule-submit"]');
    const fieldError = page.locator('[data-testid="schedule-form"] .ant-form-item-explain-error');
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.textContent()).toBe(`该专家此时已有安排：远程会诊 ${busy} ${day} 10:00–10:30 (${ZONE})，请选择其他时间`);
    await screenshot(page, 'zh-CN', 'specialist-schedule-clash');

    await pickTime(page, day, '14:00');
    await page.click('[data-testid="schedule-submit"]');
    await page.waitForSelector('[data-testid="consultation-state"][data-state="SCHEDULED"]', { timeout: 10_000 });
    expect(await text(page, '[data-testid="scheduled"]')).toBe(`${day} 14:00–14:30 (${ZONE})`);
    const stored = okConsult(await t.gql('query($id: ID!) { consultation(id: $id) { scheduledStart } }', { id }, tokens.specialist)).consultation.scheduledStart;
    expect(new Date(stored).toISOString()).toBe(shanghai(day, '14:00').toISOString());
    const mine = page.locator('[data-testid="my-calendar"] [data-testid="calendar-item"][data-kind="remote"]').filter({ hasText: `#${id}` });
    await mine.waitFor();
    expect(await mine.textContent()).toContain(`14:00–14:30 · 远程会诊 #${id}`);
    // In English too, the sentence has no code tag.
    await switchLanguage(page, 'en');
    await pickTime(page, day, '10:20');
    await page.click('[data-testid="schedule-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="schedule-form"] .ant-form-item-explain-error')?.textContent?.startsWith('The specialist'), undefined, { timeout: 10_000 });
    expect(await text(page, '[data-testid="schedule-form"] .ant-form-item-explain-error')).toBe(`The specialist is already in remote consultation ${busy} ${day} 10:00–10:30 (${ZONE}): choose another time`);
    await switchLanguage(page, 'zh-CN');
  }, 120_000);
});

describe('referring from the opinion', () => {
  /** A consultation of this specialist with a written opinion. */
  async function completed(referUp: boolean): Promise<string> {
    const id = await requestConsultation(t, tokens.doctorA);
    const step = (m: string) => t.gql(`mutation($id: ID!) { ${m}(id: $id) { state } }`, { id }, tokens.specialist);
    okConsult(await step('claimConsultation'));
    okConsult(await step('startConsultationSession'));
    okConsult(await step('endConsultationSession'));
    okConsult(await t.gql('mutation($i: ConsultationOpinionInput!) { writeConsultationOpinion(input: $i) { state } }', {
      i: referUp
        ? { id, impression: '不稳定型心绞痛可能', recommendations: '建议上转行冠脉造影', diagnosisCode: 'I20.0', diagnosisText: '不稳定型心绞痛', referUp: true }
        : { id, impression: '稳定型心绞痛，病情平稳', recommendations: '阿司匹林100mg每日一次，瑞舒伐他汀10mg每晚，每月随访血脂', diagnosisCode: 'I20.8', diagnosisText: '稳定型心绞痛', referUp: false },
    }, tokens.specialist));
    return id;
  }

  it('refers up, prefilled from an opinion that recommends it', async () => {
    const id = await completed(true);
    const page = specialist.page;
    await page.goto(appUrl(t, `/specialist/consultations/${id}`));
    await page.waitForSelector('[data-testid="refer-form"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="refer-diagnosis-code"]') as HTMLInputElement)?.value === 'I20.0');
    expect(await page.inputValue('[data-testid="refer-diagnosis-text"]')).toBe('不稳定型心绞痛');
    expect(await page.inputValue('[data-testid="refer-justification"]')).toBe(`远程会诊 #${id} 会诊意见建议上转：不稳定型心绞痛可能`);
    expect(await text(page, '[data-testid="refer-to"]')).toContain('测试县人民医院');
    await screenshot(page, 'zh-CN', 'specialist-refer');
    await page.click('[data-testid="refer-submit"]');
    await page.waitForSelector('[data-testid="consultation-referral"][data-direction="UP"]', { timeout: 10_000 });
    expect(await text(page, '[data-testid="consultation-referral"]')).toContain('上转甲镇卫生院 → 测试县人民医院待接收');
    const referral = okConsult(await t.gql('query($id: ID!) { consultation(id: $id) { referrals { direction fromHospital { name } toHospital { name } justification diagnosisCode } } }', { id }, tokens.doctorA)).consultation.referrals;
    expect(referral).toEqual([{ direction: 'UP', fromHospital: { name: '甲镇卫生院' }, toHospital: { name: '测试县人民医院' }, justification: `远程会诊 #${id} 会诊意见建议上转：不稳定型心绞痛可能`, diagnosisCode: 'I20.0' }]);
  }, 120_000);

  it('refers down with the opinion as the care plan when the opinion does not recommend going up', async () => {
    const id = await completed(false);
    const page = specialist.page;
    await page.goto(appUrl(t, `/specialist/consultations/${id}`));
    await page.waitForSelector('[data-testid="refer-care-plan"]');
    expect(await page.locator('[data-testid="refer-direction"] input[value="UP"]').isDisabled()).toBe(true);
    await page.waitForFunction(() => (document.querySelector('[data-testid="refer-care-plan"]') as HTMLTextAreaElement)?.value.length > 0);
    expect(await page.inputValue('[data-testid="refer-care-plan"]')).toBe('阿司匹林100mg每日一次，瑞舒伐他汀10mg每晚，每月随访血脂');
    expect(await text(page, '[data-testid="refer-to"]')).toContain('甲镇卫生院');
    await page.fill('[data-testid="refer-care-plan"]', '阿司匹林100mg每日一次，瑞舒伐他汀10mg每晚；每月随访血脂，胸痛加重即上转');
    await page.click('[data-testid="refer-submit"]');
    await page.waitForSelector('[data-testid="consultation-referral"][data-direction="DOWN"]', { timeout: 10_000 });
    expect(await text(page, '[data-testid="consultation-referral"]')).toContain('下转测试县人民医院 → 甲镇卫生院待接收');
    // The township doctor receives it, with the care plan.
    const incoming = ok(await t.gql('query { referrals(incoming: true, first: 10) { nodes { direction carePlan sourceConsultation { id } } } }', {}, tokens.doctorA)).referrals.nodes;
    expect(incoming).toContainEqual({ direction: 'DOWN', carePlan: '阿司匹林100mg每日一次，瑞舒伐他汀10mg每晚；每月随访血脂，胸痛加重即上转', sourceConsultation: { id } });
    // Only the consulting specialist sends a DOWN referral from a consultation.
    const byDoctor = refusal(await t.gql('mutation($i: ReferFromConsultationInput!) { referFromConsultation(input: $i) { id } }', { i: { consultationId: await completed(false), direction: 'DOWN' } }, tokens.doctorA));
    expect(byDoctor).toMatchObject({ code: 'BAD_USER_INPUT', field: 'direction' });
    expect(specialist.problems.errors).toEqual([]);
    expect(specialist.problems.missingKeys).toEqual([]);
  }, 120_000);
});
