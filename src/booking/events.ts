/** Clinic-session, slot and booking events: what they carry (typed in events/topics.ts) and what subscribers get. */
import type { ClinicSessionSubject } from '../auth/policy';
import type { EventPayload, TopicEvent } from '../events/topics';
import { changeFields } from '../graphql/subscribe';
import { SessionTime } from '../roster/kinds';
import { ClinicSessionState } from './kinds';
import { BookingChange, ClinicSessionChange, SlotAvailabilityChange } from './views';

/** Who hears about a session: the host, its consortia's doctors and schedulers, the specialist. */
export interface SessionAudience extends ClinicSessionSubject { sessionId: number }

export interface ClinicSessionEvent extends EventPayload, SessionAudience {
  date: string; session: SessionTime; rosterId: number;
  /** For CANCELLED: why, and what happened to its bookings. */
  reason?: string; moved?: number; flagged?: number;
}

export interface SlotsEvent extends EventPayload, SessionAudience { state: ClinicSessionState; free: number; capacity: number }

/** Ids only; the patient's hospital decides who hears it. */
export interface BookingEvent extends EventPayload {
  bookingId: number; hospitalId: number; patientId: number;
  sessionId?: number; newBookingId?: number; fromSessionId?: number; toSessionId?: number;
}

declare module '../events/topics' {
  interface TopicPayloads {
    'clinic-session': ClinicSessionEvent;
    slots: SlotsEvent;
    booking: BookingEvent;
  }
}

export const slotAvailabilityChange = (e: TopicEvent<'slots'>): SlotAvailabilityChange =>
  Object.assign(new SlotAvailabilityChange(), changeFields(e), { sessionId: e.payload.sessionId, state: e.payload.state, free: e.payload.free, capacity: e.payload.capacity });

export const clinicSessionChange = (e: TopicEvent<'clinic-session'>): ClinicSessionChange => {
  const p = e.payload;
  return Object.assign(new ClinicSessionChange(), changeFields(e), {
    sessionId: p.sessionId, hostId: p.hostId, specialistId: p.specialistId, date: p.date ?? null, reason: p.reason ?? null, moved: p.moved ?? null, flagged: p.flagged ?? null,
  });
};

export const bookingChange = (e: TopicEvent<'booking'>): BookingChange => {
  const p = e.payload;
  return Object.assign(new BookingChange(), changeFields(e), {
    bookingId: p.bookingId, newBookingId: p.newBookingId ?? null, patientId: p.patientId, sessionId: p.sessionId ?? null,
    fromSessionId: p.fromSessionId ?? null, toSessionId: p.toSessionId ?? null,
  });
};
