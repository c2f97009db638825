import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Consortium, Department, Hospital, Patient, Person } from '../consortium/entities';
import { Consultation } from '../consult/entities';
import { DomainError } from '../errors';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import { Referral, ReferralCriterion } from './entities';
import { ReferralChange, referralChange } from './events';
import {
  AcceptReferralInput, CreateReferralCriterionInput, CriteriaFilter, ProposeReferralInput, ReferFromConsultationInput, ReferralFilter, ReferralReasonInput, UpdateReferralCriterionInput,
} from './inputs';

@ObjectType() export class ReferralConnection extends Connection(Referral) {}

/** A linked record the reader may not see (or that is gone) shows as null; anything else (a database outage) is an error. */
function nullWhenNotVisible(error: unknown): null {
  if (error instanceof DomainError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
  throw error;
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, { description: 'A referral you sent or that comes to your hospital' })
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.get(ctx.actor, id);
  }

  @Query(() => ReferralConnection, { description: 'Referrals you sent and those coming to your hospital' })
  async referrals(@Args() filter: ReferralFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new ReferralConnection(), await ctx.services.referrals.list(ctx.actor, filter, page));
  }

  @Mutation(() => Referral, { description: 'Doctors: refer a patient UP (to a higher tier) or DOWN (back to a grassroots hospital, with a care plan)' })
  proposeReferral(@Arg('input') input: ProposeReferralInput, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.propose(ctx.actor, input);
  }

  @Mutation(() => Referral, { description: 'The requesting doctor: an UP referral prefilled from a consultation whose opinion recommends it' })
  referFromConsultation(@Arg('input') input: ReferFromConsultationInput, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.referFromConsultation(ctx.actor, input);
  }

  @Mutation(() => Referral, { description: 'Doctors of the receiving hospital' })
  acceptReferral(@Arg('input') input: AcceptReferralInput, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.accept(ctx.actor, input);
  }

  @Mutation(() => Referral, { description: 'Doctors of the receiving hospital, with a reason' })
  declineReferral(@Arg('input') input: ReferralReasonInput, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.decline(ctx.actor, input);
  }

  @Mutation(() => Referral, { description: 'Doctors of the receiving hospital: the patient has arrived' })
  markReferralArrived(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.arrive(ctx.actor, id);
  }

  @Mutation(() => Referral, { description: 'Doctors of the receiving hospital: the episode of care is finished' })
  completeReferral(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.complete(ctx.actor, id);
  }

  @Mutation(() => Referral, { description: 'The sending doctor, with a reason (before the patient arrives)' })
  cancelReferral(@Arg('input') input: ReferralReasonInput, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.cancel(ctx.actor, input);
  }

  @Subscription(() => ReferralChange, {
    description: 'Referrals you may see, as they change; `incomingOnly` for those coming to your hospital. Resumable with `after`',
    subscribe: subscribe<'referral', { incomingOnly?: boolean; after?: string | null }>(['referral'], {
      where: (args, actor) => (e) => !args.incomingOnly || e.payload.toHospitalId === actor.hospitalId,
    }),
  })
  referralChanged(@Root() event: TopicEvent<'referral'>, @Arg('incomingOnly', { defaultValue: false }) _incomingOnly: boolean, @Arg('after', () => ID, { nullable: true }) _after?: string): ReferralChange {
    return referralChange(event);
  }

  @FieldResolver(() => Patient, { description: 'Every read is audited' })
  patient(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.visiblePatient.load(r.patientId);
  }

  @FieldResolver(() => [ReferralCriterion], { description: 'Catalogue criteria the referral cites' })
  criteria(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.criteriaOfReferral.load(r.id);
  }

  @FieldResolver(() => Consortium)
  consortium(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortium.load(r.consortiumId);
  }

  @FieldResolver(() => Hospital)
  fromHospital(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(r.fromHospitalId);
  }

  @FieldResolver(() => Hospital)
  toHospital(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(r.toHospitalId);
  }

  @FieldResolver(() => Department, { nullable: true })
  toDepartment(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return r.toDepartmentId ? ctx.loaders.department.load(r.toDepartmentId) : null;
  }

  @FieldResolver(() => Person, { description: 'The sending doctor' })
  referredBy(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(r.referredById);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who accepted or declined it' })
  respondedBy(@Root() r: Referral, @Ctx() ctx: HubContext) {
    return r.respondedById ? ctx.loaders.person.load(r.respondedById) : null;
  }

  @FieldResolver(() => Consultation, { nullable: true, description: 'The consultation it came from, when you may see it' })
  async sourceConsultation(@Root() r: Referral, @Ctx() ctx: HubContext) {
    if (!r.sourceConsultationId) return null;
    return ctx.services.consultations.get(ctx.actor, r.sourceConsultationId).catch(nullWhenNotVisible);
  }
}

@Resolver(() => ReferralChange)
export class ReferralChangeResolver {
  @FieldResolver(() => Referral, { nullable: true })
  referral(@Root() change: ReferralChange, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.get(ctx.actor, change.referralId).catch(nullWhenNotVisible);
  }
}

@Resolver(() => Consultation)
export class ConsultationReferralsResolver {
  @FieldResolver(() => [Referral], { description: 'Referrals made from this consultation that you may see' })
  referrals(@Root() c: Consultation, @Ctx() ctx: HubContext) {
    return ctx.services.referrals.ofConsultation(ctx.actor, c.id);
  }
}

@Resolver(() => ReferralCriterion)
export class ReferralCriterionResolver {
  @Query(() => [ReferralCriterion], { description: '转诊标准: the referral criteria catalogue' })
  referralCriteria(@Args() filter: CriteriaFilter, @Ctx() ctx: HubContext) {
    return ctx.services.referralCriteria.list(ctx.actor, filter);
  }

  @Mutation(() => ReferralCriterion, { description: 'Administrators only' })
  createReferralCriterion(@Arg('input') input: CreateReferralCriterionInput, @Ctx() ctx: HubContext) {
    return ctx.services.referralCriteria.create(ctx.actor, input);
  }

  @Mutation(() => ReferralCriterion, { description: 'Administrators only; active: false retires a criterion' })
  updateReferralCriterion(@Arg('input') input: UpdateReferralCriterionInput, @Ctx() ctx: HubContext) {
    return ctx.services.referralCriteria.update(ctx.actor, input);
  }

  @FieldResolver(() => Department, { nullable: true })
  specialty(@Root() c: ReferralCriterion, @Ctx() ctx: HubContext) {
    return c.specialtyId ? ctx.loaders.department.load(c.specialtyId) : null;
  }
}
