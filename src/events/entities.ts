import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event log. A row is written in the same transaction as the change it
 * describes; its id is the cursor clients resume from.
 */
@Entity({ name: 'event' })
@Index(['topic', 'id'])
export class EventRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('text') topic: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) occurredAt: Date;
}
