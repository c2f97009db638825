import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Kept apart from Person so that no query of the directory can ever select a hash. */
@Entity()
export class Credential {
  @PrimaryColumn('int') personId: number;
  // NOTE: the target by name, not by class: auth/ sits below the directory (consortium/) and imports none of it.
  @OneToOne('Person', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: unknown;
  @Column('text') passwordHash: string;
  @UpdateDateColumn({ type: 'timestamptz' }) changedAt: Date;
}
