/** Consultation events: what they carry (typed in events/topics.ts) and what subscribers get. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ConsultationSubject } from '../auth/policy';
import type { EventPayload, TopicEvent } from '../events/topics';
import { Change, changeFields } from '../graphql/subscribe';
import type { Consultation } from './entities';
import { ConsultationState, Urgency } from './states';

/** The optional facts some actions add (handing back, sessions, attachments, escalation, opinions). */
export interface ConsultationEventExtra {
  /** Whether the request is in its queue after / before this change. */
  queued: boolean;
  wasQueued: boolean;
  formerSpecialistId?: number | null;
  participantIds?: number[];
  attachmentId?: number;
  deadlineSeconds?: number;
  overdueSeconds?: number;
  referUp?: boolean;
}

/**
 * What every consultation event carries: the ids the policy filters on and what a queue needs
 * to place the request; no personal data (no patient, no clinical text, no reasons).
 */
export interface ConsultationEvent extends EventPayload, ConsultationSubject, ConsultationEventExtra {
  consultationId: number;
  urgency: Urgency;
  state: ConsultationState;
  requestedAt: string;
  escalatedAt: string | null;
  preferredFrom: string | null;
  preferredTo: string | null;
  actorId: number | null;
}

declare module '../events/topics' {
  interface TopicPayloads {
    consultation: ConsultationEvent;
  }
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function consultationEvent(c: Consultation, action: string, actorId: number | null, extra: ConsultationEventExtra): ConsultationEvent {
  return {
    action, consultationId: c.id, consortiumId: c.consortiumId, specialtyId: c.specialtyId, requestingHospitalId: c.requestingHospitalId, requestedById: c.requestedById,
    specialistId: c.specialistId, urgency: c.urgency, state: c.state, requestedAt: iso(c.requestedAt)!, escalatedAt: iso(c.escalatedAt),
    preferredFrom: iso(c.preferredFrom), preferredTo: iso(c.preferredTo), actorId, ...extra,
  };
}

/** Queue events: whatever makes a request enter, leave or change its place in a queue. */
const QUEUE_ACTIONS = new Set(['REQUESTED', 'CLAIMED', 'ASSIGNED', 'HANDED_BACK', 'CANCELLED', 'ESCALATED']);

export const changesQueue = (p: ConsultationEvent, queue: { consortiumId: number; specialtyId: number }) =>
  p.consortiumId === queue.consortiumId && p.specialtyId === queue.specialtyId && QUEUE_ACTIONS.has(p.action) && Boolean(p.queued || p.wasQueued);

/** The fields of a queue entry the event carries, as the queue reader ranks them. */
export const queuedRequestOf = (p: ConsultationEvent) => ({
  id: p.consultationId, urgency: p.urgency, requestedAt: new Date(p.requestedAt), escalatedAt: p.escalatedAt ? new Date(p.escalatedAt) : null,
  consortiumId: p.consortiumId, specialtyId: p.specialtyId, requestingHospitalId: p.requestingHospitalId,
  preferredFrom: p.preferredFrom ? new Date(p.preferredFrom) : null, preferredTo: p.preferredTo ? new Date(p.preferredTo) : null,
});

@ObjectType({ description: 'A change to a consultation you may see' })
export class ConsultationChange extends Change {
  @Field(() => ID) consultationId: number;
  @Field(() => ConsultationState) state: ConsultationState;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => ID) consortiumId: number;
  @Field(() => ID) specialtyId: number;
  @Field(() => ID, { nullable: true }) specialistId: number | null;
  @Field(() => Int, { nullable: true, description: 'ESCALATED: seconds past the claim deadline' }) overdueSeconds: number | null;
  @Field(() => [ID], { nullable: true, description: 'SESSION_STARTED / SESSION_ENDED: who may be in the video room' }) participantIds: number[] | null;
}

export const consultationChange = (e: TopicEvent<'consultation'>): ConsultationChange => {
  const p = e.payload;
  return Object.assign(new ConsultationChange(), changeFields(e), {
    consultationId: p.consultationId, state: p.state, urgency: p.urgency, consortiumId: p.consortiumId, specialtyId: p.specialtyId,
    specialistId: p.specialistId ?? null, overdueSeconds: p.overdueSeconds ?? null, participantIds: p.participantIds ?? null,
  });
};
