import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Department, Hospital, Patient, Person } from '../consortium/entities';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import { parseId } from '../ids';
import { say } from '../i18n/translate';
import type { HubContext } from '../graphql/context';
import { Roster, RosterAssignment } from '../roster/entities';
import { DateWindow } from '../roster/inputs';
import { Booking, ClinicSession } from './entities';
import { bookingChange, clinicSessionChange, slotAvailabilityChange } from './events';
import { BookSlotInput, CancelBookingInput, RebookInput } from './inputs';
import { BookingChange, ClinicSessionChange, ClinicSlotView, SlotAvailabilityChange } from './views';

const asView = <T extends object>(cls: new () => T, value: object): T => Object.assign(new cls(), value);

@Resolver(() => ClinicSession)
export class ClinicSessionResolver {
  @Query(() => ClinicSession, { description: 'A clinic session with its slots; `cursor` is for sessionSlots' })
  async clinicSession(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    const { session, cursor } = await ctx.services.bookings.session(ctx.actor, id);
    return Object.assign(session, { cursor });
  }

  @Query(() => [ClinicSession], { description: "A host's upcoming open sessions (default from today for about two months)" })
  hostSessions(@Arg('hostId', () => ID) hostId: string, @Args() window: DateWindow, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.hostSessions(ctx.actor, hostId, window.from, window.to);
  }

  @Subscription(() => SlotAvailabilityChange, {
    subscribe: subscribe<'slots', { sessionId: string; after?: string | null }>(['slots'], {
      where: (args) => {
        const sessionId = parseId(args.sessionId, 'sessionId');
        return (e) => e.payload.sessionId === sessionId;
      },
    }),
    description: 'Free slots of one session after every booking, cancellation or amendment; resumable with `after` (clinicSession.cursor)',
  })
  sessionSlots(@Root() e: TopicEvent<'slots'>, @Arg('sessionId', () => ID) _sessionId: string, @Arg('after', () => ID, { nullable: true }) _after?: string): SlotAvailabilityChange {
    return slotAvailabilityChange(e);
  }

  @Subscription(() => ClinicSessionChange, {
    subscribe: subscribe<'clinic-session', { hostId?: string | null; after?: string | null }>(['clinic-session'], {
      where: (args) => {
        const hostId = args.hostId ? parseId(args.hostId, 'hostId') : null;
        return (e) => hostId === null || e.payload.hostId === hostId;
      },
    }),
    description: 'Sessions opened or cancelled at the hosts you may see (optionally one host); resumable with `after`',
  })
  clinicSessionChanged(@Root() e: TopicEvent<'clinic-session'>, @Arg('hostId', () => ID, { nullable: true }) _hostId?: string, @Arg('after', () => ID, { nullable: true }) _after?: string): ClinicSessionChange {
    return clinicSessionChange(e);
  }

  @FieldResolver(() => Hospital)
  host(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(s.hostHospitalId);
  }

  @FieldResolver(() => Person)
  specialist(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(s.specialistId);
  }

  @FieldResolver(() => Department)
  specialty(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.loaders.department.load(s.specialtyId);
  }

  @FieldResolver(() => Roster)
  roster(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.loaders.roster.load(s.rosterId);
  }

  @FieldResolver(() => [ClinicSlotView])
  async slots(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.slotsOfSession.load(s.id)).map((v) => asView(ClinicSlotView, v));
  }

  @FieldResolver(() => Int, { description: 'Slots still free (0 once cancelled or closed)' })
  async freeSlots(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    if (s.state !== 'OPEN') return 0;
    return (await ctx.loaders.slotsOfSession.load(s.id)).filter((v) => !v.booked).length;
  }

  @FieldResolver(() => [Booking], { description: 'Everyone booked into this session, by slot, with what for: for its visiting specialist (empty for anyone else); audited' })
  bookings(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.bookingsForSpecialist(ctx.actor, s);
  }

  @FieldResolver(() => [Booking], { description: "Bookings in this session of your own hospital's patients (doctors only)" })
  myBookings(@Root() s: ClinicSession, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.bookingsOfSession(ctx.actor, s.id);
  }
}

@Resolver(() => Booking)
export class BookingResolver {
  @Query(() => Booking)
  booking(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.booking(ctx.actor, id);
  }

  @Query(() => [Booking], { description: "A patient's bookings, newest first (doctors of the patient's hospital)" })
  patientBookings(@Arg('patientId', () => ID) patientId: string, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.patientBookings(ctx.actor, patientId);
  }

  @Query(() => [Booking], { description: "Your hospital's bookings that an amendment flagged NEEDS_REBOOKING" })
  bookingsNeedingRebooking(@Ctx() ctx: HubContext) {
    return ctx.services.bookings.needingRebooking(ctx.actor);
  }

  @Mutation(() => Booking, { description: "Township doctors: book a patient of their hospital into a slot (the earliest free one by default). CONFLICT names the session when it is full" })
  async bookClinicSlot(@Arg('input') input: BookSlotInput, @Ctx() ctx: HubContext) {
    const { booking, slot, session } = await ctx.services.bookings.book(ctx.actor, input);
    // The answer's slot and session as the booking read them: no read after the commit.
    return Object.assign(booking, { slot, clinicSession: session });
  }

  @Mutation(() => Booking, { description: 'Cancel a booking (or give up a flagged one); the slot is free again' })
  cancelBooking(@Arg('input') input: CancelBookingInput, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.cancel(ctx.actor, input);
  }

  @Mutation(() => Booking, { description: 'Book a NEEDS_REBOOKING booking into another session; returns the new booking' })
  rebookBooking(@Arg('input') input: RebookInput, @Ctx() ctx: HubContext) {
    return ctx.services.bookings.rebook(ctx.actor, input);
  }

  @Subscription(() => BookingChange, { subscribe: subscribe(['booking']), description: "Bookings of your hospital's patients: booked, cancelled, moved by an amendment or flagged for re-booking; resumable with `after`" })
  bookingChanged(@Root() e: TopicEvent<'booking'>, @Arg('after', () => ID, { nullable: true }) _after?: string): BookingChange {
    return bookingChange(e);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it was cancelled, moved or flagged; the hub\'s own reasons are said in your language' })
  reason(@Root() b: Booking, @Ctx() ctx: HubContext): string | null {
    return b.reasonMessage ? say(ctx.language, b.reasonMessage) : b.reason;
  }

  @FieldResolver(() => ClinicSession)
  clinicSession(@Root() b: Booking, @Ctx() ctx: HubContext) {
    return b.clinicSession ?? ctx.loaders.clinicSession.load(b.sessionId);
  }

  @FieldResolver(() => ClinicSlotView)
  async slot(@Root() b: Booking, @Ctx() ctx: HubContext) {
    const slot = b.slot ?? await ctx.loaders.clinicSlot.load(b.slotId);
    return asView(ClinicSlotView, { id: slot!.id, position: slot!.position, startsAt: slot!.startsAt, booked: true });
  }

  @FieldResolver(() => Patient, { description: 'Audited read, through the patient policy' })
  patient(@Root() b: Booking, @Ctx() ctx: HubContext) {
    return ctx.services.patients.get(ctx.actor, String(b.patientId));
  }

  @FieldResolver(() => Hospital)
  hospital(@Root() b: Booking, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(b.hospitalId);
  }
}

/** The clinic session an assignment opened: booking's side of a rotation assignment. */
@Resolver(() => RosterAssignment)
export class AssignmentSessionResolver {
  @FieldResolver(() => ClinicSession, { nullable: true, description: 'Once the roster is published' })
  clinicSession(@Root() a: RosterAssignment, @Ctx() ctx: HubContext) {
    return ctx.loaders.sessionOfAssignment.load(a.id);
  }
}
