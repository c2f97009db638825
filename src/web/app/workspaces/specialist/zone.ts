import dayjs, { Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * NOTE: the specialist's times are read in the consortium's time zone, not the browser's: the
 * hub's sentences (a clash names the other commitment "10:00–10:30 (Asia/Shanghai)"), the
 * half-days and the roster are all local times there, so the calendar, the scheduling form and
 * the refusal say the same hour wherever the browser happens to be. Every screen that shows
 * such a time labels the zone.
 */
export const formatInZone = (value: string | null | undefined, zone: string, format = 'YYYY-MM-DD HH:mm') =>
  (value ? dayjs(value).tz(zone).format(format) : '');

/** The instant a wall-clock time picked in the form (e.g. 2027-01-04 10:15) means in the zone. */
export const wallClockInZone = (picked: Dayjs, zone: string): Dayjs => dayjs.tz(picked.format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm', zone);

/** Today's date in the zone, for ranges of the calendar. */
export const todayInZone = (zone: string): Dayjs => dayjs.tz(dayjs().tz(zone).format('YYYY-MM-DD'), 'YYYY-MM-DD', zone);
