import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { setWaiting, requestConsultation } from '../consult/support';
import { addPatients, addSpecialist, GQL, makeAvailable, nextMonth, ok } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';

/**
 * The scheduler's cycle in real Chromium against a real hub and PostgreSQL: approve demands
 * (one arriving live) → run the optimizer and watch it reach 100 % → a move that breaks a rule
 * is shown on the cell, then refused by the hub → a valid move, undone → publish with its
 * preview → an amendment lists the bookings it touched → an escalation arrives live, seen and
 * heard, and is assigned. Then the xlsx export is read back with exceljs.
 */
let t: TestHub;
let browser: Browser;
let a: AppPage;
let page: Page;
let scheduler: string;
let doctorA: string;
let doctorB: string;
let s1: number;
let s2: number;
let rosterId: string;
let pinned: string;
const month = nextMonth();
const D = (i: number) => month.days[i];
const demand: Record<string, string> = {};

const ASSIGNMENTS = `query($id: ID!) { roster(id: $id) { state assignments { id date session pinned specialist { id name } host { id name } specialty { nameZh } clinicSession { id } } } }`;
const REQUEST_DEMAND = `mutation($i: RequestDemandInput!) { requestRotationDemand(input: $i) { id state } }`;

beforeAll(async () => {
  t = await startAppHub({ CONSULT_DEADLINE_EMERGENCY_SECONDS: '60', CONSULT_SWEEP_INTERVAL_MS: '300' });
  browser = await launchAppBrowser(['--autoplay-policy=no-user-gesture-required']);
  const f = t.fixture;
  s1 = f.users.specialist.id;
  s2 = (await addSpecialist(t, 'card2', f.cardiology.id)).id;
  [scheduler, doctorA, doctorB] = await Promise.all(['scheduler', 'doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
  // s1: the first twenty days of the month only; card2: all month, generous limits.
  await makeAvailable(t, scheduler, s1, [{ from: D(0), to: D(19) }], { maxDaysPerMonth: 8, maxConsecutiveDays: 3 });
  await makeAvailable(t, scheduler, s2, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 31, maxConsecutiveDays: 31 });
  for (const host of [f.townshipA.id, f.townshipB.id]) ok(await t.gql('mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { dailyCapacity } }', { i: { hostId: host, dailyCapacity: 4 } }, scheduler));
  const request = async (token: string, input: Record<string, unknown>) => ok(await t.gql(REQUEST_DEMAND, {
    i: { consortiumId: f.consortium.id, specialtyId: f.cardiology.id, preferredWeekdays: [], priority: 3, periodStart: month.start, periodEnd: month.end, ...input },
  }, token)).requestRotationDemand.id as string;
  demand.A = await request(doctorA, { hostId: f.townshipA.id, expertDays: 6, session: 'MORNING', priority: 5 });
  demand.B = await request(doctorB, { hostId: f.townshipB.id, expertDays: 3, session: 'FULL_DAY' });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  a = await openApp(browser, t, { label: 'scheduler' });
  page = a.page;
  await signInThroughUi(page, 'scheduler');
}, 240_000);
afterAll(async () => {
  await a?.close().catch(() => {});
  await browser?.close();
  await t?.stop();
});

const go = async (path: string, ready: string) => {
  await page.click(`[data-testid="menu-${path.replace(/^\/scheduler\/?/, "") || "home"}"]`);
  await page.waitForSelector(ready);
};
/** HTML5 drag and drop as the browser fires it: dragstart on the chip, dragover and drop on the cell, one DataTransfer. */
async function drag(source: string, target: string) {
  const transfer = await page.evaluateHandle(() => new DataTransfer());
  await page.locator(target).scrollIntoViewIfNeeded();
  await page.dispatchEvent(source, 'dragstart', { dataTransfer: transfer });
  await page.dispatchEvent(target, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(target, 'drop', { dataTransfer: transfer });
  await page.dispatchEvent(source, 'dragend', { dataTransfer: transfer });
}
const text = (selector: string) => page.locator(selector).first().innerText();
const apiAssignments = async () => ok(await t.gql(ASSIGNMENTS, { id: rosterId }, scheduler)).roster;

describe("the scheduler's cycle", () => {
  it('approves demands, and sees a new one arrive live', async () => {
    await page.waitForURL(/\/scheduler$/);
    await go('/scheduler/demands', '[data-testid="demands-table"]');
    await page.waitForSelector(`[data-testid="approve-${demand.A}"]`);
    // A host asks while the scheduler looks: the row appears, marked new, without a reload.
    demand.late = ok(await t.gql(REQUEST_DEMAND, {
      i: { consortiumId: t.fixture.consortium.id, hostId: t.fixture.townshipA.id, specialtyId: t.fixture.cardiology.id, expertDays: 2, session: 'AFTERNOON', priority: 1, periodStart: month.start, periodEnd: month.end, preferredWeekdays: [] },
    }, doctorA)).requestRotationDemand.id;
    await page.waitForSelector(`tr[data-row-key="${demand.late}"] >> text=新`, { timeout: 10_000 });
    await page.click(`[data-testid="approve-${demand.A}"]`);
    await page.waitForSelector(`[data-testid="approve-${demand.A}"]`, { state: 'detached' });
    await page.click(`[data-testid="approve-${demand.B}"]`);
    await page.waitForSelector(`[data-testid="approve-${demand.B}"]`, { state: 'detached' });
    // Declining needs a reason: the form says so beside the field, then the hub records it.
    await page.click(`[data-testid="decline-${demand.late}"]`);
    await page.click('[data-testid="decline-confirm"]');
    expect(await text('.ant-form-item-explain-error')).toBe('请填写原因');
    await page.fill('[data-testid="decline-reason"]', '本月已有安排');
    await page.click('[data-testid="decline-confirm"]');
    await page.waitForSelector(`[data-testid="decline-${demand.late}"]`, { state: 'detached' });
    const states = ok(await t.gql(`query($c: ID!) { rotationDemands(consortiumId: $c) { nodes { id state decisionReason } } }`, { c: t.fixture.consortium.id }, scheduler)).rotationDemands.nodes;
    expect(Object.fromEntries(states.map((d: any) => [d.id, [d.state, d.decisionReason]]))).toEqual({
      [demand.A]: ['APPROVED', null], [demand.B]: ['APPROVED', null], [demand.late]: ['DECLINED', '本月已有安排'],
    });
    expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 60_000);

  it('runs the optimizer from the board and watches the progress reach 100%, with the live score and the result drawn', async () => {
    // The scheduler placed s1 by hand (pinned) before: the optimizer keeps it.
    pinned = ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: s1, demandId: demand.A, dates: [D(2)], pinned: true } }, scheduler)).assignSpecialist.assignments[0].id;
    await go('/scheduler', '[data-testid="roster-board"]');
    await page.waitForSelector(`[data-assignment-id="${pinned}"] [aria-label="已锁定"]`);
    await page.click('[data-testid="optimizer-run"]');
    await page.waitForSelector('[data-testid="optimizer-progress"]');
    await page.waitForSelector('[data-testid="optimizer-progress"][data-percent="100"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="optimizer-result"]', { timeout: 20_000 });
    expect(await text('[data-testid="optimizer-state"]')).toBe('已完成');
    const score = await text('[data-testid="optimizer-score"]');
    for (const part of ['覆盖', '公平', '连续性', '偏好', '路程']) expect(score).toContain(part);
    expect(await text('[data-testid="optimizer-bound"]')).not.toContain('—');
    expect(await text('[data-testid="optimizer-diff"]')).toMatch(/新增 \d+ 个/);
    // The board shows exactly what the hub holds, each on its specialist's row and day, coloured by host.
    const roster = await apiAssignments();
    expect(roster.assignments.length).toBeGreaterThanOrEqual(6);
    expect(roster.assignments.find((x: any) => x.id === pinned)).toMatchObject({ pinned: true, date: D(2), specialist: { id: String(s1) } });
    expect(await text('[data-testid="optimizer-result"]')).toContain('保留锁定 1 个');
    expect(await text('[data-testid="optimizer-result"]')).toMatch(new RegExp(`已安排 ${roster.assignments.reduce((n: number, x: any) => n + 1, 0)} / 9 专家日`));
    for (const x of roster.assignments) {
      const half = x.session === 'AFTERNOON' ? 'AFTERNOON' : 'MORNING';
      const chip = page.locator(`[data-testid="cell-${x.specialist.id}-${x.date}-${half}"] [data-assignment-id="${x.id}"]`);
      expect(await chip.innerText()).toBe(`${x.specialty.nameZh} · ${x.host.name}`);
    }
    const colours = await page.$$eval('[data-assignment-id]', (els) => [...new Set(els.map((e) => `${e.getAttribute('data-host-id')}=${getComputedStyle(e).backgroundColor}`))]);
    expect(new Set(colours.map((c) => c.split('=')[1])).size).toBe(2);
    // Weekends are shaded.
    const saturday = month.days.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    expect(await page.getAttribute(`th[data-date="${saturday}"]`, 'data-kind')).toMatch(/weekend|holiday/);
    await screenshot(page, 'zh-CN', 'scheduler-board');
    await switchLanguage(page, 'en');
    await page.waitForSelector('text=By specialist');
    await screenshot(page, 'en', 'scheduler-board');
    await page.click('[data-testid="board-view"] >> text=By host');
    await page.waitForSelector('[data-testid="roster-board"][data-view="host"]');
    await screenshot(page, 'en', 'scheduler-board-by-host');
    await page.click('[data-testid="board-view"] >> text=By specialist');
    await switchLanguage(page, 'zh-CN');
  }, 120_000);

  it('shows the rule a move would break on the cell before saving, then the hub\'s refusal; a valid move is saved and undone', async () => {
    const roster = await apiAssignments();
    const mine = roster.assignments.find((x: any) => x.id === pinned);
    expect(mine).toBeTruthy();
    // Day 25: s1 never said they could go out then.
    const target = `[data-testid="cell-${s1}-${D(25)}-MORNING"]`;
    await drag(`[data-assignment-id="${mine.id}"] >> nth=0`, target);
    await page.waitForSelector(`${target} [data-testid="cell-rule"]`);
    // The rule's name is the screen's own words; the sentence is the hub's rule checker's, shown as
    // the hub gives it (its wording is the hub's catalogue's, so it is compared, not spelled out here).
    const { violations } = ok(await t.gql('query($i: MoveAssignmentInput!) { previewMoveAssignment(input: $i) { violations { rule message } } }',
      { i: { assignmentId: mine.id, date: D(25), specialistId: String(s1), reason: '调度员调整' } }, scheduler)).previewMoveAssignment;
    expect(violations.map((v: any) => v.rule)).toContain('NOT_AVAILABLE');
    expect(await text(`${target} [data-testid="cell-rule"]`)).toBe(violations.map((v: any) => v.message).join('；'));
    expect(await text('[data-testid="edit-violations"]')).toContain('未申报可出诊');
    for (const v of violations) expect(await text('[data-testid="edit-violations"]')).toContain(v.message);
    expect((await apiAssignments()).assignments.find((x: any) => x.id === mine.id)).toBeTruthy();
    await page.click('[data-testid="edit-save"]');
    await page.waitForSelector(`${target} [data-testid="cell-refusal"]`);
    // The hub's refusal: under the screen's heading, its sentence both in the panel and on the cell.
    expect(await text('[data-testid="edit-refusal"] .ant-alert-title')).toBe('平台拒绝了此调整');
    const refusal = (await text('[data-testid="edit-refusal"] .ant-alert-description')).trim();
    expect(refusal).not.toBe('');
    expect((await text(`${target} [data-testid="cell-refusal"]`)).trim()).toBe(refusal);
    await page.click('[data-testid="edit-discard"]');

    // Day 12, a day s1 offered: allowed, saved, then undone.
    const free = `[data-testid="cell-${s1}-${D(12)}-MORNING"]`;
    await drag(`[data-assignment-id="${mine.id}"] >> nth=0`, free);
    await page.waitForSelector(`${free} [data-testid="cell-rule"]`);
    expect(await text(`${free} [data-testid="cell-rule"]`)).toBe('符合规则');
    await page.click('[data-testid="edit-save"]');
    await page.waitForSelector(`${free} [data-assignment-id]`);
    const moved = (await apiAssignments()).assignments.find((x: any) => x.date === D(12) && x.specialist.id === String(s1));
    expect(moved).toMatchObject({ host: { id: mine.host.id } });
    expect((await apiAssignments()).assignments.some((x: any) => x.id === mine.id)).toBe(false);
    await page.click('[data-testid="undo"]');
    await page.waitForSelector(`[data-testid="cell-${s1}-${D(2)}-MORNING"] [data-assignment-id]`);
    const back = (await apiAssignments()).assignments;
    expect(back.some((x: any) => x.date === D(2) && x.specialist.id === String(s1))).toBe(true);
    expect(back.some((x: any) => x.id === moved.id)).toBe(false);
    expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 90_000);

  it('exports the board as xlsx that, read back with exceljs, holds its assignments', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const list = book.getWorksheet('排班明细')!;
    const rows: string[][] = [];
    list.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))); });
    const roster = await apiAssignments();
    const session = { MORNING: '上午', AFTERNOON: '下午', FULL_DAY: '全天' } as Record<string, string>;
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6]]).sort()).toEqual(
      roster.assignments.map((x: any) => [x.date, session[x.session], x.specialist.name, x.host.name, x.specialty.nameZh, x.id]).sort());
    // The picture: each assignment's cell on its specialist's row names specialty and host.
    const picture = book.getWorksheet('排班看板')!;
    const header = picture.getRow(1).values as unknown[];
    const names = new Map<string, number>();
    picture.eachRow((row, n) => { if (n > 2) names.set(String(row.getCell(1).value), n); });
    for (const x of roster.assignments) {
      const col = header.indexOf(x.date) + (x.session === 'AFTERNOON' ? 1 : 0);
      expect(String(picture.getRow(names.get(x.specialist.name)!).getCell(col).value)).toContain(`${x.specialty.nameZh} · ${x.host.name}`);
    }
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    for (const x of roster.assignments) expect(csvText).toContain(`${x.specialty.nameZh} · ${x.host.name}`);
  }, 60_000);

  it('publishes after a preview of what it opens, then an amendment says which bookings it moved or flagged', async () => {
    await page.click('[data-testid="publish-open"]');
    await page.waitForSelector('[data-testid="publish-preview"]');
    const roster = await apiAssignments();
    expect(await text('[data-testid="publish-preview"]')).toContain(`开放 ${roster.assignments.length} 个门诊`);
    await page.click('[data-testid="publish-confirm"]');
    await page.waitForSelector('[data-testid="roster-state"] >> text=已发布');
    const published = await apiAssignments();
    expect(published.state).toBe('PUBLISHED');
    // A township doctor books two patients into one of host A's sessions.
    const atA = published.assignments.find((x: any) => x.host.id === String(t.fixture.townshipA.id));
    const patients = [t.fixture.patientA.id, ...(await addPatients(t.database.db, t.fixture.townshipA.id, 1, t.config.nationalIdKey))];
    for (const p of patients) ok(await t.gql(GQL.book, { i: { sessionId: atA.clinicSession.id, patientId: p } }, doctorA));
    const expected = ok(await t.gql(`query($i: RemoveAssignmentInput!) { previewRemoveAssignment(input: $i) { bookingsMoved bookingsFlagged } }`,
      { i: { assignmentId: atA.id, reason: '专家临时出差' } }, scheduler)).previewRemoveAssignment;
    expect(expected.bookingsMoved + expected.bookingsFlagged).toBe(2);
    await page.click(`[data-testid="cell-${atA.specialist.id}-${atA.date}-MORNING"]`);
    await page.click(`[data-testid="remove-${atA.id}"]`);
    await page.waitForSelector('[data-testid="edit-preview"]');
    expect(await text('[data-testid="edit-preview"]')).toContain(`${expected.bookingsMoved} 个预约将改约，${expected.bookingsFlagged} 个预约需重新预约`);
    await page.fill('[data-testid="edit-reason"]', '专家临时出差');
    await page.waitForSelector('[data-testid="edit-preview"]');
    await page.click('[data-testid="edit-save"]');
    await page.waitForSelector('[data-testid="affected-bookings"]');
    const listed = await page.locator('[data-testid="affected-bookings"] .ant-list-item').allInnerTexts();
    expect(listed).toHaveLength(2);
    for (const line of listed) expect(line).toContain('甲镇卫生院');
    await screenshot(page, 'zh-CN', 'scheduler-board-amended');
  }, 60_000);

  it('raises an escalation live, seen and heard, and assigns it to a specialist from there', async () => {
    const id = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    await setWaiting(t, id, 120);
    await page.waitForSelector('[data-testid="escalation-alert"]', { timeout: 15_000 });
    expect(await text('[data-testid="escalation-alert"]')).toContain(`#${id}`);
    expect(Number(await page.evaluate(() => document.body.dataset.alertSounds ?? '0'))).toBeGreaterThanOrEqual(1);
    await page.click('[data-testid="escalation-alert"]');
    await page.waitForSelector(`[data-testid="escalations-table"] tr[data-row-key="${id}"]`);
    await screenshot(page, 'zh-CN', 'scheduler-escalations');
    await page.click(`[data-testid="assign-specialist-${id}"] .ant-select`);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '用户card2' }).click();
    await page.click(`[data-testid="assign-${id}"]`);
    await page.waitForSelector(`[data-testid="escalations-table"] tr[data-row-key="${id}"]`, { state: 'detached' });
    const c = ok(await t.gql('query($id: ID!) { consultation(id: $id) { state specialist { id } assignedBy { id } } }', { id }, scheduler)).consultation;
    expect(c.specialist.id).toBe(String(s2));
    expect(c.assignedBy.id).toBe(String(t.fixture.users.scheduler.id));
    expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 60_000);
});
