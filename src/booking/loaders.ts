import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId, loaderOptions } from '../consortium/loaders';
import { isFree } from './clinic';
import { ClinicSession, ClinicSlot } from './entities';

export interface SlotView {
  id: number;
  position: number;
  startsAt: string;
  booked: boolean;
}

export function createBookingLoaders(db: DataSource) {
  return {
    clinicSession: byId(db, ClinicSession),
    clinicSlot: byId(db, ClinicSlot),
    sessionOfAssignment: new DataLoader<number, ClinicSession | null>(async (ids) => {
      const rows = await db.getRepository(ClinicSession).findBy({ assignmentId: In([...ids]) });
      const map = new Map(rows.map((r) => [r.assignmentId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }, loaderOptions),
    slotsOfSession: new DataLoader<number, SlotView[]>(async (ids) => {
      const rows: (SlotView & { session_id: number })[] = await db.query(
        `SELECT s.session_id, s.id, s.position, s.starts_at AS "startsAt",
                NOT ${isFree('s')} AS booked
           FROM clinic_slot s WHERE s.session_id = ANY($1) ORDER BY s.session_id, s.position`,
        [[...ids]],
      );
      const map = new Map<number, SlotView[]>(ids.map((id) => [id, []]));
      for (const r of rows) map.get(r.session_id)?.push({ id: r.id, position: r.position, startsAt: r.startsAt, booked: r.booked });
      return ids.map((id) => map.get(id) ?? []);
    }, loaderOptions),
  };
}

export type BookingLoaders = ReturnType<typeof createBookingLoaders>;
