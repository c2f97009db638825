import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Person } from '../consortium/entities';
import { NOTIFICATION_KINDS_SQL, NotificationKind } from './kinds';

/**
 * One thing one person should know. Stored as a kind and its values (names captured when it
 * happened), so title and body are said in the reader's language at the time of reading.
 */
@ObjectType({ description: 'An entry of your notification centre' })
@Entity()
@Check('notification_kind_check', `kind IN (${NOTIFICATION_KINDS_SQL})`)
@Index('notification_recipient_unread', ['recipientId', 'id'], { where: 'read_at IS NULL' })
@Index('notification_recipient', ['recipientId', 'id'])
// The event it was made from, with the recipient: projecting an event twice is harmless.
@Index('notification_source_key', ['sourceEventId', 'recipientId'], { unique: true })
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Column('int') recipientId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'recipient_id' }) recipient?: Relation<Person>;
  @Field(() => NotificationKind) @Column('text') kind: NotificationKind;
  /** Values of the title and body: plain strings, or { "zh-CN", en } pairs (e.g. a specialty's names). */
  @Column('jsonb') params: Record<string, unknown>;
  @Field(() => ID, { nullable: true }) @Column('int', { nullable: true }) consultationId: number | null;
  @Field(() => ID, { nullable: true }) @Column('int', { nullable: true }) referralId: number | null;
  @Field(() => ID, { nullable: true }) @Column('int', { nullable: true }) bookingId: number | null;
  @Column('bigint') sourceEventId: string;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { nullable: true }) readAt: Date | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * Deliveries still owed to an outbound channel (webhook, log). Written in the same transaction
 * as the notification, so a restart loses none; the dispatcher drains it outside any change.
 */
@Entity()
@Index('notification_outbox_due', ['nextAttemptAt'], { where: 'delivered_at IS NULL AND failed_at IS NULL' })
export class NotificationOutbox {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Index() @Column('int') notificationId: number;
  @ManyToOne(() => Notification, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'notification_id' }) notification?: Relation<Notification>;
  @Column('text') channel: string;
  @Column('int', { default: 0 }) attempts: number;
  /** Due time; while a dispatcher works on a row it is pushed ahead (a lease), so a crash only delays. */
  @Column('timestamptz', { default: () => 'now()' }) nextAttemptAt: Date;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { nullable: true }) failedAt: Date | null;
  @Column('text', { nullable: true }) lastError: string | null;
}

/** How far the notification projector has read the event log (one row per projector). */
@Entity()
export class NotificationCursor {
  @PrimaryColumn('text') name: string;
  @Column('bigint') lastEventId: string;
}
