import type { EventBus } from '../events/event-bus';
import type { Logger } from '../server/logger';
import type { RoomSignalling } from './service';

const ENDS_THE_ROOM = new Set(['SESSION_ENDED', 'CANCELLED']);

/**
 * The room lives as long as the consultation's session: when the session ends (or the
 * consultation is cancelled), the room closes with everyone in it. Every hub process follows
 * the log; only the one holding the room has something to close.
 */
export function followConsultationsForRooms(bus: EventBus, rooms: RoomSignalling, log: Logger): AsyncIterableIterator<unknown> {
  const events = bus.subscribe({ topics: ['consultation'] });
  (async () => {
    for await (const event of events) {
      if (ENDS_THE_ROOM.has(String(event.payload.action))) {
        const consultationId = Number(event.payload.consultationId ?? event.payload.id);
        if (rooms.closeRoomOf(consultationId)) log.info({ consultationId, action: event.payload.action }, 'consultation room closed');
      }
    }
  })().catch((error) => log.error({ err: error }, 'following consultations for their rooms stopped'));
  return events;
}
