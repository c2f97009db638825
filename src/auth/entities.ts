import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from './roles';

/** Kept apart from Person so that no query of the directory can ever select a hash. */
@Entity()
export class Credential {
  @PrimaryColumn('int') personId: number;
  // NOTE: the target by name, not by class: auth/ sits below the directory (consortium/) and imports none of it.
  @OneToOne('Person', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: unknown;
  @Column('text') passwordHash: string;
  @UpdateDateColumn({ type: 'timestamptz' }) changedAt: Date;
}

/** Why a session stopped before its expiry. */
export enum SessionEnd {
  SIGNED_OUT = 'SIGNED_OUT',
  REVOKED = 'REVOKED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  DEACTIVATED = 'DEACTIVATED',
  /** Moved to another hospital or given other roles: the rights the session was opened with no longer hold. */
  RIGHTS_CHANGED = 'RIGHTS_CHANGED',
}
registerEnumType(SessionEnd, { name: 'SessionEnd', description: 'Why a session was ended before it expired' });

/**
 * A sign-in the server knows about: every access token names one, and a token is only as good
 * as its session (checked on every request and every new subscription).
 */
@ObjectType({ description: 'A signed-in session (one sign-in on one device)' })
@Entity({ name: 'auth_session' })
@Index('auth_session_open_idx', ['personId'], { where: 'ended_at IS NULL' })
@Check('auth_session_end_check', `(ended_at IS NULL) = (end_reason IS NULL) AND (end_reason IS NULL OR end_reason IN (${sqlList(SessionEnd)}))`)
export class AuthSession {
  /** Random (node:crypto randomUUID): a session id is not guessable from another. */
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Column('int') personId: number;
  @ManyToOne('Person', { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'person_id' }) person?: unknown;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @Column('timestamptz') expiresAt: Date;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) endedAt: Date | null;
  @Field(() => SessionEnd, { nullable: true }) @Column('text', { nullable: true }) endReason: SessionEnd | null;
  @Field(() => String, { nullable: true, description: 'The address the sign-in came from' }) @Column('text', { nullable: true }) clientAddress: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) userAgent: string | null;
}
