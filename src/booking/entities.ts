import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import type { Message } from '../i18n/translate';
import { Department, Hospital, Patient, Person } from '../consortium/entities';
import { Roster, RosterAssignment } from '../roster/entities';
import { SessionTime } from '../roster/kinds';
import { BookingState, ClinicSessionState } from './kinds';

@ObjectType({ description: '坐诊: a published on-site session of a visiting specialist, with bookable slots' })
@Entity()
@Check('clinic_session_state_check', `state IN (${sqlList(ClinicSessionState)})`)
@Check('clinic_session_session_check', `session IN (${sqlList(SessionTime)})`)
@Check('clinic_session_slots_check', 'slot_count BETWEEN 1 AND 200 AND slot_minutes BETWEEN 5 AND 240')
@Check('clinic_session_booked_check', 'booked_count BETWEEN 0 AND slot_count')
@Index(['hostHospitalId', 'date'])
@Index(['specialistId', 'date'])
export class ClinicSession {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') rosterId: number;
  @ManyToOne(() => Roster, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'roster_id' }) roster?: Relation<Roster>;
  @Index('clinic_session_assignment_key', { unique: true }) @Column('int') assignmentId: number;
  @ManyToOne(() => RosterAssignment, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'assignment_id' }) assignment?: Relation<RosterAssignment>;
  @Column('int') hostHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'host_hospital_id' }) hostHospital?: Relation<Hospital>;
  @Column('int') specialistId: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialist_id' }) specialist?: Relation<Person>;
  @Column('int') specialtyId: number;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialty_id' }) specialty?: Relation<Department>;
  @Field() @Column('date') date: string;
  @Field(() => SessionTime) @Column('text') session: SessionTime;
  @Field(() => Int) @Column('int') slotMinutes: number;
  @Field(() => Int) @Column('int') slotCount: number;
  @Field(() => ClinicSessionState) @Column('text') state: ClinicSessionState;
  /**
   * BOOKED bookings of this session, kept by the database's own triggers on booking (migration
   * BookedCount): every writer, the hub, the seed or plain SQL, keeps it right. A booking takes
   * the session's row lock only while this is below slot_count, so a full session refuses at once.
   */
  @Column({ type: 'int', default: 0, insert: false, update: false }) bookedCount: number;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) cancelledReason: string | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  /** Not stored: the event cursor read just before this row, for `sessionSlots(after: cursor)`. */
  @Field(() => ID, { nullable: true, description: 'Event cursor at the time of this read (clinicSession query only): subscribe to sessionSlots with after = cursor' })
  cursor?: string;
}

@ObjectType({ description: 'A bookable slot of a clinic session' })
@Entity()
@Index('clinic_slot_position_key', ['sessionId', 'position'], { unique: true })
export class ClinicSlot {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') sessionId: number;
  @ManyToOne(() => ClinicSession, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'session_id' }) clinicSession?: Relation<ClinicSession>;
  @Field(() => Int, { description: '1 for the first slot of the session' }) @Column('int') position: number;
  @Field({ description: 'Local clock time HH:MM' }) @Column('text') startsAt: string;
}

/**
 * A patient in a slot. The partial unique index on slot_id is what makes overbooking
 * impossible: at most one BOOKED row per slot, whatever races the code has.
 */
@ObjectType({ description: 'A patient booked into a slot of a clinic session by a township doctor' })
@Entity()
@Check('booking_state_check', `state IN (${sqlList(BookingState)})`)
@Index('booking_slot_taken_key', ['slotId'], { unique: true, where: `state = 'BOOKED'` })
@Index('booking_patient_session_key', ['sessionId', 'patientId'], { unique: true, where: `state = 'BOOKED'` })
@Index(['patientId'])
@Index(['hospitalId', 'state'])
export class Booking {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') slotId: number;
  @ManyToOne(() => ClinicSlot, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'slot_id' }) slot?: Relation<ClinicSlot>;
  @Column('int') sessionId: number;
  @ManyToOne(() => ClinicSession, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'session_id' }) clinicSession?: Relation<ClinicSession>;
  @Column('int') patientId: number;
  @ManyToOne(() => Patient, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'patient_id' }) patient?: Relation<Patient>;
  /** The patient's (and so the booking doctor's) hospital: who hears about this booking. */
  @Column('int') hospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'hospital_id' }) hospital?: Relation<Hospital>;
  @Column('int', { nullable: true }) bookedById: number | null;
  @Field(() => String, { nullable: true, description: 'What the patient is booked for, as the booking doctor wrote it (for the visiting specialist)' }) @Column('text', { nullable: true }) purpose: string | null;
  @Field(() => BookingState) @Column('text') state: BookingState;
  /** Why it was cancelled, moved or flagged: a doctor's own words, or (older rows) the hub's in English. The `reason` field: BookingResolver. */
  @Column('text', { nullable: true }) reason: string | null;
  /** The hub's reason as a catalogue sentence, said in the reader's language. */
  @Column('jsonb', { nullable: true }) reasonMessage: Message | null;
  @Field(() => ID, { nullable: true, description: 'The booking this one continues (after a move or a re-booking)' }) @Column('int', { nullable: true }) movedFromId: number | null;
  @ManyToOne(() => Booking, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'moved_from_id' }) movedFrom?: Relation<Booking>;
  @Field(() => ID, { nullable: true, description: 'Where a MOVED or REBOOKED booking went' }) @Column('int', { nullable: true }) movedToId: number | null;
  @ManyToOne(() => Booking, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'moved_to_id' }) movedTo?: Relation<Booking>;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export const bookingEntities = [ClinicSession, ClinicSlot, Booking];
