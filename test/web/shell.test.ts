import { Browser } from 'playwright-core';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { randomSecret } from '../../src/config';
import { TestHub } from '../support/hub';
import { AppPage, appUrl, launchAppBrowser, openApp, screenshot, signInThroughUi, startAppHub, switchLanguage } from './support/app';

/**
 * The app's shell in real Chromium against a real hub: sign-in, a reload keeps the session,
 * an expired or refused token returns to sign-in saying why, sign-out, the language remembered
 * per person, client-side routes, and a CSP the app runs under without a single refusal.
 */
let t: TestHub;
let browser: Browser;
const open: AppPage[] = [];
beforeAll(async () => {
  t = await startAppHub();
  browser = await launchAppBrowser();
}, 180_000);
afterAll(async () => {
  await Promise.all(open.map((p) => p.close().catch(() => {})));
  await browser?.close();
  await t?.stop();
});

async function app(options: Parameters<typeof openApp>[2] = {}) {
  const a = await openApp(browser, t, options);
  open.push(a);
  return a;
}

const text = (a: AppPage, selector: string) => a.page.locator(selector).first().innerText();

describe('the shell', () => {
  it('signs in with the browser\'s password-manager hints, shows who and where, and goes live', async () => {
    const a = await app({ label: 'doctor.a' });
    await a.page.waitForSelector('#sign-in-form');
    expect(a.page.url()).toMatch(/\/sign-in$/);
    expect(await a.page.getAttribute('#username', 'autocomplete')).toBe('username');
    expect(await a.page.getAttribute('#password', 'autocomplete')).toBe('current-password');
    expect(await text(a, '[data-testid="sign-in-submit"]')).toMatch(/登\s*录/);
    await screenshot(a.page, 'zh-CN', 'sign-in');
    await signInThroughUi(a.page, 'doctor.a');
    expect(await text(a, '[data-testid="who"]')).toContain('用户doctor.a');
    expect(await text(a, '[data-testid="who"]')).toContain('甲镇卫生院');
    await a.page.waitForURL(/\/doctor$/);
    await a.page.waitForSelector('[data-testid="connection"][data-state="connected"]');
    expect(a.problems).toEqual({ errors: [], missingKeys: [], cspViolations: [] });
  }, 60_000);

  it('keeps the session across a reload, on the same screen', async () => {
    const a = await app();
    await signInThroughUi(a.page, 'doctor.a');
    // The header shows who is signed in a moment before the app moves from / to the workspace
    // (CI once reloaded in between): reload on the workspace's own screen.
    await a.page.waitForURL(/\/doctor$/);
    await a.page.reload();
    await a.page.waitForSelector('[data-testid="who"]');
    expect(a.page.url()).toMatch(/\/doctor$/);
    expect(await text(a, '[data-testid="who"]')).toContain('甲镇卫生院');
  }, 60_000);

  it('returns to sign-in saying the session expired when the token runs out, and back to where the person was', async () => {
    const a = await app();
    await a.page.waitForSelector('#sign-in-form');
    // Long enough for a loaded machine to show the home first, short enough to wait for.
    const personId = Number(t.fixture.users.doctorA.id);
    const session = await new SessionStore(t.database.db).open(personId, 12, {});
    const token = new TokenSigner(t.config.jwtSecret).issue(personId, session.id, session.expiresAt);
    await a.page.evaluate((tk) => sessionStorage.setItem('token', tk), token);
    await a.page.goto(appUrl(t, '/doctor'));
    await a.page.waitForSelector('[data-testid="who"]');
    await a.page.waitForSelector('[data-testid="sign-in-reason"]', { timeout: 20_000 });
    expect(await text(a, '[data-testid="sign-in-reason"]')).toBe('登录已过期，请重新登录。');
    expect(await a.page.evaluate(() => sessionStorage.getItem('token'))).toBeNull();
    await signInThroughUi(a.page, 'doctor.a');
    expect(a.page.url()).toMatch(/\/doctor$/);
  }, 60_000);

  it('returns to sign-in when the hub refuses a token the page thought valid', async () => {
    const a = await app({ locale: 'en' });
    await a.page.waitForSelector('#sign-in-form');
    const personId = Number(t.fixture.users.doctorA.id);
    const session = await new SessionStore(t.database.db).open(personId, 3600, {});
    const forged = new TokenSigner(randomSecret()).issue(personId, session.id, session.expiresAt);
    await a.page.evaluate((tk) => sessionStorage.setItem('token', tk), forged);
    await a.page.reload();
    await a.page.waitForSelector('[data-testid="sign-in-reason"]');
    expect(await text(a, '[data-testid="sign-in-reason"]')).toBe('登录状态已失效，请重新登录。');
  }, 60_000);

  it('signs out, ending the session on the hub too, and a reload stays signed out', async () => {
    const a = await app();
    await signInThroughUi(a.page, 'doctor.a');
    const token = (await a.page.evaluate(() => sessionStorage.getItem('token')))!;
    expect((await t.gql('{ me { id } }', {}, token)).data).toBeTruthy();
    await a.page.click('[data-testid="sign-out"]');
    await a.page.waitForSelector('[data-testid="sign-in-reason"]');
    expect(await text(a, '[data-testid="sign-in-reason"]')).toBe('您已安全退出。');
    // The token the page held no longer works anywhere (the app does not wait for signOut's answer).
    const deadline = Date.now() + 10_000;
    let refused = await t.gql('{ me { id } }', {}, token);
    while (!refused.errors && Date.now() < deadline) refused = await t.gql('{ me { id } }', {}, token);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await a.page.reload();
    await a.page.waitForSelector('#sign-in-form');
    expect(await a.page.locator('[data-testid="who"]').count()).toBe(0);
  }, 60_000);

  it('remembers the language each person chose', async () => {
    const a = await app();
    await signInThroughUi(a.page, 'doctor.a');
    await switchLanguage(a.page, 'en');
    expect(await text(a, '[data-testid="sign-out"]')).toBe('Sign out');
    await screenshot(a.page, 'en', 'doctor-home');
    await a.page.reload();
    await a.page.waitForSelector('[data-testid="who"]');
    expect(await text(a, '[data-testid="sign-out"]')).toBe('Sign out');
    await a.page.click('[data-testid="sign-out"]');
    // doctor.b has chosen nothing yet and picks Chinese; doctor.a's English comes back with doctor.a.
    await switchLanguage(a.page, 'zh-CN');
    await signInThroughUi(a.page, 'doctor.b');
    expect(await text(a, '[data-testid="sign-out"]')).toMatch(/退出登录/);
    await a.page.click('[data-testid="sign-out"]');
    await signInThroughUi(a.page, 'doctor.a');
    expect(await text(a, '[data-testid="sign-out"]')).toBe('Sign out');
    expect(a.problems.missingKeys).toEqual([]);
  }, 60_000);

  it('serves client-side routes, hashed long-cached assets, the consult room, and a CSP the app runs under', async () => {
    const res = await fetch(appUrl(t, '/doctor/some/deep/link'), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    // Only style attributes may be inline; scripts never, <style> elements only with the nonce.
    expect(csp.split('; ').filter((d) => d.includes('unsafe-inline'))).toEqual(["style-src-attr 'unsafe-inline'"]);
    const html = await res.text();
    const nonce = /content="([^"]+)"/.exec(html.match(/<meta name="csp-nonce"[^>]*>/)![0])![1];
    expect(csp).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
    const asset = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)![1];
    const assetRes = await fetch(appUrl(t, asset));
    expect(assetRes.status).toBe(200);
    expect(assetRes.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(appUrl(t, '/assets/missing-abc.js'))).status).toBe(404);
    expect(await (await fetch(appUrl(t, '/room'))).text()).toContain('/web/room.js');

    const a = await app({ path: '/doctor/no-such-screen' });
    await signInThroughUi(a.page, 'doctor.a');
    await a.page.waitForSelector('.ant-result-404');
    expect(a.page.url()).toMatch(/\/doctor\/no-such-screen$/);
    expect(a.problems.cspViolations).toEqual([]);
  }, 60_000);
});
