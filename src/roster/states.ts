/**
 * The state machines of the rotation area: one table per entity listing the allowed
 * transitions. Every state change goes through `transition`, which refuses anything else with
 * CONFLICT and a message that says what is possible from where the thing stands.
 */
import { conflict } from '../errors';
import { AssignmentState, DemandState, JobState, RosterState } from './kinds';

export type Machine<S extends string> = Record<S, readonly S[]>;

export const DEMAND_TRANSITIONS: Machine<DemandState> = {
  // Schedulers decide; the host can withdraw a request nobody has decided on yet.
  REQUESTED: [DemandState.APPROVED, DemandState.DECLINED, DemandState.WITHDRAWN],
  APPROVED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

export const ROSTER_TRANSITIONS: Machine<RosterState> = {
  DRAFT: [RosterState.PUBLISHED],
  // Amendments keep a roster PUBLISHED (its `amendments` counter grows).
  PUBLISHED: [RosterState.CLOSED],
  CLOSED: [],
};

export const ASSIGNMENT_TRANSITIONS: Machine<AssignmentState> = {
  ACTIVE: [AssignmentState.REMOVED],
  REMOVED: [],
};

export const JOB_TRANSITIONS: Machine<JobState> = {
  QUEUED: [JobState.RUNNING, JobState.CANCELLED, JobState.FAILED],
  RUNNING: [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED],
  SUCCEEDED: [],
  FAILED: [],
  CANCELLED: [],
};

export function canTransition<S extends string>(machine: Machine<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

/**
 * Returns `to` when the machine allows `from -> to`; throws CONFLICT naming the thing, where it
 * stands and what it could become instead.
 */
export function transition<S extends string>(machine: Machine<S>, what: string, from: S, to: S): S {
  if (canTransition(machine, from, to)) return to;
  const next = machine[from];
  throw conflict(`${what} is ${from} and cannot become ${to}${next.length ? ` (from ${from} it can become ${next.join(' or ')})` : ` (${from} is final)`}`, 'state');
}
