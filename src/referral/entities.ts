import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import { Consortium, Department, Hospital, Patient, Person } from '../consortium/entities';
import { Consultation } from '../consult/entities';
import { ReferralDirection, ReferralState } from './states';

@ObjectType({ description: '转诊标准: a condition and the criterion under which it is referred in one direction' })
@Entity()
@Check('referral_criterion_direction_check', `direction IN (${sqlList(ReferralDirection)})`)
@Check('referral_criterion_code_check', `code ~ '^[A-Z][A-Z0-9_]{2,39}$'`)
@Check('referral_criterion_green_channel_check', `NOT green_channel OR direction = 'UP'`)
export class ReferralCriterion {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field({ description: 'Stable code, e.g. UP_CARD_ACS' }) @Index('referral_criterion_code_key', { unique: true }) @Column('text') code: string;
  @Field(() => ReferralDirection) @Column('text') direction: ReferralDirection;
  @Field({ description: '病种: the condition, e.g. 疑似急性冠脉综合征' }) @Column('text') condition: string;
  @Field({ description: 'When the condition is referred in this direction' }) @Column('text') criterion: string;
  @Field(() => [String], { description: 'ICD-10 code prefixes the diagnosis must start with (e.g. I21); empty: any diagnosis' })
  @Column('text', { array: true, default: () => `'{}'` }) icd10Prefixes: string[];
  @Column('int', { nullable: true }) specialtyId: number | null;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialty_id' }) specialty?: Relation<Department>;
  @Field({ description: '绿色通道: meeting this criterion qualifies a referral for priority' }) @Column('boolean', { default: false }) greenChannel: boolean;
  @Field({ description: 'Retired criteria stay for the referrals that cite them but cannot be cited anew' }) @Column('boolean', { default: true }) active: boolean;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: '双向转诊: a patient referred up to a higher tier or down for recovery, between hospitals of one consortium' })
@Entity()
@Check('referral_direction_check', `direction IN (${sqlList(ReferralDirection)})`)
@Check('referral_state_check', `state IN (${sqlList(ReferralState)})`)
@Check('referral_hospitals_check', `from_hospital_id <> to_hospital_id`)
@Check('referral_care_plan_check', `direction <> 'DOWN' OR care_plan IS NOT NULL`)
@Check('referral_accepted_check', `state NOT IN ('ACCEPTED', 'ARRIVED', 'COMPLETED') OR (accepted_at IS NOT NULL AND expected_arrival_date IS NOT NULL)`)
@Check('referral_declined_check', `state <> 'DECLINED' OR decline_reason IS NOT NULL`)
@Index('referral_consultation_key', ['sourceConsultationId'], { unique: true, where: `source_consultation_id IS NOT NULL AND state NOT IN ('DECLINED', 'CANCELLED')` })
export class Referral {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field(() => ReferralDirection) @Column('text') direction: ReferralDirection;
  @Field(() => ReferralState) @Column('text') state: ReferralState;
  @Index() @Column('int') consortiumId: number;
  @ManyToOne(() => Consortium, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'consortium_id' }) consortium?: Relation<Consortium>;
  @Index() @Column('int') fromHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'from_hospital_id' }) fromHospital?: Relation<Hospital>;
  @Index() @Column('int') toHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'to_hospital_id' }) toHospital?: Relation<Hospital>;
  /** The receiving specialty: whose specialists (or the referral desk) answer it. */
  @Column('int') toDepartmentId: number;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'to_department_id' }) toDepartment?: Relation<Department>;
  @Index() @Column('int') patientId: number;
  @ManyToOne(() => Patient, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'patient_id' }) patient?: Relation<Patient>;
  @Index() @Column('int') referredById: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'referred_by_id' }) referredBy?: Relation<Person>;
  // Everyone who may read a referral (its sender, the receiving hospital's doctors) may read these.
  @Field({ description: 'ICD-10 code, e.g. I21.9' }) @Column('text') diagnosisCode: string;
  @Field({ description: 'The diagnosis in words' }) @Column('text') diagnosisText: string;
  @Field(() => String, { nullable: true, description: 'Why it is referred: required when it cites no catalogue criterion' }) @Column('text', { nullable: true }) justification: string | null;
  @Field(() => String, { nullable: true, description: 'DOWN: the care plan for the receiving township doctor' }) @Column('text', { nullable: true }) carePlan: string | null;
  @Field({ description: '绿色通道: priority handling at the receiving hospital' }) @Column('boolean', { default: false }) greenChannel: boolean;
  @Column('int', { nullable: true }) sourceConsultationId: number | null;
  @ManyToOne(() => Consultation, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'source_consultation_id' }) sourceConsultation?: Relation<Consultation>;

  @Field() @Column('timestamptz', { default: () => 'now()' }) proposedAt: Date;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the receiving hospital expects the patient' }) @Column('date', { nullable: true }) expectedArrivalDate: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('int', { nullable: true }) respondedById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'responded_by_id' }) respondedBy?: Relation<Person>;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) declinedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) declineReason: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) arrivedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) cancelReason: string | null;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The catalogue criteria a referral says it meets. */
@Entity()
export class ReferralCriterionCitation {
  @PrimaryColumn('int') referralId: number;
  @Index() @PrimaryColumn('int') criterionId: number;
  @ManyToOne(() => Referral, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'referral_id' }) referral?: Relation<Referral>;
  @ManyToOne(() => ReferralCriterion, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'criterion_id' }) criterion?: Relation<ReferralCriterion>;
}
