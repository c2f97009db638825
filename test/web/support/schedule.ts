import { Page } from 'playwright-core';

/**
 * Times as the specialist's pages read them: wall-clock in the consortium's zone (the test
 * fixture's consortium is in Asia/Shanghai, UTC+8 without daylight saving), whatever zone the
 * browser or the machine running the test is in.
 */
export const ZONE = 'Asia/Shanghai';

/** YYYY-MM-DD in Shanghai, `days` from today there. */
export function shanghaiDay(days = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time. */
export const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/** A Shanghai wall-clock time as the scheduling field shows it: "YYYY-MM-DD HH:mm". */
export const typed = (date: string, hhmm: string) => `${date} ${hhmm}`;

/** Types a start time into the consultation page's scheduling field, as a person would. */
export async function pickTime(page: Page, date: string, hhmm: string) {
  const input = page.locator('[data-testid="schedule-form"] .ant-picker input');
  await input.click();
  await input.fill(typed(date, hhmm));
  await input.press('Enter');
  // Enter commits the typed time and the panel closes (with an animation, during which its
  // OK button still exists); some versions keep the panel open until OK: press it only then.
  const okButton = page.locator('.ant-picker-dropdown .ant-picker-ok button');
  // On a busy machine the closing animation can outlast a short wait: click only a button that
  // is still there to be clicked, and accept that it went away meanwhile.
  const closed = await okButton.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false);
  if (!closed && await okButton.isVisible()) await okButton.click({ timeout: 5000 }).catch(async (e) => { if (await okButton.isVisible()) throw e; });
  // The field shows the time a person meant.
  await page.waitForFunction(([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === want, ['[data-testid="schedule-form"] .ant-picker input', typed(date, hhmm)] as const, { timeout: 5000 });
}
