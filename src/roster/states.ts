/**
 * The state machines of the rotation area: one table per entity listing the allowed
 * transitions (the shape of src/state-machine.ts). Every state change goes through its
 * `transition`, which refuses anything else with CONFLICT and a message that says what is
 * possible from where the thing stands.
 */
import { type Machine } from '../state-machine';
import { AssignmentState, DemandState, JobState, RosterState } from './kinds';

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
