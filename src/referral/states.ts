import { registerEnumType } from 'type-graphql';
import { conflict } from '../errors';
import { message, orList } from '../i18n/translate';

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
export const REFERRAL_TRANSITIONS: Record<ReferralAction, { from: ReferralState[]; to: ReferralState }> = {
  ACCEPT: { from: [R.PROPOSED], to: R.ACCEPTED },
  DECLINE: { from: [R.PROPOSED], to: R.DECLINED },
  ARRIVE: { from: [R.ACCEPTED], to: R.ARRIVED },
  COMPLETE: { from: [R.ARRIVED], to: R.COMPLETED },
  CANCEL: { from: [R.PROPOSED, R.ACCEPTED], to: R.CANCELLED },
};

/** The state after `action`, or a CONFLICT naming the current state and what the step needs. */
export function referralTransition(id: number, state: ReferralState, action: ReferralAction): ReferralState {
  const edge = REFERRAL_TRANSITIONS[action];
  if (edge.from.includes(state)) return edge.to;
  throw conflict('referral.transition', { id, verb: message(`referral.verb${action}`), state: message(`referral.state${state}`), from: orList(edge.from.map((s) => message(`referral.state${s}`))) }, 'id');
}

/** States in which the receiving hospital is (or will be) caring for the patient. */
export const LIVE_REFERRAL_STATES = [R.PROPOSED, R.ACCEPTED, R.ARRIVED, R.COMPLETED];
