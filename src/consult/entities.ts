import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import { Consortium, Department, Hospital, Patient, Person } from '../consortium/entities';
import { ConsultationState, Urgency } from './states';

@ObjectType({ description: '远程会诊: a township doctor asks a specialty for a remote opinion on a patient' })
@Entity()
@Check('consultation_urgency_check', `urgency IN (${sqlList(Urgency)})`)
@Check('consultation_state_check', `state IN (${sqlList(ConsultationState)})`)
@Check('consultation_preferred_window_check', `preferred_to IS NULL OR preferred_from IS NULL OR preferred_to > preferred_from`)
@Check('consultation_schedule_check', `scheduled_end IS NULL OR scheduled_end > scheduled_start`)
// The database holds the machine's invariants too: a taken consultation has its specialist,
// a queued one has none, a scheduled one has its time.
@Check('consultation_specialist_check', `(state = 'REQUESTED') = (specialist_id IS NULL) OR state = 'CANCELLED'`)
@Check('consultation_scheduled_time_check', `state <> 'SCHEDULED' OR scheduled_start IS NOT NULL`)
// A specialist is never in two sessions at once, nor on site meanwhile: a trigger enters each
// SCHEDULED or IN_SESSION consultation in the specialist's one calendar (specialist_commitment).
@Index('consultation_queue_idx', ['consortiumId', 'specialtyId', 'requestedAt'], { where: `state = 'REQUESTED'` })
export class Consultation {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;

  @Column('int') consortiumId: number;
  @ManyToOne(() => Consortium, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'consortium_id' }) consortium?: Relation<Consortium>;
  @Column('int') specialtyId: number;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'specialty_id' }) specialty?: Relation<Department>;
  @Index() @Column('int') requestingHospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'requesting_hospital_id' }) requestingHospital?: Relation<Hospital>;
  @Column('int') requestedById: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'requested_by_id' }) requestedBy?: Relation<Person>;
  @Index() @Column('int') patientId: number;
  @ManyToOne(() => Patient, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'patient_id' }) patient?: Relation<Patient>;

  @Field(() => Urgency) @Column('text') urgency: Urgency;
  @Field(() => ConsultationState) @Column('text') state: ConsultationState;
  /** Clinical text: resolved through the policy (see resolver), never a plain field. */
  @Column('text') clinicalSummary: string;
  @Column('text') question: string;
  @Field(() => Date, { nullable: true, description: 'Start of the time window the requester prefers for the session' })
  @Column('timestamptz', { nullable: true }) preferredFrom: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) preferredTo: Date | null;

  @Field({ description: 'When it entered the queue; its waiting time counts from here, also after a hand-back' })
  @Column('timestamptz', { default: () => 'now()' }) requestedAt: Date;

  @Index() @Column('int', { nullable: true }) specialistId: number | null;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialist_id' }) specialist?: Relation<Person>;
  /** The scheduler who assigned it, when it was assigned rather than claimed. */
  @Column('int', { nullable: true }) assignedById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'assigned_by_id' }) assignedBy?: Relation<Person>;
  @Field(() => Date, { nullable: true, description: 'When the current specialist took it' }) @Column('timestamptz', { nullable: true }) claimedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a specialist first took it (waiting time to claim)' })
  @Column('timestamptz', { nullable: true }) firstClaimedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) handedBackAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last specialist handed it back' }) @Column('text', { nullable: true }) handBackReason: string | null;

  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) scheduledStart: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) scheduledEnd: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) endedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('int', { nullable: true }) cancelledById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'cancelled_by_id' }) cancelledBy?: Relation<Person>;
  @Field(() => Date, { nullable: true, description: 'When schedulers were told it waited past its claim deadline' })
  @Column('timestamptz', { nullable: true }) escalatedAt: Date | null;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: '会诊意见: the specialist\'s written opinion' })
@Entity()
@Check('consultation_opinion_diagnosis_check', `diagnosis_code IS NULL OR diagnosis_text IS NOT NULL`)
export class ConsultationOpinion {
  @Field(() => ID) @PrimaryColumn('int') consultationId: number;
  @OneToOne(() => Consultation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'consultation_id' }) consultation?: Relation<Consultation>;
  @Field({ description: 'Impression (印象/初步诊断)' }) @Column('text') impression: string;
  @Field({ description: 'Recommendations for the township doctor' }) @Column('text') recommendations: string;
  @Field({ description: 'Whether the specialist recommends referring the patient up' }) @Column('boolean') referUp: boolean;
  @Field(() => String, { nullable: true, description: 'ICD-10 code of the working diagnosis, e.g. I21.9' }) @Column('text', { nullable: true }) diagnosisCode: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) diagnosisText: string | null;
  @Column('int') authorId: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'author_id' }) author?: Relation<Person>;
  @Field() @Column('timestamptz', { default: () => 'now()' }) writtenAt: Date;
}

export enum AttachmentType {
  JPEG = 'image/jpeg',
  PNG = 'image/png',
  PDF = 'application/pdf',
}

@ObjectType({ description: 'An exam result attached to a consultation (image or PDF). Download: GET downloadPath with the bearer token.' })
@Entity()
@Check('consultation_attachment_type_check', `content_type IN (${sqlList(AttachmentType)})`)
@Check('consultation_attachment_size_check', `size_bytes = octet_length(content) AND size_bytes > 0`)
export class ConsultationAttachment {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Index() @Column('int') consultationId: number;
  @ManyToOne(() => Consultation, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'consultation_id' }) consultation?: Relation<Consultation>;
  @Field() @Column('text') fileName: string;
  @Field({ description: 'image/jpeg, image/png or application/pdf (checked against the file\'s own bytes)' }) @Column('text') contentType: string;
  @Field(() => Int) @Column('int') sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex' }) @Column('text') sha256: string;
  /** The file itself; never selected unless a download asks for it (and the policy allowed it). */
  @Column('bytea', { select: false }) content: Buffer;
  @Column('int') uploadedById: number;
  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'uploaded_by_id' }) uploadedBy?: Relation<Person>;
  @Field() @Column('timestamptz', { default: () => 'now()' }) uploadedAt: Date;
}
