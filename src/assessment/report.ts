import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Matches } from 'class-validator';
import { Urgency } from '../consult/states';
import { says } from '../i18n/validation';

@ArgsType()
export class AssessmentArgs {
  @Field(() => ID) @Matches(/^\d{1,10}$/, says('validation.id')) consortiumId: string;
  @Field({ description: 'First day of the period, YYYY-MM-DD (China Standard Time)' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date')) from: string;
  @Field({ description: 'Last day of the period, included, YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date')) to: string;
}

@ObjectType({ description: 'Referrals proposed in the period (cancelled ones are counted apart)' })
export class ReferralFigures {
  @Field(() => Int, { description: '上转: UP referrals, not cancelled' }) up: number;
  @Field(() => Int, { description: '下转: DOWN referrals, not cancelled' }) down: number;
  @Field(() => Float, { nullable: true, description: 'up ÷ down; null when there were no DOWN referrals' }) upDownRatio: number | null;
  @Field(() => Int, { description: 'UP referrals through the green channel' }) greenChannel: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) declined: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Int, { description: 'Citing no catalogue criterion (written justification only)' }) withoutCriterion: number;
  @Field(() => Float, { nullable: true, description: 'Median hours from proposal to acceptance, over the accepted ones' }) medianHoursToAccept: number | null;
  @Field(() => [CriterionCount], { description: 'The criteria cited most often (at most ten, most cited first), over referrals not cancelled' }) topCriteria: CriterionCount[];
}

@ObjectType({ description: 'How many referrals of the period cite one criterion' })
export class CriterionCount {
  @Field(() => ID) criterionId: number;
  @Field(() => Int) referrals: number;
}

@ObjectType({ description: 'Consultations requested in the period, of one urgency' })
export class ConsultationUrgencyFigures {
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => Int) requested: number;
  @Field(() => Int, { description: 'Taken by a specialist (claimed or assigned) at least once' }) claimed: number;
  @Field(() => Float, { nullable: true, description: 'Median seconds from request to first claim' }) waitToClaimP50Seconds: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile of seconds from request to first claim' }) waitToClaimP90Seconds: number | null;
  @Field(() => Int, { description: 'The claim deadline in force (configuration)' }) deadlineSeconds: number;
  @Field(() => Int, { description: 'Waited longer than the deadline before the first claim (or before cancellation, or until now while still waiting)' }) deadlineBreaches: number;
  @Field(() => Int, { description: 'ESCALATED events in the event log for these requests' }) escalations: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) cancelled: number;
}

@ObjectType({ description: 'Expert-days at one host hospital' })
export class HostExpertDays {
  @Field(() => ID) hospitalId: number;
  @Field(() => Float, { description: 'Expert-days the host asked for (rotation demands, prorated to the period)' }) demanded: number;
  @Field(() => Int, { description: 'Expert-days of published rosters that took place (dates up to today)' }) delivered: number;
}

@ObjectType({ description: 'Figures that come from the roster area (rotation demands, rosters, clinic sessions)' })
export class RosterFigures {
  @Field({ description: 'False while the roster tables are not there: the numbers are then null, never invented' }) available: boolean;
  @Field(() => String, { nullable: true, description: 'Why the figures are unavailable' }) reason: string | null;
  @Field(() => [HostExpertDays], { nullable: true }) hosts: HostExpertDays[] | null;
  @Field(() => Float, { nullable: true }) totalDemanded: number | null;
  @Field(() => Int, { nullable: true }) totalDelivered: number | null;
  @Field(() => Int, { nullable: true, description: 'Bookable slots of clinic sessions held (not cancelled) in the period' }) slots: number | null;
  @Field(() => Int, { nullable: true, description: 'Of those, slots with a patient booked' }) bookedSlots: number | null;
  @Field(() => Float, { nullable: true, description: 'bookedSlots ÷ slots' }) slotUtilisation: number | null;
}

@ObjectType({ description: '考核: how a consortium performed in a period, computed from the records and the event log' })
export class ConsortiumAssessment {
  @Field(() => ID) consortiumId: number;
  @Field() from: string;
  @Field() to: string;
  @Field(() => ReferralFigures) referrals: ReferralFigures;
  @Field(() => [ConsultationUrgencyFigures], { description: 'One entry per urgency' }) consultations: ConsultationUrgencyFigures[];
  @Field(() => RosterFigures, { description: 'Expert-days delivered against demanded per host, and slot utilisation' }) roster: RosterFigures;
}
