import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { badInput, notFound } from '../errors';
import { commitmentClash } from '../db/constraint-errors';
import { parseId } from '../ids';
import { CalendarDay, CalendarDayKind, CalendarDayOverride, CalendarDaySource, CalendarOverrideKind, CommitmentKind, SpecialistCommitment } from './entities';
import { isWeekend, publishedSpecialDays, SpecialDay, WorkingCalendar } from './working-days';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 800;

function requireDate(value: string, field: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!ISO.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw badInput(field, 'calendar.notADate', { field, value });
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
    if (to < from) throw badInput('to', 'common.toBeforeFrom', { to, from });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw badInput('to', 'calendar.rangeTooLong', { days: MAX_RANGE_DAYS });
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

const HOUR = 3_600_000;

/** The specialist's one calendar: every commitment, and blocked time the specialist or a scheduler enters. */
export class SpecialistCalendarService {
  constructor(private readonly db: DataSource) {}

  async #subject(specialistId: number) {
    const rows: { consortium_id: number }[] = await this.db.query(
      `SELECT m.consortium_id FROM person p JOIN consortium_membership m ON m.hospital_id = p.hospital_id WHERE p.id = $1`, [specialistId]);
    return { specialistId, consortiumIds: rows.map((r) => r.consortium_id) };
  }

  async commitments(actor: Actor | null, specialistIdArg: string, from: Date, to: Date): Promise<SpecialistCommitment[]> {
    const specialistId = parseId(specialistIdArg, 'specialistId');
    authorize(actor, 'calendar.read', await this.#subject(specialistId));
    if (!(to > from)) throw badInput('to', 'calendar.toNotAfterFrom');
    if (to.getTime() - from.getTime() > 92 * 24 * HOUR) throw badInput('to', 'calendar.rangeTooLong', { days: 92 });
    const rows = await this.db.query(
      `SELECT id, kind, note, roster_assignment_id, consultation_id, lower(during) AS starts_at, upper(during) AS ends_at FROM specialist_commitment
        WHERE specialist_id = $1 AND during && tstzrange($2, $3) ORDER BY lower(during), id`, [specialistId, from, to]);
    return rows.map((r: any) => Object.assign(new SpecialistCommitment(), {
      id: r.id, specialistId, kind: r.kind, note: r.note, assignmentId: r.roster_assignment_id, consultationId: r.consultation_id, startsAt: r.starts_at, endsAt: r.ends_at,
    }));
  }

  async block(actor: Actor | null, input: { specialistId: string; startsAt: Date; endsAt: Date; note?: string | null }): Promise<SpecialistCommitment> {
    const specialistId = parseId(input.specialistId, 'specialistId');
    const a = authorize(actor, 'availability.manage', await this.#subject(specialistId));
    if (!(input.endsAt > input.startsAt)) throw badInput('endsAt', 'calendar.endsNotAfterStarts');
    if (input.endsAt.getTime() - input.startsAt.getTime() > 31 * 24 * HOUR) throw badInput('endsAt', 'calendar.blockTooLong', { days: 31 });
    try {
      const id: number = await this.db.transaction(async (m) => {
        await m.query('SELECT commit_specialist($1, $2, tstzrange($3, $4), NULL, NULL, $5)', [specialistId, CommitmentKind.BLOCKED, input.startsAt, input.endsAt, a.personId]);
        // UPDATE ... RETURNING answers [rows, count] through TypeORM's pg driver.
        const [rows] = await m.query(`UPDATE specialist_commitment SET note = $4 WHERE id = (SELECT max(id) FROM specialist_commitment WHERE specialist_id = $1 AND kind = 'BLOCKED' AND during = tstzrange($2, $3)) RETURNING id`,
          [specialistId, input.startsAt, input.endsAt, input.note?.trim() || null]);
        return rows[0].id;
      });
      return (await this.commitments(actor, String(specialistId), input.startsAt, input.endsAt)).find((c) => c.id === id)!;
    } catch (error: any) {
      if (error?.driverError?.constraint === 'specialist_commitment_no_overlap') throw commitmentClash(error.driverError.detail);
      throw error;
    }
  }

  async unblock(actor: Actor | null, idArg: string): Promise<boolean> {
    const id = parseId(idArg, 'id');
    const [row] = await this.db.query(`SELECT specialist_id FROM specialist_commitment WHERE id = $1 AND kind = 'BLOCKED'`, [id]);
    if (!row) throw notFound('entity.blockedTime', idArg);
    authorize(actor, 'availability.manage', await this.#subject(row.specialist_id));
    await this.db.query('DELETE FROM specialist_commitment WHERE id = $1', [id]);
    return true;
  }
}
