import { registerEnumType } from 'type-graphql';

/** Half-days of an on-site session. A FULL_DAY occupies both halves. Same values as the optimizer's `Session`. */
export enum SessionTime {
  MORNING = 'MORNING',
  AFTERNOON = 'AFTERNOON',
  FULL_DAY = 'FULL_DAY',
}
registerEnumType(SessionTime, {
  name: 'SessionTime',
  valuesConfig: {
    MORNING: { description: '上午 08:00–12:00' },
    AFTERNOON: { description: '下午 13:00–17:00' },
    FULL_DAY: { description: '全天: both halves' },
  },
});

export enum AvailabilityKind {
  AVAILABLE = 'AVAILABLE',
  UNAVAILABLE = 'UNAVAILABLE',
}
registerEnumType(AvailabilityKind, {
  name: 'AvailabilityKind',
  valuesConfig: {
    AVAILABLE: { description: 'Days the specialist can go out' },
    UNAVAILABLE: { description: 'Days they cannot (leave, duty at home); wins over AVAILABLE' },
  },
});

export enum DemandState {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DemandState, { name: 'DemandState' });

export enum RosterState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}
registerEnumType(RosterState, {
  name: 'RosterState',
  valuesConfig: {
    DRAFT: { description: 'Being planned: by hand or by the optimizer; seen by schedulers only' },
    PUBLISHED: { description: 'Clinic sessions are open for booking; changes are amendments that notify everyone affected' },
    CLOSED: { description: 'The period is over; nothing changes any more' },
  },
});

export enum AssignmentState {
  ACTIVE = 'ACTIVE',
  REMOVED = 'REMOVED',
}
registerEnumType(AssignmentState, { name: 'AssignmentState' });

export enum AssignmentSource {
  MANUAL = 'MANUAL',
  OPTIMIZER = 'OPTIMIZER',
}
registerEnumType(AssignmentSource, { name: 'AssignmentSource' });

export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(JobState, { name: 'RosterJobState' });

export enum OptimizeMethod {
  AUTO = 'AUTO',
  EXACT = 'EXACT',
  LOCAL = 'LOCAL',
}
registerEnumType(OptimizeMethod, {
  name: 'OptimizeMethod',
  valuesConfig: {
    AUTO: { description: 'Exact (MILP) while the model is small enough, otherwise local search' },
    EXACT: { description: 'MILP with HiGHS, warm-started by a short local search' },
    LOCAL: { description: 'Seeded local search with a relaxation bound' },
  },
});
