import { datesIn, weekday } from './calendar';
import { AvailabilityKind } from './kinds';

const WORKING_WEEK = [1, 2, 3, 4, 5];

/** A recorded availability period, as both the entity and the rule readers hold it. */
export interface AvailabilitySpan {
  kind: AvailabilityKind | `${AvailabilityKind}`;
  startDate: string;
  endDate: string;
  /** ISO weekdays the period covers; empty means every day. */
  weekdays: number[];
}

/**
 * Availability periods expanded to the dates they cover within [from, to], each list sorted.
 * A date can be in both lists; UNAVAILABLE wins over AVAILABLE, and the caller decides how to
 * show that (the optimizer reads both lists). `makeupWorkdays`: the holiday calendar's 调休上班 dates.
 */
export function availabilityDates(periods: readonly AvailabilitySpan[], from: string, to: string, makeupWorkdays: { has(date: string): boolean } = new Set<string>()): { available: string[]; blocked: string[] } {
  const available = new Set<string>();
  const blocked = new Set<string>();
  for (const p of periods) {
    const start = p.startDate > from ? p.startDate : from;
    const end = p.endDate < to ? p.endDate : to;
    // NOTE: a make-up working day (调休上班) counts as a working day: it is in a period declared
    // for the working week (Monday to Friday all included) whatever its weekday.
    const worksMakeupDays = p.weekdays.length > 0 && WORKING_WEEK.every((w) => p.weekdays.includes(w));
    const dates = datesIn(start, end).filter((d) => !p.weekdays.length || p.weekdays.includes(weekday(d)) || (worksMakeupDays && makeupWorkdays.has(d)));
    for (const date of dates) (p.kind === AvailabilityKind.AVAILABLE ? available : blocked).add(date);
  }
  return { available: [...available].sort(), blocked: [...blocked].sort() };
}

/** The dates of [from, to] that fall on `weekdays` (ISO, 1 = Monday); every date when none are given. */
export function datesOnWeekdays(from: string, to: string, weekdays: readonly number[]): string[] {
  return datesIn(from, to).filter((d) => !weekdays.length || weekdays.includes(weekday(d)));
}
