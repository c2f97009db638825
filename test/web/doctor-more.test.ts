import { Browser, Page, WebSocketRoute } from 'playwright-core';
import { ok, requestConsultation } from '../consult/support';
import { addRotationExtras, approvedDemand, GQL, makeAvailable, nextMonth, RotationExtras } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, appUrl, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage, UiLanguage } from './support/app';

/**
 * More of the township doctor's workspace in real Chromium, through the real hub and PostgreSQL:
 * the language saved for the person (another browser signs in to it), the visiting experts'
 * calendar by week and month with its three filters, cancelling a booking, the re-booking to-do
 * after a roster amendment cancelled a session, subscriptions that resume from their cursor after
 * the connection drops (nothing that happened meanwhile is lost), incoming referrals live with a
 * badge and answered (accept, arrived, complete; decline with a reason), and the main screens at a
 * tablet's and a laptop's size without sideways scrolling, kept as screenshots in both languages.
 */
let t: TestHub;
let browser: Browser;
let app: AppPage;
let page: Page;
let scheduler: string;
let specialist: string;
let doctorA: string;
let extras: RotationExtras;
const month = nextMonth();
// A Monday, Tuesday and Wednesday of one week next month, so the week view shows all three.
const MONDAY = month.days.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const TUESDAY = plusDays(MONDAY, 1);
const WEDNESDAY = plusDays(MONDAY, 2);
/** The cardiologist's morning at township A (the session the amendment cancels), by assignment. */
let cardioAAssignment: string;

/** The WebSocket between the page and the hub, routed through the test so it can cut it. */
const links: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
let cut = false;

beforeAll(async () => {
  t = await startAppHub();
  browser = await launchAppBrowser();
  const f = t.fixture;
  extras = await addRotationExtras(t);
  [scheduler, specialist, doctorA] = await Promise.all(['scheduler', 'specialist', 'doctor.a'].map((u) => t.signIn(u)));
  const doctorB = await t.signIn('doctor.b');
  for (const id of [f.users.specialist.id, extras.specialist2.id, extras.neurologist.id]) {
    await makeAvailable(t, scheduler, id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
  }
  for (const host of [f.townshipA.id, f.townshipB.id]) {
    ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { slotsPerSession } }', { i: { hostId: host, slotMinutes: 30, slotsPerSession: 4 } }, scheduler));
  }
  const period = { periodStart: month.start, periodEnd: month.end, expertDays: 1 };
  const cardioA = await approvedDemand(t, doctorA, scheduler, { ...period, hostId: f.townshipA.id, session: 'MORNING' });
  const neuroA = await approvedDemand(t, doctorA, scheduler, { ...period, hostId: f.townshipA.id, specialtyId: extras.neurology.id, session: 'AFTERNOON' });
  const cardioB = await approvedDemand(t, doctorB, scheduler, { ...period, hostId: f.townshipB.id, session: 'MORNING' });
  const rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  const assign = async (specialistId: number, demandId: string, date: string) =>
    ok(await t.gql(GQL.assign, { i: { rosterId, specialistId, demandId, dates: [date] } }, scheduler)).assignSpecialist.assignments
      .find((a: any) => a.date === date && a.specialist.id === String(specialistId)).id as string;
  cardioAAssignment = await assign(f.users.specialist.id, cardioA, MONDAY);
  await assign(extras.neurologist.id, neuroA, TUESDAY);
  await assign(extras.specialist2.id, cardioB, WEDNESDAY);
  ok(await t.gql(GQL.publish, { id: rosterId }, scheduler));

  app = await openApp(browser, t, { label: 'doctor.a' });
  page = app.page;
  // Every WebSocket of this page goes through here: passed on to the hub, or (while `cut`) refused.
  await app.context.routeWebSocket(/\/graphql$/, (ws) => {
    if (cut) {
      void ws.close({ code: 1001, reason: 'network down' });
      return;
    }
    links.push({ page: ws, server: ws.connectToServer() });
  });
  await signInThroughUi(page, 'doctor.a');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();
const go = async (path: string, ready: string) => {
  await page.goto(appUrl(t, path));
  await page.waitForSelector(ready);
};
/** The text of every session shown in the calendar, once the sessions have loaded. */
async function chips(): Promise<string[]> {
  await page.waitForSelector('[data-testid="experts-page"] .ant-spin-container:not(.ant-spin-blur)');
  return page.locator('[data-testid="session-chip"]').allInnerTexts();
}
async function choose(select: string, option: string) {
  await page.click(`[data-testid="${select}"]`);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}
/** Waits until the page shows what `read` returns as `want` (live updates take a moment). */
async function until(read: () => Promise<string>, want: RegExp | string, what: string, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let seen = await read().catch(() => '(nothing)');
  const matches = (s: string) => (typeof want === 'string' ? s.trim() === want : want.test(s));
  while (!matches(seen)) {
    if (Date.now() > deadline) throw new Error(`${what}: expected ${want}, the page shows ${seen}`);
    await page.waitForTimeout(200);
    seen = await read().catch(() => '(nothing)');
  }
}

describe('the language follows the person', () => {
  it('is saved on the hub when switched, so another browser signs in to it', async () => {
    const first = await openApp(browser, t, { label: 'doctor.b first browser' });
    await signInThroughUi(first.page, 'doctor.b');
    expect(await first.page.locator('[data-testid="sign-out"]').innerText()).toMatch(/退出登录/);
    await switchLanguage(first.page, 'en');
    const saved = async () => (await t.database.db.query(`SELECT language FROM person WHERE username = 'doctor.b'`))[0].language;
    const deadline = Date.now() + 10_000;
    while ((await saved()) !== 'en' && Date.now() < deadline) await first.page.waitForTimeout(200);
    expect(await saved()).toBe('en');

    // Another browser (its own storage, a Chinese browser): the person's English comes with the sign-in.
    const second = await openApp(browser, t, { label: 'doctor.b second browser', locale: 'zh-CN' });
    await second.page.waitForSelector('#sign-in-form');
    expect(await second.page.locator('[data-testid="sign-in-submit"]').innerText()).toMatch(/登\s*录/);
    await signInThroughUi(second.page, 'doctor.b');
    expect(await second.page.locator('[data-testid="sign-out"]').innerText()).toBe('Sign out');
    expect(await second.page.locator('[data-testid="menu-patients"]').innerText()).toBe('Patients');
    expect(await second.page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Back to Chinese there; the first browser, reloaded, follows what the person saved last.
    await switchLanguage(second.page, 'zh-CN');
    const deadline2 = Date.now() + 10_000;
    while ((await saved()) !== 'zh-CN' && Date.now() < deadline2) await second.page.waitForTimeout(200);
    expect(await saved()).toBe('zh-CN');
    await first.page.reload();
    await first.page.waitForSelector('[data-testid="who"]');
    await first.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await first.page.locator('[data-testid="menu-patients"]').innerText()).toBe('患者');
    for (const a of [first, second]) expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
    await first.close();
    await second.close();
  }, 120_000);
});

describe('visiting experts calendar', () => {
  it('shows the week by half-days and the month, and filters by specialty, specialist and hospital', async () => {
    await go(`/doctor/experts?view=week&date=${MONDAY}`, '[data-testid="week-grid"]');
    expect(await text('[data-testid="calendar-range"]')).toBe(`${MONDAY} – ${plusDays(MONDAY, 6)}`);
    const cell = (date: string, half: string) => page.locator(`.week-grid-cell[data-date="${date}"][data-half="${half}"]`).innerText();
    await until(() => cell(MONDAY, 'MORNING'), /心内科[\s\S]*用户specialist\b[\s\S]*甲镇卫生院[\s\S]*余4/, 'Monday morning');
    expect(await cell(TUESDAY, 'AFTERNOON')).toMatch(/神经内科[\s\S]*用户neurologist[\s\S]*甲镇卫生院[\s\S]*余4/);
    expect(await cell(WEDNESDAY, 'MORNING')).toMatch(/心内科[\s\S]*用户specialist2[\s\S]*乙镇卫生院[\s\S]*余4/);
    expect(await cell(TUESDAY, 'MORNING')).toBe('');
    expect(await chips()).toHaveLength(3);
    // Only hospitals that receive visiting experts are asked for and offered: no refusal on the screen.
    expect(await page.locator('[data-testid="experts-page"] .ant-alert').count()).toBe(0);
    await screenshot(page, 'zh-CN', 'experts-week');

    await choose('filter-specialty', '神经内科');
    await until(async () => (await chips()).join(' | '), /^神经内科\s*用户neurologist\s*甲镇卫生院\s*余4$/, 'neurology only');
    await go(`/doctor/experts?view=week&date=${MONDAY}`, '[data-testid="week-grid"]');
    await until(async () => String((await chips()).length), '3', 'all three again');
    await choose('filter-specialist', '用户specialist2');
    await until(async () => (await chips()).join(' | '), /^心内科\s*用户specialist2\s*乙镇卫生院\s*余4$/, "specialist2's session only");
    await go(`/doctor/experts?view=week&date=${MONDAY}`, '[data-testid="week-grid"]');
    await until(async () => String((await chips()).length), '3', 'all three again');
    await choose('filter-hospital', '甲镇卫生院');
    await until(async () => (await chips()).map((c) => c.split(/\s+/)[1]).sort().join(' '), '用户neurologist 用户specialist', "township A's two sessions");
    // Two filters at once: cardiology at township A is the Monday morning alone.
    await choose('filter-specialty', '心内科');
    await until(async () => (await chips()).join(' | '), /^心内科\s*用户specialist\s*甲镇卫生院\s*余4$/, 'cardiology at township A');
    expect(await page.locator(`.week-grid-cell[data-date="${MONDAY}"][data-half="MORNING"] [data-testid="session-chip"]`).count()).toBe(1);
    await choose('filter-hospital', '乙镇卫生院');
    await until(async () => (await chips()).join(' | '), /^心内科\s*用户specialist2\s*乙镇卫生院\s*余4$/, 'cardiology at township B');
    // A choice that matches nothing in the period says so.
    await choose('filter-specialty', '神经内科');
    await until(async () => String((await chips()).length), '0', 'no neurology at township B');
    await page.waitForSelector('text=此时段没有专家坐诊');

    // The month: all three sessions on their days, a filter applies there too.
    await go(`/doctor/experts?view=month&date=${MONDAY}`, '.ant-picker-calendar');
    await until(async () => String((await chips()).length), '3', 'the month shows the three sessions');
    const dayCell = (date: string) => page.locator(`td[title="${date}"]`).innerText();
    expect(await dayCell(MONDAY)).toMatch(/用户specialist\b/);
    expect(await dayCell(TUESDAY)).toMatch(/用户neurologist/);
    expect(await dayCell(WEDNESDAY)).toMatch(/用户specialist2/);
    await choose('filter-hospital', '乙镇卫生院');
    await until(async () => (await chips()).join(' | '), /^心内科\s*用户specialist2\s*乙镇卫生院\s*余4$/, 'township B in the month');
    expect(await dayCell(MONDAY)).not.toMatch(/用户/);
    await screenshot(page, 'zh-CN', 'experts-month-filtered');
    // Week and month are a switch on the page too.
    await page.locator('[data-testid="calendar-view"]').getByText('周', { exact: true }).click();
    await page.waitForSelector('[data-testid="week-grid"]');
  }, 120_000);
});

describe('bookings', () => {
  it('cancels a booking in the browser: the slot is free again', async () => {
    await go(`/doctor/experts?view=week&date=${MONDAY}&patient=${t.fixture.patientA.id}`, '[data-testid="week-grid"]');
    await page.locator(`.week-grid-cell[data-date="${WEDNESDAY}"] [data-testid="session-chip"]`).click();
    await page.waitForSelector('[data-testid="session-drawer"]');
    await page.waitForSelector('#book-slot .ant-select-content:has-text("患者甲"), #book-slot .ant-select-selection-item:has-text("患者甲")');
    await page.click('[data-testid="book-submit"]');
    await page.locator('.ant-drawer [data-testid="booking-slip"]').waitFor();
    await until(() => text('[data-testid="free-slots"]'), '3 / 4', 'one slot taken');
    const row = page.locator('.ant-drawer .ant-list-item').filter({ hasText: '患者甲' });
    expect(await row.innerText()).toContain('已预约');
    await row.getByRole('button', { name: '取消预约' }).click();
    await page.locator('.ant-popconfirm').getByText('确定取消该预约？号源将释放。').waitFor();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await until(() => text('[data-testid="free-slots"]'), '4 / 4', 'the slot free again');
    await until(() => row.innerText(), /已取消/, 'the booking shows cancelled');
    expect(await row.getByRole('button', { name: '取消预约' }).count()).toBe(0);
    await screenshot(page, 'zh-CN', 'booking-cancelled');
    const bookings = ok(await t.gql('query($p: ID!) { patientBookings(patientId: $p) { state clinicSession { date } } }', { p: String(t.fixture.patientA.id) }, doctorA)).patientBookings;
    expect(bookings).toEqual([{ state: 'CANCELLED', clinicSession: { date: WEDNESDAY } }]);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('lists a booking a roster amendment left without a place, and re-books it into the suggested session in one click', async () => {
    // Booked on Monday at township A; the scheduler then takes the cardiologist off that day.
    // No other cardiology session at township A has room, so the booking is flagged, not moved.
    const mondaySession = ok(await t.gql(`query($h: ID!, $d: String) { hostSessions(hostId: $h, from: $d, to: $d) { id specialty { code } } }`, { h: String(t.fixture.townshipA.id), d: MONDAY }, doctorA))
      .hostSessions.find((s: any) => s.specialty.code === 'CARDIOLOGY').id;
    ok(await t.gql(GQL.book, { i: { sessionId: mondaySession, patientId: String(t.fixture.patientA.id) } }, doctorA));
    await go('/doctor', '[data-testid="home-doctor"]');
    expect(await text('[data-testid="rebook-count"]')).toBe('0');
    const removed = ok(await t.gql('mutation($i: RemoveAssignmentInput!) { removeAssignment(input: $i) { bookingsMoved bookingsFlagged } }', { i: { assignmentId: cardioAAssignment, reason: '专家临时出诊任务' } }, scheduler)).removeAssignment;
    expect(removed).toEqual({ bookingsMoved: 0, bookingsFlagged: 1 });

    // The to-do appears live (the booking feed), with the equivalent session suggested: cardiology, nearest date, free slots.
    await until(() => text('[data-testid="rebook-count"]'), '1', 'the flagged booking counted');
    const item = page.locator('[data-testid="rebook-item"]');
    expect(await item.innerText()).toMatch(new RegExp(`患者甲 · 心内科[\\s\\S]*原定 ${MONDAY} 上午，甲镇卫生院；坐诊已取消：专家临时出诊任务`));
    expect(await item.innerText()).not.toMatch(/cancelled|please/);
    const rebook = item.locator('[data-testid="rebook"]');
    await until(() => rebook.innerText(), `改约到 ${WEDNESDAY} 上午（用户specialist2）`, 'the suggestion');
    await screenshot(page, 'zh-CN', 'rebook-todo');
    await rebook.click();
    await until(() => text('[data-testid="rebook-count"]'), '0', 'the to-do done');
    await page.waitForSelector('text=没有需要重新预约的患者');
    const bookings = ok(await t.gql('query($p: ID!) { patientBookings(patientId: $p) { state clinicSession { date host { name } specialist { name } } } }', { p: String(t.fixture.patientA.id) }, doctorA)).patientBookings;
    expect(bookings).toContainEqual({ state: 'BOOKED', clinicSession: { date: WEDNESDAY, host: { name: '乙镇卫生院' }, specialist: { name: '用户specialist2' } } });
    expect(bookings).toContainEqual(expect.objectContaining({ state: 'REBOOKED', clinicSession: expect.objectContaining({ date: MONDAY }) }));
    // And the calendar shows the new session one slot fuller.
    await go(`/doctor/experts?view=week&date=${MONDAY}`, '[data-testid="week-grid"]');
    await until(() => page.locator(`.week-grid-cell[data-date="${WEDNESDAY}"][data-half="MORNING"]`).innerText(), /用户specialist2[\s\S]*余3/, 'the new session with a slot fewer');
  }, 120_000);
});

const CARE_PLAN = '康复训练每日2次；阿司匹林100mg qd；每周随访血压';
const proposeDown = async (diagnosisText: string) => ok(await t.gql(
  'mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id state } }',
  { i: { direction: 'DOWN', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.townshipA.id), toDepartmentId: String(extras.neurology.id), diagnosisCode: 'I63.9', diagnosisText, justification: '急性期已过，转回基层康复', carePlan: CARE_PLAN } },
  specialist,
)).proposeReferral.id as string;

describe('live updates across a lost connection', () => {
  it('resumes every subscription from its cursor: a claim and a referral made while offline appear after the reconnect', async () => {
    // The county hospital's specialist may refer patient A down once patient A was referred up to it.
    ok(await t.gql('mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id } }', {
      i: { direction: 'UP', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.tertiary.id), toDepartmentId: String(t.fixture.cardiology.id), diagnosisCode: 'I63.9', diagnosisText: '脑梗死', justification: '需上级医院溶栓评估' },
    }, doctorA));
    const consultationId = await requestConsultation(t, doctorA);
    await go(`/doctor/consultations/${consultationId}`, '[data-testid="consultation-state"][data-state="REQUESTED"]');
    await page.waitForSelector('[data-testid="connection"][data-state="connected"]');
    expect(await page.locator('[data-testid="menu-incoming-badge"] .ant-scroll-number').count()).toBe(0);

    try {
      await offlineMeanwhile(consultationId);
    } finally {
      await app.context.setOffline(false);
      cut = false;
    }
    // The network is back: the subscriptions resume after the last event they saw, so both changes arrive.
    await page.waitForSelector('[data-testid="connection"][data-state="connected"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="consultation-state"][data-state="CLAIMED"]', { timeout: 30_000 });
    expect(await text('[data-testid="consultation-state"]')).toBe('已认领');
    expect(await text('[data-testid="consultation-timeline"]')).toContain('测试县人民医院 用户specialist 已认领');
    await until(() => text('[data-testid="menu-incoming-badge"]'), '1', 'the incoming referral badge');
    await screenshot(page, 'zh-CN', 'reconnected-consultation');
  }, 120_000);
});

/** Cuts the page's connection, then claims the consultation and refers a patient down to township A while it is cut. */
async function offlineMeanwhile(consultationId: string) {
  // The network goes: the page's socket drops and no new one gets through.
  cut = true;
  await app.context.setOffline(true);
  for (const link of links.splice(0)) {
    await link.page.close({ code: 1001, reason: 'network down' }).catch(() => {});
    await link.server.close().catch(() => {});
  }
  await page.waitForSelector('[data-testid="connection"][data-state="reconnecting"]');
  // Meanwhile a specialist claims the request and another refers a patient down to this hospital.
  ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: consultationId }, specialist));
  await proposeDown('脑梗死恢复期');
  await page.waitForTimeout(2_000);
  expect(await page.locator('[data-testid="consultation-state"]').getAttribute('data-state')).toBe('REQUESTED');
}

describe('incoming referrals', () => {
  const incomingRow = (diagnosis: string) => page.locator('[data-testid="incoming-referrals"] tr').filter({ hasText: diagnosis });
  const stateOf = (diagnosis: string) => incomingRow(diagnosis).locator('[data-testid="referral-state"]').innerText();

  it('accepts a referral down, marks the patient arrived, then completes it', async () => {
    await go('/doctor/referrals', '[data-testid="referrals-page"]');
    await until(() => text('[data-testid="incoming-badge"] .ant-scroll-number'), '1', 'the tab badge');
    await page.getByRole('tab', { name: /转入/ }).click();
    const row = incomingRow('脑梗死恢复期');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/患者甲[\s\S]*下转[\s\S]*测试县人民医院[\s\S]*I63\.9 脑梗死恢复期[\s\S]*急性期已过，转回基层康复[\s\S]*待接收/);
    await screenshot(page, 'zh-CN', 'referrals-incoming');
    await row.locator('[data-testid="referral-accept"]').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '预计到院日期' });
    await dialog.waitFor();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await until(() => stateOf('脑梗死恢复期'), '已接收', 'accepted');
    // Answered: the badges count only referrals still waiting.
    await until(async () => String(await page.locator('[data-testid="menu-incoming-badge"] .ant-scroll-number').count()), '0', 'no badge once answered');
    await row.locator('[data-testid="referral-arrived"]').click();
    await until(() => stateOf('脑梗死恢复期'), '已到院', 'arrived');
    await row.locator('[data-testid="referral-complete"]').click();
    await until(() => stateOf('脑梗死恢复期'), '已完成', 'completed');
    expect(await row.locator('button').count()).toBe(0);
    const r = ok(await t.gql('{ referrals(incoming: true) { nodes { state diagnosisText expectedArrivalDate arrivedAt completedAt } } }', {}, doctorA)).referrals.nodes;
    expect(r).toEqual([expect.objectContaining({ state: 'COMPLETED', diagnosisText: '脑梗死恢复期', expectedArrivalDate: expect.any(String), arrivedAt: expect.any(String), completedAt: expect.any(String) })]);
  }, 120_000);

  it('shows a new referral live with a badge, and declines it with the reason it needs', async () => {
    await proposeDown('高血压病稳定期');
    // Live, on the open page: the row, and a badge on the menu and on the tab.
    const row = incomingRow('高血压病稳定期');
    await row.waitFor({ timeout: 30_000 });
    await until(() => text('[data-testid="menu-incoming-badge"]'), '1', 'the menu badge');
    await until(() => text('[data-testid="incoming-badge"] .ant-scroll-number'), '1', 'the tab badge');
    await row.locator('[data-testid="referral-decline"]').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '原因' });
    await dialog.waitFor();
    // Without a reason: said beside the reason field, nothing sent.
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const reasonItem = dialog.locator('.ant-form-item:has(label:text-is("原因"))');
    await until(() => reasonItem.locator('.ant-form-item-explain-error').innerText(), '请填写原因', 'the missing reason beside its field');
    expect(await stateOf('高血压病稳定期')).toBe('待接收');
    await reasonItem.locator('textarea').fill('本院暂无康复床位，请转乙镇卫生院');
    await screenshot(page, 'zh-CN', 'referral-decline');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await until(() => stateOf('高血压病稳定期'), '已拒绝', 'declined');
    await until(async () => String(await page.locator('[data-testid="menu-incoming-badge"] .ant-scroll-number').count()), '0', 'no badge once declined');
    const declined = ok(await t.gql('{ referrals(incoming: true) { nodes { state diagnosisText declineReason } } }', {}, doctorA)).referrals.nodes
      .find((r: any) => r.diagnosisText === '高血压病稳定期');
    expect(declined).toEqual({ state: 'DECLINED', diagnosisText: '高血压病稳定期', declineReason: '本院暂无康复床位，请转乙镇卫生院' });
    expect(app.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 120_000);
});

describe('tablet and laptop layout', () => {
  const SCREENS: [string, string, string][] = [
    ['home', '/doctor', '[data-testid="home-doctor"]'],
    ['patients', '/doctor/patients', '[data-testid="patients-page"] .ant-table-row'],
    ['experts-week', `/doctor/experts?view=week&date=${MONDAY}`, '[data-testid="session-chip"]'],
    ['experts-month', `/doctor/experts?view=month&date=${MONDAY}`, '[data-testid="session-chip"]'],
    ['consultations', '/doctor/consultations', '[data-testid="consultations-page"] .ant-table-row'],
    ['consultation-request', `/doctor/consultations/new?patient=${0}`, '#request-consultation'],
    ['referrals', '/doctor/referrals', '[data-testid="outgoing-referrals"] .ant-table-row'],
    ['referral-propose', '/doctor/referrals/new', '#propose-referral'],
  ];
  const SIZES = [{ name: 'tablet', width: 768, height: 1024 }, { name: 'laptop', width: 1366, height: 768 }];

  /** The controls of the screen that the folded menu's tab lies over (none, or a person could not reach them). */
  const coveredByMenuTab = () => page.evaluate(() => {
    const tab = document.querySelector('.ant-layout-sider-zero-width-trigger')?.getBoundingClientRect();
    if (!tab) return [];
    return [...document.querySelectorAll('.app-content button, .app-content input, .app-content [role="tab"], .app-content a, .app-content h3')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left < tab.right && r.right > tab.left && r.top < tab.bottom && r.bottom > tab.top;
      })
      .map((el) => (el as HTMLElement).innerText || el.tagName);
  });
  /** How far the page scrolls sideways (0: it fits the window). */
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it.each(['zh-CN', 'en'] as UiLanguage[])('fits every main screen at a tablet and a laptop size, navigation in reach (%s)', async (language) => {
    if (language === 'en') await switchLanguage(page, 'en');
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [screen, path, ready] of SCREENS) {
        await go(path.replace('patient=0', `patient=${t.fixture.patientA.id}`), ready);
        await page.waitForLoadState('networkidle').catch(() => {});
        expect({ screen, size: size.name, overflow: await overflow(), covered: await coveredByMenuTab(), errors: await page.locator('.app-content .ant-alert-error').allInnerTexts() })
          .toEqual({ screen, size: size.name, overflow: 0, covered: [], errors: [] });
        await screenshot(page, language, `${size.name}-${screen}`);
      }
      // The menu: beside the screen on the laptop; on the tablet behind a button that stays in view.
      await go('/doctor', '[data-testid="home-doctor"]');
      if (size.name === 'tablet') {
        // Folded away: the menu takes no width from the screen.
        expect((await page.locator('.ant-layout-sider').boundingBox())!.width).toBe(0);
        const opener = page.locator('.ant-layout-sider-zero-width-trigger');
        const box = (await opener.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        await opener.click();
      }
      await page.locator('[data-testid="menu-referrals"]').click();
      await page.waitForSelector('[data-testid="referrals-page"]');
      expect(page.url()).toMatch(/\/doctor\/referrals$/);
      expect(await overflow()).toBe(0);
      await screenshot(page, language, `${size.name}-menu`);
    }
    expect(app.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 240_000);
});
