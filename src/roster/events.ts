/** Rotation events: what they carry (typed in events/topics.ts) and what subscribers get. */
import type { EventPayload, TopicEvent } from '../events/topics';
import { changeFields } from '../graphql/subscribe';
import type { Language } from '../i18n/language';
import { Message, say } from '../i18n/translate';
import type { Roster, RosterAssignment, RosterJob, RotationDemand } from './entities';
import { DemandState, JobState, RosterState } from './kinds';
import { DemandChange, ObjectiveBreakdown, RosterChange, RosterJobProgress } from './views';

export interface DemandEvent extends EventPayload { demandId: number; hostId: number; consortiumId: number; state: DemandState }

/** Ids only; who is named decides who hears it once the roster is published. */
export interface RosterEvent extends EventPayload {
  rosterId: number; consortiumId: number; state: RosterState; published: boolean; amendments: number;
  assignmentIds: number[]; removedAssignmentIds: number[]; specialistIds: number[]; hostIds: number[]; reason?: string;
}

export interface RosterJobEvent extends EventPayload {
  jobId: number; rosterId: number; consortiumId: number; state: JobState; phase: string | null; percent: number; bestObjective: number | null; error?: string;
  /** `error` as a catalogue sentence, said in each subscriber's language. */
  errorMessage?: Message;
  /** PROGRESS only: the live score parts, the bound and the gap */
  objective?: { total: number; coverage: number; fairness: number; continuity: number; preference: number; travel: number } | null;
  bound?: number | null;
  gap?: number | null;
}

export interface AvailabilityEvent extends EventPayload { specialistId: number; consortiumIds: number[]; periodId?: number }

declare module '../events/topics' {
  interface TopicPayloads {
    demand: DemandEvent;
    roster: RosterEvent;
    'roster-job': RosterJobEvent;
    availability: AvailabilityEvent;
  }
}

export const demandEvent = (d: RotationDemand, action: string): DemandEvent => ({ action, demandId: d.id, hostId: d.hostHospitalId, consortiumId: d.consortiumId, state: d.state });

export function rosterEvent(roster: Roster, action: string, added: RosterAssignment[], removed: RosterAssignment[], reason?: string): RosterEvent {
  const all = [...added, ...removed];
  return {
    action, rosterId: roster.id, consortiumId: roster.consortiumId, state: roster.state, published: roster.state !== RosterState.DRAFT,
    amendments: roster.amendments, assignmentIds: added.map((a) => a.id), removedAssignmentIds: removed.map((a) => a.id),
    specialistIds: [...new Set(all.map((a) => a.specialistId))], hostIds: [...new Set(all.map((a) => a.hostHospitalId))], ...(reason ? { reason } : {}),
  };
}

export function jobEvent(job: RosterJob, consortiumId: number, action: string): RosterJobEvent {
  return {
    action, jobId: job.id, rosterId: job.rosterId, consortiumId, state: job.state, phase: job.phase, percent: job.percent,
    bestObjective: job.bestObjective, ...(job.error ? { error: job.error } : {}), ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}

const TERMINAL_JOB_STATES: JobState[] = [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED];
/** The event after which a job's progress subscription completes. */
export const endsTheJob = (e: TopicEvent<'roster-job'>) => TERMINAL_JOB_STATES.includes(e.payload.state);

export const demandChange = (e: TopicEvent<'demand'>): DemandChange =>
  Object.assign(new DemandChange(), changeFields(e), { demandId: e.payload.demandId, hostId: e.payload.hostId, consortiumId: e.payload.consortiumId });

export const rosterChange = (e: TopicEvent<'roster'>): RosterChange => {
  const p = e.payload;
  return Object.assign(new RosterChange(), changeFields(e), {
    rosterId: p.rosterId, consortiumId: p.consortiumId, state: p.state, amendments: p.amendments ?? 0,
    assignmentIds: p.assignmentIds ?? [], removedAssignmentIds: p.removedAssignmentIds ?? [], specialistIds: p.specialistIds ?? [], hostIds: p.hostIds ?? [], reason: p.reason ?? null,
  });
};

export const rosterJobProgress = (e: TopicEvent<'roster-job'>, language: Language): RosterJobProgress => {
  const p = e.payload;
  return Object.assign(new RosterJobProgress(), changeFields(e), {
    jobId: p.jobId, rosterId: p.rosterId, state: p.state, phase: p.phase ?? null, percent: p.percent ?? 0, bestObjective: p.bestObjective ?? null, error: p.errorMessage ? say(language, p.errorMessage) : p.error ?? null,
    objective: p.objective ? Object.assign(new ObjectiveBreakdown(), p.objective) : null, bound: p.bound ?? null, gap: p.gap ?? null,
  });
};
