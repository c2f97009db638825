/** The state machines of clinic sessions and bookings (the shape of src/state-machine.ts). */
import { type Machine } from '../state-machine';
import { BookingState, ClinicSessionState } from './kinds';

export const SESSION_TRANSITIONS: Machine<ClinicSessionState> = {
  OPEN: [ClinicSessionState.CANCELLED, ClinicSessionState.CLOSED],
  CANCELLED: [],
  CLOSED: [],
};

export const BOOKING_TRANSITIONS: Machine<BookingState> = {
  BOOKED: [BookingState.CANCELLED, BookingState.MOVED, BookingState.NEEDS_REBOOKING],
  // A flagged booking is settled by the doctor: re-booked elsewhere, or given up.
  NEEDS_REBOOKING: [BookingState.REBOOKED, BookingState.CANCELLED],
  CANCELLED: [],
  MOVED: [],
  REBOOKED: [],
};
