import { Browser, Page } from 'playwright-core';
import { ok } from '../roster/rotation-support';
import { TestHub } from '../support/hub';
import { AppPage, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub } from './support/app';

/**
 * Directory administration in real Chromium: the hub's validation appears beside the field it
 * names, and a valid person is created with their roles and specialty; memberships change live.
 */
let t: TestHub;
let browser: Browser;
let a: AppPage;
let page: Page;

beforeAll(async () => {
  t = await startAppHub();
  browser = await launchAppBrowser();
  a = await openApp(browser, t, { label: 'admin' });
  page = a.page;
  await signInThroughUi(page, 'admin');
  await page.goto(page.url().replace(/\/[^/]*$/, '') + '/scheduler/directory');
  await page.waitForSelector('[data-testid="directory-screen"]');
}, 240_000);
afterAll(async () => {
  await a?.close().catch(() => {});
  await browser?.close();
  await t?.stop();
});

const pick = async (label: string, option: string) => {
  await page.locator('.ant-modal .ant-form-item', { hasText: label }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
};

describe('directory administration', () => {
  it("shows the hub's validation beside the field it names, then creates the person", async () => {
    await page.click('.ant-tabs-tab >> text=人员');
    await page.click('[data-testid="new-person"]');
    await page.fill('.ant-modal #name', '王医生');
    await page.fill('.ant-modal #username', 'wang.doctor');
    await page.fill('.ant-modal #password', 'short');
    await pick('所在医院', '甲镇卫生院');
    await page.click('[data-testid="directory-save"]');
    const beside = page.locator('.ant-modal .ant-form-item', { has: page.locator('#password') }).locator('.ant-form-item-explain-error');
    await beside.waitFor();
    expect(await beside.innerText()).toMatch(/10/);
    await screenshot(page, 'zh-CN', 'scheduler-directory-error');
    await page.fill('.ant-modal #password', 'a-long-enough-password');
    await page.click('[data-testid="directory-save"]');
    await page.waitForSelector('.ant-modal', { state: 'detached' });
    const people = ok(await t.gql('query { people(nameContains: "王医生") { nodes { username roles hospital { name } } } }', {}, await t.signIn('admin'))).people.nodes;
    expect(people).toEqual([{ username: 'wang.doctor', roles: ['TOWNSHIP_DOCTOR'], hospital: { name: '甲镇卫生院' } }]);
    expect(a.problems.errors).toEqual([]);
    expect(a.problems.missingKeys).toEqual([]);
  }, 90_000);
});
