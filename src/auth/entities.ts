import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Person } from '../consortium/entities';

/** Kept apart from Person so that no query of the directory can ever select a hash. */
@Entity()
export class Credential {
  @PrimaryColumn('int') personId: number;
  @OneToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @Column('text') passwordHash: string;
  @UpdateDateColumn({ type: 'timestamptz' }) changedAt: Date;
}
