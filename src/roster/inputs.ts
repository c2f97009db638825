import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { says } from '../i18n/validation';
import { DemandState, OptimizeMethod, SessionTime } from './kinds';

// Refusals are catalogue sentences (said in the reader's language); `field` is the path said in them.
const idPattern = (field: string) => Matches(/^\d{1,10}$/, says('validation.id', { field }, { each: true }));
const datePattern = (field: string) => Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date', { field }, { each: true }));
const atLeast = (n: number, field: string) => Min(n, says('validation.min', { field, min: n }));
const atMost = (n: number, field: string) => Max(n, says('validation.max', { field, max: n }));
/** 1 = Monday … 7 = Sunday, each at most once. */
function weekdaysRule(field: string): PropertyDecorator {
  const rules = [
    Min(1, says('validation.weekdays', { field }, { each: true })),
    Max(7, says('validation.weekdays', { field }, { each: true })),
    ArrayMaxSize(7, says('validation.arrayMaxSize', { field, max: 7 })),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
const reasonRule = (field: string) => Length(2, 500, says('validation.length', { field, min: 2, max: 500 }));

@InputType({ description: 'Limits for going out; every limit must be at least 1' })
export class AvailabilityLimitsInput {
  @Field(() => Int) @atLeast(1, 'limits.maxDaysPerMonth') @atMost(31, 'limits.maxDaysPerMonth') maxDaysPerMonth: number;
  @Field(() => Int) @atLeast(1, 'limits.maxConsecutiveDays') @atMost(31, 'limits.maxConsecutiveDays') maxConsecutiveDays: number;
  @Field(() => Float, { nullable: true, description: 'Straight-line km from the home hospital' })
  @IsOptional() @Min(0.1, says('validation.positive', { field: 'limits.maxTravelKm' })) @atMost(1000, 'limits.maxTravelKm') maxTravelKm?: number | null;
  @Field(() => Int, { nullable: true, description: 'Travel time from the home hospital, estimated from distance at about 0.51 straight-line km per minute' })
  @IsOptional() @atLeast(1, 'limits.maxTravelMinutes') @atMost(1440, 'limits.maxTravelMinutes') maxTravelMinutes?: number | null;
}

@InputType({ description: 'Dates from `from` to `to` (both included), optionally only some weekdays' })
export class DateRangeInput {
  @Field() @datePattern('from') from: string;
  @Field() @datePattern('to') to: string;
  @Field(() => [Int], { defaultValue: [], description: '1 = Monday … 7 = Sunday; empty means every day' })
  @weekdaysRule('weekdays') weekdays: number[];
  @Field({ nullable: true }) @IsOptional() @MaxLength(200, says('validation.maxLength', { max: 200 })) note?: string;
}

@InputType()
export class RecordAvailabilityInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to yourself (specialists); schedulers name the specialist' })
  @IsOptional() @idPattern('specialistId') specialistId?: string | null;
  @Field(() => AvailabilityLimitsInput, { nullable: true, description: 'Required the first time; replaces the limits when given' }) @IsOptional() @ValidateNested() limits?: AvailabilityLimitsInput | null;
  @Field(() => [DateRangeInput], { defaultValue: [] }) @ValidateNested({ each: true }) @ArrayMaxSize(100, says('validation.arrayMaxSize', { max: 100 })) available: DateRangeInput[];
  @Field(() => [DateRangeInput], { defaultValue: [], description: 'Days they cannot go out; these win over available days' })
  @ValidateNested({ each: true }) @ArrayMaxSize(100, says('validation.arrayMaxSize', { max: 100 })) unavailable: DateRangeInput[];
}

@InputType()
export class HostSettingsInput {
  @Field(() => ID) @idPattern('hostId') hostId: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @atLeast(1, 'dailyCapacity') @atMost(50, 'dailyCapacity') dailyCapacity?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @atLeast(5, 'slotMinutes') @atMost(240, 'slotMinutes') slotMinutes?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @atLeast(1, 'slotsPerSession') @atMost(100, 'slotsPerSession') slotsPerSession?: number;
}

@InputType()
export class RequestDemandInput {
  @Field(() => ID, { description: 'The consortium whose schedulers should cover it' }) @idPattern('consortiumId') consortiumId: string;
  @Field(() => ID, { description: 'The host hospital (township, community or secondary)' }) @idPattern('hostId') hostId: string;
  @Field(() => ID) @idPattern('specialtyId') specialtyId: string;
  @Field(() => Int, { description: 'Expert-days wanted in the period' }) @atLeast(1, 'expertDays') @atMost(1000, 'expertDays') expertDays: number;
  @Field() @datePattern('periodStart') periodStart: string;
  @Field({ description: 'Included' }) @datePattern('periodEnd') periodEnd: string;
  @Field(() => [Int], { defaultValue: [] }) @weekdaysRule('preferredWeekdays') preferredWeekdays: number[];
  @Field(() => SessionTime) session: SessionTime;
  @Field(() => Int, { description: '1 (lowest) … 5 (highest)' }) @atLeast(1, 'priority') @atMost(5, 'priority') priority: number;
  @Field({ defaultValue: false, description: 'The host also receives experts on statutory holidays (法定节假日); otherwise the optimizer leaves them empty' })
  includeHolidays: boolean;
}

@InputType()
export class DecideDemandInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true, description: 'Required when declining or withdrawing' }) @IsOptional() @reasonRule('reason') reason?: string;
}

@InputType()
export class CreateRosterInput {
  @Field(() => ID) @idPattern('consortiumId') consortiumId: string;
  @Field() @datePattern('periodStart') periodStart: string;
  @Field({ description: 'Included; at most 92 days after periodStart' }) @datePattern('periodEnd') periodEnd: string;
}

@InputType({ description: 'Place a specialist at the host of a demand on one or more dates (several consecutive dates make a 蹲点 stay)' })
export class AssignSpecialistInput {
  @Field(() => ID) @idPattern('rosterId') rosterId: string;
  @Field(() => ID) @idPattern('specialistId') specialistId: string;
  @Field(() => ID) @idPattern('demandId') demandId: string;
  @Field(() => [String]) @ArrayMinSize(1, says('validation.arrayMinSize', { min: 1 })) @ArrayMaxSize(31, says('validation.arrayMaxSize', { max: 31 })) @datePattern('dates') dates: string[];
  @Field({ defaultValue: true, description: 'Pinned assignments are kept when the optimizer runs again' }) pinned: boolean;
}

@InputType({ description: 'Move an assignment to another date and/or hand it to another specialist (the session stays that of the demand)' })
export class MoveAssignmentInput {
  @Field(() => ID) @idPattern('assignmentId') assignmentId: string;
  @Field({ nullable: true }) @IsOptional() @datePattern('date') date?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('specialistId') specialistId?: string;
  @Field() @reasonRule('reason') reason: string;
}

@InputType()
export class RemoveAssignmentInput {
  @Field(() => ID) @idPattern('assignmentId') assignmentId: string;
  @Field({ description: 'Told to the host, the specialist and every doctor whose booking is affected' }) @reasonRule('reason') reason: string;
}

@InputType()
export class StartOptimizationInput {
  @Field(() => ID) @idPattern('rosterId') rosterId: string;
  @Field(() => Int, { defaultValue: 1, description: 'Same input and seed give the same roster' }) @atLeast(0, 'seed') @atMost(2_147_483_647, 'seed') seed: number;
  @Field(() => OptimizeMethod, { defaultValue: OptimizeMethod.AUTO }) method: OptimizeMethod;
  @Field(() => Int, { defaultValue: 60, description: 'Wall-clock budget; a run cut short by it may differ between runs' })
  @atLeast(1, 'timeLimitSeconds') @atMost(3600, 'timeLimitSeconds') timeLimitSeconds: number;
  @Field(() => Int, { nullable: true, description: 'Local-search moves (default grows with the instance); the budget, not the clock, ends a normal run' })
  @IsOptional() @atLeast(0, 'iterations') @atMost(100_000_000, 'iterations') iterations?: number | null;
}

@ArgsType()
export class DemandFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('consortiumId') consortiumId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('hostId') hostId?: string;
  @Field(() => DemandState, { nullable: true }) state?: DemandState;
}

@ArgsType()
export class DateWindow {
  @Field({ nullable: true, description: 'YYYY-MM-DD; default today' }) @IsOptional() @datePattern('from') from?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, included; default 62 days after `from`' }) @IsOptional() @datePattern('to') to?: string;
}
