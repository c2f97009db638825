import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import type { Message } from '../i18n/translate';
import { Consortium, Department, Hospital, Person } from '../consortium/entities';
import {
  AssignmentSource, AssignmentState, AvailabilityKind, DemandState, JobState, OptimizeMethod, RosterState, SessionTime,
} from './kinds';

/** Defaults for a host hospital that has no settings row yet. */
export const HOST_DEFAULTS = { dailyCapacity: 2, slotMinutes: 20, slotsPerSession: 10 } as const;

@ObjectType({ description: 'How a host hospital receives visiting experts: rooms for them per day and the bookable slots of a session' })
@Entity()
@Check('host_settings_values_check', 'daily_capacity BETWEEN 1 AND 50 AND slot_minutes BETWEEN 5 AND 240 AND slots_per_session BETWEEN 1 AND 100 AND slot_minutes * slots_per_session <= 240')
export class HostSettings {
  @Field(() => ID) @PrimaryColumn('int') hospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'hospital_id' }) hospital?: Relation<Hospital>;
  @Field(() => Int, { description: 'Visiting experts the host can receive on one day' }) @Column('int') dailyCapacity: number;
  @Field(() => Int, { description: 'Minutes per bookable slot' }) @Column('int') slotMinutes: number;
  @Field(() => Int, { description: 'Bookable slots per half-day session (a full day has twice as many)' }) @Column('int') slotsPerSession: number;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: "A specialist's limits for going out on rotation" })
@Entity()
@Check('specialist_limits_values_check', `max_days_per_month BETWEEN 1 AND 31 AND max_consecutive_days BETWEEN 1 AND 31
  AND (max_travel_km IS NULL OR max_travel_km > 0) AND (max_travel_minutes IS NULL OR max_travel_minutes > 0)
  AND (max_travel_km IS NOT NULL OR max_travel_minutes IS NOT NULL)`)
export class SpecialistLimits {
  @Field(() => ID) @PrimaryColumn('int') personId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @Field(() => Int) @Column('int') maxDaysPerMonth: number;
  @Field(() => Int) @Column('int') maxConsecutiveDays: number;
  @Field(() => Float, { nullable: true, description: 'Straight-line distance from the home hospital, km' }) @Column('double precision', { nullable: true }) maxTravelKm: number | null;
  @Field(() => Int, { nullable: true, description: 'Travel time from the home hospital, minutes (estimated from distance, see effectiveTravelKm)' })
  @Column('int', { nullable: true }) maxTravelMinutes: number | null;
  @Column('int', { nullable: true }) updatedById: number | null;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A range of days a specialist can (AVAILABLE) or cannot (UNAVAILABLE) go out' })
@Entity()
@Check('availability_period_kind_check', `kind IN (${sqlList(AvailabilityKind)})`)
@Check('availability_period_range_check', 'end_date >= start_date')
@Check('availability_period_weekdays_check', 'weekdays <@ ARRAY[1,2,3,4,5,6,7]')
@Index(['personId', 'startDate'])
export class AvailabilityPeriod {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field(() => ID) @Column('int') personId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @Field(() => AvailabilityKind) @Column('text') kind: AvailabilityKind;
  @Field({ description: 'YYYY-MM-DD' }) @Column('date') startDate: string;
  @Field({ description: 'YYYY-MM-DD, included' }) @Column('date') endDate: string;
  @Field(() => [Int], { description: 'Only these weekdays (1 = Monday … 7 = Sunday); empty means every day' }) @Column('int', { array: true, default: () => "'{}'" }) weekdays: number[];
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note: string | null;
  @Column('int', { nullable: true }) createdById: number | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: "A host hospital's request for on-site expert coverage" })
@Entity()
@Check('rotation_demand_state_check', `state IN (${sqlList(DemandState)})`)
@Check('rotation_demand_session_check', `session IN (${sqlList(SessionTime)})`)
@Check('rotation_demand_values_check', 'expert_days BETWEEN 1 AND 1000 AND priority BETWEEN 1 AND 5 AND period_end >= period_start AND preferred_weekdays <@ ARRAY[1,2,3,4,5,6,7]')
@Index(['consortiumId', 'state'])
export class RotationDemand {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Index() @Column('int') consortiumId: number;
  @ManyToOne(() => Consortium, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'consortium_id' }) consortium?: Relation<Consortium>;
  @Index() @Column('int') hostHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'host_hospital_id' }) hostHospital?: Relation<Hospital>;
  @Column('int') specialtyId: number;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialty_id' }) specialty?: Relation<Department>;
  @Field(() => Int, { description: 'Expert-days wanted in the period' }) @Column('int') expertDays: number;
  @Field() @Column('date') periodStart: string;
  @Field({ description: 'Included' }) @Column('date') periodEnd: string;
  @Field(() => [Int], { description: '1 = Monday … 7 = Sunday; empty means any day suits' }) @Column('int', { array: true, default: () => "'{}'" }) preferredWeekdays: number[];
  @Field(() => SessionTime) @Column('text') session: SessionTime;
  @Field(() => Int, { description: '1 (lowest) … 5 (highest)' }) @Column('int') priority: number;
  @Field({ description: 'Whether experts are also wanted on statutory holidays (法定节假日)' }) @Column('boolean', { default: false }) includeHolidays: boolean;
  @Field(() => DemandState) @Column('text') state: DemandState;
  @Field(() => String, { nullable: true, description: 'Why it was declined or withdrawn' }) @Column('text', { nullable: true }) decisionReason: string | null;
  @Column('int', { nullable: true }) requestedById: number | null;
  @Column('int', { nullable: true }) decidedById: number | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: '排班: the rotation plan of one consortium for one period' })
@Entity()
@Check('roster_state_check', `state IN (${sqlList(RosterState)})`)
@Check('roster_period_check', 'period_end >= period_start')
// One roster per consortium and day: two overlapping plans would each look valid on their own.
@Exclusion('roster_period_overlap', `USING gist (consortium_id WITH =, daterange(period_start, period_end, '[]') WITH &&)`)
export class Roster {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') consortiumId: number;
  @ManyToOne(() => Consortium, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'consortium_id' }) consortium?: Relation<Consortium>;
  @Field() @Column('date') periodStart: string;
  @Field({ description: 'Included' }) @Column('date') periodEnd: string;
  @Field(() => RosterState) @Column('text') state: RosterState;
  @Field(() => Int, { description: 'Amendments made after publishing' }) @Column('int', { default: 0 }) amendments: number;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('int', { nullable: true }) createdById: number | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * One specialist at one host on one date and session. `during` is the clock-time range of the
 * session (the CHECK keeps it honest); a trigger enters each ACTIVE one in the specialist's
 * calendar (specialist_commitment), whose exclusion constraint is the final referee: no
 * specialist is ever in two places at once, whatever the code does.
 */
@ObjectType({ description: 'A specialist at a host hospital on a date and session' })
@Entity()
@Check('roster_assignment_state_check', `state IN (${sqlList(AssignmentState)})`)
@Check('roster_assignment_source_check', `source IN (${sqlList(AssignmentSource)})`)
@Check('roster_assignment_session_check', `session IN (${sqlList(SessionTime)})`)
@Check('roster_assignment_during_check', `during = tsrange(date + (CASE session WHEN 'AFTERNOON' THEN time '13:00' ELSE time '08:00' END), date + (CASE session WHEN 'MORNING' THEN time '12:00' ELSE time '17:00' END))`)
// NOTE: the referee against double placement is the specialist's one calendar
// (specialist_commitment, src/calendar): a trigger enters every ACTIVE assignment there.
@Index(['rosterId', 'state'])
@Index(['hostHospitalId', 'date'])
@Index(['demandId'])
export class RosterAssignment {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') rosterId: number;
  @ManyToOne(() => Roster, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'roster_id' }) roster?: Relation<Roster>;
  @Column('int') specialistId: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialist_id' }) specialist?: Relation<Person>;
  @Column('int') demandId: number;
  @ManyToOne(() => RotationDemand, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'demand_id' }) demand?: Relation<RotationDemand>;
  @Column('int') hostHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'host_hospital_id' }) hostHospital?: Relation<Hospital>;
  @Column('int') specialtyId: number;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialty_id' }) specialty?: Relation<Department>;
  @Field() @Column('date') date: string;
  @Field(() => SessionTime) @Column('text') session: SessionTime;
  @Column('tsrange') during: string;
  @Field(() => AssignmentState) @Column('text', { default: AssignmentState.ACTIVE }) state: AssignmentState;
  @Field({ description: 'Kept as it is when the optimizer runs again' }) @Column('boolean', { default: false }) pinned: boolean;
  @Field(() => AssignmentSource) @Column('text') source: AssignmentSource;
  @Column('int', { nullable: true }) jobId: number | null;
  @Field(() => ID, { nullable: true, description: 'The assignment this one replaced when it was moved' }) @Column('int', { nullable: true }) movedFromId: number | null;
  @ManyToOne(() => RosterAssignment, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'moved_from_id' }) movedFrom?: Relation<RosterAssignment>;
  /** The scheduler's words; `moved: <words>` when it was moved (the `removedReason` field says that in the reader's language: AssignmentResolver). */
  @Column('text', { nullable: true }) removedReason: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) removedAt: Date | null;
  @Column('int', { nullable: true }) createdById: number | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'A run of the roster optimizer' })
@Entity()
@Check('roster_job_state_check', `state IN (${sqlList(JobState)})`)
@Check('roster_job_method_check', `method IN (${sqlList(OptimizeMethod)})`)
@Check('roster_job_percent_check', 'percent BETWEEN 0 AND 100')
// At most one job at a time works on a roster.
@Index('roster_job_one_active_key', ['rosterId'], { unique: true, where: `state IN ('QUEUED', 'RUNNING')` })
export class RosterJob {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Index() @Column('int') rosterId: number;
  @ManyToOne(() => Roster, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'roster_id' }) roster?: Relation<Roster>;
  @Field(() => JobState) @Column('text') state: JobState;
  @Field(() => Int) @Column('int') seed: number;
  @Field(() => OptimizeMethod) @Column('text') method: OptimizeMethod;
  @Field(() => Int) @Column('int') timeLimitMs: number;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) iterations: number | null;
  @Field(() => String, { nullable: true, description: 'PREPARE, CONSTRUCT, IMPROVE, SOLVE, BOUND or REPORT' }) @Column('text', { nullable: true }) phase: string | null;
  @Field(() => Float) @Column('double precision', { default: 0 }) percent: number;
  @Field(() => Float, { nullable: true }) @Column('double precision', { nullable: true }) bestObjective: number | null;
  @Field() @Column('boolean', { default: false }) cancelRequested: boolean;
  /** Which hub process runs it; another process sees a cancellation through `cancelRequested`. */
  @Column('text', { nullable: true }) owner: string | null;
  @Column('timestamptz', { nullable: true }) heartbeatAt: Date | null;
  @Column('jsonb', { nullable: true }) summary: Record<string, any> | null;
  /** Why it failed or was cancelled, in English (rows from before errorMessage have only this). */
  @Column('text', { nullable: true }) error: string | null;
  /** The same as a catalogue sentence, said in the reader's language (the `error` field, resolver.ts). */
  @Column('jsonb', { nullable: true }) errorMessage: Message | null;
  @Column('int', { nullable: true }) startedById: number | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
  /** Not stored: the event cursor read just before this row, for `rosterJobProgress(after: cursor)`. */
  @Field(() => ID, { nullable: true, description: 'Event cursor from just before this read (rosterJob, startRosterOptimization): subscribe to rosterJobProgress with after = cursor to miss nothing' })
  cursor?: string;
}

export const rosterEntities = [HostSettings, SpecialistLimits, AvailabilityPeriod, RotationDemand, Roster, RosterAssignment, RosterJob];
