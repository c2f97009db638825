import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { seedConsultationAndReferralHistory } from '../../src/db/seed/consult-history';
import { ok } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';

/**
 * The assessment dashboard in real Chromium over the demo's six weeks of history: every number
 * it shows is the one consortiumAssessment returns for the same period, each figure opens the
 * records it counts (as many as it says), and the xlsx export holds the same numbers.
 */
let t: TestHub;
let browser: Browser;
let a: AppPage;
let page: Page;
let scheduler: string;
let from: string;
let to: string;
let figures: any;

const ASSESS = `query($c: ID!, $from: String!, $to: String!) { consortiumAssessment(consortiumId: $c, from: $from, to: $to) {
  referrals { up down upDownRatio greenChannel declined withoutCriterion medianHoursToAccept topCriteria { referrals criterion { condition } } }
  consultations { urgency requested waitToClaimP50Seconds waitToClaimP90Seconds deadlineBreaches escalations } } }`;

beforeAll(async () => {
  t = await startAppHub({ CONSULT_SWEEP_INTERVAL_MS: '3600000' });
  const seeded = await t.database.db.transaction((m) => seedConsultationAndReferralHistory(m, t.config.consult));
  expect(seeded.referrals).toBeGreaterThan(10);
  scheduler = await t.signIn('scheduler');
  browser = await launchAppBrowser();
  a = await openApp(browser, t, { label: 'scheduler' });
  page = a.page;
  await signInThroughUi(page, 'scheduler');
  await page.click('[data-testid="menu-assessment"]');
  await page.waitForSelector('[data-testid="figure-up"]');
  [from, to] = await Promise.all([0, 1].map((i) => page.locator('.ant-picker-range input').nth(i).inputValue()));
  figures = ok(await t.gql(ASSESS, { c: t.fixture.consortium.id, from, to }, scheduler)).consortiumAssessment;
}, 240_000);
afterAll(async () => {
  await a?.close().catch(() => {});
  await browser?.close();
  await t?.stop();
});

const shown = async (selector: string) => (await page.locator(selector).first().innerText()).replace(/,/g, '');
const num = (v: number | null, digits = 1) => (v === null ? '—' : Number(v.toFixed(digits)).toString());

describe('the assessment dashboard', () => {
  it('shows the numbers consortiumAssessment returns for the demo period', async () => {
    expect(from < to).toBe(true);
    const r = figures.referrals;
    expect(r.up).toBeGreaterThan(r.down);
    expect(await shown('[data-testid="figure-up"]')).toContain(String(r.up));
    expect(await shown('[data-testid="figure-down"]')).toContain(String(r.down));
    expect(await shown('[data-testid="figure-ratio"]')).toContain(`${num(r.upDownRatio, 2)} : 1`);
    expect(await shown('[data-testid="figure-green"]')).toContain(String(r.greenChannel));
    expect(await shown('[data-testid="figure-median-accept"]')).toContain(num(r.medianHoursToAccept));
    expect(await shown('[data-testid="figure-declined"]')).toContain(String(r.declined));
    expect(await shown('[data-testid="figure-without-criterion"]')).toContain(String(r.withoutCriterion));
    for (const c of figures.consultations) {
      expect(await shown(`[data-testid="requested-${c.urgency}"]`)).toBe(String(c.requested));
      expect(await shown(`[data-testid="breaches-${c.urgency}"]`)).toBe(String(c.deadlineBreaches));
      expect(await shown(`[data-testid="escalations-${c.urgency}"]`)).toBe(String(c.escalations));
      expect(await shown(`[data-testid="p50-${c.urgency}"]`)).toBe(num(c.waitToClaimP50Seconds === null ? null : c.waitToClaimP50Seconds / 60));
      expect(await shown(`[data-testid="p90-${c.urgency}"]`)).toBe(num(c.waitToClaimP90Seconds === null ? null : c.waitToClaimP90Seconds / 60));
    }
    // The charts are drawn (echarts canvases with pixels), not just containers.
    expect(await page.locator('[data-testid="assessment-screen"] canvas').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'zh-CN', 'scheduler-assessment');
    await switchLanguage(page, 'en');
    await page.waitForSelector('text=Referred up');
    await screenshot(page, 'en', 'scheduler-assessment');
    await switchLanguage(page, 'zh-CN');
    expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 90_000);

  it('leads from each figure to the records it counts', async () => {
    const r = figures.referrals;
    await page.click('[data-testid="figure-up"]');
    await page.waitForSelector(`[data-testid="records-count"] >> text=共 ${r.up} 条记录`);
    expect(await page.locator('[data-testid="records-table"] tbody tr.ant-table-row').count()).toBe(Math.min(20, r.up));
    expect(await page.locator('[data-testid="records-table"] tbody tr.ant-table-row').first().innerText()).toContain('上转');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="records-count"]', { state: 'detached' });
    const emergency = figures.consultations.find((c: any) => c.urgency === 'EMERGENCY');
    await page.click('[data-testid="breaches-EMERGENCY"]');
    await page.waitForSelector(`[data-testid="records-count"] >> text=共 ${emergency.deadlineBreaches} 条记录`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="records-count"]', { state: 'detached' });
  }, 60_000);

  it('exports the figures as xlsx holding the same numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="assessment-export"]')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const summary = new Map<string, unknown>();
    book.getWorksheet('汇总')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    const r = figures.referrals;
    expect(summary.get('期间')).toBe(`${from} – ${to}`);
    expect([summary.get('上转'), summary.get('下转'), summary.get('上转:下转'), summary.get('绿色通道')]).toEqual([r.up, r.down, r.upDownRatio, r.greenChannel]);
    const consult: unknown[][] = [];
    book.getWorksheet('会诊')!.eachRow((row, n) => { if (n > 1) consult.push((row.values as unknown[]).slice(1)); });
    expect(consult.map((c) => [c[1], c[6], c[7]])).toEqual(figures.consultations.map((c: any) => [c.requested, c.deadlineBreaches, c.escalations]));
    const criteria: unknown[][] = [];
    book.getWorksheet('转诊标准')!.eachRow((row, n) => { if (n > 1) criteria.push((row.values as unknown[]).slice(1)); });
    expect(criteria.map((c) => [c[1], c[2]])).toEqual(r.topCriteria.map((c: any) => [c.criterion.condition, c.referrals]));
  }, 60_000);
});
