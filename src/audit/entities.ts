import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who read or changed which piece of patient data, and when (PIPL: every read attributable). */
@Entity()
@Index(['subjectType', 'subjectId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Index() @Column('int') actorId: number;
  /** e.g. "patient.read", "patient.register", "attachment.read" */
  @Column('text') action: string;
  @Column('text') subjectType: string;
  @Column('text') subjectId: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
