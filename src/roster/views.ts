/** GraphQL shapes of the rotation area that are not tables: views, results and pushed changes. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Change } from '../graphql/subscribe';
import { Connection } from '../graphql/pagination';
import { AvailabilityPeriod, RosterAssignment, RotationDemand, SpecialistLimits } from './entities';
import { JobState, RosterState } from './kinds';

@ObjectType() export class RotationDemandConnection extends Connection(RotationDemand) {}

@ObjectType({ description: "A specialist's limits and the days they can and cannot go out" })
export class SpecialistAvailability {
  @Field(() => ID) specialistId: number;
  @Field(() => SpecialistLimits, { nullable: true, description: 'Null until recorded; without limits nobody is assigned' }) limits: SpecialistLimits | null;
  @Field(() => Float, { nullable: true, description: 'The travel limit the rules apply, in straight-line km (the smaller of maxTravelKm and the estimate from maxTravelMinutes)' })
  effectiveTravelKm: number | null;
  @Field(() => [AvailabilityPeriod]) periods: AvailabilityPeriod[];
  @Field(() => [String], { description: 'Days in the window they can go out (available and not blocked)' }) availableDates: string[];
  @Field(() => [String]) blockedDates: string[];
}

@ObjectType({ description: 'A hard rule the roster breaks, with a message a scheduler can act on' })
export class RosterViolation {
  @Field({ description: 'NOT_AVAILABLE, BLOCKED_DAY, SPECIALTY_MISSING, TRAVEL_LIMIT, DOUBLE_BOOKED, MONTHLY_LIMIT, CONSECUTIVE_LIMIT, HOST_CAPACITY, DEMAND_EXCEEDED, …' }) rule: string;
  @Field() message: string;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => [ID]) assignmentIds: number[];
}

@ObjectType({ description: 'What a manual edit did: assignments added and removed, and what happened to bookings of cancelled sessions' })
export class AmendmentResult {
  @Field(() => [RosterAssignment]) assignments: RosterAssignment[];
  @Field(() => [RosterAssignment]) removed: RosterAssignment[];
  @Field(() => Int, { description: 'Bookings moved to an equivalent session' }) bookingsMoved: number;
  @Field(() => Int, { description: 'Bookings flagged NEEDS_REBOOKING for the township doctor' }) bookingsFlagged: number;
  affectedBookingIds: number[];
}

@ObjectType({ description: 'What an edit would do if saved now: the rules it breaks (then nothing else), or the sessions and bookings it touches. Nothing is saved' })
export class AmendmentPreview {
  @Field({ description: 'True when no hard rule stands in the way' }) allowed: boolean;
  @Field(() => [RosterViolation], { description: "The rule checker's messages, as the edit itself would be refused with" }) violations: RosterViolation[];
  @Field(() => Int, { description: 'Bookings that would move to an equivalent session' }) bookingsMoved: number;
  @Field(() => Int, { description: 'Bookings that would be flagged NEEDS_REBOOKING' }) bookingsFlagged: number;
  @Field(() => Int, { description: 'Clinic sessions it would open (published rosters only)' }) sessionsOpened: number;
  @Field(() => Int, { description: 'Clinic sessions it would cancel (published rosters only)' }) sessionsCancelled: number;
}

@ObjectType({ description: 'Weighted objective; `total` is the sum of the parts' })
export class ObjectiveBreakdown {
  @Field(() => Float) total: number;
  @Field(() => Float) coverage: number;
  @Field(() => Float) fairness: number;
  @Field(() => Float) continuity: number;
  @Field(() => Float) preference: number;
  @Field(() => Float) travel: number;
}

@ObjectType()
export class HostCoverage {
  @Field(() => ID) hostId: string;
  @Field(() => Int) demandedDays: number;
  @Field(() => Int) assignedDays: number;
  @Field(() => Int) pinnedDays: number;
  @Field(() => Float) ratio: number;
}

@ObjectType({ description: 'Demand the roster leaves uncovered, and why' })
export class UnmetDemand {
  @Field(() => ID) demandId: string;
  @Field(() => ID) hostId: string;
  @Field(() => Int) missingDays: number;
  @Field({ description: 'NO_SPECIALIST_WITH_SPECIALTY, NO_ONE_AVAILABLE, TRAVEL, HOST_CAPACITY or LIMITS' }) reason: string;
  @Field() detail: string;
}

@ObjectType({ description: 'An optimizer assignment left out when writing back because a rule no longer held (someone was placed elsewhere meanwhile)' })
export class DroppedAssignment {
  @Field(() => ID) specialistId: number;
  @Field(() => ID) demandId: number;
  @Field() date: string;
  @Field() rule: string;
  @Field() message: string;
}

@ObjectType({ description: "The result of a finished optimizer job" })
export class RosterJobSummary {
  @Field({ description: 'exact or local' }) method: string;
  @Field({ description: 'OPTIMAL or FEASIBLE' }) status: string;
  @Field() stopReason: string;
  @Field(() => Int) seed: number;
  @Field(() => ObjectiveBreakdown) objective: ObjectiveBreakdown;
  @Field(() => Float, { nullable: true }) bound: number | null;
  @Field(() => Float, { nullable: true, description: '(bound − total) / max(1, |bound|); 0 means proven optimal' }) gap: number | null;
  @Field(() => Int) expertDaysDemanded: number;
  @Field(() => Int) expertDaysAssigned: number;
  @Field(() => Float) coveragePercent: number;
  @Field(() => Float) travelKm: number;
  @Field(() => [HostCoverage]) coverageByHost: HostCoverage[];
  @Field(() => [UnmetDemand]) unmet: UnmetDemand[];
  @Field(() => Int) assignmentsWritten: number;
  @Field(() => Int) pinnedKept: number;
  @Field(() => [DroppedAssignment]) droppedOnWrite: DroppedAssignment[];
  @Field(() => Float) timeMs: number;
}

@ObjectType()
export class RosterJobProgress extends Change {
  @Field(() => ID) jobId: number;
  @Field(() => ID) rosterId: number;
  @Field(() => JobState) state: JobState;
  @Field(() => String, { nullable: true }) phase: string | null;
  @Field(() => Float) percent: number;
  @Field(() => Float, { nullable: true, description: 'Weighted objective of the best roster found so far' }) bestObjective: number | null;
  @Field(() => ObjectiveBreakdown, { nullable: true, description: 'PROGRESS: the score parts (coverage, fairness, continuity, preference, travel) of the roster the search holds now' })
  objective: ObjectiveBreakdown | null;
  @Field(() => Float, { nullable: true, description: 'PROGRESS: the tightest upper bound on the objective known so far' }) bound: number | null;
  @Field(() => Float, { nullable: true, description: 'PROGRESS: (bound − best) / max(1, |bound|); 0 means the best is proven optimal' }) gap: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType()
export class RosterChange extends Change {
  @Field(() => ID) rosterId: number;
  @Field(() => ID) consortiumId: number;
  @Field(() => RosterState) state: RosterState;
  @Field(() => Int) amendments: number;
  @Field(() => [ID]) assignmentIds: number[];
  @Field(() => [ID]) removedAssignmentIds: number[];
  @Field(() => [ID]) specialistIds: number[];
  @Field(() => [ID]) hostIds: number[];
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType()
export class DemandChange extends Change {
  @Field(() => ID) demandId: number;
  @Field(() => ID) hostId: number;
  @Field(() => ID) consortiumId: number;
}
