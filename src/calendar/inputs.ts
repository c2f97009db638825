import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CalendarOverrideKind } from './entities';

@InputType({ description: 'Mark one date as a holiday or a worked day, over what the published calendar says' })
export class SetCalendarDayInput {
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date written YYYY-MM-DD' }) date: string;
  @Field(() => CalendarOverrideKind) kind: CalendarOverrideKind;
  @Field({ description: 'Chinese name, e.g. 春节 or 春节调休' }) @Length(1, 40, { message: 'nameZh must be 1 to 40 characters' }) nameZh: string;
  @Field(() => String, { nullable: true, description: 'English name; defaults to nameZh' }) @IsOptional() @Length(1, 80, { message: 'nameEn must be 1 to 80 characters' }) nameEn?: string | null;
}
