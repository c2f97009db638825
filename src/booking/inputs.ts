import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { says } from '../i18n/validation';

const idPattern = (field: string) => Matches(/^\d{1,10}$/, says('validation.id', { field }, { each: true }));
const reasonRule = (field: string) => Length(2, 500, says('validation.length', { field, min: 2, max: 500 }));

@InputType()
export class BookSlotInput {
  @Field(() => ID) @idPattern('sessionId') sessionId: string;
  @Field(() => ID) @idPattern('patientId') patientId: string;
  @Field(() => ID, { nullable: true, description: 'A particular slot; by default the earliest free one' }) @IsOptional() @idPattern('slotId') slotId?: string | null;
  @Field(() => String, { nullable: true, description: 'What the patient comes for (e.g. 复诊：血压控制), shown to the visiting specialist' }) @IsOptional() @reasonRule('purpose') purpose?: string | null;
}

@InputType()
export class CancelBookingInput {
  @Field(() => ID) @idPattern('bookingId') bookingId: string;
  @Field({ nullable: true }) @IsOptional() @reasonRule('reason') reason?: string;
}

@InputType({ description: 'Book a flagged (NEEDS_REBOOKING) booking into another session' })
export class RebookInput {
  @Field(() => ID) @idPattern('bookingId') bookingId: string;
  @Field(() => ID) @idPattern('sessionId') sessionId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('slotId') slotId?: string | null;
  @Field({ defaultValue: false, description: 'Must be true when the session is of another specialty than the flagged booking (the doctor confirms the change)' })
  confirmSpecialtyChange: boolean;
}
