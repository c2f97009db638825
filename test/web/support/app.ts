import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../../src/web/build';
import { launchChromium } from '../../support/browser';
import { PASSWORD } from '../../support/fixture';
import { startTestHub, TestHub } from '../../support/hub';
import { ensureWebBuilt } from './app-build';

export type UiLanguage = 'zh-CN' | 'en';

/** A test hub (own database, fixture loaded) serving the freshly built app. */
export async function startAppHub(env: Record<string, string> = {}, options: { media?: boolean } = {}): Promise<TestHub> {
  await ensureWebBuilt();
  return startTestHub(env, options);
}

/** The app's address for a path on a test hub. */
export const appUrl = (t: TestHub, path = '/') => t.hub.url.replace(/\/graphql$/, path);

/** Chromium for the app (fake camera and microphone as for the room; extra flags if needed). */
export const launchAppBrowser = (extraArgs: string[] = []) => launchChromium(extraArgs);

/** What went wrong inside a page that a person would not see: script errors, missing i18n keys, CSP refusals. */
export interface PageProblems {
  errors: string[];
  missingKeys: string[];
  cspViolations: string[];
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  close(): Promise<void>;
}

/**
 * A fresh browser context (own storage: a separate person) at 1366×768, in the given
 * browser language (and time zone, when given), collecting page errors, missing translation keys and CSP violations.
 */
export async function openApp(browser: Browser, t: TestHub, options: { path?: string; locale?: UiLanguage; viewport?: { width: number; height: number }; label?: string; timezoneId?: string } = {}): Promise<AppPage> {
  const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', viewport: options.viewport ?? { width: 1366, height: 768 }, timezoneId: options.timezoneId });
  const page = await context.newPage();
  const label = options.label ?? 'page';
  const problems: PageProblems = { errors: [], missingKeys: [], cspViolations: [] };
  page.on('pageerror', (e) => {
    problems.errors.push(String(e));
    console.error(`[${label}] page error`, e);
  });
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('i18n missing key')) problems.missingKeys.push(text);
    else if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
    if ((m.type() === 'error' && !/Failed to load resource/.test(text)) || process.env.DEBUG_PAGES) console.error(`[${label}] ${text}`);
  });
  await page.goto(appUrl(t, options.path ?? '/'));
  return { page, context, problems, close: () => context.close() };
}

/** Signs in through the sign-in form, as a person would, and waits for the home screen. */
export async function signInThroughUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.waitForSelector('#sign-in-form');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="sign-in-submit"]');
  await page.waitForSelector('[data-testid="who"]');
}

/** Switches the UI language with the switch in the header (or on the sign-in card). */
export async function switchLanguage(page: Page, language: UiLanguage): Promise<void> {
  const label = language === 'zh-CN' ? '中文' : 'English';
  // Signed in, the app saves the choice on the hub and then reads the screen's queries again (the
  // hub's sentences change language): go on once those answers are in, as a person would wait.
  let inFlight = 0;
  let lastChange = Date.now();
  const graphql = (r: { url(): string }) => new URL(r.url()).pathname === '/graphql';
  const started = (r: { url(): string }) => { if (graphql(r)) { inFlight++; lastChange = Date.now(); } };
  const ended = (r: { url(): string }) => { if (graphql(r)) { inFlight--; lastChange = Date.now(); } };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await page.locator('[data-testid="language-switch"]').first().getByText(label, { exact: true }).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    while (inFlight > 0 || Date.now() - lastChange < 300) await page.waitForTimeout(50);
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

export const SCREENSHOTS = join(repoRoot, 'test-output/screenshots');

/** Saves a full-page screenshot as test-output/screenshots/<lang>/<screen>.png (git-ignored). */
export async function screenshot(page: Page, language: UiLanguage, screen: string): Promise<string> {
  const dir = join(SCREENSHOTS, language);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${screen}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
