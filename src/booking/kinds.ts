import { registerEnumType } from 'type-graphql';

export enum ClinicSessionState {
  OPEN = 'OPEN',
  CANCELLED = 'CANCELLED',
  CLOSED = 'CLOSED',
}
registerEnumType(ClinicSessionState, { name: 'ClinicSessionState' });

export enum BookingState {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
  MOVED = 'MOVED',
  NEEDS_REBOOKING = 'NEEDS_REBOOKING',
  REBOOKED = 'REBOOKED',
}
registerEnumType(BookingState, {
  name: 'BookingState',
  valuesConfig: {
    BOOKED: { description: 'Holds its slot' },
    CANCELLED: { description: 'Cancelled by a doctor; the slot is free again' },
    MOVED: { description: 'Its session was cancelled and the hub moved it to an equivalent session: see movedTo' },
    NEEDS_REBOOKING: { description: 'Its session was cancelled and no equivalent session had room: the township doctor must re-book' },
    REBOOKED: { description: 'A flagged booking the doctor has re-booked: see movedTo' },
  },
});
