/**
 * Runs the roster optimizer as a job in this process: started by a mutation, progress written
 * to the job row and the event log (so a subscriber on any hub process sees it), cancellable
 * from any process (job-progress.ts), and its result written back as DRAFT assignments next to
 * the pinned ones (job-write-back.ts). This file is the job's lifecycle.
 */
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor } from '../auth/policy';
import { badInput, conflict, DomainError, notFound } from '../errors';
import { Message, message, say } from '../i18n/translate';
import { stateMessage, stopped, Stopped } from './sentences';
import { parseId } from '../ids';
import { transition } from '../state-machine';
import type { Logger } from '../graphql/logger';
import { Roster, RosterJob } from './entities';
import { StartOptimizationInput } from './inputs';
import { JobState, RosterState } from './kinds';
import { optimizeRoster } from '../optimizer';
import { optimizerInputFor } from './optimizer-input';
import { currentCursor } from '../events/event-log';
import { PendingEvents } from '../events/pending-events';
import { jobEvent } from './events';
import { ProgressWriter } from './job-progress';
import { writeBack } from './job-write-back';
import { JOB_TRANSITIONS } from './states';

export { PROGRESS_INTERVAL_MS } from './job-progress';

/** A job's end as a catalogue sentence (said in the reader's language), and in English for the log and older readers. */
function said(job: RosterJob, why: Message): void {
  job.errorMessage = why;
  job.error = say('en', why);
}

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
    requireActor(actor);
    if (this.#closed) throw conflict('roster.hubShuttingDown');
    const rosterId = parseId(input.rosterId, 'rosterId');
    // Read before the job exists, so rosterJobProgress(after: cursor) replays everything it says.
    const cursor = await currentCursor(this.db.manager);
    const job = await this.db.transaction(async (m) => {
      const roster = await m.findOne(Roster, { where: { id: rosterId }, lock: { mode: 'pessimistic_write' } });
      if (!roster) throw badInput('rosterId', 'roster.rosterMissing', { field: 'rosterId', id: rosterId });
      authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
      if (roster.state !== RosterState.DRAFT) throw conflict('roster.optimizeOnlyDrafts', { id: rosterId, state: stateMessage(roster.state) }, 'rosterId');
      const events = new PendingEvents();
      await this.#retireStale(m, rosterId, events);
      const active = await m.findOne(RosterJob, { where: [{ rosterId, state: JobState.QUEUED }, { rosterId, state: JobState.RUNNING }] });
      if (active) throw conflict('roster.jobAlreadyWorking', { job: active.id, id: rosterId }, 'rosterId');
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
    requireActor(actor);
    const id = parseId(idArg, 'id');
    const job = await this.db.transaction(async (m) => {
      const job = await m.findOne(RosterJob, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw notFound('entity.rosterJob', idArg);
      const roster = await m.findOneByOrFail(Roster, { id: job.rosterId });
      authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
      if (job.state !== JobState.QUEUED && job.state !== JobState.RUNNING) {
        throw conflict('roster.jobFinished', { id, state: stateMessage(job.state) }, 'id');
      }
      job.cancelRequested = true;
      const events = new PendingEvents();
      if (job.state === JobState.QUEUED && !this.#running.has(id)) {
        job.state = transition(JOB_TRANSITIONS, ['rosterJob', id], job.state, JobState.CANCELLED);
        job.finishedAt = new Date();
        events.add('roster-job', jobEvent(job, roster.consortiumId, 'CANCELLED'));
      } else {
        events.add('roster-job', jobEvent(job, roster.consortiumId, 'CANCEL_REQUESTED'));
      }
      const saved = await m.save(job);
      await events.flush(m);
      return saved;
    });
    this.#running.get(id)?.controller.abort(stopped('roster.jobCancelled'));
    return job;
  }

  async get(actor: Actor | null, idArg: string): Promise<JobWithCursor> {
    requireActor(actor);
    const cursor = await currentCursor(this.db.manager);
    const job = await this.db.getRepository(RosterJob).findOneBy({ id: parseId(idArg, 'id') });
    const roster = job && (await this.db.getRepository(Roster).findOneBy({ id: job.rosterId }));
    if (!job || !roster || !allows(actor, 'roster.manage', { consortiumId: roster.consortiumId })) throw notFound('entity.rosterJob', idArg);
    return { job, cursor };
  }

  async list(actor: Actor | null, rosterIdArg: string): Promise<RosterJob[]> {
    requireActor(actor);
    const rosterId = parseId(rosterIdArg, 'rosterId');
    const roster = await this.db.getRepository(Roster).findOneBy({ id: rosterId });
    if (!roster || !allows(actor, 'roster.manage', { consortiumId: roster.consortiumId })) throw notFound('entity.roster', rosterIdArg);
    return this.db.getRepository(RosterJob).find({ where: { rosterId }, order: { id: 'DESC' }, take: 50 });
  }

  /** Stops every job of this process (they end CANCELLED) and waits for them to settle. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const r of this.#running.values()) r.controller.abort(stopped('roster.jobHubStopped'));
    await Promise.allSettled([...this.#running.values()].map((r) => r.done));
  }

  /** Jobs whose owner stopped beating are failed, so a new one can start. */
  async #retireStale(m: EntityManager, rosterId: number, events: PendingEvents): Promise<void> {
    const stale: RosterJob[] = await m.getRepository(RosterJob).createQueryBuilder('j')
      .where(`j.roster_id = :rosterId AND j.state IN ('QUEUED', 'RUNNING') AND COALESCE(j.heartbeat_at, j.created_at) < now() - make_interval(secs => :secs)`, { rosterId, secs: STALE_AFTER_MS / 1000 })
      .setLock('pessimistic_write').getMany();
    for (const job of stale) {
      if (this.#running.has(job.id)) continue;
      job.state = transition(JOB_TRANSITIONS, ['rosterJob', job.id], job.state, JobState.FAILED);
      said(job, message('roster.jobOwnerSilent', { owner: job.owner }));
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
        job.state = transition(JOB_TRANSITIONS, ['rosterJob', jobId], job.state, JobState.RUNNING);
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
            if (row?.cancel_requested) controller.abort(stopped('roster.jobCancelled'));
          })
          .catch((error) => this.log?.warn({ err: error, jobId }, 'could not write the heartbeat of a roster job (or read its cancellation); trying again'));
      }, CANCEL_POLL_MS);
      const prepared = await this.db.transaction('REPEATABLE READ', (m) => optimizerInputFor(m, roster, job));
      progress = new ProgressWriter(this.db, job, consortiumId, this.log);
      const writer = progress;
      const result = await optimizeRoster(prepared.input, { signal, onProgress: (p) => writer.push(p) });
      clearInterval(poll);
      poll = null;
      await writer.finish();
      await writeBack(this.db, jobId, consortiumId, prepared, result, signal);
    } catch (error) {
      if (poll) clearInterval(poll);
      await progress?.stop();
      const aborted = signal.aborted || (error as Error)?.name === 'AbortError';
      // What the scheduler reads: why it was stopped, the rule the input broke, or that it failed (the details go to the log).
      const why: Message = aborted ? (signal.reason as Stopped | undefined)?.says ?? message('roster.jobCancelled')
        : error instanceof DomainError ? message(error.key, error.params) : message('roster.jobFailed');
      if (!aborted && !(error instanceof DomainError)) this.log?.error({ err: error, jobId }, 'roster optimizer job failed');
      await this.#finish(jobId, consortiumId, aborted ? JobState.CANCELLED : JobState.FAILED, why).catch((e) => this.log?.error({ err: e, jobId }, 'could not record the end of a roster job'));
    }
  }

  async #finish(jobId: number, consortiumId: number, state: JobState, error: Message): Promise<void> {
    await this.db.transaction(async (m) => {
      const job = await m.findOne(RosterJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job || (job.state !== JobState.RUNNING && job.state !== JobState.QUEUED)) return;
      job.state = transition(JOB_TRANSITIONS, ['rosterJob', jobId], job.state, state);
      said(job, error);
      job.finishedAt = new Date();
      await m.save(job);
      const events = new PendingEvents();
      events.add('roster-job', jobEvent(job, consortiumId, state));
      await events.flush(m);
    });
  }
}
