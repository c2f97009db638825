/**
 * Calendar dates as whole day numbers (days since 1970-01-01). Rosters are about calendar days,
 * never instants, so everything is computed in UTC to keep daylight-saving and the server's
 * time zone out of the arithmetic.
 */
import type { IsoDate } from './model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Day number of an ISO date, or null when it is not a real 'YYYY-MM-DD' date. */
export function dayNumber(date: IsoDate): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches that.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function weekday(day: number): number {
  const sundayZero = new Date(day * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** 'YYYY-MM': the unit of the days-per-month limit. */
export function monthKey(day: number): string {
  return isoDate(day).slice(0, 7);
}
