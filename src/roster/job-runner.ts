/**
 * Runs the roster optimizer as a job in this process: started by a mutation, progress written
 * to the job row and the event log (so a subscriber on any hub process sees it), cancellable
 * from any process, and its result written back as DRAFT assignments next to the pinned ones.
 */
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize } from '../auth/policy';
import { badInput, conflict, DomainError, notFound } from '../errors';
import { parseId } from '../ids';
import type { Logger } from '../graphql/logger';
import { duringRange } from './calendar';
import { Roster, RosterAssignment, RosterJob } from './entities';
import { StartOptimizationInput } from './inputs';
import { AssignmentSource, AssignmentState, JobState, RosterState, SessionTime } from './kinds';
import { optimizeRoster, type OptimizeProgress, type RosterResult } from '../optimizer';
import { optimizerInputFor, PreparedInput } from './optimizer-input';
import { currentCursor } from '../events/event-log';
import { PendingEvents } from '../events/pending-events';
import { demandRows, lockForRules, RuleAssignment, violationsOf } from './rule-context';
import { jobEvent, rosterEvent } from './events';
import { JOB_TRANSITIONS, transition } from './states';

/** Progress reaches the log at most this often (the last word of a run always gets through). */
export const PROGRESS_INTERVAL_MS = 250;
/** How often a running job looks for a cancellation made through another process, and proves it is alive. */
export const CANCEL_POLL_MS = 300;
/** A RUNNING job whose process has been silent this long is considered dead and may be replaced. */
export const STALE_AFTER_MS = 60_000;

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

export interface JobWithCursor {
  job: RosterJob;
  cursor: string;
}

export class RosterJobRunner {
  /** Identifies this process as the owner of the jobs it runs. */
  readonly owner = `hub-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #running = new Map<number, Running>();
  #closed = false;

  constructor(private readonly db: DataSource, private readonly log?: Logger) {}

  async start(actor: Actor | null, input: StartOptimizationInput): Promise<RosterJob> {
    authorize(actor, 'directory.read');
    if (this.#closed) throw conflict('This hub is shutting down: start the job again in a moment');
    const rosterId = parseId(input.rosterId, 'rosterId');
    // Read before the job exists, so rosterJobProgress(after: cursor) replays everything it says.
    const cursor = await currentCursor(this.db.manager);
    const job = await this.db.transaction(async (m) => {
      const roster = await m.findOne(Roster, { where: { id: rosterId }, lock: { mode: 'pessimistic_write' } });
      if (!roster) throw badInput('rosterId', `rosterId: roster ${rosterId} does not exist`);
      authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
      if (roster.state !== RosterState.DRAFT) throw conflict(`Roster ${rosterId} is ${roster.state}: the optimizer drafts rosters; amend a published roster by hand`, 'rosterId');
      const events = new PendingEvents();
      await this.#retireStale(m, rosterId, events);
      const active = await m.findOne(RosterJob, { where: [{ rosterId, state: JobState.QUEUED }, { rosterId, state: JobState.RUNNING }] });
      if (active) throw conflict(`Optimizer job ${active.id} is already working on roster ${rosterId}: wait for it or cancel it`, 'rosterId');
      const created = await m.save(m.create(RosterJob, {
        rosterId, state: JobState.QUEUED, seed: input.seed, method: input.method, timeLimitMs: input.timeLimitSeconds * 1000,
        iterations: input.iterations ?? null, percent: 0, startedById: actor!.personId, owner: this.owner,
      }));
      events.add('roster-job', jobEvent(created, roster.consortiumId, 'QUEUED'));
      await events.flush(m);
      return created;
    });
    const controller = new AbortController();
    const done = this.#run(job.id, controller).finally(() => this.#running.delete(job.id));
    this.#running.set(job.id, { controller, done });
    return Object.assign(job, { cursor });
  }

  /** Asks a job to stop. In this process it stops at once; another owner sees the flag within CANCEL_POLL_MS. */
  async cancel(actor: Actor | null, idArg: string): Promise<RosterJob> {
    authorize(actor, 'directory.read');
    const id = parseId(idArg, 'id');
    const job = await this.db.transaction(async (m) => {
      const job = await m.findOne(RosterJob, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw notFound('Roster job', idArg);
      const roster = await m.findOneByOrFail(Roster, { id: job.rosterId });
      authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
      if (job.state !== JobState.QUEUED && job.state !== JobState.RUNNING) {
        throw conflict(`Roster job ${id} has already finished (${job.state})`, 'id');
      }
      job.cancelRequested = true;
      const events = new PendingEvents();
      if (job.state === JobState.QUEUED && !this.#running.has(id)) {
        job.state = transition(JOB_TRANSITIONS, `Roster job ${id}`, job.state, JobState.CANCELLED);
        job.finishedAt = new Date();
        events.add('roster-job', jobEvent(job, roster.consortiumId, 'CANCELLED'));
      } else {
        events.add('roster-job', jobEvent(job, roster.consortiumId, 'CANCEL_REQUESTED'));
      }
      const saved = await m.save(job);
      await events.flush(m);
      return saved;
    });
    this.#running.get(id)?.controller.abort(new DOMException('Cancelled by a scheduler', 'AbortError'));
    return job;
  }

  async get(actor: Actor | null, idArg: string): Promise<JobWithCursor> {
    authorize(actor, 'directory.read');
    const cursor = await currentCursor(this.db.manager);
    const job = await this.db.getRepository(RosterJob).findOneBy({ id: parseId(idArg, 'id') });
    const roster = job && (await this.db.getRepository(Roster).findOneBy({ id: job.rosterId }));
    if (!job || !roster || !allows(actor, 'roster.manage', { consortiumId: roster.consortiumId })) throw notFound('Roster job', idArg);
    return { job, cursor };
  }

  async list(actor: Actor | null, rosterIdArg: string): Promise<RosterJob[]> {
    authorize(actor, 'directory.read');
    const rosterId = parseId(rosterIdArg, 'rosterId');
    const roster = await this.db.getRepository(Roster).findOneBy({ id: rosterId });
    if (!roster || !allows(actor, 'roster.manage', { consortiumId: roster.consortiumId })) throw notFound('Roster', rosterIdArg);
    return this.db.getRepository(RosterJob).find({ where: { rosterId }, order: { id: 'DESC' }, take: 50 });
  }

  /** Stops every job of this process (they end CANCELLED) and waits for them to settle. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const r of this.#running.values()) r.controller.abort(new DOMException('The hub is shutting down', 'AbortError'));
    await Promise.allSettled([...this.#running.values()].map((r) => r.done));
  }

  /** Jobs whose owner stopped beating are failed, so a new one can start. */
  async #retireStale(m: EntityManager, rosterId: number, events: PendingEvents): Promise<void> {
    const stale: RosterJob[] = await m.getRepository(RosterJob).createQueryBuilder('j')
      .where(`j.roster_id = :rosterId AND j.state IN ('QUEUED', 'RUNNING') AND COALESCE(j.heartbeat_at, j.created_at) < now() - make_interval(secs => :secs)`, { rosterId, secs: STALE_AFTER_MS / 1000 })
      .setLock('pessimistic_write').getMany();
    for (const job of stale) {
      if (this.#running.has(job.id)) continue;
      job.state = transition(JOB_TRANSITIONS, `Roster job ${job.id}`, job.state, JobState.FAILED);
      job.error = `The hub process that ran it (${job.owner}) stopped responding`;
      job.finishedAt = new Date();
      await m.save(job);
      const roster = await m.findOneByOrFail(Roster, { id: job.rosterId });
      events.add('roster-job', jobEvent(job, roster.consortiumId, 'FAILED'));
    }
  }

  async #run(jobId: number, controller: AbortController): Promise<void> {
    const { signal } = controller;
    let consortiumId = 0;
    let progress: ProgressWriter | null = null;
    let poll: NodeJS.Timeout | null = null;
    try {
      // QUEUED -> RUNNING, unless it was cancelled in between.
      const started = await this.db.transaction(async (m) => {
        const job = await m.findOne(RosterJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
        if (!job || job.state !== JobState.QUEUED) return null;
        const roster = await m.findOneByOrFail(Roster, { id: job.rosterId });
        consortiumId = roster.consortiumId;
        job.state = transition(JOB_TRANSITIONS, `Roster job ${jobId}`, job.state, JobState.RUNNING);
        job.startedAt = new Date();
        job.heartbeatAt = new Date();
        job.owner = this.owner;
        await m.save(job);
        const events = new PendingEvents();
        events.add('roster-job', jobEvent(job, consortiumId, 'STARTED'));
        await events.flush(m);
        return { job, roster };
      });
      if (!started) return;
      const { job, roster } = started;
      // Cancellation made through another process: a flag on the row, polled; the same query is the heartbeat.
      poll = setInterval(() => {
        this.db.query(`UPDATE roster_job SET heartbeat_at = now() WHERE id = $1 RETURNING cancel_requested`, [jobId])
          .then((rows: any) => {
            const row = Array.isArray(rows[0]) ? rows[0][0] : rows[0];
            if (row?.cancel_requested) controller.abort(new DOMException('Cancelled by a scheduler', 'AbortError'));
          })
          .catch(() => {});
      }, CANCEL_POLL_MS);
      const prepared = await this.db.transaction('REPEATABLE READ', (m) => optimizerInputFor(m, roster, job));
      progress = new ProgressWriter(this.db, job, consortiumId);
      const writer = progress;
      const result = await optimizeRoster(prepared.input, { signal, onProgress: (p) => writer.push(p) });
      clearInterval(poll);
      poll = null;
      await writer.finish();
      await this.#writeBack(jobId, consortiumId, prepared, result, signal);
    } catch (error) {
      if (poll) clearInterval(poll);
      await progress?.stop().catch(() => {});
      const aborted = signal.aborted || (error as Error)?.name === 'AbortError';
      const message = aborted ? String((signal.reason as Error)?.message ?? 'Cancelled') : error instanceof DomainError ? error.message : 'The optimizer failed unexpectedly; it has been logged';
      if (!aborted && !(error instanceof DomainError)) this.log?.error({ err: error, jobId }, 'roster optimizer job failed');
      await this.#finish(jobId, consortiumId, aborted ? JobState.CANCELLED : JobState.FAILED, message).catch((e) => this.log?.error({ err: e, jobId }, 'could not record the end of a roster job'));
    }
  }

  async #finish(jobId: number, consortiumId: number, state: JobState, error: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const job = await m.findOne(RosterJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job || (job.state !== JobState.RUNNING && job.state !== JobState.QUEUED)) return;
      job.state = transition(JOB_TRANSITIONS, `Roster job ${jobId}`, job.state, state);
      job.error = error;
      job.finishedAt = new Date();
      await m.save(job);
      const events = new PendingEvents();
      events.add('roster-job', jobEvent(job, consortiumId, state));
      await events.flush(m);
    });
  }

  /**
   * Replaces the roster's unpinned DRAFT assignments with the optimizer's. Everything is checked
   * again against the live rows of every roster, under the same rule locks as manual edits: an
   * assignment that would now break a rule (someone was placed elsewhere meanwhile) is left out
   * and reported in the summary, so the stored roster always passes the rules.
   */
  async #writeBack(jobId: number, consortiumId: number, prepared: PreparedInput, result: RosterResult, signal: AbortSignal): Promise<void> {
    await this.db.transaction(async (m) => {
      const job = await m.findOneOrFail(RosterJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      const roster = await m.findOneOrFail(Roster, { where: { id: job.rosterId }, lock: { mode: 'pessimistic_write' } });
      if (signal.aborted || job.cancelRequested) throw new DOMException('Cancelled by a scheduler', 'AbortError');
      if (roster.state !== RosterState.DRAFT) throw new DomainError('CONFLICT', `Roster ${roster.id} was ${roster.state.toLowerCase()} while the optimizer ran; nothing was written`);
      const fresh = result.assignments.filter((a) => !a.pinned);
      const demands = new Map((await demandRows(m, 'd.id = ANY($1)', [[...new Set(fresh.map((a) => Number(a.demandId)))]])).map((d) => [d.id, d]));
      let candidates: RuleAssignment[] = fresh.map((a) => ({
        id: null, rosterId: roster.id, specialistId: Number(a.specialistId), demandId: Number(a.demandId), hostId: Number(a.hostId), date: a.date, session: a.session as SessionTime, pinned: false,
      }));
      await lockForRules(m, { specialistIds: candidates.map((c) => c.specialistId), hostIds: candidates.map((c) => c.hostId), demandIds: candidates.map((c) => c.demandId) });
      const replaced = await m.delete(RosterAssignment, { rosterId: roster.id, state: AssignmentState.ACTIVE, pinned: false });
      const dropped: { specialistId: number; demandId: number; date: string; rule: string; message: string }[] = [];
      for (;;) {
        const violations = await violationsOf(m, candidates);
        if (!violations.length) break;
        // Leave out the latest optimizer assignment taking part; the rest are judged again without it.
        const involved = violations[0].proposedIndexes;
        const victim = involved[involved.length - 1];
        const c = candidates[victim];
        dropped.push({ specialistId: c.specialistId, demandId: c.demandId, date: c.date, rule: violations[0].rule, message: violations[0].message });
        candidates = candidates.filter((_, i) => i !== victim);
      }
      const created = candidates.length
        ? await m.save(candidates.map((c) => m.create(RosterAssignment, {
          rosterId: roster.id, specialistId: c.specialistId, demandId: c.demandId, hostHospitalId: c.hostId, specialtyId: demands.get(c.demandId)!.specialtyId,
          date: c.date, session: c.session, during: duringRange(c.date, c.session), state: AssignmentState.ACTIVE, pinned: false,
          source: AssignmentSource.OPTIMIZER, jobId, createdById: job.startedById,
        })))
        : [];
      job.state = transition(JOB_TRANSITIONS, `Roster job ${jobId}`, job.state, JobState.SUCCEEDED);
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
}


function summarise(result: RosterResult, facts: { written: number; replaced: number; pinnedKept: number; dropped: unknown[]; outside: number }) {
  return {
    method: result.method, status: result.status, stopReason: result.stopReason, seed: result.seed,
    objective: result.objective, metrics: result.metrics, bound: result.bound, gap: result.gap, boundSource: result.boundSource,
    coverageByHost: result.coverageByHost, coverageByDemand: result.coverageByDemand, unmet: result.unmet,
    pinnedViolations: result.pinnedViolations.map((v) => ({ rule: v.rule, message: v.message })),
    assignmentsWritten: facts.written, draftAssignmentsReplaced: facts.replaced, pinnedKept: facts.pinnedKept,
    droppedOnWrite: facts.dropped, otherRostersAssignments: facts.outside,
    stats: { ...result.stats },
  };
}

/**
 * Writes progress to the job row and the event log, one write at a time and at least
 * PROGRESS_INTERVAL_MS after the previous one finished, always with the latest value.
 * `finish` flushes the last value at once (a run's end); `stop` drops what is pending (a cancel).
 */
class ProgressWriter {
  #latest: OptimizeProgress | null = null;
  #written: OptimizeProgress | null = null;
  #lastWrite = 0;
  #scheduled = false;
  #stopped = false;
  #wake: (() => void) | null = null;
  #chain: Promise<void> = Promise.resolve();

  constructor(private readonly db: DataSource, private readonly job: RosterJob, private readonly consortiumId: number) {}

  push(p: OptimizeProgress): void {
    this.#latest = p;
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    this.#chain = this.#chain.then(async () => {
      const wait = this.#lastWrite + PROGRESS_INTERVAL_MS - Date.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.#wake = () => { clearTimeout(timer); resolve(); };
        });
      }
      this.#wake = null;
      this.#scheduled = false;
      if (!this.#stopped) await this.#write();
    }).catch(() => {});
  }

  async finish(): Promise<void> {
    this.#wake?.();
    this.#chain = this.#chain.then(() => (this.#stopped ? undefined : this.#write())).catch(() => {});
    await this.#chain;
    this.#stopped = true;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#chain;
  }

  async #write(): Promise<void> {
    const p = this.#latest;
    if (!p || p === this.#written) return;
    this.#written = p;
    try {
      await this.db.transaction(async (m) => {
        const rows: any[] = await m.query(
          `UPDATE roster_job SET phase = $2, percent = $3, best_objective = $4, heartbeat_at = now() WHERE id = $1 AND state = 'RUNNING' RETURNING id`,
          [this.job.id, p.phase, Math.min(100, Math.max(0, p.percent)), p.bestObjective],
        );
        const updated = Array.isArray(rows[0]) ? rows[0] : rows;
        if (!updated.length) return;
        const events = new PendingEvents();
        events.add('roster-job', { action: 'PROGRESS', jobId: this.job.id, rosterId: this.job.rosterId, consortiumId: this.consortiumId, state: JobState.RUNNING, phase: p.phase, percent: p.percent, bestObjective: p.bestObjective });
        await events.flush(m);
      });
    } finally {
      this.#lastWrite = Date.now();
    }
  }
}
