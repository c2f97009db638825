import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read or changed which piece of patient data, and when (PIPL: every read attributable);
 * also every sign-in and failed sign-in (WS/T 790 part 4, security audit).
 */
@ObjectType({ description: 'One line of the audit trail: who did what to which record, when' })
@Entity()
@Index(['subjectType', 'subjectId'])
@Index(['at'])
export class AuditEntry {
  @Field(() => ID) @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  /** Null for a failed sign-in: nobody is known to have acted. */
  @Field(() => ID, { nullable: true }) @Index() @Column('int', { nullable: true }) actorId: number | null;
  /** e.g. "patient.read", "patient.register", "attachment.read", "signIn", "signIn.failed" */
  @Field() @Column('text') action: string;
  @Field({ description: 'What kind of record, e.g. patient, consultation_attachment, person, username' }) @Column('text') subjectType: string;
  @Field() @Column('text') subjectId: string;
  @Field(() => String, { nullable: true, description: 'The client address of the request, where one was known' }) @Column('text', { nullable: true }) clientAddress: string | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
