/** GraphQL shapes of clinic sessions and bookings that are not tables: slot views and pushed changes. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Change } from '../graphql/subscribe';
import { ClinicSessionState } from './kinds';

@ObjectType({ description: 'A bookable slot and whether it is taken (who took it is visible only to that patient\'s doctors)' })
export class ClinicSlotView {
  @Field(() => ID) id: number;
  @Field(() => Int) position: number;
  @Field() startsAt: string;
  @Field() booked: boolean;
}

@ObjectType()
export class ClinicSessionChange extends Change {
  @Field(() => ID) sessionId: number;
  @Field(() => ID) hostId: number;
  @Field(() => ID) specialistId: number;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Int, { nullable: true, description: 'For CANCELLED: bookings moved to an equivalent session' }) moved: number | null;
  @Field(() => Int, { nullable: true, description: 'For CANCELLED: bookings flagged NEEDS_REBOOKING' }) flagged: number | null;
}

@ObjectType({ description: "A change of a session's free slots" })
export class SlotAvailabilityChange extends Change {
  @Field(() => ID) sessionId: number;
  @Field(() => ClinicSessionState) state: ClinicSessionState;
  @Field(() => Int) free: number;
  @Field(() => Int) capacity: number;
}

@ObjectType({ description: "A change to a booking of one of your hospital's patients" })
export class BookingChange extends Change {
  @Field(() => ID) bookingId: number;
  @Field(() => ID, { nullable: true, description: 'For MOVED and REBOOKED: the booking that continues it' }) newBookingId: number | null;
  @Field(() => ID) patientId: number;
  @Field(() => ID, { nullable: true }) sessionId: number | null;
  @Field(() => ID, { nullable: true }) fromSessionId: number | null;
  @Field(() => ID, { nullable: true }) toSessionId: number | null;
}
