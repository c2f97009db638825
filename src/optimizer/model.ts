/**
 * Plain data in and out of the roster optimizer. Nothing here knows about the database: the
 * roster service maps its entities to `RosterInput` and stores the `RosterResult` it gets back,
 * so both sides stay serialisable (a job can be persisted and re-run from its input alone).
 *
 * Ids are strings so numeric database ids and UUIDs both fit (`String(entity.id)`).
 * Dates are ISO calendar dates 'YYYY-MM-DD' in the consortium's local calendar; no time zones.
 */

export type IsoDate = string;

/** Half-day sessions. A FULL_DAY occupies both halves, so it conflicts with either. */
export type Session = 'MORNING' | 'AFTERNOON' | 'FULL_DAY';

export interface SpecialistInput {
  id: string;
  /** Used in sentences a scheduler reads ("王伟 already works at …"); falls back to the id. */
  name?: string;
  specialtyIds: string[];
  homeLat: number;
  homeLng: number;
  /** Days the specialist can go out. A day not listed is not available. */
  availableDates: IsoDate[];
  /** Days that must stay free even if listed as available (leave, duty at the home hospital). */
  blockedDates?: IsoDate[];
  /** Distinct days out per calendar month (a morning and an afternoon on one date are one day). */
  maxDaysPerMonth: number;
  /** Longest run of consecutive calendar days out. */
  maxConsecutiveDays: number;
  /** Great-circle (haversine, mean Earth radius 6371.0088 km) distance from the home hospital to a host, in km. */
  maxTravelKm: number;
}

export interface HostInput {
  id: string;
  name?: string;
  lat: number;
  lng: number;
  /** Visiting experts the host can receive on one day (rooms, nurses to assist). */
  dailyCapacity: number;
}

export interface DemandInput {
  id: string;
  hostId: string;
  specialtyId: string;
  /** Expert-days wanted in the period; two experts on one day are two expert-days. */
  expertDays: number;
  periodStart: IsoDate;
  /** Inclusive. */
  periodEnd: IsoDate;
  /** 1 = Monday … 7 = Sunday. Empty means any weekday suits the host. */
  preferredWeekdays: number[];
  session: Session;
  /** 1 (lowest) … 5 (highest). One expert-day of priority 5 is worth five of priority 1. */
  priority: number;
  /**
   * Days of the period on which the host receives nobody for this demand (statutory holidays,
   * unless the demand asks for them). The optimizer leaves them empty; pinned assignments stay.
   */
  closedDates?: IsoDate[];
}

/** 对口帮扶: a standing pairing of a specialist (or their team) with a host hospital. */
export interface PairingInput {
  specialistId: string;
  hostId: string;
}

/** An assignment a scheduler has fixed by hand; the optimizer keeps it exactly as given. */
export interface PinnedAssignment {
  specialistId: string;
  demandId: string;
  date: IsoDate;
  session: Session;
}

export type OptimizeMethod = 'auto' | 'exact' | 'local';

export interface OptimizeOptions {
  /** Seeds the local search; same input and seed give the same roster. Default 1. */
  seed?: number;
  /** Wall-clock budget for the whole run. Default 60 000 ms. */
  timeLimitMs?: number;
  /**
   * 'exact': MILP with HiGHS (warm-started from a short local search), 'local': seeded local
   * search with a relaxation bound, 'auto': exact while the model is small enough.
   */
  method?: OptimizeMethod;
  /** Relative gap at which the MILP stops as optimal. Default 1e-6. */
  relativeGap?: number;
  /**
   * Local-search moves. Default grows with the instance (see optimize.ts). The budget, not the
   * clock, ends a normal run, which is what makes runs repeatable.
   */
  iterations?: number;
}

export interface RosterInput {
  specialists: SpecialistInput[];
  hosts: HostInput[];
  demands: DemandInput[];
  pairings?: PairingInput[];
  pinned?: PinnedAssignment[];
  /** Display names for specialty ids, for messages only. */
  specialtyNames?: Record<string, string>;
  options?: OptimizeOptions;
}

export interface RosterAssignment {
  specialistId: string;
  demandId: string;
  hostId: string;
  date: IsoDate;
  session: Session;
  pinned: boolean;
}

/**
 * Weighted objective, `total` = the sum of the parts. The weights (see objective.ts) make the
 * parts nearly lexicographic: coverage ≫ fairness ≫ continuity, preference ≫ travel.
 */
export interface ObjectiveBreakdown {
  total: number;
  coverage: number;
  fairness: number;
  continuity: number;
  preference: number;
  /** Zero or negative: travel is a cost. */
  travel: number;
}

/** The same roster in plain units, for people rather than for the solver. */
export interface RosterMetrics {
  expertDaysDemanded: number;
  expertDaysAssigned: number;
  /** assigned / demanded × 100 (demand-capped, so never above 100). */
  coveragePercent: number;
  priorityWeightedDays: number;
  hostsWithDemand: number;
  hostsVisited: number;
  /** Days out beyond half of a specialist's monthly limit, summed: the load-spread penalty. */
  overloadDays: number;
  /** Visits by a specialist to a host they already visit in this roster. */
  returnVisits: number;
  /** Visits along a 对口帮扶 pairing. */
  pairedVisits: number;
  /** Assignments on one of the host's preferred weekdays (any day when none are given). */
  preferredWeekdayDays: number;
  travelKm: number;
}

export interface HostCoverage {
  hostId: string;
  demandedDays: number;
  assignedDays: number;
  pinnedDays: number;
  /** assignedDays / demandedDays, 0 when nothing was demanded. */
  ratio: number;
}

export interface DemandCoverage {
  demandId: string;
  hostId: string;
  demandedDays: number;
  assignedDays: number;
}

export type UnmetReason =
  /** Nobody in the pool has the specialty. */
  | 'NO_SPECIALIST_WITH_SPECIALTY'
  /** Specialists with the specialty exist but are not available (or blocked) on enough days. */
  | 'NO_ONE_AVAILABLE'
  /** Specialists with the specialty are available but the host is beyond their travel limit. */
  | 'TRAVEL'
  /** The host cannot receive more visiting experts on the days people are free. */
  | 'HOST_CAPACITY'
  /** People exist but their monthly/consecutive limits, other bookings or higher-value demands use them up. */
  | 'LIMITS';

export interface UnmetDemand {
  demandId: string;
  hostId: string;
  missingDays: number;
  reason: UnmetReason;
  /** What a scheduler can act on, as a sentence code and its values (said in the reader's language by the hub: src/roster/sentences.ts). */
  says: UnmetSentence;
}

/**
 * A sentence for a person, as a code and its values: the optimizer is pure and speaks no
 * language; the hub turns the code into a catalogue sentence (src/roster/sentences.ts). Values
 * named session, demandSession or otherSession are half-day codes (MORNING, …).
 */
export interface Sentence<C extends string> {
  code: C;
  /** Names, dates, counts; the hub may add a nested sentence of its own (COMMITTED's `other`). */
  params: Record<string, unknown>;
}

export type UnmetSentence = Sentence<'NO_SPECIALIST_WITH_SPECIALTY' | 'NO_ONE_AVAILABLE' | 'TRAVEL' | 'TRAVEL_CLOSEST' | 'HOST_CAPACITY' | 'HOST_FULL' | 'LIMITS'>;

/** One per rule, plus variants where a rule is broken in more than one way. */
export type RuleSentence = Sentence<
  | 'UNKNOWN_SPECIALIST' | 'UNKNOWN_DEMAND' | 'DEMAND_HOST_MISSING' | 'NOT_A_DATE' | 'SESSION_MISMATCH' | 'OUTSIDE_PERIOD' | 'NOT_AVAILABLE'
  | 'BLOCKED_DAY' | 'SPECIALTY_MISSING' | 'TRAVEL_LIMIT' | 'DOUBLE_BOOKED' | 'DOUBLE_BOOKED_TWICE' | 'MONTHLY_LIMIT' | 'CONSECUTIVE_LIMIT'
  | 'HOST_CAPACITY' | 'DEMAND_EXCEEDED'
  /** The hub's own (src/roster): another commitment of the specialist's calendar; its value `other` is said by the hub. */
  | 'COMMITTED'
>;

export type RuleCode =
  | 'UNKNOWN_SPECIALIST'
  | 'UNKNOWN_DEMAND'
  | 'SESSION_MISMATCH'
  | 'OUTSIDE_PERIOD'
  | 'NOT_AVAILABLE'
  | 'BLOCKED_DAY'
  | 'SPECIALTY_MISSING'
  | 'TRAVEL_LIMIT'
  | 'DOUBLE_BOOKED'
  | 'MONTHLY_LIMIT'
  | 'CONSECUTIVE_LIMIT'
  | 'HOST_CAPACITY'
  | 'DEMAND_EXCEEDED'
  /** Reported by the hub, not the optimizer: another entry of the specialist's calendar (a remote consultation, blocked time) at that time. */
  | 'COMMITTED';

export interface RuleViolation {
  rule: RuleCode;
  /** What a scheduler can act on (said in the reader's language by the hub: src/roster/sentences.ts). */
  says: RuleSentence;
  specialistId?: string;
  hostId?: string;
  demandId?: string;
  date?: IsoDate;
  /** Positions in the checked assignment list that take part in the violation. */
  assignmentIndexes: number[];
}

export type OptimizePhase = 'PREPARE' | 'CONSTRUCT' | 'IMPROVE' | 'SOLVE' | 'BOUND' | 'REPORT';

export interface OptimizeProgress {
  phase: OptimizePhase;
  /** 0…100, never decreasing within a run. */
  percent: number;
  /** Weighted objective of the best roster found so far; null before the first one. */
  bestObjective: number | null;
  /** The parts of the objective of the roster the search holds at this moment (it may be exploring below the best). */
  objective?: ObjectiveBreakdown | null;
  /** The tightest upper bound on the total known so far, and the best's gap to it. */
  bound?: number | null;
  gap?: number | null;
}

export interface OptimizeControl {
  onProgress?: (progress: OptimizeProgress) => void;
  /** Aborting rejects the run with the signal's reason (an 'AbortError' DOMException by default). */
  signal?: AbortSignal;
}

export type StopReason =
  /** The MILP proved optimality within the relative gap. */
  | 'OPTIMAL'
  /** The local search spent its deterministic iteration budget. */
  | 'ITERATION_BUDGET'
  /** The wall-clock limit cut the run short; results may differ between runs. */
  | 'TIME_LIMIT'
  /** HiGHS stopped for another reason (numerical trouble, an internal limit); the roster is the best found. */
  | 'SOLVER_LIMIT'
  /** There was nothing to decide (no candidate assignments). */
  | 'NOTHING_TO_DO';

export interface RosterResult {
  method: 'exact' | 'local';
  status: 'OPTIMAL' | 'FEASIBLE';
  stopReason: StopReason;
  seed: number;
  /** Sorted by date, host, demand, specialist. Pinned ones included, flagged. */
  assignments: RosterAssignment[];
  objective: ObjectiveBreakdown;
  metrics: RosterMetrics;
  coverageByHost: HostCoverage[];
  coverageByDemand: DemandCoverage[];
  unmet: UnmetDemand[];
  /** Proven upper bound on objective.total, when the method gives one. */
  bound: number | null;
  /** (bound − total) / max(1, |bound|); 0 means proven optimal. */
  gap: number | null;
  /** Where the bound comes from: the MILP's best bound, or a relaxation computed for the local search. */
  boundSource: 'MILP' | 'RELAXATION' | null;
  /** Pinned assignments break these rules; they were kept anyway, as pinned. */
  pinnedViolations: RuleViolation[];
  stats: {
    specialists: number;
    hosts: number;
    demands: number;
    days: number;
    /** Specialist × demand × date triples left after pruning by the hard rules. */
    candidates: number;
    /** MILP size, when one was built. */
    variables: number | null;
    constraints: number | null;
    milpNodes: number | null;
    localSearchIterations: number;
    timeMs: number;
    phaseMs: Partial<Record<OptimizePhase, number>>;
  };
}
