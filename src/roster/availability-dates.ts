import { datesIn, weekday } from './calendar';
import { AvailabilityKind } from './kinds';

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
 * show that (the optimizer reads both lists).
 */
export function availabilityDates(periods: readonly AvailabilitySpan[], from: string, to: string): { available: string[]; blocked: string[] } {
  const available = new Set<string>();
  const blocked = new Set<string>();
  for (const p of periods) {
    const dates = datesOnWeekdays(p.startDate > from ? p.startDate : from, p.endDate < to ? p.endDate : to, p.weekdays);
    for (const date of dates) (p.kind === AvailabilityKind.AVAILABLE ? available : blocked).add(date);
  }
  return { available: [...available].sort(), blocked: [...blocked].sort() };
}

/** The dates of [from, to] that fall on `weekdays` (ISO, 1 = Monday); every date when none are given. */
export function datesOnWeekdays(from: string, to: string, weekdays: readonly number[]): string[] {
  return datesIn(from, to).filter((d) => !weekdays.length || weekdays.includes(weekday(d)));
}
