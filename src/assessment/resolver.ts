import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Hospital } from '../consortium/entities';
import type { HubContext } from '../graphql/context';
import { AssessmentArgs, ConsortiumAssessment, HostExpertDays } from './report';

@Resolver(() => ConsortiumAssessment)
export class AssessmentResolver {
  @Query(() => ConsortiumAssessment, { description: '考核: referral balance, consultation waiting, expert-days and slot use of a consortium in a period (administrators, its schedulers)' })
  consortiumAssessment(@Args() args: AssessmentArgs, @Ctx() ctx: HubContext) {
    return ctx.services.assessment.assess(ctx.actor, args);
  }
}

@Resolver(() => HostExpertDays)
export class HostExpertDaysResolver {
  @FieldResolver(() => Hospital)
  hospital(@Root() h: HostExpertDays, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(h.hospitalId);
  }
}
