import type { EventBus } from '../events/event-bus';
import type { Logger } from '../graphql/logger';
import type { RoomSignalling } from './service';

const ENDS_THE_ROOM = new Set(['SESSION_ENDED', 'CANCELLED']);

/**
 * The room lives as long as the consultation's session: it opens when the session starts
 * (so the first participant does not wait for a router) and closes with everyone in it when
 * the session ends or the consultation is cancelled. Every hub process follows the log; only
 * one that runs media opens rooms, and only the one holding a room has something to close.
 */
export function followConsultationsForRooms(bus: EventBus, rooms: RoomSignalling, log: Logger): AsyncIterableIterator<unknown> {
  const events = bus.subscribe({ topics: ['consultation'] });
  (async () => {
    for await (const event of events) {
      const consultationId = event.payload.consultationId;
      if (event.payload.action === 'SESSION_STARTED') {
        rooms.openRoomOf(consultationId, event.payload.participantIds ?? [])
          .then((opened) => opened && log.info({ consultationId }, 'consultation room opened'))
          .catch((error) => log.error({ err: error, consultationId }, 'could not open the consultation room; it opens when someone joins'));
      } else if (ENDS_THE_ROOM.has(event.payload.action)) {
        if (rooms.closeRoomOf(consultationId)) log.info({ consultationId, action: event.payload.action }, 'consultation room closed');
      }
    }
  })().catch((error) => log.error({ err: error }, 'following consultations for their rooms stopped'));
  return events;
}
