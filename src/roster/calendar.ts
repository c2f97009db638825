/**
 * Calendar dates of the consortium's local calendar ('YYYY-MM-DD', no time zone) and the clock
 * times of sessions. Day arithmetic is done on UTC day numbers so neither daylight saving nor
 * the server's own time zone can shift a date.
 */
import { badInput } from '../errors';
import { dayNumber, isoDate, SESSION_LABEL, weekday as weekdayOfDay } from '../optimizer';
import { SessionTime } from './kinds';

/** Consortia of this hub are in mainland China: "today" and "in the past" are judged there. */
export const ROSTER_TIME_ZONE = 'Asia/Shanghai';

export { dayNumber, isoDate };

/** 1 = Monday … 7 = Sunday, of a 'YYYY-MM-DD' date. */
export const weekday = (date: string): number => weekdayOfDay(dayNumber(date)!);

export const addDays = (date: string, days: number): string => isoDate(dayNumber(date)! + days);

export function daysBetween(from: string, to: string): number {
  return dayNumber(to)! - dayNumber(from)!;
}

/** Every date from `from` to `to`, both included. */
export function datesIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from)!, end = dayNumber(to)!; d <= end; d++) out.push(isoDate(d));
  return out;
}

const todayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ROSTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the consortium's calendar. */
export function today(now = new Date()): string {
  return todayFormat.format(now);
}

/** Parses a 'YYYY-MM-DD' argument; BAD_USER_INPUT naming `field` otherwise. */
export function requireDate(value: string, field: string): string {
  if (dayNumber(value) === null) throw badInput(field, 'calendar.notADate', { field, value });
  return value;
}

export function requireNotPast(date: string, field: string, now = today()): string {
  if (date < now) throw badInput(field, 'roster.datePast', { field, date, today: now });
  return date;
}

/** Local clock times of the half-days. The tsrange the exclusion constraint compares is built from these. */
export const SESSION_HOURS: Record<SessionTime, { start: string; end: string; halves: ('MORNING' | 'AFTERNOON')[] }> = {
  [SessionTime.MORNING]: { start: '08:00', end: '12:00', halves: ['MORNING'] },
  [SessionTime.AFTERNOON]: { start: '13:00', end: '17:00', halves: ['AFTERNOON'] },
  [SessionTime.FULL_DAY]: { start: '08:00', end: '17:00', halves: ['MORNING', 'AFTERNOON'] },
};
export const HALF_DAY_START = { MORNING: '08:00', AFTERNOON: '13:00' } as const;

/** The `during` range of an assignment, as PostgreSQL's tsrange text. */
export function duringRange(date: string, session: SessionTime): string {
  const h = SESSION_HOURS[session];
  return `[${date} ${h.start}:00,${date} ${h.end}:00)`;
}

export { SESSION_LABEL };

export function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
