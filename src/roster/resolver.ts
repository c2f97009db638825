import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Consortium, Department, Hospital, Person } from '../consortium/entities';
import { allows } from '../auth/policy';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import { parseId } from '../ids';
import type { HubContext } from '../graphql/context';
import { PageArgs } from '../graphql/pagination';
import { Booking } from '../booking/entities';
import { HostSettings, Roster, RosterAssignment, RosterJob, RotationDemand } from './entities';
import {
  AssignSpecialistInput, CreateRosterInput, DateWindow, DecideDemandInput, DemandFilter, HostSettingsInput, MoveAssignmentInput, RecordAvailabilityInput,
  RemoveAssignmentInput, RequestDemandInput, StartOptimizationInput,
} from './inputs';
import { DemandState } from './kinds';
import { demandChange, endsTheJob, rosterChange, rosterJobProgress } from './events';
import type { AmendmentPreview as AmendmentPreviewFacts, RosterViolation as RosterViolationFacts } from './roster-service';
import type { Language } from '../i18n/language';
import { Message, message, say } from '../i18n/translate';
import {
  AmendmentPreview, AmendmentResult, DemandChange, RosterChange, RosterJobProgress, RosterJobSummary, RosterViolation, RotationDemandConnection, SpecialistAvailability,
} from './views';

const asView = <T extends object>(cls: new () => T, value: object): T => Object.assign(new cls(), value);
const violationView = (v: RosterViolationFacts, language: Language) => asView(RosterViolation, { rule: v.rule, message: say(language, v.says), date: v.date, assignmentIds: v.assignmentIds });
const previewView = (p: AmendmentPreviewFacts, language: Language) =>
  asView(AmendmentPreview, { ...p, allowed: p.violations.length === 0, violations: p.violations.map((v) => violationView(v, language)) });

@Resolver(() => SpecialistAvailability)
export class AvailabilityResolver {
  @Query(() => SpecialistAvailability, { description: "A specialist's limits and availability in a window (default: yourself, the next 92 days)" })
  async specialistAvailability(
    @Arg('specialistId', () => ID, { nullable: true }) specialistId: string | null,
    @Args() window: DateWindow,
    @Ctx() ctx: HubContext,
  ) {
    return asView(SpecialistAvailability, await ctx.services.availability.view(ctx.actor, specialistId, window.from, window.to));
  }

  @Mutation(() => SpecialistAvailability, { description: 'Specialists for themselves, schedulers for the specialists of their consortia: limits, days available, days not' })
  async recordAvailability(@Arg('input') input: RecordAvailabilityInput, @Ctx() ctx: HubContext) {
    return asView(SpecialistAvailability, await ctx.services.availability.record(ctx.actor, input));
  }

  @Mutation(() => SpecialistAvailability)
  async removeAvailabilityPeriod(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return asView(SpecialistAvailability, await ctx.services.availability.removePeriod(ctx.actor, id));
  }

  @FieldResolver(() => Person)
  specialist(@Root() a: SpecialistAvailability, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(a.specialistId);
  }
}

@Resolver(() => HostSettings)
export class HostSettingsResolver {
  @Query(() => HostSettings, { description: 'How a host receives visiting experts (defaults until a scheduler sets them)' })
  hostSettings(@Arg('hostId', () => ID) hostId: string, @Ctx() ctx: HubContext) {
    return ctx.services.availability.hostSettings(ctx.actor, hostId);
  }

  @Mutation(() => HostSettings, { description: "Schedulers of the host's consortia: daily capacity for visiting experts, slot length, slots per session" })
  setHostSettings(@Arg('input') input: HostSettingsInput, @Ctx() ctx: HubContext) {
    return ctx.services.availability.setHostSettings(ctx.actor, input);
  }

  @FieldResolver(() => Hospital)
  host(@Root() s: HostSettings, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(s.hospitalId);
  }
}

@Resolver(() => RotationDemand)
export class DemandResolver {
  @Query(() => RotationDemandConnection, { description: "Demands of your own hospital and of the consortia you schedule for" })
  async rotationDemands(@Args() filter: DemandFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new RotationDemandConnection(), await ctx.services.demands.list(ctx.actor, filter, page));
  }

  @Query(() => RotationDemand)
  rotationDemand(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.demands.get(ctx.actor, id);
  }

  @Mutation(() => RotationDemand, { description: "A host hospital's staff (or its consortium's schedulers) ask for expert coverage" })
  requestRotationDemand(@Arg('input') input: RequestDemandInput, @Ctx() ctx: HubContext) {
    return ctx.services.demands.request(ctx.actor, input);
  }

  @Mutation(() => RotationDemand, { description: 'Schedulers: REQUESTED -> APPROVED' })
  approveRotationDemand(@Arg('input') input: DecideDemandInput, @Ctx() ctx: HubContext) {
    return ctx.services.demands.decide(ctx.actor, input, DemandState.APPROVED);
  }

  @Mutation(() => RotationDemand, { description: 'Schedulers: REQUESTED -> DECLINED, with a reason' })
  declineRotationDemand(@Arg('input') input: DecideDemandInput, @Ctx() ctx: HubContext) {
    return ctx.services.demands.decide(ctx.actor, input, DemandState.DECLINED);
  }

  @Mutation(() => RotationDemand, { description: 'The host: REQUESTED -> WITHDRAWN, with a reason' })
  withdrawRotationDemand(@Arg('input') input: DecideDemandInput, @Ctx() ctx: HubContext) {
    return ctx.services.demands.decide(ctx.actor, input, DemandState.WITHDRAWN);
  }

  @Subscription(() => DemandChange, { subscribe: subscribe(['demand']), description: 'Demands requested and decided, for the host and the schedulers; resumable with `after`' })
  rotationDemandChanged(@Root() e: TopicEvent<'demand'>, @Arg('after', () => ID, { nullable: true }) _after?: string): DemandChange {
    return demandChange(e);
  }

  @FieldResolver(() => Hospital)
  host(@Root() d: RotationDemand, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(d.hostHospitalId);
  }

  @FieldResolver(() => Department)
  specialty(@Root() d: RotationDemand, @Ctx() ctx: HubContext) {
    return ctx.loaders.department.load(d.specialtyId);
  }

  @FieldResolver(() => Consortium)
  consortium(@Root() d: RotationDemand, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortium.load(d.consortiumId);
  }
}

@Resolver(() => Roster)
export class RosterResolver {
  @Query(() => [Roster], { description: "A consortium's rosters, newest period first (drafts for its schedulers only)" })
  rosters(@Arg('consortiumId', () => ID) consortiumId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.list(ctx.actor, consortiumId);
  }

  @Query(() => Roster)
  roster(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.get(ctx.actor, id);
  }

  @Query(() => [RosterViolation], { description: 'Schedulers: every hard rule the roster breaks now (empty when it is sound)' })
  async rosterViolations(@Arg('rosterId', () => ID) rosterId: string, @Ctx() ctx: HubContext) {
    return (await ctx.services.rosters.violations(ctx.actor, rosterId)).map((v) => violationView(v, ctx.language));
  }

  @Query(() => [RosterAssignment], { description: "A specialist's rotation calendar (default: yourself, from today for about two months)" })
  rotationCalendar(@Arg('specialistId', () => ID, { nullable: true }) specialistId: string | null, @Args() window: DateWindow, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.calendar(ctx.actor, specialistId, window.from, window.to);
  }

  @Mutation(() => Roster, { description: 'Schedulers: a DRAFT roster for a period (at most one per consortium and day)' })
  createRoster(@Arg('input') input: CreateRosterInput, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.create(ctx.actor, input);
  }

  @Mutation(() => Roster, { description: 'DRAFT -> PUBLISHED: checks every hard rule, then opens a bookable clinic session per assignment and notifies hosts and specialists' })
  publishRoster(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.publish(ctx.actor, id);
  }

  @Mutation(() => Roster, { description: 'PUBLISHED -> CLOSED, after the period is over' })
  closeRoster(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.close(ctx.actor, id);
  }

  @Mutation(() => AmendmentResult, { description: 'Place a specialist by hand (one or more dates); every hard rule is checked and a broken one is named. On a published roster it opens sessions at once' })
  async assignSpecialist(@Arg('input') input: AssignSpecialistInput, @Ctx() ctx: HubContext) {
    return asView(AmendmentResult, await ctx.services.rosters.assign(ctx.actor, input));
  }

  @Mutation(() => AmendmentResult, { description: 'Move an assignment to another date or specialist. On a published roster, bookings of the old session move to the nearest equivalent session or are flagged for re-booking' })
  async moveAssignment(@Arg('input') input: MoveAssignmentInput, @Ctx() ctx: HubContext) {
    return asView(AmendmentResult, await ctx.services.rosters.move(ctx.actor, input));
  }

  @Mutation(() => AmendmentResult, { description: 'Remove an assignment (e.g. the specialist fell ill). On a published roster its session is cancelled and every booking moved or flagged; nothing is deleted' })
  async removeAssignment(@Arg('input') input: RemoveAssignmentInput, @Ctx() ctx: HubContext) {
    return asView(AmendmentResult, await ctx.services.rosters.remove(ctx.actor, input));
  }

  @Query(() => AmendmentPreview, { description: 'Schedulers: check an assignment before saving it (the rule checker\'s message, or the sessions it would open); nothing is saved' })
  async previewAssignSpecialist(@Arg('input') input: AssignSpecialistInput, @Ctx() ctx: HubContext) {
    return previewView(await ctx.services.rosters.previewAssign(ctx.actor, input), ctx.language);
  }

  @Query(() => AmendmentPreview, { description: 'Schedulers: check a move before saving it; on a published roster, how many bookings would move and how many would be flagged. Nothing is saved' })
  async previewMoveAssignment(@Arg('input') input: MoveAssignmentInput, @Ctx() ctx: HubContext) {
    return previewView(await ctx.services.rosters.previewMove(ctx.actor, input), ctx.language);
  }

  @Query(() => AmendmentPreview, { description: 'Schedulers: what removing an assignment would do to bookings of a published roster. Nothing is saved' })
  async previewRemoveAssignment(@Arg('input') input: RemoveAssignmentInput, @Ctx() ctx: HubContext) {
    return previewView(await ctx.services.rosters.previewRemove(ctx.actor, input), ctx.language);
  }

  @Mutation(() => RosterAssignment, { description: 'Pinned assignments are kept as they are when the optimizer runs again' })
  setAssignmentPinned(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('pinned') pinned: boolean, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.setPinned(ctx.actor, assignmentId, pinned);
  }

  @Subscription(() => RosterChange, {
    subscribe: subscribe<'roster', { rosterId?: string | null; after?: string | null }>(['roster'], {
      where: (args) => {
        const only = args.rosterId ? parseId(args.rosterId, 'rosterId') : null;
        return (e) => only === null || e.payload.rosterId === only;
      },
    }),
    description: 'Roster changes: drafts for schedulers; published rosters and amendments also for the specialists and hosts they name. Resumable with `after`',
  })
  rosterChanged(
    @Root() e: TopicEvent<'roster'>,
    @Arg('rosterId', () => ID, { nullable: true }) _rosterId?: string,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): RosterChange {
    return rosterChange(e);
  }

  @FieldResolver(() => Consortium)
  consortium(@Root() r: Roster, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortium.load(r.consortiumId);
  }

  @FieldResolver(() => [RosterAssignment], { description: 'Live assignments, by date (all, including removed ones, with includeRemoved)' })
  assignments(@Root() r: Roster, @Arg('includeRemoved', { defaultValue: false }) includeRemoved: boolean, @Ctx() ctx: HubContext) {
    return ctx.services.rosters.assignments(r, includeRemoved);
  }

  @FieldResolver(() => [RosterJob], { description: 'Optimizer runs on this roster, newest first (schedulers)' })
  jobs(@Root() r: Roster, @Ctx() ctx: HubContext) {
    return ctx.services.rosterJobs.list(ctx.actor, String(r.id));
  }
}

@Resolver(() => AmendmentResult)
export class AmendmentResultResolver {
  @FieldResolver(() => [Booking], { description: 'The bookings of cancelled sessions, as the amendment left them: MOVED (movedToId is the new booking) or NEEDS_REBOOKING' })
  affectedBookings(@Root() r: AmendmentResult, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.amendedBookings(r.affectedBookingIds ?? []);
  }
}

@Resolver(() => RosterAssignment)
export class AssignmentResolver {
  // NOTE: every way to an assignment (roster(id), rotationCalendar) already shows only rosters
  // the viewer may read, so its roster needs no check of its own.
  @FieldResolver(() => String, { nullable: true, description: "Why it was removed or moved: the scheduler's words, introduced in your language" })
  removedReason(@Root() a: RosterAssignment, @Ctx() ctx: HubContext): string | null {
    const moved = a.removedReason?.match(/^moved: ([\s\S]*)$/);
    return moved ? say(ctx.language, message('roster.movedBecause', { reason: moved[1] })) : a.removedReason;
  }

  @FieldResolver(() => Roster)
  roster(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    return ctx.loaders.roster.load(a.rosterId);
  }

  @FieldResolver(() => Person)
  specialist(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(a.specialistId);
  }

  @FieldResolver(() => Hospital)
  host(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(a.hostHospitalId);
  }

  @FieldResolver(() => Department)
  specialty(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    return ctx.loaders.department.load(a.specialtyId);
  }

  // NOTE: nested fields obey the same visibility as their own queries: a published roster is
  // open to the consortium, but a host's demand only to its staff and the schedulers.
  @FieldResolver(() => RotationDemand, { nullable: true, description: "Null unless you may see the demand itself (rotationDemand(id)): the host's staff and the schedulers of its consortium" })
  async demand(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    const demand = await ctx.loaders.demand.load(a.demandId);
    return demand && allows(ctx.actor, 'demand.read', { hostId: demand.hostHospitalId, consortiumId: demand.consortiumId }) ? demand : null;
  }
}

@Resolver(() => RosterJob)
export class RosterJobResolver {
  @Query(() => RosterJob, { description: 'An optimizer job with its progress and, when finished, its summary; `cursor` is for rosterJobProgress' })
  async rosterJob(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    const { job, cursor } = await ctx.services.rosterJobs.get(ctx.actor, id);
    return Object.assign(job, { cursor });
  }

  @Mutation(() => RosterJob, { description: 'Schedulers: draft the roster with the optimizer from the approved demands and availabilities, keeping pinned assignments. Follow it with rosterJobProgress' })
  startRosterOptimization(@Arg('input') input: StartOptimizationInput, @Ctx() ctx: HubContext) {
    return ctx.services.rosterJobs.start(ctx.actor, input);
  }

  @Mutation(() => RosterJob, { description: 'Stops a queued or running optimizer job; the roster is left as it was' })
  cancelRosterJob(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.rosterJobs.cancel(ctx.actor, id);
  }

  @Subscription(() => RosterJobProgress, {
    subscribe: subscribe<'roster-job', { jobId: string; after?: string | null }>(['roster-job'], {
      where: (args) => {
        const jobId = parseId(args.jobId, 'jobId');
        return (e) => e.payload.jobId === jobId;
      },
      endsWith: endsTheJob,
    }),
    description: 'Phase, percent and best objective of a job (at most every 250 ms), then its end: SUCCEEDED, FAILED or CANCELLED, after which the subscription completes. Resumable with `after`',
  })
  rosterJobProgress(@Root() e: TopicEvent<'roster-job'>, @Arg('jobId', () => ID) _jobId: string, @Ctx() ctx: HubContext, @Arg('after', () => ID, { nullable: true }) _after?: string): RosterJobProgress {
    return rosterJobProgress(e, ctx.language);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it failed or was cancelled, in your language' })
  error(@Root() j: RosterJob, @Ctx() ctx: HubContext): string | null {
    return j.errorMessage ? say(ctx.language, j.errorMessage) : j.error;
  }

  @FieldResolver(() => Roster)
  roster(@Root() j: RosterJob, @Ctx() ctx: HubContext) {
    return ctx.loaders.roster.load(j.rosterId);
  }

  @FieldResolver(() => RosterJobSummary, { nullable: true, description: 'Objective, coverage per host, unmet demand with reasons, gap: once SUCCEEDED' })
  summary(@Root() j: RosterJob, @Ctx() ctx: HubContext) {
    const s = j.summary;
    // Sentences are stored as keys and values (`says`); summaries stored before that hold English text.
    const text = (row: { says?: Message; detail?: string; message?: string }) => (row.says ? say(ctx.language, row.says) : row.detail ?? row.message ?? '');
    if (!s) return null;
    return asView(RosterJobSummary, {
      method: s.method, status: s.status, stopReason: s.stopReason, seed: s.seed, objective: s.objective, bound: s.bound, gap: s.gap,
      expertDaysDemanded: s.metrics.expertDaysDemanded, expertDaysAssigned: s.metrics.expertDaysAssigned, coveragePercent: s.metrics.coveragePercent,
      travelKm: s.metrics.travelKm, coverageByHost: s.coverageByHost, assignmentsWritten: s.assignmentsWritten, pinnedKept: s.pinnedKept, timeMs: s.stats.timeMs,
      unmet: s.unmet.map((u: any) => ({ demandId: u.demandId, hostId: u.hostId, missingDays: u.missingDays, reason: u.reason, detail: text(u) })),
      droppedOnWrite: (s.droppedOnWrite ?? []).map((d: any) => ({ specialistId: d.specialistId, demandId: d.demandId, date: d.date, rule: d.rule, message: text(d) })),
    });
  }
}
