import { registerEnumType } from 'type-graphql';
import { conflict } from '../errors';
import { message, orList } from '../i18n/translate';
import { type Machine, step } from '../state-machine';

export enum ReferralDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(ReferralDirection, {
  name: 'ReferralDirection',
  valuesConfig: {
    UP: { description: '上转: from a grassroots hospital to a higher tier' },
    DOWN: { description: '下转: from a higher tier back to a grassroots hospital, for recovery and chronic care' },
  },
});

export enum ReferralState {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ARRIVED = 'ARRIVED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReferralState, {
  name: 'ReferralState',
  valuesConfig: {
    PROPOSED: { description: 'Sent; the receiving hospital has not answered yet' },
    ACCEPTED: { description: 'The receiving hospital accepted, with an expected arrival date' },
    DECLINED: { description: 'The receiving hospital declined, with a reason' },
    ARRIVED: { description: 'The patient arrived at the receiving hospital' },
    COMPLETED: { description: 'The receiving hospital finished the episode of care' },
    CANCELLED: { description: 'The sending doctor withdrew it' },
  },
});

export type ReferralAction = 'ACCEPT' | 'DECLINE' | 'ARRIVE' | 'COMPLETE' | 'CANCEL';

const R = ReferralState;

/**
 * The referral state machine: every transition the hub allows, and nothing else.
 *
 *   PROPOSED --ACCEPT--> ACCEPTED --ARRIVE--> ARRIVED --COMPLETE--> COMPLETED
 *   PROPOSED --DECLINE--> DECLINED
 *   PROPOSED, ACCEPTED --CANCEL--> CANCELLED
 */
export const REFERRAL_TRANSITIONS: Machine<ReferralState> = {
  PROPOSED: [R.ACCEPTED, R.DECLINED, R.CANCELLED],
  ACCEPTED: [R.ARRIVED, R.CANCELLED],
  DECLINED: [],
  ARRIVED: [R.COMPLETED],
  COMPLETED: [],
  CANCELLED: [],
};

/** The state each action leads to; it starts from every state the table lets become that state. */
const LEADS_TO: Record<ReferralAction, ReferralState> = { ACCEPT: R.ACCEPTED, DECLINE: R.DECLINED, ARRIVE: R.ARRIVED, COMPLETE: R.COMPLETED, CANCEL: R.CANCELLED };

/** The state after `action`, or a CONFLICT naming the current state and what the step needs. */
export function referralTransition(id: number, state: ReferralState, action: ReferralAction): ReferralState {
  const edge = step(REFERRAL_TRANSITIONS, LEADS_TO[action]);
  if (edge.from.includes(state)) return edge.to;
  throw conflict('referral.transition', { id, verb: message(`referral.verb${action}`), state: message(`referral.state${state}`), from: orList(edge.from.map((s) => message(`referral.state${s}`))) }, 'id');
}

/** States in which the receiving hospital is (or will be) caring for the patient. */
export const LIVE_REFERRAL_STATES = [R.PROPOSED, R.ACCEPTED, R.ARRIVED, R.COMPLETED];
