import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Hospital } from '../consortium/entities';
import { ReferralCriterion } from '../referral/entities';
import type { HubContext } from '../graphql/context';
import { AssessmentRecord, AssessmentRecordsArgs } from './records';
import { AssessmentArgs, ConsortiumAssessment, CriterionCount, HostExpertDays } from './report';

@Resolver(() => ConsortiumAssessment)
export class AssessmentResolver {
  @Query(() => ConsortiumAssessment, { description: '考核: referral balance, consultation waiting, expert-days and slot use of a consortium in a period (administrators, its schedulers)' })
  consortiumAssessment(@Args() args: AssessmentArgs, @Ctx() ctx: HubContext) {
    return ctx.services.assessment.assess(ctx.actor, args);
  }

  @Query(() => [AssessmentRecord], { description: 'The records one figure of consortiumAssessment counts, oldest first (at most 1000; no patient data)' })
  assessmentRecords(@Args() args: AssessmentRecordsArgs, @Ctx() ctx: HubContext) {
    return ctx.services.assessmentRecords.list(ctx.actor, args);
  }
}

@Resolver(() => HostExpertDays)
export class HostExpertDaysResolver {
  @FieldResolver(() => Hospital)
  hospital(@Root() h: HostExpertDays, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(h.hospitalId);
  }
}

@Resolver(() => CriterionCount)
export class CriterionCountResolver {
  @FieldResolver(() => ReferralCriterion)
  async criterion(@Root() c: CriterionCount, @Ctx() ctx: HubContext) {
    return ctx.services.referralCriteria.byId(c.criterionId);
  }
}
