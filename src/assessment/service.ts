import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import type { ConsultConfig } from '../config';
import { Consortium } from '../consortium/entities';
import { Urgency } from '../consult/states';
import { badInput, notFound } from '../errors';
import { parseId } from '../ids';
import { AssessmentArgs, ConsortiumAssessment, CriterionCount, ConsultationUrgencyFigures, HostExpertDays, ReferralFigures, RosterFigures } from './report';

/** The consortium's calendar: periods are whole local days. */
export const CONSORTIUM_TIME_ZONE = 'Asia/Shanghai';
const MAX_PERIOD_DAYS = 366;

/**
 * What the assessment reads from the roster area. Checked at run time: until the roster
 * tables exist (with these columns) the figures are reported unavailable, never guessed.
 */
export const ROSTER_COLUMNS: Record<string, string[]> = {
  rotation_demand: ['consortium_id', 'host_hospital_id', 'expert_days', 'period_start', 'period_end', 'state'],
  roster: ['id', 'consortium_id', 'state'],
  roster_assignment: ['roster_id', 'specialist_id', 'host_hospital_id', 'date', 'state'],
  clinic_session: ['id', 'roster_id', 'date', 'state'],
  clinic_slot: ['id', 'session_id'],
  booking: ['slot_id', 'state'],
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * 考核: a consortium's figures for a period, each computed by SQL from the records themselves
 * (referrals, consultations, the event log, the roster tables) rather than from counters that
 * could drift from them.
 */
export class AssessmentService {
  constructor(private readonly db: DataSource, private readonly consult: ConsultConfig) {}

  async assess(actor: Actor | null, args: AssessmentArgs): Promise<ConsortiumAssessment> {
    const consortiumId = parseId(args.consortiumId, 'consortiumId');
    authorize(actor, 'assessment.read', { consortiumId });
    const { from, to } = period(args);
    if (!(await this.db.getRepository(Consortium).existsBy({ id: consortiumId }))) throw notFound('entity.consortium', consortiumId);
    const [referrals, consultations, roster] = await Promise.all([
      this.#referrals(consortiumId, from, to), this.#consultations(consortiumId, from, to), this.#roster(consortiumId, from, to),
    ]);
    return Object.assign(new ConsortiumAssessment(), { consortiumId, from, to, referrals, consultations, roster });
  }

  async #referrals(consortiumId: number, from: string, to: string): Promise<ReferralFigures> {
    const [r] = await this.db.query(
      `SELECT count(*) FILTER (WHERE direction = 'UP' AND state <> 'CANCELLED')::int AS up,
              count(*) FILTER (WHERE direction = 'DOWN' AND state <> 'CANCELLED')::int AS down,
              count(*) FILTER (WHERE direction = 'UP' AND green_channel AND state <> 'CANCELLED')::int AS green,
              count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
              count(*) FILTER (WHERE state = 'DECLINED')::int AS declined,
              count(*) FILTER (WHERE state = 'COMPLETED')::int AS completed,
              count(*) FILTER (WHERE state = 'CANCELLED')::int AS cancelled,
              count(*) FILTER (WHERE state <> 'CANCELLED' AND NOT EXISTS (SELECT 1 FROM referral_criterion_citation l WHERE l.referral_id = r.id))::int AS without_criterion,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - proposed_at)) FILTER (WHERE accepted_at IS NOT NULL) / 3600 AS median_hours
         FROM referral r
        WHERE r.consortium_id = $1 AND r.proposed_at >= ${dayStart('$2')} AND r.proposed_at < ${dayStart('$3', 1)}`,
      [consortiumId, from, to],
    );
    const top: { id: number; n: number }[] = await this.db.query(
      `SELECT l.criterion_id AS id, count(*)::int AS n
         FROM referral r JOIN referral_criterion_citation l ON l.referral_id = r.id
        WHERE r.consortium_id = $1 AND r.state <> 'CANCELLED' AND r.proposed_at >= ${dayStart('$2')} AND r.proposed_at < ${dayStart('$3', 1)}
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
      [consortiumId, from, to],
    );
    return Object.assign(new ReferralFigures(), {
      topCriteria: top.map((c) => Object.assign(new CriterionCount(), { criterionId: c.id, referrals: c.n })),
      up: r.up, down: r.down, upDownRatio: r.down ? round(r.up / r.down) : null, greenChannel: r.green, accepted: r.accepted, declined: r.declined,
      completed: r.completed, cancelled: r.cancelled, withoutCriterion: r.without_criterion, medianHoursToAccept: round(num(r.median_hours)),
    });
  }

  async #consultations(consortiumId: number, from: string, to: string): Promise<ConsultationUrgencyFigures[]> {
    const d = this.consult.claimDeadlineSeconds;
    const rows = await this.db.query(
      `WITH c AS (
         SELECT c.id, c.urgency, c.state, c.requested_at, c.first_claimed_at,
                -- how long it waited for its first specialist: until claimed, or cancelled unclaimed, or until now
                extract(epoch FROM COALESCE(c.first_claimed_at, CASE WHEN c.state = 'CANCELLED' THEN c.cancelled_at ELSE now() END) - c.requested_at) AS waited
           FROM consultation c
          WHERE c.consortium_id = $1 AND c.requested_at >= ${dayStart('$2')} AND c.requested_at < ${dayStart('$3', 1)}),
       escalated AS (
         SELECT (e.payload->>'consultationId')::int AS id, count(*) AS n
           FROM event e WHERE e.topic = 'consultation' AND e.payload->>'action' = 'ESCALATED' AND (e.payload->>'consortiumId')::int = $1
          GROUP BY 1)
       SELECT u.urgency, u.deadline,
              count(c.id)::int AS requested,
              count(c.first_claimed_at)::int AS claimed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_claimed_at - c.requested_at)) AS p50,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_claimed_at - c.requested_at)) AS p90,
              count(c.id) FILTER (WHERE c.waited > u.deadline)::int AS breaches,
              COALESCE(sum(x.n), 0)::int AS escalations,
              count(c.id) FILTER (WHERE c.state = 'COMPLETED')::int AS completed,
              count(c.id) FILTER (WHERE c.state = 'CANCELLED')::int AS cancelled
         FROM (VALUES ('EMERGENCY', $4::int, 1), ('URGENT', $5::int, 2), ('ROUTINE', $6::int, 3)) AS u(urgency, deadline, ord)
         LEFT JOIN c ON c.urgency = u.urgency
         LEFT JOIN escalated x ON x.id = c.id
        GROUP BY u.urgency, u.deadline, u.ord ORDER BY u.ord`,
      [consortiumId, from, to, d.EMERGENCY, d.URGENT, d.ROUTINE],
    );
    return rows.map((r: any) => Object.assign(new ConsultationUrgencyFigures(), {
      urgency: r.urgency as Urgency, requested: r.requested, claimed: r.claimed, waitToClaimP50Seconds: round(num(r.p50), 1), waitToClaimP90Seconds: round(num(r.p90), 1),
      deadlineSeconds: r.deadline, deadlineBreaches: r.breaches, escalations: r.escalations, completed: r.completed, cancelled: r.cancelled,
    }));
  }

  async #roster(consortiumId: number, from: string, to: string): Promise<RosterFigures> {
    const missing = await this.#missingRosterColumns();
    if (missing) return Object.assign(new RosterFigures(), { available: false, reason: missing, hosts: null, totalDemanded: null, totalDelivered: null, slots: null, bookedSlots: null, slotUtilisation: null });
    const [demanded, delivered, [slots]] = await Promise.all([
      this.db.query(
        `SELECT d.host_hospital_id AS hospital_id,
                sum(d.expert_days::numeric * (LEAST(d.period_end, $3::date) - GREATEST(d.period_start, $2::date) + 1) / (d.period_end - d.period_start + 1)) AS days
           FROM rotation_demand d
          WHERE d.consortium_id = $1 AND d.state IN ('REQUESTED', 'APPROVED') AND d.period_start <= $3::date AND d.period_end >= $2::date
          GROUP BY 1`,
        [consortiumId, from, to],
      ),
      this.db.query(
        `SELECT a.host_hospital_id AS hospital_id, count(DISTINCT (a.specialist_id, a.date))::int AS days
           FROM roster_assignment a JOIN roster r ON r.id = a.roster_id
          WHERE r.consortium_id = $1 AND r.state IN ('PUBLISHED', 'CLOSED') AND a.state = 'ACTIVE'
            AND a.date >= $2::date AND a.date <= LEAST($3::date, (now() AT TIME ZONE '${CONSORTIUM_TIME_ZONE}')::date)
          GROUP BY 1`,
        [consortiumId, from, to],
      ),
      this.db.query(
        `SELECT count(sl.id)::int AS slots, count(b.slot_id)::int AS booked
           FROM clinic_session s JOIN roster r ON r.id = s.roster_id JOIN clinic_slot sl ON sl.session_id = s.id
           LEFT JOIN booking b ON b.slot_id = sl.id AND b.state = 'BOOKED'
          WHERE r.consortium_id = $1 AND s.state <> 'CANCELLED' AND s.date >= $2::date AND s.date <= $3::date`,
        [consortiumId, from, to],
      ),
    ]);
    const hosts = new Map<number, HostExpertDays>();
    const host = (id: number) => hosts.get(id) ?? hosts.set(id, Object.assign(new HostExpertDays(), { hospitalId: id, demanded: 0, delivered: 0 })).get(id)!;
    for (const r of demanded) host(r.hospital_id).demanded = round(Number(r.days))!;
    for (const r of delivered) host(r.hospital_id).delivered = r.days;
    const list = [...hosts.values()].sort((a, b) => a.hospitalId - b.hospitalId);
    return Object.assign(new RosterFigures(), {
      available: true, reason: null, hosts: list,
      totalDemanded: round(list.reduce((s, h) => s + h.demanded, 0)), totalDelivered: list.reduce((s, h) => s + h.delivered, 0),
      slots: slots.slots, bookedSlots: slots.booked, slotUtilisation: slots.slots ? round(slots.booked / slots.slots, 3) : null,
    });
  }

  /** Null when every roster table and column the assessment reads exists; otherwise why not. */
  async #missingRosterColumns(): Promise<string | null> {
    const rows: { table_name: string; column_name: string }[] = await this.db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1)`,
      [Object.keys(ROSTER_COLUMNS)],
    );
    const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    const tables = new Set(rows.map((r) => r.table_name));
    const absentTables = Object.keys(ROSTER_COLUMNS).filter((t) => !tables.has(t));
    if (absentTables.length) {
      return `The roster tables (${absentTables.join(', ')}) do not exist in this database yet: expert-days and slot utilisation come from the rotation roster feature, which has not landed`;
    }
    const absent = Object.entries(ROSTER_COLUMNS).flatMap(([t, cols]) => cols.filter((c) => !present.has(`${t}.${c}`)).map((c) => `${t}.${c}`));
    return absent.length ? `The roster tables lack columns the assessment reads (${absent.join(', ')}): the figures would be wrong, so they are not given` : null;
  }
}

/** The start of a local day as a timestamptz SQL expression over a 'YYYY-MM-DD' parameter. */
const dayStart = (param: string, plusDays = 0) => `((${param}::date + ${plusDays})::timestamp AT TIME ZONE '${CONSORTIUM_TIME_ZONE}')`;

export function period(args: AssessmentArgs): { from: string; to: string } {
  const day = (value: string, field: string) => {
    const d = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badInput(field, 'assessment.notRealDate', { field, value });
    return d;
  };
  const from = day(args.from, 'from');
  const to = day(args.to, 'to');
  if (to < from) throw badInput('to', 'assessment.toBeforeFrom');
  if ((to.getTime() - from.getTime()) / 86_400_000 + 1 > MAX_PERIOD_DAYS) throw badInput('to', 'assessment.periodTooLong', { days: MAX_PERIOD_DAYS });
  return { from: args.from, to: args.to };
}
