import type { Session } from './model';

/** Half-days as bits: two bookings of one specialist on one date clash when their masks overlap. */
export const SESSION_MASK: Readonly<Record<Session, number>> = { MORNING: 1, AFTERNOON: 2, FULL_DAY: 3 };

export const SESSIONS: readonly Session[] = ['MORNING', 'AFTERNOON', 'FULL_DAY'];

export function isSession(value: unknown): value is Session {
  return typeof value === 'string' && (SESSIONS as readonly string[]).includes(value);
}

export const SESSION_LABEL: Readonly<Record<Session, string>> = {
  MORNING: 'morning',
  AFTERNOON: 'afternoon',
  FULL_DAY: 'full-day',
};
