import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { badInput } from '../errors';
import { CalendarDay, CalendarDayKind, CalendarDayOverride, CalendarDaySource, CalendarOverrideKind } from './entities';
import { isWeekend, publishedSpecialDays, SpecialDay, WorkingCalendar } from './working-days';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 800;

function requireDate(value: string, field: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!ISO.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw badInput(field, `${field} must be a real date written YYYY-MM-DD, got "${value}"`);
  return value;
}

/**
 * The working calendar from `from` to `to`: the published days with the administrators'
 * overrides laid on top. What the optimizer, the demo and the `holidays` query all read.
 */
export async function workingCalendar(q: DataSource | EntityManager, from: string, to: string): Promise<WorkingCalendar> {
  const days = new Map(publishedSpecialDays(from, to).map((d) => [d.date, d]));
  const overrides: CalendarDayOverride[] = await q.getRepository(CalendarDayOverride).createQueryBuilder('o')
    .where('o.date BETWEEN :from AND :to', { from, to }).getMany();
  for (const o of overrides) {
    const date = String(o.date);
    days.delete(date);
    const named = { date, nameZh: o.nameZh, nameEn: o.nameEn, source: 'OVERRIDE' as const };
    if (o.kind === CalendarOverrideKind.HOLIDAY) days.set(date, { ...named, kind: 'HOLIDAY' });
    else if (isWeekend(date)) days.set(date, { ...named, kind: 'MAKEUP_WORKDAY' });
  }
  return new WorkingCalendar([...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)));
}

const asCalendarDay = (d: SpecialDay): CalendarDay => Object.assign(new CalendarDay(), {
  date: d.date, kind: d.kind as CalendarDayKind, name: d.nameZh, nameEn: d.nameEn, source: d.source as CalendarDaySource,
});

export interface SetCalendarDay { date: string; kind: CalendarOverrideKind; nameZh: string; nameEn?: string | null }

/** Holidays for calendars, and the administrators' overrides. */
export class CalendarService {
  constructor(private readonly db: DataSource) {}

  async holidays(actor: Actor | null, fromArg: string, toArg: string): Promise<CalendarDay[]> {
    authorize(actor, 'directory.read');
    const from = requireDate(fromArg, 'from');
    const to = requireDate(toArg, 'to');
    if (to < from) throw badInput('to', `to (${to}) is before from (${from})`);
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw badInput('to', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
    return (await workingCalendar(this.db, from, to)).days.map(asCalendarDay);
  }

  async overrides(actor: Actor | null): Promise<CalendarDayOverride[]> {
    authorize(actor, 'directory.read');
    return this.db.getRepository(CalendarDayOverride).find({ order: { date: 'ASC' } });
  }

  async set(actor: Actor | null, input: SetCalendarDay): Promise<CalendarDayOverride> {
    const admin = authorize(actor, 'calendar.manage');
    const date = requireDate(input.date, 'date');
    const repo = this.db.getRepository(CalendarDayOverride);
    await repo.upsert({ date, kind: input.kind, nameZh: input.nameZh.trim(), nameEn: (input.nameEn ?? input.nameZh).trim(), updatedById: admin.personId }, ['date']);
    return repo.findOneByOrFail({ date });
  }

  async clear(actor: Actor | null, dateArg: string): Promise<boolean> {
    authorize(actor, 'calendar.manage');
    const date = requireDate(dateArg, 'date');
    const { affected } = await this.db.getRepository(CalendarDayOverride).delete({ date });
    return Boolean(affected);
  }
}
