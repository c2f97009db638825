/** Room events: the SFU's happenings as written to the log (typed in events/topics.ts) and as subscribers get them. */
import type { EventPayload, TopicEvent } from '../events/topics';
import { changeFields } from '../graphql/subscribe';
import { RoomEvent, RoomProducer } from './types';

export interface RoomEventPayload extends EventPayload {
  consultationId: number;
  /** Who was in the room when it happened: the policy's audience for the event. */
  participantIds: number[];
  personId?: string;
  producer?: { id: string; personId: string; kind: string; paused: boolean };
  producerId?: string;
  reason?: string;
}

declare module '../events/topics' {
  interface TopicPayloads {
    room: RoomEventPayload;
  }
}

export const roomEvent = (e: TopicEvent<'room'>): RoomEvent => {
  const p = e.payload;
  return Object.assign(new RoomEvent(), changeFields(e), {
    consultationId: String(p.consultationId),
    personId: p.personId ?? null,
    producer: p.producer ? Object.assign(new RoomProducer(), p.producer) : null,
    producerId: p.producerId ?? null,
    reason: p.reason ?? null,
  });
};
