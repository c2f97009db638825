import { Browser, Page } from 'playwright-core';
import { requestConsultation, setWaiting } from '../consult/support';
import { addRotationExtras, addSpecialist, GQL, makeAvailable, nextMonth, ok } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage, UiLanguage } from './support/app';
import { pdfPageTexts } from './support/pdf-text';

/**
 * The scheduler's other screens in real Chromium against a real hub and PostgreSQL: the
 * availability overview (specialists × month, limits, blocked days; edited on a specialist's
 * behalf and seen saved), each host's settings, the board seen "by host", its filters by
 * specialty and host, its printed form (on paper and in a PDF read back with pdf.js), English
 * plurals, and a screenshot of every screen in both languages with no Chinese left in the
 * English screens' own words. No page may log a CSP violation, a script error or a missing key.
 */
let t: TestHub;
let browser: Browser;
let a: AppPage;
let page: Page;
let scheduler: string;
let s1: string;
let sp2: string;
let neurologist: string;
let hostA: string;
let hostB: string;
const month = nextMonth();
const D = (i: number) => month.days[i];
const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
/** Monday to Friday working days of the month by the hub's calendar (no weekend, no holiday), read in beforeAll. */
let work: string[];
/** The hub's holidays and make-up working days of the month, by date. */
let special: Map<string, { kind: string; name: string }>;
/** A weekday an administrator declared a holiday (the board must shade it as the roster treats it). */
let dayOff: string;
const demand: Record<string, string> = {};
let rosterId: string;
let escalated: string;
let names: Map<string, string>;
let specialties: { cardiology: { id: string; nameZh: string; nameEn: string }; neurology: { id: string; nameZh: string; nameEn: string } };

const AVAILABILITY = `query($s: ID!, $from: String!, $to: String!) { specialistAvailability(specialistId: $s, from: $from, to: $to) {
  availableDates blockedDates effectiveTravelKm limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm } } }`;
const ASSIGNMENTS = `query($id: ID!) { roster(id: $id) { assignments { id date session specialist { id name } host { id name } specialty { id nameZh nameEn } } } }`;
const HOSTS = `query($c: ID!) { consortium(id: $c) { hospitals { id name tier } } }`;
const HOST_SETTINGS = `query($h: ID!) { hostSettings(hostId: $h) { dailyCapacity slotMinutes slotsPerSession } }`;

beforeAll(async () => {
  t = await startAppHub({ CONSULT_DEADLINE_EMERGENCY_SECONDS: '60', CONSULT_SWEEP_INTERVAL_MS: '300' });
  const f = t.fixture;
  const extras = await addRotationExtras(t);
  s1 = String(f.users.specialist.id);
  sp2 = String(extras.specialist2.id);
  neurologist = String(extras.neurologist.id);
  hostA = String(f.townshipA.id);
  hostB = String(f.townshipB.id);
  await addSpecialist(t, 'card3', f.cardiology.id);
  const [doctorA, doctorB] = await Promise.all(['doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
  scheduler = await t.signIn('scheduler');
  const calendar = async () => ok(await t.gql(`query($f: String!, $t: String!) { holidays(from: $f, to: $t) { date kind name } }`, { f: month.start, t: month.end }, scheduler)).holidays as { date: string; kind: string; name: string }[];
  const published = new Set((await calendar()).map((c) => c.date));
  dayOff = month.days.filter((d) => !weekend(d) && !published.has(d))[5];
  ok(await t.gql('mutation($i: SetCalendarDayInput!) { setCalendarDay(input: $i) { date } }', { i: { date: dayOff, kind: 'HOLIDAY', nameZh: '院庆休息日', nameEn: 'Hospital day off' } }, await t.signIn('admin')));
  special = new Map((await calendar()).map((c) => [c.date, c]));
  work = month.days.filter((d) => !weekend(d) && special.get(d)?.kind !== 'HOLIDAY');
  // s1: the first twenty days, one working day blocked; the neurologist: all month; specialist2: nothing recorded yet.
  const dayBefore = month.days[month.days.indexOf(work[4]) - 1];
  const dayAfter = month.days[month.days.indexOf(work[4]) + 1];
  await makeAvailable(t, scheduler, Number(s1), [{ from: D(0), to: dayBefore }, { from: dayAfter, to: D(19) }], { maxDaysPerMonth: 8, maxConsecutiveDays: 3, maxTravelKm: 50 }, [{ from: work[4], to: work[4] }]);
  await makeAvailable(t, scheduler, Number(neurologist), [{ from: month.start, to: month.end }], { maxDaysPerMonth: 12, maxConsecutiveDays: 4, maxTravelKm: 60 });
  const request = async (token: string, input: Record<string, unknown>) => {
    const id = ok(await t.gql(GQL.requestDemand, { i: { consortiumId: f.consortium.id, preferredWeekdays: [], priority: 3, periodStart: month.start, periodEnd: month.end, ...input } }, token)).requestRotationDemand.id as string;
    ok(await t.gql(GQL.approveDemand, { i: { id } }, scheduler));
    return id;
  };
  demand.A = await request(doctorA, { hostId: hostA, specialtyId: f.cardiology.id, expertDays: 3, session: 'MORNING' });
  demand.B = await request(doctorB, { hostId: hostB, specialtyId: extras.neurology.id, expertDays: 1, session: 'FULL_DAY' });
  demand.C = await request(doctorB, { hostId: hostB, specialtyId: extras.neurology.id, expertDays: 2, session: 'AFTERNOON' });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: s1, demandId: demand.A, dates: [work[0], work[1]] } }, scheduler));
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: neurologist, demandId: demand.B, dates: [work[1]] } }, scheduler));
  // The month's last working day: the printed board must reach the end of the period.
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: neurologist, demandId: demand.C, dates: [work[work.length - 1]] } }, scheduler));
  // An emergency consultation two minutes past its claim deadline: the escalations screen has a row.
  escalated = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
  await setWaiting(t, escalated, 180);
  const people = ok(await t.gql(`{ people(role: SPECIALIST, first: 100) { nodes { id name } } departments { id code nameZh nameEn } }`, {}, scheduler));
  names = new Map(people.people.nodes.map((p: any) => [p.id, p.name]));
  const dept = (code: string) => people.departments.find((d: any) => d.code === code);
  specialties = { cardiology: dept('CARDIOLOGY'), neurology: dept('NEUROLOGY') };
  browser = await launchAppBrowser();
  a = await openApp(browser, t, { label: 'scheduler' });
  page = a.page;
  await signInThroughUi(page, 'scheduler');
}, 240_000);
afterAll(async () => {
  await a?.close().catch(() => {});
  await browser?.close();
  await t?.stop();
});

afterEach(() => {
  // What a person would not see but must not happen: script errors, missing keys, CSP refusals.
  expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
});

const go = async (menu: string, ready: string) => {
  await page.click(`[data-testid="menu-${menu}"]`);
  await page.waitForSelector(ready);
};
const text = (selector: string) => page.locator(selector).first().innerText();
const background = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).backgroundColor);
const visible = (selector: string) => page.locator(selector).first().isVisible();
const api = async (query: string, variables: Record<string, unknown>) => ok(await t.gql(query, variables, scheduler));
const assignments = async () => (await api(ASSIGNMENTS, { id: rosterId })).roster.assignments as any[];
const halves = (session: string) => (session === 'FULL_DAY' ? ['MORNING', 'AFTERNOON'] : [session]);
/** The colour a person sees in the middle of an element: a screenshot of it, read back pixel by pixel in the page. */
async function seenColour(selector: string): Promise<string> {
  const element = page.locator(selector).first();
  await element.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
  const png = await element.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const [r, gr, b] = g.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data;
    return `rgb(${r}, ${gr}, ${b})`;
  }, png.toString('base64'));
}
/** Picks an option of an antd Select (opened by clicking it) by its visible text. */
async function choose(select: string, option: string) {
  await page.click(`${select}`);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => {});
}
async function clear(select: string) {
  await page.hover(select);
  await page.click(`${select} .ant-select-clear`);
}
/** Chooses a range in an antd RangePicker by clicking its first and last day in the calendar, as a person would. */
async function pickRange(picker: ReturnType<Page['locator']>, from: string, to: string) {
  const [start, end] = [picker.locator('input').nth(0), picker.locator('input').nth(1)];
  const dropdown = page.locator('.ant-picker-dropdown:visible');
  const pick = async (day: string, input: typeof start) => {
    // A click during the panel's opening animation can be lost (seen on a fast machine): click
    // until the field shows the day, as a person would look before going on.
    for (let attempt = 0; attempt < 5 && (await input.inputValue()) !== day; attempt++) {
      if (!(await dropdown.count())) await input.click();
      await dropdown.locator(`td.ant-picker-cell-in-view[title="${day}"]`).first().click();
      await page.waitForTimeout(150);
    }
    expect(await input.inputValue()).toBe(day);
  };
  await start.click();
  await dropdown.first().waitFor();
  await pick(from, start);
  await pick(to, end);
  await dropdown.first().waitFor({ state: 'hidden' });
}
/** The availability screen showing the test's month. */
async function availabilityOfMonth() {
  await go('availability', `[data-testid="availability-${s1}"]`);
  const input = page.locator('[data-testid="availability-screen"] .ant-picker input').first();
  if ((await input.inputValue()) !== month.start.slice(0, 7)) {
    await input.click();
    await input.fill(month.start.slice(0, 7));
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector(`[data-testid="availability-${s1}"] td[data-date="${month.start}"]`);
}
/** What a row of the availability overview shows for each day: blocked, available or nothing. */
const rowStates = (specialist: string) => page.$$eval(`[data-testid="availability-${specialist}"] td[data-date]`,
  (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-date')!, td.getAttribute('data-state')!])));
const expectedStates = (av: { availableDates: string[]; blockedDates: string[] }) =>
  Object.fromEntries(month.days.map((d) => [d, av.blockedDates.includes(d) ? 'blocked' : av.availableDates.includes(d) ? 'available' : 'none']));

describe("the scheduler's availability overview", () => {
  it('shows each specialist × the month with their limits, the days they can go out and their blocked days', async () => {
    await availabilityOfMonth();
    const av = (await api(AVAILABILITY, { s: s1, from: month.start, to: month.end })).specialistAvailability;
    expect(av.blockedDates).toEqual([work[4]]);
    await page.waitForFunction(([row, date]) => document.querySelector(`[data-testid="availability-${row}"] td[data-date="${date}"]`)?.getAttribute('data-state') === 'blocked', [s1, work[4]]);
    expect(await text(`[data-testid="availability-limits-${s1}"]`)).toBe(`月 8 天 · 连续 3 天 · ${av.effectiveTravelKm.toFixed(0)} km`);
    expect(await rowStates(s1)).toEqual(expectedStates(av));
    // What the eye sees: a blocked day is grey and crossed, a day they can go out green.
    const blockedCell = `[data-testid="availability-${s1}"] td[data-date="${work[4]}"]`;
    expect(await text(blockedCell)).toBe('×');
    expect(await page.getAttribute(blockedCell, 'title')).toBe('不可出诊');
    expect(await background(blockedCell)).toBe('rgb(217, 217, 217)');
    expect(await background(`[data-testid="availability-${s1}"] td[data-date="${work[0]}"]`)).toBe('rgb(183, 235, 143)');
    expect(await page.getAttribute(`[data-testid="availability-${s1}"] td[data-date="${work[0]}"]`, 'title')).toBe('可出诊');
    // The legend names the colours the cells have.
    const legend = await page.$$eval('[data-testid="availability-legend"] > span', (spans) => spans.map((s) => [s.textContent, getComputedStyle(s.querySelector('i')!).backgroundColor]));
    expect(legend).toEqual([['可出诊', 'rgb(183, 235, 143)'], ['不可出诊', 'rgb(217, 217, 217)']]);
    // After the twentieth, s1 offered nothing: no colour.
    expect(await page.getAttribute(`[data-testid="availability-${s1}"] td[data-date="${D(25)}"]`, 'data-state')).toBe('none');
    // Every specialist of the consortium has a row; one who recorded nothing says so.
    for (const id of [s1, sp2, neurologist]) expect(await text(`[data-testid="availability-edit-${id}"]`)).toBe(names.get(id));
    expect(await text(`[data-testid="availability-limits-${sp2}"]`)).toBe('未登记');
    await screenshot(page, 'zh-CN', 'scheduler-availability');
  }, 90_000);

  it("edits a specialist's limits and days on their behalf and sees them saved; the hub's refusal stands beside the field", async () => {
    await page.click(`[data-testid="availability-edit-${sp2}"]`);
    await page.waitForSelector('.ant-drawer #maxDaysPerMonth');
    expect(await text('.ant-drawer-title')).toBe(`代 ${names.get(sp2)} 登记可用性`);
    await page.fill('#maxDaysPerMonth', '40');
    await page.fill('#maxConsecutiveDays', '2');
    await page.fill('#maxTravelKm', '80');
    await page.click('[data-testid="availability-save"]');
    const explain = page.locator('.ant-form-item:has(#maxDaysPerMonth) .ant-form-item-explain-error');
    await explain.waitFor();
    expect((await explain.innerText()).trim()).not.toBe('');
    expect(await page.locator('.ant-form-item:has(#maxConsecutiveDays) .ant-form-item-explain-error').count()).toBe(0);
    expect((await api(AVAILABILITY, { s: sp2, from: month.start, to: month.end })).specialistAvailability.limits).toBeNull();

    await page.fill('#maxDaysPerMonth', '6');
    const pickers = page.locator('.ant-drawer .ant-picker-range');
    await pickRange(pickers.nth(0), work[5], work[9]);
    await pickRange(pickers.nth(1), work[11], work[11]);
    await screenshot(page, 'zh-CN', 'scheduler-availability-editor');
    await page.click('[data-testid="availability-save"]');
    await page.waitForSelector('.ant-message >> text=已保存');
    await page.waitForSelector('.ant-drawer-mask', { state: 'hidden' });

    const av = (await api(AVAILABILITY, { s: sp2, from: month.start, to: month.end })).specialistAvailability;
    expect(av.limits).toEqual({ maxDaysPerMonth: 6, maxConsecutiveDays: 2, maxTravelKm: 80 });
    expect(av.blockedDates).toEqual([work[11]]);
    expect(av.availableDates).toEqual(month.days.filter((d) => d >= work[5] && d <= work[9]));
    await page.waitForFunction((row) => !document.querySelector(`[data-testid="availability-limits-${row}"]`)?.textContent?.includes('未登记'), sp2);
    expect(await text(`[data-testid="availability-limits-${sp2}"]`)).toBe(`月 6 天 · 连续 2 天 · ${av.effectiveTravelKm.toFixed(0)} km`);
    await page.waitForFunction(([row, date]) => document.querySelector(`[data-testid="availability-${row}"] td[data-date="${date}"]`)?.getAttribute('data-state') === 'blocked', [sp2, work[11]]);
    expect(await rowStates(sp2)).toEqual(expectedStates(av));
    expect(await background(`[data-testid="availability-${sp2}"] td[data-date="${work[5]}"]`)).toBe('rgb(183, 235, 143)');

    // Opened again, the form starts from what is recorded, not from defaults.
    await page.click(`[data-testid="availability-edit-${sp2}"]`);
    await page.waitForSelector('.ant-drawer #maxDaysPerMonth');
    expect([await page.inputValue('#maxDaysPerMonth'), await page.inputValue('#maxConsecutiveDays'), await page.inputValue('#maxTravelKm')]).toEqual(['6', '2', '80']);
    await page.click('.ant-drawer-close');
    await page.waitForSelector('.ant-drawer-mask', { state: 'hidden' });
  }, 90_000);
});

describe("each host's settings", () => {
  it('shows a host\'s visiting experts per day, slot length and slots per session, and saves an edit', async () => {
    await go('demands', '[data-testid="host-settings"]');
    await choose('[data-testid="host-settings-host"]', '甲镇卫生院');
    const before = (await api(HOST_SETTINGS, { h: hostA })).hostSettings;
    await page.waitForFunction((v) => (document.querySelector('#slotMinutes') as HTMLInputElement | null)?.value === v, String(before.slotMinutes));
    expect([await page.inputValue('#dailyCapacity'), await page.inputValue('#slotMinutes'), await page.inputValue('#slotsPerSession')])
      .toEqual([before.dailyCapacity, before.slotMinutes, before.slotsPerSession].map(String));
    const labels = await page.locator('[data-testid="host-settings"] .ant-form-item-label').allInnerTexts();
    expect(labels).toEqual(['每日可接收专家', '每号分钟', '每半天号数']);

    // Out of range: the hub's sentence beside the field, nothing saved.
    await page.fill('#dailyCapacity', '0');
    await page.click('[data-testid="host-settings-save"]');
    const explain = page.locator('.ant-form-item:has(#dailyCapacity) .ant-form-item-explain-error');
    await explain.waitFor();
    expect((await explain.innerText()).trim()).not.toBe('');
    expect((await api(HOST_SETTINGS, { h: hostA })).hostSettings).toEqual(before);

    await page.fill('#dailyCapacity', '3');
    await page.fill('#slotMinutes', '20');
    await page.fill('#slotsPerSession', '7');
    await page.click('[data-testid="host-settings-save"]');
    await page.waitForSelector('.ant-message >> text=已保存');
    expect((await api(HOST_SETTINGS, { h: hostA })).hostSettings).toEqual({ dailyCapacity: 3, slotMinutes: 20, slotsPerSession: 7 });
    await screenshot(page, 'zh-CN', 'scheduler-demands');

    // Another host, then back, after a reload: what is shown is what the hub holds.
    await page.reload();
    await page.waitForSelector('[data-testid="host-settings"]');
    await choose('[data-testid="host-settings-host"]', '乙镇卫生院');
    const b = (await api(HOST_SETTINGS, { h: hostB })).hostSettings;
    await page.waitForFunction((v) => (document.querySelector('#slotsPerSession') as HTMLInputElement | null)?.value === v, String(b.slotsPerSession));
    await choose('[data-testid="host-settings-host"]', '甲镇卫生院');
    await page.waitForFunction(() => (document.querySelector('#slotMinutes') as HTMLInputElement | null)?.value === '20');
    expect([await page.inputValue('#dailyCapacity'), await page.inputValue('#slotMinutes'), await page.inputValue('#slotsPerSession')]).toEqual(['3', '20', '7']);
  }, 90_000);
});

describe('the roster board', () => {
  /** Chips on the board, by cell: "<row>|<date>|<half>" -> their texts. */
  const chips = () => page.$$eval('[data-testid^="cell-"] [data-assignment-id]', (els) => els.map((e) => ({
    cell: e.closest('td')!.getAttribute('data-testid')!, text: (e as HTMLElement).innerText, host: e.getAttribute('data-host-id')!, colour: getComputedStyle(e).backgroundColor,
  })));
  const rowLabels = () => page.locator('[data-testid="roster-board"] tbody th.board-row-head').allInnerTexts();

  beforeAll(async () => {
    await go('home', '[data-testid="roster-board"]');
    await page.waitForSelector('[data-testid="roster-board"] [data-assignment-id]');
  });

  it('by host: a row per host hospital, each cell naming the specialty and the specialist there', async () => {
    await page.click('[data-testid="board-view"] >> text=按接收医院');
    await page.waitForSelector('[data-testid="roster-board"][data-view="host"]');
    await page.waitForSelector('[data-testid="roster-board"] [data-assignment-id]');
    const hosts = (await api(HOSTS, { c: t.fixture.consortium.id })).consortium.hospitals.filter((h: any) => h.tier !== 'TERTIARY');
    expect(await text('[data-testid="roster-board"] thead .board-corner')).toBe('接收医院');
    expect(await rowLabels()).toEqual(hosts.map((h: any) => h.name));
    const roster = await assignments();
    const expected = roster.flatMap((x) => halves(x.session).map((half) => ({ cell: `cell-${x.host.id}-${x.date}-${half}`, text: `${x.specialty.nameZh} · ${x.specialist.name}`, host: x.host.id })));
    const seen = await chips();
    expect(seen.map(({ cell, text: label, host }) => ({ cell, text: label, host })).sort((p, q) => p.cell.localeCompare(q.cell)))
      .toEqual(expected.sort((p, q) => p.cell.localeCompare(q.cell)));
    // Coloured by host, as the legend says.
    const legend = await page.$$eval('[data-testid="board-legend"] span', (spans) => spans.map((s) => [s.textContent, getComputedStyle(s.querySelector('i')!).backgroundColor]));
    for (const c of seen) expect(legend).toContainEqual([hosts.find((h: any) => h.id === c.host).name, c.colour]);
    expect(new Set(seen.map((c) => c.colour)).size).toBe(2);
    // Weekends are shaded on the board itself, not only in its header: an empty Saturday is grey, an empty working day white.
    const far = hosts.find((h: any) => !roster.some((x) => x.host.id === h.id)).id;
    const saturday = month.days.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    expect(await seenColour(`[data-testid="cell-${far}-${saturday}-MORNING"]`)).toBe('rgb(245, 245, 245)');
    expect(await seenColour(`[data-testid="cell-${far}-${work[2]}-MORNING"]`)).toBe('rgb(255, 255, 255)');
    // Days are shaded as the hub's calendar has them (the one the optimizer keeps holidays free by):
    // a year the holiday package does not know yet, and an administrator's correction, included.
    const kinds = await page.$$eval('[data-testid="roster-board"] thead th[data-date]', (ths) => ths.map((th) => [th.getAttribute('data-date'), th.getAttribute('data-kind'), th.getAttribute('title')]));
    expect(kinds).toEqual(month.days.map((d) => {
      const s = special.get(d);
      return [d, s ? (s.kind === 'HOLIDAY' ? 'holiday' : 'makeup') : weekend(d) ? 'weekend' : 'workday', s?.name ?? null];
    }));
    expect(kinds).toContainEqual([dayOff, 'holiday', '院庆休息日']);
    await page.locator('.board-scroll').first().evaluate((e) => { e.scrollLeft = 0; });
    await screenshot(page, 'zh-CN', 'scheduler-board-by-host');
  }, 60_000);

  it('filters by specialty and by host, in both views', async () => {
    const roster = await assignments();
    const neuro = specialties.neurology;
    // By host, neurology only: every host row stays, only the neurologist's cells are left.
    await choose('[data-testid="filter-specialty"]', neuro.nameZh);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-board"] [data-assignment-id]').length === n,
      roster.filter((x) => x.specialty.id === neuro.id).reduce((n, x) => n + halves(x.session).length, 0));
    for (const c of await chips()) expect(c.text).toBe(`${neuro.nameZh} · ${names.get(neurologist)}`);
    // By specialist: only specialists of that specialty have rows.
    await page.click('[data-testid="board-view"] >> text=按专家');
    await page.waitForSelector('[data-testid="roster-board"][data-view="specialist"]');
    expect(await rowLabels()).toEqual([names.get(neurologist)]);
    await clear('[data-testid="filter-specialty"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="roster-board"] tbody th.board-row-head').length > 1);
    expect((await rowLabels()).sort()).toEqual([...names.values()].sort());

    // Host A only: its assignments, on their specialists' rows.
    await choose('[data-testid="filter-host"]', '甲镇卫生院');
    const atA = roster.filter((x) => x.host.id === hostA);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-board"] [data-assignment-id]').length === n, atA.length);
    expect((await chips()).map((c) => [c.cell, c.text]).sort()).toEqual(atA.map((x) => [`cell-${x.specialist.id}-${x.date}-MORNING`, `${x.specialty.nameZh} · 甲镇卫生院`]).sort());
    await page.click('[data-testid="board-view"] >> text=按接收医院');
    await page.waitForSelector('[data-testid="roster-board"][data-view="host"]');
    expect(await rowLabels()).toEqual(['甲镇卫生院']);
    await screenshot(page, 'zh-CN', 'scheduler-board-filtered');
    await clear('[data-testid="filter-host"]');
    await page.click('[data-testid="board-view"] >> text=按专家');
    await page.waitForSelector('[data-testid="roster-board"][data-view="specialist"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-board"] [data-assignment-id]').length === n, roster.reduce((n, x) => n + halves(x.session).length, 0));
  }, 60_000);

  it('prints the board alone, titled, with the whole period on the page', async () => {
    const roster = await assignments();
    await page.emulateMedia({ media: 'print' });
    try {
      // Menus, toolbars and the side panels are not on paper; the title and the board are.
      for (const hidden of ['.ant-layout-sider', '.ant-layout-header', '[data-testid="board-view"]', '[data-testid="board-print"]', '[data-testid="optimizer-panel"]', '[data-testid="edit-panel"]', '[data-testid="consortium-picker"]']) {
        expect({ hidden, visible: await visible(hidden) }).toEqual({ hidden, visible: false });
      }
      expect(await visible('.print-only-title')).toBe(true);
      expect(await text('.print-only-title')).toBe(`派驻排班表 ${month.start} 至 ${month.end}`);
      expect(await visible('[data-testid="roster-board"]')).toBe(true);
      expect(await visible('[data-testid="board-legend"]')).toBe(true);
      // The last day's column fits the page: nothing is scrolled out of sight.
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      const last = await page.locator(`th[data-date="${month.end}"]`).boundingBox();
      expect(last!.x + last!.width).toBeLessThanOrEqual(width + 1);
      await screenshot(page, 'zh-CN', 'scheduler-board-print');
    } finally {
      // null, not 'screen': an emulated screen medium would also be used by page.pdf below.
      await page.emulateMedia({ media: null });
    }
    expect(await visible('.print-only-title')).toBe(false);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPageTexts(pdf);
    const all = pages.join(' ').replace(/\s+/g, '');
    expect(all).toContain(`派驻排班表${month.start}至${month.end}`.replace(/\s+/g, ''));
    // Every assignment's cell text, the last one of the month included, and the month's last day.
    for (const x of roster) expect(all).toContain(`${x.specialty.nameZh}·${x.host.name}`);
    expect(all).toContain(month.end.slice(5));
    expect(roster.some((x) => x.date === work[work.length - 1])).toBe(true);
    // Not on paper: the menu and the optimizer.
    for (const absent of ['需求收件箱', '运行优化', '手动调整']) expect({ absent, found: all.includes(absent) }).toEqual({ absent, found: false });
  }, 90_000);

  it("says counted things in English with plurals, and shows the hub's rule sentence as it comes", async () => {
    await switchLanguage(page, 'en');
    await page.waitForSelector('text=By specialist');
    // An empty cell after s1's last offered day: a new assignment there, for one of the demands.
    const cell = `[data-testid="cell-${s1}-${D(25)}-MORNING"]`;
    await page.locator(cell).scrollIntoViewIfNeeded();
    await page.click(cell);
    await page.waitForSelector('[data-testid="pending-edit"]');
    await page.click('[data-testid="assign-demand"]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '3 days' }).waitFor();
    // Read the list once its opening animation is over (read during it, it was seen empty).
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-select-dropdown')].every((d) => !/-(appear|enter|leave)\b/.test(d.className)));
    const options = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
    const cardio = specialties.cardiology.nameEn;
    const neuro = specialties.neurology.nameEn;
    expect(options.sort()).toEqual([
      `甲镇卫生院 · ${cardio} · morning · 3 days`, `乙镇卫生院 · ${neuro} · full day · 1 day`, `乙镇卫生院 · ${neuro} · afternoon · 2 days`,
    ].sort());
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '3 days' }).click();
    await page.waitForSelector('[data-testid="edit-violations"]');
    // Our words for the rule (the tag); the sentence after it is the hub's own, shown as it comes (its wording is the hub's).
    const rules = await page.$$eval('[data-testid="edit-violations"] li', (lis) => lis.map((li) => {
      const tag = (li.querySelector('.ant-tag') as HTMLElement).innerText.trim();
      return { tag, sentence: (li as HTMLElement).innerText.trim().slice(tag.length).trim() };
    }));
    expect(rules.map((r) => r.tag)).toContain('Not available');
    for (const r of rules) expect(r.sentence).not.toBe('');
    expect(await text(`${cell} [data-testid="cell-rule"]`)).toBe(rules.map((r) => r.sentence).join('；'));
    await page.click('[data-testid="edit-discard"]');
    await page.waitForSelector('[data-testid="pending-edit"]', { state: 'detached' });
    expect((await assignments()).some((x) => x.date === D(25))).toBe(false);
    await switchLanguage(page, 'zh-CN');
  }, 60_000);

  it("lists unmet demand with the screen's reason and the hub's sentence, counted in English as 1 day", async () => {
    // A host asks for paediatrics, which no specialist of the consortium practises.
    const doctorA = await t.signIn('doctor.a');
    const paediatrics = ok(await t.gql(`{ departments { id code } }`, {}, scheduler)).departments.find((d: any) => d.code === 'PAEDIATRICS');
    demand.P = ok(await t.gql(GQL.requestDemand, { i: { consortiumId: t.fixture.consortium.id, hostId: hostA, specialtyId: paediatrics.id, expertDays: 1, session: 'MORNING', priority: 2, preferredWeekdays: [], periodStart: month.start, periodEnd: month.end } }, doctorA)).requestRotationDemand.id;
    ok(await t.gql(GQL.approveDemand, { i: { id: demand.P } }, scheduler));
    await page.reload();
    await page.waitForSelector('[data-testid="roster-board"] [data-assignment-id]');
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await switchLanguage(page, 'zh-CN');
    await page.click('[data-testid="optimizer-run"]');
    await page.waitForSelector('[data-testid="optimizer-result"]', { timeout: 90_000 });
    const unmet = page.locator('[data-testid="optimizer-unmet"] .ant-list-item', { hasText: '无此专科专家' });
    await unmet.first().waitFor();
    expect(await unmet.count()).toBe(1);
    const line = await unmet.innerText();
    expect(line).toContain('甲镇卫生院 还差 1 天');
    expect(line).toContain('无此专科专家');
    // The hub's sentence for the scheduler, as it comes (its wording is the hub's).
    const detail = () => unmet.first().locator('[data-testid="unmet-detail"]').innerText().then((x) => x.trim());
    const zhDetail = await detail();
    expect(zhDetail).not.toBe('');
    await screenshot(page, 'zh-CN', 'scheduler-board-optimized');
    await switchLanguage(page, 'en');
    await page.waitForSelector('[data-testid="optimizer-unmet"] >> text=No specialist of this specialty');
    // Switching the language reads the hub's sentence again, in English: what the hub now says to this scheduler.
    const jobs = ok(await t.gql(`query($id: ID!) { roster(id: $id) { jobs { id state } } }`, { id: rosterId }, scheduler)).roster.jobs as { id: string; state: string }[];
    const job = jobs.filter((j) => j.state === 'SUCCEEDED').sort((x, y) => Number(x.id) - Number(y.id)).pop()!;
    const summary = ok(await t.gql(`query($id: ID!) { rosterJob(id: $id) { summary { unmet { demandId detail } } } }`, { id: job.id }, scheduler)).rosterJob.summary;
    const enDetail = summary.unmet.find((u: any) => u.demandId === demand.P).detail as string;
    expect(enDetail).not.toBe(zhDetail);
    await page.waitForFunction((want) => document.querySelector('[data-testid="optimizer-unmet"] [data-testid="unmet-detail"]')?.textContent?.trim() === want, enDetail, { timeout: 15_000 })
      .catch(async (e) => { throw new Error(`${e.message}: the page shows ${JSON.stringify(await text('[data-testid="unmet-detail"]'))}, the hub says ${JSON.stringify(enDetail)}`); });
    expect(await page.locator('[data-testid="optimizer-unmet"] .ant-list-item', { hasText: 'No specialist of this specialty' }).innerText()).toMatch(/甲镇卫生院 is short of 1 day(?!s)/);
    expect(await text('[data-testid="optimizer-state"]')).toBe('Finished');
    await screenshot(page, 'en', 'scheduler-board-optimized');
    await switchLanguage(page, 'zh-CN');
  }, 150_000);
});

/**
 * Words of the app itself (headers, buttons, labels, titles, menus, placeholders), not the data it
 * shows nor the hub's sentences (those are the hub's catalogue's to translate).
 */
const ownWords = () => page.evaluate(() => {
  const selectors = ['th:not(.board-row-head)', 'button', 'label', '.ant-card-head-title', '.ant-segmented-item-label', '.ant-menu-title-content',
    '.ant-select-placeholder', '.ant-select-selection-placeholder', '.ant-tabs-tab', '.ant-empty-description', '.ant-drawer-title', '.ant-typography-secondary', '.ant-statistic-title', '.board-legend span:last-child', '.board-weekday', '.board-half'];
  const texts = selectors.flatMap((s) => [...document.querySelectorAll<HTMLElement>(s)].filter((e) => e.offsetParent !== null && !e.closest('.board-row-head, [data-testid="language-switch"], [data-testid="unmet-detail"]')).map((e) => e.innerText.trim()));
  const placeholders = [...document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')].map((e) => e.placeholder);
  return [...new Set([...texts, ...placeholders].filter(Boolean))];
});
const CJK = /[\u3400-\u9fff]/;

describe('every scheduler screen, in both languages', () => {
  // A function: the ids it names exist once beforeAll has run.
  const screens = (): { menu: string; name: string; ready: string; then?: () => Promise<void>; after?: () => Promise<void> }[] => [
    {
      menu: 'home', name: 'scheduler-board', ready: '[data-testid="roster-board"] [data-assignment-id]',
      then: () => page.locator('.board-scroll').first().evaluate((e) => { e.scrollLeft = 0; }),
    },
    {
      menu: 'home', name: 'scheduler-board-by-host', ready: '[data-testid="roster-board"] [data-assignment-id]',
      then: async () => {
        await page.locator('[data-testid="board-view"] .ant-segmented-item').nth(1).click();
        await page.waitForSelector('[data-testid="roster-board"][data-view="host"] [data-assignment-id]');
      },
    },
    {
      menu: 'demands', name: 'scheduler-demands', ready: '[data-testid="host-settings"]',
      then: async () => {
        await page.locator('[data-testid="demands-screen"] .ant-segmented-item').nth(1).click();
        await page.waitForSelector(`[data-testid="demands-table"] tr[data-row-key="${demand.A}"]`);
        await choose('[data-testid="host-settings-host"]', '甲镇卫生院');
        await page.waitForFunction(() => (document.querySelector('#slotMinutes') as HTMLInputElement | null)?.value === '20');
      },
    },
    { menu: 'availability', name: 'scheduler-availability', ready: `[data-testid="availability-limits-${s1}"]` },
    {
      menu: 'availability', name: 'scheduler-availability-editor', ready: `[data-testid="availability-limits-${s1}"]`,
      then: async () => {
        await page.click(`[data-testid="availability-edit-${s1}"]`);
        await page.waitForSelector('.ant-drawer #maxDaysPerMonth');
      },
      after: async () => {
        await page.click('.ant-drawer-close');
        await page.waitForSelector('.ant-drawer-mask', { state: 'hidden' });
      },
    },
    {
      menu: 'escalations', name: 'scheduler-escalations', ready: `[data-testid="escalations-table"] tr[data-row-key="${escalated}"]`,
      then: async () => {
        // How long it has waited, counted: "3 minutes" in English (never "3 min" or "1 minutes"), "3 分钟" in Chinese.
        const waited = (await page.locator(`tr[data-row-key="${escalated}"] td`).nth(4).innerText()).trim();
        const requestedAt = (await api('query($id: ID!) { consultation(id: $id) { requestedAt } }', { id: escalated })).consultation.requestedAt;
        const minutes = Math.round((Date.now() - Date.parse(requestedAt)) / 60_000);
        expect(minutes).toBeGreaterThan(1);
        expect(waited).toMatch((await page.evaluate(() => document.documentElement.lang)) === 'en' ? /^\d+ minutes$/ : /^\d+ 分钟$/);
        expect(Math.abs(parseInt(waited, 10) - minutes)).toBeLessThanOrEqual(1);
      },
    },
    { menu: 'assessment', name: 'scheduler-assessment-empty', ready: '[data-testid="figure-up"]' },
  ];

  for (const language of ['en', 'zh-CN'] as UiLanguage[]) {
    it(`${language}: every screen is drawn, saved as a screenshot${language === 'en' ? ', with no Chinese in its own words' : ''}`, async () => {
      await switchLanguage(page, language);
      const untranslated: string[] = [];
      for (const s of screens()) {
        if (s.menu === 'availability') await availabilityOfMonth();
        else await go(s.menu, s.ready);
        await page.waitForSelector(s.ready);
        await s.then?.();
        await page.waitForTimeout(300); // charts and fonts settle before the picture
        await screenshot(page, language, s.name);
        const words = await ownWords();
        // People's names are data (the fixture's are Chinese), not the app's words.
        const withoutNames = (w: string) => [...names.values()].reduce((rest, name) => rest.split(name).join(''), w);
        if (language === 'en') untranslated.push(...words.filter((w) => CJK.test(withoutNames(w))).map((w) => `${s.name}: ${w}`));
        else expect({ screen: s.name, chinese: words.some((w) => CJK.test(w)) }).toEqual({ screen: s.name, chinese: true });
        await s.after?.();
      }
      expect(untranslated).toEqual([]);
    }, 180_000);
  }

  it('the directory, as an administrator sees it, in both languages; a scheduler has no such menu entry (the hub would refuse them)', async () => {
    await page.waitForSelector('[data-testid="menu-availability"]');
    expect(await page.locator('[data-testid="menu-directory"]').count()).toBe(0);
    const admin = await openApp(browser, t, { label: 'admin' });
    try {
      await signInThroughUi(admin.page, 'admin');
      for (const language of ['zh-CN', 'en'] as UiLanguage[]) {
        await switchLanguage(admin.page, language);
        await admin.page.click('[data-testid="menu-directory"]');
        await admin.page.waitForSelector('[data-testid="directory-screen"] .ant-table-row');
        await screenshot(admin.page, language, 'scheduler-directory');
        const own = await admin.page.locator('[data-testid="directory-screen"] :is(th, button, .ant-tabs-tab)').allInnerTexts();
        if (language === 'en') expect(own.filter((w) => CJK.test(w))).toEqual([]);
        else expect(own.some((w) => CJK.test(w))).toBe(true);
      }
      expect(admin.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
    } finally {
      await admin.close();
    }
  }, 90_000);
});
