import { IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { says } from '../i18n/validation';
import { CalendarOverrideKind } from './entities';

@InputType({ description: 'Mark one date as a holiday or a worked day, over what the published calendar says' })
export class SetCalendarDayInput {
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date')) date: string;
  @Field(() => CalendarOverrideKind) kind: CalendarOverrideKind;
  @Field({ description: 'Chinese name, e.g. 春节 or 春节调休' }) @Length(1, 40, says('validation.length', { min: 1, max: 40 })) nameZh: string;
  @Field(() => String, { nullable: true, description: 'English name; defaults to nameZh' }) @IsOptional() @Length(1, 80, says('validation.length', { min: 1, max: 80 })) nameEn?: string | null;
}

@InputType({ description: "Block time in a specialist's calendar (nothing else can be placed there)" })
export class BlockTimeInput {
  @Field(() => ID) @Matches(/^\d{1,10}$/, says('validation.id')) specialistId: string;
  @Field() startsAt: Date;
  @Field({ description: 'After startsAt, at most 31 days later' }) endsAt: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200, says('validation.length', { min: 1, max: 200 })) note?: string | null;
}

@ArgsType()
export class CalendarWindow {
  @Field(() => ID) @Matches(/^\d{1,10}$/, says('validation.id')) specialistId: string;
  @Field() from: Date;
  @Field({ description: 'At most 92 days after from' }) to: Date;
}
