import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Person } from '../consortium/entities';
import { Consultation } from '../consult/entities';

/** Someone a participant brought into a consultation's video room (e.g. a colleague, a radiologist). */
@Entity()
export class RoomInvitation {
  @PrimaryColumn('int') consultationId: number;
  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'consultation_id' }) consultation?: Relation<Consultation>;
  @PrimaryColumn('int') personId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @Column('int') invitedById: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'invited_by_id' }) invitedBy?: Relation<Person>;
  @CreateDateColumn({ type: 'timestamptz' }) invitedAt: Date;
}
