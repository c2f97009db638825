/**
 * China's working-day calendar (法定节假日 and 调休上班), without the database: the State
 * Council's yearly notices as published in the `chinese-days` package, and for a year the
 * package does not cover yet the statutory holidays the law itself fixes (全国年节及纪念日放假办法,
 * as amended in 2024). Administrators' overrides (calendar_day_override) are laid on top by the
 * service, so a new notice can be entered the day it is published.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import published from 'chinese-days/dist/chinese-days.json';

export type DayKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';
export type DaySource = 'STATE_COUNCIL_NOTICE' | 'STATUTORY' | 'OVERRIDE';

export interface SpecialDay {
  date: string;
  kind: DayKind;
  /** Chinese name, e.g. 元旦 */
  nameZh: string;
  nameEn: string;
  source: DaySource;
}

type Published = Record<'holidays' | 'workdays', Record<string, string>>;
const data = published as unknown as Published;

/** Years the package has a State Council notice for. */
const NOTICE_YEARS = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** "New Year's Day,元旦,1" → names. */
function names(value: string): { nameZh: string; nameEn: string } {
  const [en, zh] = value.split(',');
  return { nameZh: zh ?? en, nameEn: en };
}

/**
 * The days the law fixes for `year` (since 2025: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2,
 * 端午 1, 中秋 1, 国庆 3). Without the notice's bridging days and make-up working days: those
 * come from the notice, or from an administrator.
 */
export function statutoryHolidays(year: number): SpecialDay[] {
  const out: SpecialDay[] = [];
  const add = (date: string, nameZh: string, nameEn: string) => out.push({ date, kind: 'HOLIDAY', nameZh, nameEn, source: 'STATUTORY' });
  add(`${year}-01-01`, '元旦', "New Year's Day");
  const springFestival = getSolarDateFromLunar(`${year}-01-01`).date;
  for (let i = -1; i <= 2; i++) add(shift(springFestival, i), '春节', 'Spring Festival');
  add(getSolarTermDate(year, 4, 'pure_brightness'), '清明', 'Tomb-sweeping Day');
  add(`${year}-05-01`, '劳动节', 'Labour Day');
  add(`${year}-05-02`, '劳动节', 'Labour Day');
  add(getSolarDateFromLunar(`${year}-05-05`).date, '端午', 'Dragon Boat Festival');
  add(getSolarDateFromLunar(`${year}-08-15`).date, '中秋', 'Mid-autumn Festival');
  for (let d = 1; d <= 3; d++) add(`${year}-10-${pad(d)}`, '国庆节', 'National Day');
  return out;
}

/** Holidays and make-up working days from `from` to `to` (both included), before overrides. */
export function publishedSpecialDays(from: string, to: string): SpecialDay[] {
  const out = new Map<string, SpecialDay>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (NOTICE_YEARS.has(year)) {
      for (const [date, value] of Object.entries(data.holidays)) if (date.startsWith(`${year}-`)) out.set(date, { date, kind: 'HOLIDAY', ...names(value), source: 'STATE_COUNCIL_NOTICE' });
      for (const [date, value] of Object.entries(data.workdays)) if (date.startsWith(`${year}-`)) out.set(date, { date, kind: 'MAKEUP_WORKDAY', ...names(value), source: 'STATE_COUNCIL_NOTICE' });
    } else {
      for (const day of statutoryHolidays(year)) if (!out.has(day.date)) out.set(day.date, day);
    }
  }
  return [...out.values()].filter((d) => d.date >= from && d.date <= to).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Whether a calendar date is a weekend day (Saturday or Sunday). */
export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The working calendar of a range: which dates are off (holidays) and which weekend dates are worked. */
export class WorkingCalendar {
  readonly holidays: Map<string, SpecialDay>;
  readonly makeupWorkdays: Map<string, SpecialDay>;

  constructor(readonly days: SpecialDay[]) {
    this.holidays = new Map(days.filter((d) => d.kind === 'HOLIDAY').map((d) => [d.date, d]));
    this.makeupWorkdays = new Map(days.filter((d) => d.kind === 'MAKEUP_WORKDAY').map((d) => [d.date, d]));
  }

  isHoliday(date: string): boolean {
    return this.holidays.has(date);
  }

  /** A working day: a weekday that is not a holiday, or a make-up working day (调休上班). */
  isWorkingDay(date: string): boolean {
    if (this.makeupWorkdays.has(date)) return true;
    return !isWeekend(date) && !this.holidays.has(date);
  }
}
