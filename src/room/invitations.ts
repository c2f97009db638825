import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { Person } from '../consortium/entities';
import { requireRow } from '../consortium/service';
import { notFound } from '../errors';
import { parseId } from '../ids';
import { ConsultationRooms, RoomAccess } from './access';
import { RoomInvitation } from './entities';

/** Adds the people participants invited to the consultation's own participants. */
export class RoomInvitations implements ConsultationRooms {
  constructor(private readonly db: DataSource, private readonly consultations: ConsultationRooms) {}

  async roomAccess(consultationId: number): Promise<RoomAccess | null> {
    const access = await this.consultations.roomAccess(consultationId);
    if (!access) return null;
    const invited: { person_id: number }[] = await this.db.query('SELECT person_id FROM room_invitation WHERE consultation_id = $1', [consultationId]);
    return { ...access, participantIds: [...new Set([...access.participantIds, ...invited.map((r) => r.person_id)])] };
  }

  /** A participant brings a colleague in; inviting twice is harmless. */
  async invite(actor: Actor | null, consultationId: string, personId: string): Promise<boolean> {
    const id = parseId(consultationId, 'consultationId');
    const access = await this.roomAccess(id);
    if (!access) throw notFound('entity.consultation', consultationId);
    const inviter = authorize(actor, 'room.join', { participantIds: access.participantIds });
    const invitee = parseId(personId, 'personId');
    await requireRow(this.db.manager, Person, invitee, 'personId', 'person');
    await this.db.createQueryBuilder().insert().into(RoomInvitation)
      .values({ consultationId: id, personId: invitee, invitedById: inviter.personId }).orIgnore().execute();
    return true;
  }
}
