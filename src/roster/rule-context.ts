/**
 * Maps the rotation tables to the optimizer's plain data (src/optimizer/model.ts) so the
 * same hard rules judge manual edits, optimizer results and publishing: `checkRoster` from the
 * optimizer's public surface is the one implementation of those rules. The locks a check holds
 * are in rule-locks.ts; how a broken rule reaches the client, in rule-errors.ts.
 */
import { EntityManager } from 'typeorm';
import { checkRoster, type CheckedAssignment, type DemandInput, type HostInput, type RuleCode, type RuleContext, type RuleViolation, type SpecialistInput } from '../optimizer';
import { workingCalendar } from '../calendar/service';
import { describeCommitment, OtherCommitment } from '../db/constraint-errors';
import { availabilityDates } from './availability-dates';
import { addDays, SESSION_HOURS } from './calendar';
import { HOST_DEFAULTS } from './entities';
import { SessionTime } from './kinds';
import { specialtyLabel } from './sentences';

/**
 * NOTE: the optimizer knows straight-line km only. A limit given in minutes is turned into km
 * assuming 40 km/h on county roads and roads 1.3 × longer than the straight line: about 0.51
 * straight-line km per minute. It is an estimate, and the API says so.
 */
export const TRAVEL_KM_PER_MINUTE = 40 / 60 / 1.3;

export function effectiveTravelKm(limits: { maxTravelKm: number | null; maxTravelMinutes: number | null } | null): number {
  if (!limits) return 0;
  const byTime = limits.maxTravelMinutes != null ? limits.maxTravelMinutes * TRAVEL_KM_PER_MINUTE : Infinity;
  return Math.round(Math.min(limits.maxTravelKm ?? Infinity, byTime) * 1000) / 1000;
}

/** A live assignment as the rules see it. */
export interface RuleAssignment {
  id: number | null;
  rosterId: number;
  specialistId: number;
  demandId: number;
  hostId: number;
  date: string;
  session: SessionTime;
  pinned: boolean;
}

const ASSIGNMENT_COLUMNS = `a.id, a.roster_id AS "rosterId", a.specialist_id AS "specialistId", a.demand_id AS "demandId", a.host_hospital_id AS "hostId",
  a.date::text AS date, a.session, a.pinned`;

export async function liveAssignments(m: EntityManager, where: string, params: unknown[]): Promise<RuleAssignment[]> {
  return m.query(`SELECT ${ASSIGNMENT_COLUMNS} FROM roster_assignment a WHERE a.state = 'ACTIVE' AND (${where}) ORDER BY a.date, a.id`, params);
}

/** Specialists as the optimizer sees them, with availability expanded to dates in [from, to]. */
export async function specialistInputs(m: EntityManager, ids: number[], from: string, to: string): Promise<SpecialistInput[]> {
  if (!ids.length) return [];
  const people: any[] = await m.query(
    `SELECT p.id, p.name, h.latitude, h.longitude, l.max_days_per_month, l.max_consecutive_days, l.max_travel_km, l.max_travel_minutes,
            COALESCE(array_agg(ps.department_id::text) FILTER (WHERE ps.department_id IS NOT NULL), '{}') AS specialty_ids
       FROM person p JOIN hospital h ON h.id = p.hospital_id
       LEFT JOIN specialist_limits l ON l.person_id = p.id
       LEFT JOIN person_specialty ps ON ps.person_id = p.id
      WHERE p.id = ANY($1) GROUP BY p.id, h.id, l.person_id ORDER BY p.id`,
    [ids],
  );
  const periods: any[] = await m.query(
    `SELECT person_id, kind, start_date::text AS "startDate", end_date::text AS "endDate", weekdays FROM availability_period
      WHERE person_id = ANY($1) AND end_date >= $2 AND start_date <= $3 ORDER BY id`,
    [ids, from, to],
  );
  const calendar = await workingCalendar(m, from, to);
  return people.map((p): SpecialistInput => {
    const { available, blocked } = availabilityDates(periods.filter((x) => x.person_id === p.id), from, to, calendar.makeupWorkdays);
    const limits = p.max_days_per_month == null ? null : { maxTravelKm: p.max_travel_km, maxTravelMinutes: p.max_travel_minutes };
    return {
      id: String(p.id),
      name: p.name,
      specialtyIds: p.specialty_ids,
      homeLat: p.latitude,
      homeLng: p.longitude,
      availableDates: available,
      blockedDates: blocked,
      // Without recorded limits there is no availability either, so every date fails NOT_AVAILABLE first.
      maxDaysPerMonth: p.max_days_per_month ?? 0,
      maxConsecutiveDays: p.max_consecutive_days ?? 0,
      maxTravelKm: effectiveTravelKm(limits),
    };
  });
}

export async function hostInputs(m: EntityManager, ids: number[]): Promise<HostInput[]> {
  if (!ids.length) return [];
  const rows: any[] = await m.query(
    `SELECT h.id, h.name, h.latitude, h.longitude, COALESCE(s.daily_capacity, $2) AS capacity
       FROM hospital h LEFT JOIN host_settings s ON s.hospital_id = h.id WHERE h.id = ANY($1) ORDER BY h.id`,
    [ids, HOST_DEFAULTS.dailyCapacity],
  );
  return rows.map((h) => ({ id: String(h.id), name: h.name, lat: h.latitude, lng: h.longitude, dailyCapacity: h.capacity }));
}

export interface DemandRow {
  id: number;
  consortiumId: number;
  hostId: number;
  specialtyId: number;
  expertDays: number;
  periodStart: string;
  periodEnd: string;
  preferredWeekdays: number[];
  session: SessionTime;
  priority: number;
  includeHolidays: boolean;
  state: string;
}

export async function demandRows(m: EntityManager, where: string, params: unknown[]): Promise<DemandRow[]> {
  return m.query(
    `SELECT d.id, d.consortium_id AS "consortiumId", d.host_hospital_id AS "hostId", d.specialty_id AS "specialtyId", d.expert_days AS "expertDays",
            d.period_start::text AS "periodStart", d.period_end::text AS "periodEnd", d.preferred_weekdays AS "preferredWeekdays", d.session, d.priority, d.include_holidays AS "includeHolidays", d.state
       FROM rotation_demand d WHERE ${where} ORDER BY d.id`,
    params,
  );
}

export const demandInput = (d: DemandRow, overrides: Partial<DemandInput> = {}): DemandInput => ({
  id: String(d.id), hostId: String(d.hostId), specialtyId: String(d.specialtyId), expertDays: d.expertDays,
  periodStart: d.periodStart, periodEnd: d.periodEnd, preferredWeekdays: d.preferredWeekdays, session: d.session, priority: d.priority, ...overrides,
});

/** The specialty names the optimizer puts into its sentences: both languages, picked when a sentence is read (sentences.ts). */
export async function specialtyNames(m: EntityManager, ids: number[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows: { id: number; name_zh: string; name_en: string }[] = await m.query('SELECT id, name_zh, name_en FROM department WHERE id = ANY($1)', [ids]);
  return Object.fromEntries(rows.map((r) => [String(r.id), specialtyLabel(r.name_zh, r.name_en)]));
}

export const checked = (a: { specialistId: number; demandId: number; date: string; session: SessionTime }): CheckedAssignment => ({
  specialistId: String(a.specialistId), demandId: String(a.demandId), date: a.date, session: a.session,
});

/**
 * The rule context for a set of assignments: every specialist, demand and host they name, with
 * availability expanded over [from, to].
 */
export async function ruleContextFor(m: EntityManager, assignments: readonly { specialistId: number; demandId: number }[], from: string, to: string, extraDemands: DemandRow[] = []): Promise<RuleContext> {
  const demandIds = [...new Set(assignments.map((a) => a.demandId))];
  const known = new Map(extraDemands.map((d) => [d.id, d]));
  const missing = demandIds.filter((id) => !known.has(id));
  for (const d of missing.length ? await demandRows(m, 'd.id = ANY($1)', [missing]) : []) known.set(d.id, d);
  const demands = [...known.values()];
  const specialists = await specialistInputs(m, [...new Set(assignments.map((a) => a.specialistId))], from, to);
  const hosts = await hostInputs(m, [...new Set(demands.map((d) => d.hostId))]);
  return { specialists, hosts, demands: demands.map((d) => demandInput(d)), specialtyNames: await specialtyNames(m, [...new Set(demands.map((d) => d.specialtyId))]) };
}

/**
 * Checks `proposed` against every live assignment it could clash with, across all rosters:
 * the same specialists around those dates (double placement, monthly and consecutive limits),
 * the same hosts on those dates (capacity) and the same demands (expert-days). Returns only
 * violations the proposed assignments take part in: a rule already broken elsewhere (say,
 * availability withdrawn after publishing) does not block an unrelated edit.
 * Call `lockForRules` first so nothing changes between this check and the commit.
 */
export interface EditViolation extends RuleViolation {
  /** Positions in the proposed list that take part in the violation. */
  proposedIndexes: number[];
}

export async function violationsOf(m: EntityManager, proposed: readonly RuleAssignment[], ignoreIds: readonly number[] = []): Promise<EditViolation[]> {
  if (!proposed.length) return [];
  const dates = proposed.map((p) => p.date).sort();
  // Whole months around the dates plus a month either side: enough for monthly counts and any run of days.
  const from = addDays(`${dates[0].slice(0, 7)}-01`, -32);
  const to = addDays(`${dates[dates.length - 1].slice(0, 7)}-28`, 35);
  const specialistIds = [...new Set(proposed.map((p) => p.specialistId))];
  const existing = (await liveAssignments(
    m,
    `(a.specialist_id = ANY($1) AND a.date BETWEEN $2 AND $3) OR (a.host_hospital_id = ANY($4) AND a.date = ANY($5::date[])) OR a.demand_id = ANY($6)`,
    [specialistIds, from, to, [...new Set(proposed.map((p) => p.hostId))], [...new Set(dates)], [...new Set(proposed.map((p) => p.demandId))]],
  )).filter((a) => !ignoreIds.includes(a.id!));
  const all = [...existing, ...proposed];
  const context = await ruleContextFor(m, all, from, to);
  const firstProposed = existing.length;
  const rules = checkRoster(context, all.map(checked))
    .map((v) => ({ ...v, proposedIndexes: v.assignmentIndexes.filter((i) => i >= firstProposed).map((i) => i - firstProposed) }))
    .filter((v) => v.proposedIndexes.length > 0);
  return [...rules, ...(await otherCommitments(m, proposed)).map((v) => ({ ...v, assignmentIndexes: v.proposedIndexes.map((i) => i + firstProposed) }))];
}

/**
 * Proposed half-days that clash with the specialist's other commitments (remote consultations,
 * blocked time) in their one calendar; on-site clashes are DOUBLE_BOOKED above. The times are
 * the half-day's local clock times in the roster's consortium's time zone.
 */
async function otherCommitments(m: EntityManager, proposed: readonly RuleAssignment[]): Promise<Omit<EditViolation, 'assignmentIndexes'>[]> {
  const rows: (OtherCommitment & { i: number })[] = await m.query(
    `SELECT p.i, k.id AS "commitmentId", k.kind, k.roster_assignment_id AS "rosterAssignmentId", k.consultation_id AS "consultationId", k.note, NULL AS host, c.time_zone AS "timeZone",
            to_char(lower(k.during) AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI') AS start, to_char(upper(k.during) AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI') AS "end"
       FROM unnest($1::int[], $2::int[], $3::int[], $4::timestamp[], $5::timestamp[]) AS p(i, specialist_id, roster_id, starts, ends)
       JOIN roster r ON r.id = p.roster_id JOIN consortium c ON c.id = r.consortium_id
       JOIN specialist_commitment k ON k.specialist_id = p.specialist_id AND k.kind <> 'ON_SITE'
        AND k.during && tstzrange(p.starts AT TIME ZONE c.time_zone, p.ends AT TIME ZONE c.time_zone)
      ORDER BY p.i, lower(k.during)`,
    [proposed.map((_, i) => i), proposed.map((p) => p.specialistId), proposed.map((p) => p.rosterId),
      proposed.map((p) => `${p.date} ${SESSION_HOURS[p.session].start}`), proposed.map((p) => `${p.date} ${SESSION_HOURS[p.session].end}`)],
  );
  return rows.map((r) => ({
    rule: 'COMMITTED' as RuleCode, says: { code: 'COMMITTED' as const, params: { other: describeCommitment(r) } }, specialistId: String(proposed[r.i].specialistId), date: proposed[r.i].date, proposedIndexes: [r.i],
  }));
}
