import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorize } from '../auth/policy';
import { Consortium, Department, Hospital, Patient, Person } from '../consortium/entities';
import { unauthenticated } from '../errors';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import { parseId } from '../ids';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import { Consultation, ConsultationAttachment, ConsultationOpinion } from './entities';
import { changesQueue, ConsultationChange, consultationChange } from './events';
import { AssignConsultationInput, ConsultationFilter, ConsultationOpinionInput, ConsultationReasonInput, QueueArgs, RequestConsultationInput, ScheduleConsultationInput } from './inputs';
import { positionFeed } from './position-feed';
import { ConsultationQueue, QueueChange, QueueEntry, QueuePosition } from './queue';
import { Urgency } from './states';

@ObjectType() export class ConsultationConnection extends Connection(Consultation) {}

@Resolver(() => Consultation)
export class ConsultationResolver {
  @Query(() => Consultation, { description: 'A consultation you may see: the requesting hospital, its specialist, its queue, schedulers of its consortium' })
  consultation(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.get(ctx.actor, id);
  }

  @Query(() => ConsultationConnection, { description: "Township doctors: their hospital's requests. Specialists: those they took. Schedulers: their consortia's." })
  async consultations(@Args() filter: ConsultationFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new ConsultationConnection(), await ctx.services.consultations.list(ctx.actor, filter, page));
  }

  @Query(() => ConsultationQueue, { description: 'The live queue of a consortium and specialty, ranked (see `rule`), with the event cursor to follow it from' })
  consultationQueue(@Args() args: QueueArgs, @Ctx() ctx: HubContext) {
    return ctx.services.consultationQueue.snapshot(ctx.actor, args);
  }

  @Mutation(() => Consultation, { description: 'Township doctors: ask a specialty for a remote opinion on a patient of their hospital' })
  requestConsultation(@Arg('input') input: RequestConsultationInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.request(ctx.actor, input);
  }

  @Mutation(() => Consultation, { description: 'Specialists: take a request from the queue. When two claim at once one wins; the other gets CONFLICT naming the winner' })
  claimConsultation(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.claim(ctx.actor, id);
  }

  @Mutation(() => Consultation, { description: 'Schedulers: give a request to a specialist of its specialty' })
  assignConsultation(@Arg('input') input: AssignConsultationInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.assign(ctx.actor, input);
  }

  @Mutation(() => Consultation, { description: 'The specialist (or a scheduler): put it back in the queue, with a reason. It keeps its waiting time' })
  handBackConsultation(@Arg('input') input: ConsultationReasonInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.handBack(ctx.actor, input);
  }

  @Mutation(() => Consultation, { description: 'The specialist (or a scheduler): set or move the session time' })
  scheduleConsultation(@Arg('input') input: ScheduleConsultationInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.schedule(ctx.actor, input);
  }

  @Mutation(() => Consultation, { description: 'The specialist: start the video session (the room opens for the participants)' })
  startConsultationSession(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.start(ctx.actor, id);
  }

  @Mutation(() => Consultation, { description: 'The specialist: end the video session' })
  endConsultationSession(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.end(ctx.actor, id);
  }

  @Mutation(() => Consultation, { description: 'The specialist: write the opinion (会诊意见); completes the consultation' })
  writeConsultationOpinion(@Arg('input') input: ConsultationOpinionInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.writeOpinion(ctx.actor, input);
  }

  @Mutation(() => Consultation, { description: 'Doctors of the requesting hospital or schedulers: cancel, with a reason' })
  cancelConsultation(@Arg('input') input: ConsultationReasonInput, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.cancel(ctx.actor, input);
  }

  @Subscription(() => QueueChange, {
    description: 'Changes to one queue after `after` (the cursor of consultationQueue, or of the last change seen): resumable, nothing lost',
    subscribe: subscribe<'consultation', { consortiumId: string; specialtyId: string; after?: string | null }>(['consultation'], {
      where: (args, actor) => {
        const queue = { consortiumId: parseId(args.consortiumId, 'consortiumId'), specialtyId: parseId(args.specialtyId, 'specialtyId') };
        authorize(actor, 'consultation.queue', queue);
        return (e) => changesQueue(e.payload, queue);
      },
    }),
  })
  consultationQueueChanged(
    @Root() event: TopicEvent<'consultation'>, @Ctx() ctx: HubContext,
    @Arg('consortiumId', () => ID) _consortiumId: string, @Arg('specialtyId', () => ID) _specialtyId: string,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): QueueChange {
    return ctx.services.consultationQueue.change(event);
  }

  @Subscription(() => ConsultationChange, {
    description: 'Every change to consultations you may see (optionally one consultation): requests, claims, sessions, opinions, escalations. Resumable with `after`',
    subscribe: subscribe<'consultation', { id?: string | null; after?: string | null }>(['consultation'], {
      where: (args) => {
        const only = args.id ? parseId(args.id, 'id') : null;
        return (e) => only === null || e.payload.consultationId === only;
      },
    }),
  })
  consultationChanged(@Root() event: TopicEvent<'consultation'>, @Arg('id', () => ID, { nullable: true }) _id?: string, @Arg('after', () => ID, { nullable: true }) _after?: string): ConsultationChange {
    return consultationChange(event);
  }

  @Subscription(() => QueuePosition, {
    description: "The request's place in its queue and its waiting time: now, after every change to the queue, and at least every CONSULT_POSITION_TICK_SECONDS",
    subscribe: async ({ args, context }: { args: { id: string }; context: HubContext }) => {
      const actor = context.actor;
      if (!actor) throw unauthenticated();
      const c = await context.services.consultations.get(actor, args.id);
      return positionFeed(context.bus, context.services.consultationQueue, actor, c.id, c, context.services.consultations.config.positionTickSeconds);
    },
  })
  consultationQueuePosition(@Root() position: QueuePosition, @Arg('id', () => ID) _id: string): QueuePosition {
    return position;
  }

  @FieldResolver(() => Department)
  specialty(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.loaders.department.load(c.specialtyId);
  }

  @FieldResolver(() => Consortium)
  consortium(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortium.load(c.consortiumId);
  }

  @FieldResolver(() => Hospital)
  requestingHospital(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(c.requestingHospitalId);
  }

  @FieldResolver(() => Person, { description: 'The township doctor who asked' })
  requestedBy(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(c.requestedById);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The specialist who took it' })
  specialist(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return c.specialistId ? ctx.loaders.person.load(c.specialistId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The scheduler who assigned it, when it was assigned' })
  assignedBy(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return c.assignedById ? ctx.loaders.person.load(c.assignedById) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless you may see the clinical part (requesting hospital, its specialist)' })
  clinicalSummary(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.mayReadClinical(ctx.actor, c) ? c.clinicalSummary : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless you may see the clinical part' })
  question(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.mayReadClinical(ctx.actor, c) ? c.question : null;
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'Null unless you may see the clinical part; every read is audited' })
  patient(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.mayReadClinical(ctx.actor, c) ? ctx.loaders.visiblePatient.load(c.patientId) : null;
  }

  @FieldResolver(() => ConsultationOpinion, { nullable: true, description: 'The opinion, once written (null unless you may see the clinical part)' })
  opinion(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.mayReadClinical(ctx.actor, c) ? ctx.loaders.opinionOfConsultation.load(c.id) : null;
  }

  @FieldResolver(() => [ConsultationAttachment], { nullable: true, description: 'Exam results (metadata; download each at downloadPath). Null unless you may see the clinical part' })
  attachments(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.mayReadClinical(ctx.actor, c) ? ctx.loaders.attachmentsOfConsultation.load(c.id) : null;
  }

  @FieldResolver(() => Date, { description: 'When an unclaimed request is escalated to the schedulers' })
  claimDeadlineAt(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.rule.deadlineAt(c.urgency, c.requestedAt);
  }

  @FieldResolver(() => Urgency, { description: 'The urgency it ranks with in the queue now (see ConsultationQueue.rule)' })
  effectiveUrgency(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.consultations.rule.effectiveUrgency(c.urgency, c.requestedAt, new Date());
  }
}

@Resolver(() => ConsultationAttachment)
export class ConsultationAttachmentResolver {
  @FieldResolver(() => String, { description: 'GET this path (with the bearer token) to download; every download is audited' })
  downloadPath(@Root() a: ConsultationAttachment) {
    return `/attachments/${a.id}`;
  }
}

@Resolver(() => ConsultationOpinion)
export class ConsultationOpinionResolver {
  @FieldResolver(() => Person)
  author(@Root() o: ConsultationOpinion, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(o.authorId);
  }
}

@Resolver(() => QueueEntry)
export class QueueEntryResolver {
  @FieldResolver(() => Hospital)
  requestingHospital(@Root() e: QueueEntry, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(e.requestingHospitalId);
  }

  @FieldResolver(() => Department)
  specialty(@Root() e: QueueEntry, @Ctx() ctx: HubContext) {
    return ctx.loaders.department.load(e.specialtyId);
  }
}
