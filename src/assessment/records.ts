/**
 * The records behind each figure of the assessment (考核), so a person can click a number and
 * see what it counts. Each figure's conditions here are the ones the figure's own SQL counts
 * with (service.ts); the assessment test checks that every list is as long as its figure.
 * No patient data: hospitals, dates, states and waiting times only.
 */
import { ArgsType, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import type { ConsultConfig } from '../config';
import { Urgency } from '../consult/states';
import { badInput } from '../errors';
import { says } from '../i18n/validation';
import { parseId } from '../ids';
import { AssessmentArgs } from './report';
import { CONSORTIUM_TIME_ZONE, period } from './service';

export enum AssessmentFigure {
  REFERRALS_UP = 'REFERRALS_UP',
  REFERRALS_DOWN = 'REFERRALS_DOWN',
  REFERRALS_GREEN_CHANNEL = 'REFERRALS_GREEN_CHANNEL',
  REFERRALS_ACCEPTED = 'REFERRALS_ACCEPTED',
  REFERRALS_DECLINED = 'REFERRALS_DECLINED',
  REFERRALS_COMPLETED = 'REFERRALS_COMPLETED',
  REFERRALS_CANCELLED = 'REFERRALS_CANCELLED',
  REFERRALS_WITHOUT_CRITERION = 'REFERRALS_WITHOUT_CRITERION',
  REFERRALS_CITING_CRITERION = 'REFERRALS_CITING_CRITERION',
  CONSULTATIONS_REQUESTED = 'CONSULTATIONS_REQUESTED',
  CONSULTATIONS_CLAIMED = 'CONSULTATIONS_CLAIMED',
  CONSULTATIONS_DEADLINE_BREACHED = 'CONSULTATIONS_DEADLINE_BREACHED',
  CONSULTATIONS_ESCALATED = 'CONSULTATIONS_ESCALATED',
  EXPERT_DAYS_DELIVERED = 'EXPERT_DAYS_DELIVERED',
}
registerEnumType(AssessmentFigure, { name: 'AssessmentFigure', description: 'A figure of consortiumAssessment whose records can be listed' });

@ArgsType()
export class AssessmentRecordsArgs extends AssessmentArgs {
  @Field(() => AssessmentFigure) figure: AssessmentFigure;
  @Field(() => Urgency, { nullable: true, description: 'CONSULTATIONS_*: the urgency row' }) urgency?: Urgency | null;
  @Field(() => ID, { nullable: true, description: 'EXPERT_DAYS_DELIVERED: the host' }) @IsOptional() @Matches(/^\d{1,10}$/, says('validation.id')) hospitalId?: string | null;
  @Field(() => ID, { nullable: true, description: 'REFERRALS_CITING_CRITERION: the criterion' }) @IsOptional() @Matches(/^\d{1,10}$/, says('validation.id')) criterionId?: string | null;
}

@ObjectType({ description: 'One record a figure counts: a referral, a consultation or an expert-day (no patient data)' })
export class AssessmentRecord {
  @Field({ description: 'REFERRAL, CONSULTATION or EXPERT_DAY' }) kind: string;
  @Field(() => ID, { description: 'The referral, consultation or roster assignment' }) id: string;
  @Field({ description: 'When it was proposed or requested; the day for an expert-day' }) at: Date;
  @Field() state: string;
  @Field({ description: 'The sending or requesting hospital; the specialist for an expert-day' }) from: string;
  @Field(() => String, { nullable: true, description: 'The receiving hospital; the host for an expert-day' }) to: string | null;
  @Field(() => String, { nullable: true, description: 'UP or DOWN for a referral, the urgency for a consultation' }) category: string | null;
  @Field(() => String, { nullable: true }) specialty: string | null;
  @Field(() => Float, { nullable: true, description: 'Consultations: seconds waited for the first specialist (so far, while still waiting)' }) waitedSeconds: number | null;
}

const dayStart = (param: string, plusDays = 0) => `((${param}::date + ${plusDays})::timestamp AT TIME ZONE '${CONSORTIUM_TIME_ZONE}')`;
const MAX_ROWS = 1000;

/** Referral figures as conditions on `r` (the same FILTERs as the figures). */
const REFERRAL_WHERE: Partial<Record<AssessmentFigure, string>> = {
  REFERRALS_UP: `r.direction = 'UP' AND r.state <> 'CANCELLED'`,
  REFERRALS_DOWN: `r.direction = 'DOWN' AND r.state <> 'CANCELLED'`,
  REFERRALS_GREEN_CHANNEL: `r.direction = 'UP' AND r.green_channel AND r.state <> 'CANCELLED'`,
  REFERRALS_ACCEPTED: `r.accepted_at IS NOT NULL`,
  REFERRALS_DECLINED: `r.state = 'DECLINED'`,
  REFERRALS_COMPLETED: `r.state = 'COMPLETED'`,
  REFERRALS_CANCELLED: `r.state = 'CANCELLED'`,
  REFERRALS_WITHOUT_CRITERION: `r.state <> 'CANCELLED' AND NOT EXISTS (SELECT 1 FROM referral_criterion_citation l WHERE l.referral_id = r.id)`,
  REFERRALS_CITING_CRITERION: `r.state <> 'CANCELLED' AND EXISTS (SELECT 1 FROM referral_criterion_citation l WHERE l.referral_id = r.id AND l.criterion_id = $4)`,
};

/** Consultation figures as conditions on `c` (waited and deadline as in the figures). */
const CONSULTATION_WHERE: Partial<Record<AssessmentFigure, string>> = {
  CONSULTATIONS_REQUESTED: 'TRUE',
  CONSULTATIONS_CLAIMED: 'c.first_claimed_at IS NOT NULL',
  CONSULTATIONS_DEADLINE_BREACHED: 'c.waited > $5',
  CONSULTATIONS_ESCALATED: `EXISTS (SELECT 1 FROM event e WHERE e.topic = 'consultation' AND e.payload->>'action' = 'ESCALATED' AND (e.payload->>'consultationId')::int = c.id)`,
};

export class AssessmentRecords {
  constructor(private readonly db: DataSource, private readonly consult: ConsultConfig) {}

  async list(actor: Actor | null, args: AssessmentRecordsArgs): Promise<AssessmentRecord[]> {
    const consortiumId = parseId(args.consortiumId, 'consortiumId');
    authorize(actor, 'assessment.read', { consortiumId });
    const { from, to } = period(args);
    const rows = REFERRAL_WHERE[args.figure] ? await this.#referrals(consortiumId, from, to, args)
      : CONSULTATION_WHERE[args.figure] ? await this.#consultations(consortiumId, from, to, args)
        : await this.#expertDays(consortiumId, from, to, args);
    return rows.map((r: any) => Object.assign(new AssessmentRecord(), {
      kind: r.kind, id: String(r.id), at: new Date(r.at), state: r.state, from: r.from_name, to: r.to_name ?? null, category: r.category ?? null,
      specialty: r.specialty ?? null, waitedSeconds: r.waited === null || r.waited === undefined ? null : Math.round(Number(r.waited)),
    }));
  }

  #referrals(consortiumId: number, from: string, to: string, args: AssessmentRecordsArgs) {
    const criterionId = args.figure === AssessmentFigure.REFERRALS_CITING_CRITERION ? parseId(required(args.criterionId, 'criterionId'), 'criterionId') : null;
    return this.db.query(
      `SELECT 'REFERRAL' AS kind, r.id, r.proposed_at AS at, r.state, fh.name AS from_name, th.name AS to_name, r.direction AS category, d.name_zh AS specialty
         FROM referral r JOIN hospital fh ON fh.id = r.from_hospital_id JOIN hospital th ON th.id = r.to_hospital_id
         LEFT JOIN department d ON d.id = r.to_department_id
        WHERE r.consortium_id = $1 AND r.proposed_at >= ${dayStart('$2')} AND r.proposed_at < ${dayStart('$3', 1)}
          -- NOTE: $4 (the criterion) is named here too so PostgreSQL knows its type when the figure does not use it.
          AND ($4::int IS NULL OR TRUE) AND ${REFERRAL_WHERE[args.figure]}
        ORDER BY r.proposed_at, r.id LIMIT ${MAX_ROWS}`,
      [consortiumId, from, to, criterionId],
    );
  }

  #consultations(consortiumId: number, from: string, to: string, args: AssessmentRecordsArgs) {
    const urgency = required(args.urgency, 'urgency');
    return this.db.query(
      `WITH c AS (
         SELECT c.*, extract(epoch FROM COALESCE(c.first_claimed_at, CASE WHEN c.state = 'CANCELLED' THEN c.cancelled_at ELSE now() END) - c.requested_at) AS waited
           FROM consultation c
          WHERE c.consortium_id = $1 AND c.requested_at >= ${dayStart('$2')} AND c.requested_at < ${dayStart('$3', 1)} AND c.urgency = $4)
       SELECT 'CONSULTATION' AS kind, c.id, c.requested_at AS at, c.state, h.name AS from_name, NULL AS to_name, c.urgency AS category, d.name_zh AS specialty,
              CASE WHEN c.first_claimed_at IS NOT NULL THEN extract(epoch FROM c.first_claimed_at - c.requested_at) ELSE c.waited END AS waited
         FROM c JOIN hospital h ON h.id = c.requesting_hospital_id JOIN department d ON d.id = c.specialty_id
        -- NOTE: $5 (the claim deadline) is named here too so PostgreSQL knows its type when the figure does not use it.
        WHERE ($5::int IS NOT NULL) AND ${CONSULTATION_WHERE[args.figure]}
        ORDER BY c.requested_at, c.id LIMIT ${MAX_ROWS}`,
      [consortiumId, from, to, urgency, this.consult.claimDeadlineSeconds[urgency]],
    );
  }

  /** Expert-days delivered: one row per specialist and day at the host, as the figure counts them. */
  #expertDays(consortiumId: number, from: string, to: string, args: AssessmentRecordsArgs) {
    const hospitalId = parseId(required(args.hospitalId, 'hospitalId'), 'hospitalId');
    return this.db.query(
      `SELECT DISTINCT ON (a.specialist_id, a.date) 'EXPERT_DAY' AS kind, a.id, a.date::timestamp AT TIME ZONE '${CONSORTIUM_TIME_ZONE}' AS at, a.state,
              p.name AS from_name, h.name AS to_name, a.session AS category, d.name_zh AS specialty, NULL AS waited
         FROM roster_assignment a JOIN roster r ON r.id = a.roster_id JOIN person p ON p.id = a.specialist_id JOIN hospital h ON h.id = a.host_hospital_id
         JOIN department d ON d.id = a.specialty_id
        WHERE r.consortium_id = $1 AND r.state IN ('PUBLISHED', 'CLOSED') AND a.state = 'ACTIVE' AND a.host_hospital_id = $4
          AND a.date >= $2::date AND a.date <= LEAST($3::date, (now() AT TIME ZONE '${CONSORTIUM_TIME_ZONE}')::date)
        ORDER BY a.specialist_id, a.date, a.id LIMIT ${MAX_ROWS}`,
      [consortiumId, from, to, hospitalId],
    );
  }
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw badInput(field, 'assessment.figureNeeds', { field });
  return value;
}
