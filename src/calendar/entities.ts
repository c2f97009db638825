import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import { Person } from '../consortium/entities';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  valuesConfig: {
    HOLIDAY: { description: '法定节假日 (and the days the notice adds to it): nobody is dispatched unless the demand asks for it' },
    MAKEUP_WORKDAY: { description: '调休上班: a weekend day that is worked, like any working day' },
  },
});

export enum CalendarDaySource {
  STATE_COUNCIL_NOTICE = 'STATE_COUNCIL_NOTICE',
  STATUTORY = 'STATUTORY',
  OVERRIDE = 'OVERRIDE',
}
registerEnumType(CalendarDaySource, {
  name: 'CalendarDaySource',
  valuesConfig: {
    STATE_COUNCIL_NOTICE: { description: "The State Council's yearly holiday notice (国务院办公厅关于部分节假日安排的通知), as published in the chinese-days package" },
    STATUTORY: { description: 'A holiday the law fixes (全国年节及纪念日放假办法), for a year whose notice the package does not have yet' },
    OVERRIDE: { description: 'Entered by an administrator' },
  },
});

export enum CalendarOverrideKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarOverrideKind, {
  name: 'CalendarOverrideKind',
  valuesConfig: {
    HOLIDAY: { description: 'The date is off' },
    WORKDAY: { description: 'The date is worked: a make-up working day on a weekend, an ordinary working day on a weekday' },
  },
});

@ObjectType({ description: 'A holiday or make-up working day of the calendar (Asia/Shanghai dates)' })
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field({ description: 'e.g. 元旦' }) name: string;
  @Field({ description: "e.g. New Year's Day" }) nameEn: string;
  @Field(() => CalendarDaySource) source: CalendarDaySource;
}

/** An administrator's correction of the published calendar (a new notice, a local arrangement). */
@ObjectType({ description: "An administrator's entry that wins over the published holiday calendar for one date" })
@Entity()
@Check('calendar_day_override_kind_check', `kind IN (${sqlList(CalendarOverrideKind)})`)
export class CalendarDayOverride {
  @Field({ description: 'YYYY-MM-DD' }) @PrimaryColumn('date') date: string;
  @Field(() => CalendarOverrideKind) @Column('text') kind: CalendarOverrideKind;
  @Field({ description: 'e.g. 春节' }) @Column('text') nameZh: string;
  @Field({ description: 'e.g. Spring Festival' }) @Column('text') nameEn: string;
  @Column('int', { nullable: true }) updatedById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'updated_by_id' }) updatedBy?: Relation<Person>;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export enum CommitmentKind {
  ON_SITE = 'ON_SITE',
  REMOTE_CONSULTATION = 'REMOTE_CONSULTATION',
  BLOCKED = 'BLOCKED',
}
registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  valuesConfig: {
    ON_SITE: { description: '坐诊: an on-site half-day at a host hospital (an ACTIVE roster assignment, draft or published)' },
    REMOTE_CONSULTATION: { description: '远程会诊: a scheduled or running remote consultation session' },
    BLOCKED: { description: 'Time the specialist or a scheduler blocked (duty at home, a meeting, leave by the hour)' },
  },
});

/**
 * One specialist calendar: every commitment of a specialist, whatever made it, with ONE
 * exclusion constraint over all of them on tstzrange, so an on-site half-day, a remote
 * consultation and blocked time can never overlap, whoever writes them and however they race.
 * ON_SITE and REMOTE_CONSULTATION rows are kept by triggers on roster_assignment and
 * consultation (see the SpecialistCalendar migration); BLOCKED rows are written directly.
 * ON_SITE times are the half-day's local clock times in the consortium's time zone.
 */
@ObjectType({ description: "An entry of a specialist's one calendar" })
@Entity()
@Check('specialist_commitment_kind_check', `kind IN (${sqlList(CommitmentKind)})`)
@Check('specialist_commitment_source_check', `(kind = 'ON_SITE') = (roster_assignment_id IS NOT NULL) AND (kind = 'REMOTE_CONSULTATION') = (consultation_id IS NOT NULL)`)
@Check('specialist_commitment_during_check', `NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)`)
@Exclusion('specialist_commitment_no_overlap', `USING gist (specialist_id WITH =, during WITH &&)`)
export class SpecialistCommitment {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') specialistId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'specialist_id' }) specialist?: Relation<Person>;
  @Field(() => CommitmentKind) @Column('text') kind: CommitmentKind;
  @Column('tstzrange') during: string;
  @Index('specialist_commitment_assignment_key', { unique: true }) @Column('int', { nullable: true }) rosterAssignmentId: number | null;
  @ManyToOne('RosterAssignment', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'roster_assignment_id' }) rosterAssignment?: unknown;
  @Field(() => ID, { nullable: true, description: 'REMOTE_CONSULTATION: the consultation' })
  @Index('specialist_commitment_consultation_key', { unique: true }) @Column('int', { nullable: true }) consultationId: number | null;
  @ManyToOne('Consultation', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'consultation_id' }) consultation?: unknown;
  @Field(() => String, { nullable: true, description: 'Why the time is blocked' }) @Column('text', { nullable: true }) note: string | null;
  // Not columns: the service fills them in from `during`.
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => ID, { nullable: true, description: 'ON_SITE: the roster assignment' }) assignmentId: number | null;
  @Column('int', { nullable: true }) createdById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'created_by_id' }) createdBy?: Relation<Person>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
