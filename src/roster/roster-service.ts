import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor } from '../auth/policy';
import { Consortium } from '../consortium/entities';
import { requireRow } from '../consortium/service';
import { badInput, conflict, notFound } from '../errors';
import { parseId } from '../ids';
import { transition } from '../state-machine';
import { addDays, daysBetween, duringRange, requireDate, requireNotPast, today } from './calendar';
import { cancelSession, openSession, RebookingOutcome } from '../booking/clinic';
import { ClinicSession } from '../booking/entities';
import { ClinicSessionState } from '../booking/kinds';
import { SESSION_TRANSITIONS } from '../booking/states';
import { consortiaOfHospital, requireSpecialist } from './directory-facts';
import { Roster, RosterAssignment, RosterJob } from './entities';
import { rosterEvent } from './events';
import { AssignSpecialistInput, CreateRosterInput, MoveAssignmentInput, RemoveAssignmentInput } from './inputs';
import { AssignmentSource, AssignmentState, DemandState, JobState, RosterState } from './kinds';
import { PendingEvents } from '../events/pending-events';
import { demandRows, EditViolation, RuleAssignment, violationsOf } from './rule-context';
import { ruleError } from './rule-errors';
import { ruleMessage, stateMessage } from './sentences';
import type { Message } from '../i18n/translate';
import { lockForRules } from './rule-locks';
import { ASSIGNMENT_TRANSITIONS, ROSTER_TRANSITIONS } from './states';

/** A roster covers a month, sometimes a quarter. */
const MAX_PERIOD_DAYS = 92;

export interface RosterViolation {
  rule: string;
  /** Said in the reader's language by the resolver. */
  says: Message;
  date: string | null;
  assignmentIds: number[];
}

export interface AmendmentResult {
  assignments: RosterAssignment[];
  removed: RosterAssignment[];
  bookingsMoved: number;
  bookingsFlagged: number;
  /** Ids of the bookings the amendment moved or flagged (the old booking of each) */
  affectedBookingIds: number[];
}

/** What an edit would do, found by making it and rolling back: the rules it breaks, or its effect on bookings. */
export interface AmendmentPreview {
  violations: RosterViolation[];
  bookingsMoved: number;
  bookingsFlagged: number;
  sessionsOpened: number;
  sessionsCancelled: number;
}

/** Carries a preview's outcome out of the transaction it rolls back. */
class PreviewRollback extends Error {
  constructor(readonly preview: AmendmentPreview) {
    super('preview rolled back');
  }
}

/** Refuses an edit that breaks rules: an error when applying, the violations when previewing. */
type Refuse = (violations: EditViolation[], ids: (number | null)[]) => never;
interface Edited {
  roster: Roster;
  result: AmendmentResult;
}

const previewOf = (r: AmendmentResult, roster: Roster): AmendmentPreview => ({
  violations: [], bookingsMoved: r.bookingsMoved, bookingsFlagged: r.bookingsFlagged,
  sessionsOpened: roster.state === RosterState.PUBLISHED ? r.assignments.length : 0,
  sessionsCancelled: roster.state === RosterState.PUBLISHED ? r.removed.length : 0,
});

const refusalOf = (violations: EditViolation[], ids: (number | null)[]): AmendmentPreview => ({
  violations: violations.map((v) => ({ rule: v.rule, says: ruleMessage(v.says), date: v.date ?? null, assignmentIds: v.proposedIndexes.map((i) => ids[i]).filter((id): id is number => id !== null) })),
  bookingsMoved: 0, bookingsFlagged: 0, sessionsOpened: 0, sessionsCancelled: 0,
});

export const toRuleAssignment = (a: RosterAssignment): RuleAssignment => ({
  id: a.id, rosterId: a.rosterId, specialistId: a.specialistId, demandId: a.demandId, hostId: a.hostHospitalId, date: a.date, session: a.session, pinned: a.pinned,
});

/** Rosters: drafting by hand, publishing into clinic sessions, amending with notice, closing. */
export class RosterService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor | null, input: CreateRosterInput): Promise<Roster> {
    requireActor(actor);
    const consortiumId = parseId(input.consortiumId, 'consortiumId');
    const start = requireDate(input.periodStart, 'periodStart');
    const end = requireDate(input.periodEnd, 'periodEnd');
    if (end < start) throw badInput('periodEnd', 'roster.periodReversed', { end, start });
    if (daysBetween(start, end) + 1 > MAX_PERIOD_DAYS) throw badInput('periodEnd', 'roster.periodTooLong', { max: MAX_PERIOD_DAYS, days: daysBetween(start, end) + 1 });
    requireNotPast(end, 'periodEnd');
    return this.db.transaction(async (m) => {
      await requireRow(m, Consortium, consortiumId, 'consortiumId', 'consortium');
      authorize(actor, 'roster.manage', { consortiumId });
      const roster = await m.save(m.create(Roster, { consortiumId, periodStart: start, periodEnd: end, state: RosterState.DRAFT, createdById: actor!.personId }));
      const events = new PendingEvents();
      events.add('roster', rosterEvent(roster, 'CREATED', [], []));
      await events.flush(m);
      return roster;
    });
  }

  async get(actor: Actor | null, idArg: string): Promise<Roster> {
    requireActor(actor);
    const roster = await this.db.getRepository(Roster).findOneBy({ id: parseId(idArg, 'id') });
    if (!roster || !allows(actor, 'roster.read', { consortiumId: roster.consortiumId, published: roster.state !== RosterState.DRAFT })) throw notFound('entity.roster', idArg);
    return roster;
  }

  async list(actor: Actor | null, consortiumIdArg: string): Promise<Roster[]> {
    requireActor(actor);
    const consortiumId = parseId(consortiumIdArg, 'consortiumId');
    const rows = await this.db.getRepository(Roster).find({ where: { consortiumId }, order: { periodStart: 'DESC', id: 'DESC' } });
    return rows.filter((r) => allows(actor, 'roster.read', { consortiumId, published: r.state !== RosterState.DRAFT }));
  }

  async assignments(roster: Roster, includeRemoved = false): Promise<RosterAssignment[]> {
    return this.db.getRepository(RosterAssignment).find({
      where: includeRemoved ? { rosterId: roster.id } : { rosterId: roster.id, state: AssignmentState.ACTIVE },
      order: { date: 'ASC', hostHospitalId: 'ASC', id: 'ASC' },
    });
  }

  /** Locks the roster for an edit and checks the editor may, and the roster can, change. */
  async #editable(m: EntityManager, actor: Actor | null, rosterId: number, field: string): Promise<Roster> {
    const roster = await m.findOne(Roster, { where: { id: rosterId }, lock: { mode: 'pessimistic_write' } });
    if (!roster) throw badInput(field, 'roster.rosterMissing', { field, id: rosterId });
    authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
    if (roster.state === RosterState.CLOSED) throw conflict('roster.rosterClosed', { id: roster.id, from: roster.periodStart, to: roster.periodEnd }, field);
    const job = await m.findOne(RosterJob, { where: [{ rosterId, state: JobState.RUNNING }, { rosterId, state: JobState.QUEUED }] });
    if (job) throw conflict('roster.jobEditing', { job: job.id, id: roster.id }, field);
    return roster;
  }

  assign(actor: Actor | null, input: AssignSpecialistInput): Promise<AmendmentResult> {
    return this.#apply((m, refuse) => this.#assign(m, actor, input, refuse));
  }

  move(actor: Actor | null, input: MoveAssignmentInput): Promise<AmendmentResult> {
    return this.#apply((m, refuse) => this.#move(m, actor, input, refuse));
  }

  remove(actor: Actor | null, input: RemoveAssignmentInput): Promise<AmendmentResult> {
    return this.#apply((m) => this.#remove(m, actor, input));
  }

  /** The same edits, made and rolled back: a scheduler sees the rule an edit breaks, or what it does to bookings, before saving. */
  previewAssign(actor: Actor | null, input: AssignSpecialistInput): Promise<AmendmentPreview> {
    return this.#preview((m, refuse) => this.#assign(m, actor, input, refuse));
  }

  previewMove(actor: Actor | null, input: MoveAssignmentInput): Promise<AmendmentPreview> {
    return this.#preview((m, refuse) => this.#move(m, actor, input, refuse));
  }

  previewRemove(actor: Actor | null, input: RemoveAssignmentInput): Promise<AmendmentPreview> {
    return this.#preview((m) => this.#remove(m, actor, input));
  }

  #apply(edit: (m: EntityManager, refuse: Refuse) => Promise<Edited>): Promise<AmendmentResult> {
    return this.db.transaction(async (m) => (await edit(m, (violations) => { throw ruleError(violations); })).result);
  }

  async #preview(edit: (m: EntityManager, refuse: Refuse) => Promise<Edited>): Promise<AmendmentPreview> {
    try {
      await this.db.transaction(async (m) => {
        const { roster, result } = await edit(m, (violations, ids) => { throw new PreviewRollback(refusalOf(violations, ids)); });
        throw new PreviewRollback(previewOf(result, roster));
      });
    } catch (error) {
      if (error instanceof PreviewRollback) return error.preview;
      throw error;
    }
    throw new Error('unreachable: a preview always rolls back');
  }

  async #assign(m: EntityManager, actor: Actor | null, input: AssignSpecialistInput, refuse: Refuse): Promise<Edited> {
    requireActor(actor);
    const rosterId = parseId(input.rosterId, 'rosterId');
    const specialistId = parseId(input.specialistId, 'specialistId');
    const demandId = parseId(input.demandId, 'demandId');
    const now = today();
    const dates = [...new Set(input.dates.map((d, i) => requireNotPast(requireDate(d, `dates[${i}]`), `dates[${i}]`, now)))].sort();
    {
      const roster = await this.#editable(m, actor, rosterId, 'rosterId');
      const [demand] = await demandRows(m, 'd.id = $1', [demandId]);
      if (!demand || demand.consortiumId !== roster.consortiumId) throw badInput('demandId', 'roster.demandNotOfConsortium', { id: demandId });
      if (demand.state !== DemandState.APPROVED) throw badInput('demandId', 'roster.demandNotApproved', { id: demandId, state: stateMessage(demand.state as DemandState) });
      for (const [i, d] of dates.entries()) {
        if (d < roster.periodStart || d > roster.periodEnd) throw badInput(`dates[${i}]`, 'roster.outsideRosterPeriod', { date: d, from: roster.periodStart, to: roster.periodEnd });
      }
      await requireSpecialist(m, specialistId, 'specialistId');
      await lockForRules(m, { specialistIds: [specialistId], hostIds: [demand.hostId], demandIds: [demandId] });
      const proposed: RuleAssignment[] = dates.map((date) => ({ id: null, rosterId, specialistId, demandId, hostId: demand.hostId, date, session: demand.session, pinned: input.pinned }));
      const violations = await violationsOf(m, proposed);
      if (violations.length) refuse(violations, proposed.map(() => null));
      const events = new PendingEvents();
      const created: RosterAssignment[] = [];
      for (const p of proposed) created.push(await this.#insert(m, actor!, p, AssignmentSource.MANUAL, null, null));
      if (roster.state === RosterState.PUBLISHED) {
        for (const a of created) await openSession(m, a, events);
        roster.amendments++;
        await m.save(roster);
      }
      events.add('roster', rosterEvent(roster, 'ASSIGNED', created, []));
      await events.flush(m);
      return { roster, result: { assignments: created, removed: [], bookingsMoved: 0, bookingsFlagged: 0, affectedBookingIds: [] } };
    }
  }

  async #move(m: EntityManager, actor: Actor | null, input: MoveAssignmentInput, refuse: Refuse): Promise<Edited> {
    requireActor(actor);
    const id = parseId(input.assignmentId, 'assignmentId');
    if (input.date === undefined && input.specialistId === undefined) throw badInput('date', 'roster.moveWhere');
    {
      const [roster, old] = await this.#lockedAssignment(m, actor, id, input.assignmentId);
      transition(ASSIGNMENT_TRANSITIONS, ['assignment', old.id], old.state, AssignmentState.REMOVED);
      const date = input.date ? requireNotPast(requireDate(input.date, 'date'), 'date') : old.date;
      const specialistId = input.specialistId ? parseId(input.specialistId, 'specialistId') : old.specialistId;
      if (date === old.date && specialistId === old.specialistId) throw badInput('date', 'roster.moveNothing');
      if (date < roster.periodStart || date > roster.periodEnd) throw badInput('date', 'roster.outsideRosterPeriod', { date, from: roster.periodStart, to: roster.periodEnd });
      if (old.date < today()) throw conflict('roster.assignmentPast', { id: old.id, date: old.date }, 'assignmentId');
      await requireSpecialist(m, specialistId, 'specialistId');
      await lockForRules(m, { specialistIds: [old.specialistId, specialistId], hostIds: [old.hostHospitalId], demandIds: [old.demandId] });
      const proposal: RuleAssignment = { ...toRuleAssignment(old), id: null, date, specialistId, pinned: true };
      const violations = await violationsOf(m, [proposal], [old.id]);
      if (violations.length) refuse(violations, [old.id]);
      const reason = input.reason.trim();
      const events = new PendingEvents();
      // NOTE: "moved: " marks a move in the stored reason; the removedReason field says it in the reader's language.
      await this.#markRemoved(m, old, `moved: ${reason}`);
      // The old row is no longer ACTIVE, so the exclusion constraint lets the new one overlap it (e.g. same day, other specialist).
      const moved = await this.#insert(m, actor!, proposal, AssignmentSource.MANUAL, old.id, null);
      const outcome = await this.#amendPublished(m, roster, [moved], [old], reason, events);
      events.add('roster', rosterEvent(roster, 'MOVED', [moved], [old], reason));
      await events.flush(m);
      return { roster, result: { assignments: [moved], removed: [old], bookingsMoved: outcome.moved, bookingsFlagged: outcome.flagged, affectedBookingIds: outcome.bookingIds } };
    }
  }

  async #remove(m: EntityManager, actor: Actor | null, input: RemoveAssignmentInput): Promise<Edited> {
    requireActor(actor);
    const id = parseId(input.assignmentId, 'assignmentId');
    {
      const [roster, old] = await this.#lockedAssignment(m, actor, id, input.assignmentId);
      transition(ASSIGNMENT_TRANSITIONS, ['assignment', old.id], old.state, AssignmentState.REMOVED);
      if (old.date < today()) throw conflict('roster.assignmentPast', { id: old.id, date: old.date }, 'assignmentId');
      await lockForRules(m, { specialistIds: [old.specialistId], hostIds: [old.hostHospitalId], demandIds: [old.demandId] });
      const reason = input.reason.trim();
      const events = new PendingEvents();
      await this.#markRemoved(m, old, reason);
      const outcome = await this.#amendPublished(m, roster, [], [old], reason, events);
      events.add('roster', rosterEvent(roster, 'REMOVED', [], [old], reason));
      await events.flush(m);
      return { roster, result: { assignments: [], removed: [old], bookingsMoved: outcome.moved, bookingsFlagged: outcome.flagged, affectedBookingIds: outcome.bookingIds } };
    }
  }

  async setPinned(actor: Actor | null, idArg: string, pinned: boolean): Promise<RosterAssignment> {
    requireActor(actor);
    const id = parseId(idArg, 'assignmentId');
    return this.db.transaction(async (m) => {
      const [roster, a] = await this.#lockedAssignment(m, actor, id, idArg);
      if (a.state !== AssignmentState.ACTIVE) throw conflict('roster.pinOnlyActive', { id: a.id, state: stateMessage(a.state) }, 'assignmentId');
      a.pinned = pinned;
      const saved = await m.save(a);
      const events = new PendingEvents();
      events.add('roster', rosterEvent(roster, pinned ? 'PINNED' : 'UNPINNED', [saved], []));
      await events.flush(m);
      return saved;
    });
  }

  /** DRAFT -> PUBLISHED: every hard rule must hold; each assignment becomes a bookable clinic session. */
  async publish(actor: Actor | null, idArg: string): Promise<Roster> {
    requireActor(actor);
    const id = parseId(idArg, 'id');
    return this.db.transaction(async (m) => {
      const roster = await this.#editable(m, actor, id, 'id');
      roster.state = transition(ROSTER_TRANSITIONS, ['roster', roster.id], roster.state, RosterState.PUBLISHED);
      const assignments = await m.find(RosterAssignment, { where: { rosterId: id, state: AssignmentState.ACTIVE }, order: { date: 'ASC', id: 'ASC' } });
      const past = assignments.find((a) => a.date < today());
      if (past) throw conflict('roster.publishPast', { id: past.id, date: past.date }, 'id');
      await lockForRules(m, {
        specialistIds: assignments.map((a) => a.specialistId), hostIds: assignments.map((a) => a.hostHospitalId), demandIds: assignments.map((a) => a.demandId),
      });
      const violations = await violationsOf(m, assignments.map(toRuleAssignment), assignments.map((a) => a.id));
      if (violations.length) throw ruleError(violations, id);
      const events = new PendingEvents();
      for (const a of assignments) await openSession(m, a, events);
      roster.publishedAt = new Date();
      const saved = await m.save(roster);
      events.add('roster', rosterEvent(saved, 'PUBLISHED', assignments, []));
      await events.flush(m);
      return saved;
    });
  }

  /** PUBLISHED -> CLOSED once its period is over; its remaining open sessions close with it. */
  async close(actor: Actor | null, idArg: string): Promise<Roster> {
    requireActor(actor);
    const id = parseId(idArg, 'id');
    return this.db.transaction(async (m) => {
      const roster = await this.#editable(m, actor, id, 'id');
      roster.state = transition(ROSTER_TRANSITIONS, ['roster', roster.id], roster.state, RosterState.CLOSED);
      if (roster.periodEnd >= today()) throw conflict('roster.closeTooEarly', { id, end: roster.periodEnd }, 'id');
      const sessions = await m.find(ClinicSession, { where: { rosterId: id, state: ClinicSessionState.OPEN }, lock: { mode: 'pessimistic_write' } });
      for (const s of sessions) s.state = transition(SESSION_TRANSITIONS, ['clinicSession', s.id], s.state, ClinicSessionState.CLOSED);
      await m.save(sessions);
      roster.closedAt = new Date();
      const saved = await m.save(roster);
      const events = new PendingEvents();
      events.add('roster', rosterEvent(saved, 'CLOSED', [], []));
      await events.flush(m);
      return saved;
    });
  }

  /** Every hard rule the roster's live assignments break now (availability can change after they were made). */
  async violations(actor: Actor | null, idArg: string): Promise<RosterViolation[]> {
    const roster = await this.get(actor, idArg);
    authorize(actor, 'roster.manage', { consortiumId: roster.consortiumId });
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const assignments = await m.find(RosterAssignment, { where: { rosterId: roster.id, state: AssignmentState.ACTIVE }, order: { date: 'ASC', id: 'ASC' } });
      const violations = await violationsOf(m, assignments.map(toRuleAssignment), assignments.map((a) => a.id));
      return violations.map((v) => ({ rule: v.rule, says: ruleMessage(v.says), date: v.date ?? null, assignmentIds: v.proposedIndexes.map((i) => assignments[i].id) }));
    });
  }

  /** A specialist's rotations in [from, to]: published ones for them, drafts too for their schedulers. */
  async calendar(actor: Actor | null, specialistIdArg: string | null | undefined, from?: string, to?: string): Promise<RosterAssignment[]> {
    const me = requireActor(actor);
    const specialistId = specialistIdArg ? parseId(specialistIdArg, 'specialistId') : me.personId;
    const start = from ? requireDate(from, 'from') : today();
    const end = to ? requireDate(to, 'to') : addDays(start, 62);
    if (end < start) throw badInput('to', 'common.toBeforeFrom', { to: end, from: start });
    const m = this.db.manager;
    const person = await requireSpecialist(m, specialistId, 'specialistId');
    authorize(me, 'calendar.read', { specialistId, consortiumIds: await consortiaOfHospital(m, person.hospitalId) });
    const drafts = me.consortiumIds.filter((consortiumId) => allows(me, 'roster.manage', { consortiumId }));
    return m.getRepository(RosterAssignment).createQueryBuilder('a')
      .innerJoin(Roster, 'r', 'r.id = a.roster_id')
      .where('a.specialist_id = :specialistId AND a.state = :active AND a.date BETWEEN :start AND :end', { specialistId, active: AssignmentState.ACTIVE, start, end })
      .andWhere(`(r.state <> 'DRAFT' OR r.consortium_id = ANY(:drafts))`, { drafts })
      .orderBy('a.date').addOrderBy('a.id').getMany();
  }

  /** Roster first, then the assignment: the same lock order as publishing and the optimizer's write-back. */
  async #lockedAssignment(m: EntityManager, actor: Actor | null, id: number, ref: string): Promise<[Roster, RosterAssignment]> {
    const peek = await m.findOneBy(RosterAssignment, { id });
    if (!peek) throw notFound('entity.assignment', ref);
    const roster = await this.#editable(m, actor, peek.rosterId, 'assignmentId');
    const a = await m.findOneOrFail(RosterAssignment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return [roster, a];
  }

  async #insert(m: EntityManager, actor: Actor, p: RuleAssignment, source: AssignmentSource, movedFromId: number | null, jobId: number | null): Promise<RosterAssignment> {
    const [demand] = await demandRows(m, 'd.id = $1', [p.demandId]);
    return m.save(m.create(RosterAssignment, {
      rosterId: p.rosterId, specialistId: p.specialistId, demandId: p.demandId, hostHospitalId: demand.hostId, specialtyId: demand.specialtyId,
      date: p.date, session: p.session, during: duringRange(p.date, p.session), state: AssignmentState.ACTIVE,
      pinned: p.pinned, source, jobId, movedFromId, createdById: actor.personId,
    }));
  }

  async #markRemoved(m: EntityManager, a: RosterAssignment, reason: string): Promise<void> {
    a.state = transition(ASSIGNMENT_TRANSITIONS, ['assignment', a.id], a.state, AssignmentState.REMOVED);
    a.removedReason = reason;
    a.removedAt = new Date();
    await m.save(a);
  }

  /**
   * On a published roster: new assignments open sessions first, so they are candidates when the
   * removed assignments' sessions are cancelled and their bookings re-homed.
   */
  async #amendPublished(m: EntityManager, roster: Roster, added: RosterAssignment[], removed: RosterAssignment[], reason: string, events: PendingEvents): Promise<RebookingOutcome> {
    if (roster.state !== RosterState.PUBLISHED) return { moved: 0, flagged: 0, bookingIds: [] };
    for (const a of added) await openSession(m, a, events);
    const outcome: RebookingOutcome = { moved: 0, flagged: 0, bookingIds: [] };
    for (const a of removed) {
      const session = await m.findOneBy(ClinicSession, { assignmentId: a.id });
      if (!session || session.state !== ClinicSessionState.OPEN) continue;
      const r = await cancelSession(m, session.id, reason, events);
      outcome.moved += r.moved;
      outcome.flagged += r.flagged;
      outcome.bookingIds.push(...r.bookingIds);
    }
    roster.amendments++;
    await m.save(roster);
    return outcome;
  }
}
