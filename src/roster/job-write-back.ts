import { DataSource } from 'typeorm';
import { DomainError } from '../errors';
import type { Message } from '../i18n/translate';
import { ruleMessage, stateMessage, stopped, unmetMessage } from './sentences';
import { transition } from '../state-machine';
import { PendingEvents } from '../events/pending-events';
import type { RosterResult } from '../optimizer';
import { duringRange } from './calendar';
import { Roster, RosterAssignment, RosterJob } from './entities';
import { jobEvent, rosterEvent } from './events';
import { AssignmentSource, AssignmentState, JobState, RosterState, SessionTime } from './kinds';
import type { PreparedInput } from './optimizer-input';
import { demandRows, RuleAssignment, violationsOf } from './rule-context';
import { lockForRules } from './rule-locks';
import { JOB_TRANSITIONS } from './states';

/**
 * Replaces the roster's unpinned DRAFT assignments with the optimizer's. Everything is checked
 * again against the live rows of every roster, under the same rule locks as manual edits: an
 * assignment that would now break a rule (someone was placed elsewhere meanwhile) is left out
 * and reported in the summary, so the stored roster always passes the rules.
 */
export async function writeBack(db: DataSource, jobId: number, consortiumId: number, prepared: PreparedInput, result: RosterResult, signal: AbortSignal): Promise<void> {
  await db.transaction(async (m) => {
    const job = await m.findOneOrFail(RosterJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
    const roster = await m.findOneOrFail(Roster, { where: { id: job.rosterId }, lock: { mode: 'pessimistic_write' } });
    if (signal.aborted || job.cancelRequested) throw (signal.reason as DOMException | undefined) ?? stopped('roster.jobCancelled');
    if (roster.state !== RosterState.DRAFT) throw new DomainError('CONFLICT', 'roster.jobRosterChanged', { id: roster.id, state: stateMessage(roster.state, true) });
    const fresh = result.assignments.filter((a) => !a.pinned);
    const demands = new Map((await demandRows(m, 'd.id = ANY($1)', [[...new Set(fresh.map((a) => Number(a.demandId)))]])).map((d) => [d.id, d]));
    let candidates: RuleAssignment[] = fresh.map((a) => ({
      id: null, rosterId: roster.id, specialistId: Number(a.specialistId), demandId: Number(a.demandId), hostId: Number(a.hostId), date: a.date, session: a.session as SessionTime, pinned: false,
    }));
    await lockForRules(m, { specialistIds: candidates.map((c) => c.specialistId), hostIds: candidates.map((c) => c.hostId), demandIds: candidates.map((c) => c.demandId) });
    const replaced = await m.delete(RosterAssignment, { rosterId: roster.id, state: AssignmentState.ACTIVE, pinned: false });
    const dropped: { specialistId: number; demandId: number; date: string; rule: string; says: Message }[] = [];
    for (;;) {
      const violations = await violationsOf(m, candidates);
      if (!violations.length) break;
      // Leave out the latest optimizer assignment taking part; the rest are judged again without it.
      const involved = violations[0].proposedIndexes;
      const victim = involved[involved.length - 1];
      const c = candidates[victim];
      dropped.push({ specialistId: c.specialistId, demandId: c.demandId, date: c.date, rule: violations[0].rule, says: ruleMessage(violations[0].says) });
      candidates = candidates.filter((_, i) => i !== victim);
    }
    const created = candidates.length
      ? await m.save(candidates.map((c) => m.create(RosterAssignment, {
        rosterId: roster.id, specialistId: c.specialistId, demandId: c.demandId, hostHospitalId: c.hostId, specialtyId: demands.get(c.demandId)!.specialtyId,
        date: c.date, session: c.session, during: duringRange(c.date, c.session), state: AssignmentState.ACTIVE, pinned: false,
        source: AssignmentSource.OPTIMIZER, jobId, createdById: job.startedById,
      })))
      : [];
    job.state = transition(JOB_TRANSITIONS, ['rosterJob', jobId], job.state, JobState.SUCCEEDED);
    job.percent = 100;
    job.phase = 'REPORT';
    job.bestObjective = result.objective.total;
    job.finishedAt = new Date();
    job.summary = summarise(result, { written: created.length, replaced: replaced.affected ?? 0, pinnedKept: prepared.pinned.length, dropped, outside: prepared.outside.length });
    await m.save(job);
    const events = new PendingEvents();
    events.add('roster-job', jobEvent(job, consortiumId, 'SUCCEEDED'));
    events.add('roster', rosterEvent(roster, 'OPTIMIZED', created, []));
    await events.flush(m);
  });
}

function summarise(result: RosterResult, facts: { written: number; replaced: number; pinnedKept: number; dropped: unknown[]; outside: number }) {
  return {
    method: result.method, status: result.status, stopReason: result.stopReason, seed: result.seed,
    objective: result.objective, metrics: result.metrics, bound: result.bound, gap: result.gap, boundSource: result.boundSource,
    coverageByHost: result.coverageByHost, coverageByDemand: result.coverageByDemand,
    // Sentences are stored as keys and values (`says`), said in the reader's language when read (resolver.ts).
    unmet: result.unmet.map((u) => ({ ...u, says: unmetMessage(u.says) })),
    pinnedViolations: result.pinnedViolations.map((v) => ({ rule: v.rule, says: ruleMessage(v.says) })),
    assignmentsWritten: facts.written, draftAssignmentsReplaced: facts.replaced, pinnedKept: facts.pinnedKept,
    droppedOnWrite: facts.dropped, otherRostersAssignments: facts.outside,
    stats: { ...result.stats },
  };
}

