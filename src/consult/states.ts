import { registerEnumType } from 'type-graphql';
import { conflict } from '../errors';
import { Message, message, orList } from '../i18n/translate';
import { canTransition, type Machine, step } from '../state-machine';

export enum Urgency {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}
registerEnumType(Urgency, {
  name: 'Urgency',
  valuesConfig: {
    ROUTINE: { description: '普通: an opinion within days' },
    URGENT: { description: '加急: an opinion within the hour' },
    EMERGENCY: { description: '急诊: a specialist now (claim deadline of minutes)' },
  },
});

export enum ConsultationState {
  REQUESTED = 'REQUESTED',
  CLAIMED = 'CLAIMED',
  SCHEDULED = 'SCHEDULED',
  IN_SESSION = 'IN_SESSION',
  ENDED = 'ENDED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ConsultationState, {
  name: 'ConsultationState',
  valuesConfig: {
    REQUESTED: { description: 'Waiting in the live queue of its consortium and specialty' },
    CLAIMED: { description: 'A specialist has taken it (claimed, or assigned by a scheduler); no session time yet' },
    SCHEDULED: { description: 'A session time is set' },
    IN_SESSION: { description: 'The video session is running' },
    ENDED: { description: 'The session is over; the opinion is being written' },
    COMPLETED: { description: 'The specialist wrote the opinion (会诊意见)' },
    CANCELLED: { description: 'Cancelled with a reason' },
  },
});

/** What can be done to a consultation; each is one named step of the machine below. */
export type ConsultationAction = 'CLAIM' | 'ASSIGN' | 'HAND_BACK' | 'SCHEDULE' | 'START' | 'END' | 'WRITE_OPINION' | 'CANCEL';

const S = ConsultationState;

/**
 * The consultation state machine: every transition the hub allows, and nothing else.
 * Every change of `consultation.state` goes through `consultationTransition`.
 *
 *   REQUESTED --CLAIM/ASSIGN--> CLAIMED --SCHEDULE--> SCHEDULED --START--> IN_SESSION --END--> ENDED --WRITE_OPINION--> COMPLETED
 *   CLAIMED --START--> IN_SESSION            (an emergency needs no appointment)
 *   SCHEDULED --SCHEDULE--> SCHEDULED        (rescheduling)
 *   CLAIMED, SCHEDULED --HAND_BACK--> REQUESTED
 *   REQUESTED, CLAIMED, SCHEDULED --CANCEL--> CANCELLED
 */
export const CONSULTATION_TRANSITIONS: Machine<ConsultationState> = {
  REQUESTED: [S.CLAIMED, S.CANCELLED],
  CLAIMED: [S.REQUESTED, S.SCHEDULED, S.IN_SESSION, S.CANCELLED],
  SCHEDULED: [S.REQUESTED, S.SCHEDULED, S.IN_SESSION, S.CANCELLED],
  IN_SESSION: [S.ENDED],
  ENDED: [S.COMPLETED],
  COMPLETED: [],
  CANCELLED: [],
};

/** The state each action leads to; it starts from every state the table lets become that state. */
const LEADS_TO: Record<ConsultationAction, ConsultationState> = {
  CLAIM: S.CLAIMED, ASSIGN: S.CLAIMED, HAND_BACK: S.REQUESTED, SCHEDULE: S.SCHEDULED, START: S.IN_SESSION,
  END: S.ENDED, WRITE_OPINION: S.COMPLETED, CANCEL: S.CANCELLED,
};

export const allowsTransition = (state: ConsultationState, action: ConsultationAction) => canTransition(CONSULTATION_TRANSITIONS, state, LEADS_TO[action]);

/**
 * The state after `action`, or a CONFLICT (the step conflicts with the consultation's current
 * state, often because someone else moved it first) naming the state and the states the step
 * needs. `describe` adds who/when to the message when known, e.g. who won a claim.
 */
export function consultationTransition(id: number, state: ConsultationState, action: ConsultationAction, describe?: () => Message | null): ConsultationState {
  const edge = step(CONSULTATION_TRANSITIONS, LEADS_TO[action]);
  if (edge.from.includes(state)) return edge.to;
  const holder = describe?.() ?? null;
  const params = { id, verb: message(`consult.verb${action}`), state: message(`consult.state${state}`), from: orList(edge.from.map((s) => message(`consult.state${s}`))) };
  throw conflict(holder ? 'consult.transitionHeldBy' : 'consult.transition', holder ? { ...params, holder } : params, 'id');
}

