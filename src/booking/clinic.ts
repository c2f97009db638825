/**
 * Clinic sessions and their slots, inside the caller's transaction: opening them when a roster
 * is published (or amended), cancelling them when an assignment goes, and moving or flagging
 * every booking a cancellation touches. Nothing here deletes a booking.
 */
import { EntityManager } from 'typeorm';
import { Department, Hospital, Person } from '../consortium/entities';
import { addMinutes, HALF_DAY_START, SESSION_HOURS, today } from '../roster/calendar';
import { bilingual, Message, message, say } from '../i18n/translate';
import { consortiaOfHospital } from '../roster/directory-facts';
import { HOST_DEFAULTS, HostSettings, RosterAssignment } from '../roster/entities';
import { SessionTime } from '../roster/kinds';
import { PendingEvents } from '../events/pending-events';
import { transition } from '../state-machine';
import { Booking, ClinicSession, ClinicSlot } from './entities';
import type { SessionAudience } from './events';
import { BookingState, ClinicSessionState } from './kinds';
import { BOOKING_TRANSITIONS, SESSION_TRANSITIONS } from './states';

export async function hostSettingsOf(m: EntityManager, hostId: number): Promise<{ dailyCapacity: number; slotMinutes: number; slotsPerSession: number }> {
  return (await m.findOneBy(HostSettings, { hospitalId: hostId })) ?? { ...HOST_DEFAULTS };
}

/** Who hears about a session: the host, its consortia's doctors and schedulers, the specialist. */
export async function sessionAudience(m: EntityManager, s: { id: number; hostHospitalId: number; specialistId: number }): Promise<SessionAudience> {
  return { sessionId: s.id, hostId: s.hostHospitalId, specialistId: s.specialistId, consortiumIds: await consortiaOfHospital(m, s.hostHospitalId) };
}

/** Opens the bookable session of an assignment: one slot series per half-day, as the host's settings say. */
export async function openSession(m: EntityManager, a: RosterAssignment, events: PendingEvents): Promise<ClinicSession> {
  const settings = await hostSettingsOf(m, a.hostHospitalId);
  const halves = SESSION_HOURS[a.session].halves;
  const session = await m.save(m.create(ClinicSession, {
    rosterId: a.rosterId, assignmentId: a.id, hostHospitalId: a.hostHospitalId, specialistId: a.specialistId, specialtyId: a.specialtyId,
    date: a.date, session: a.session, slotMinutes: settings.slotMinutes, slotCount: settings.slotsPerSession * halves.length, state: ClinicSessionState.OPEN,
  }));
  const slots = halves.flatMap((half, h) => Array.from({ length: settings.slotsPerSession }, (_, k) => ({
    sessionId: session.id, position: h * settings.slotsPerSession + k + 1, startsAt: addMinutes(HALF_DAY_START[half], k * settings.slotMinutes),
  })));
  await m.insert(ClinicSlot, slots);
  events.add('clinic-session', { action: 'OPENED', ...(await sessionAudience(m, session)), date: session.date, session: session.session, rosterId: session.rosterId });
  return session;
}

export async function freeSlotCount(m: EntityManager, sessionId: number): Promise<number> {
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM clinic_slot s WHERE s.session_id = $1 AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = s.id AND b.state = 'BOOKED')`,
    [sessionId],
  );
  return n;
}

/** The 'slots' event of a session, with its free count as this transaction leaves it. */
export async function slotEvent(m: EntityManager, session: ClinicSession, action: string, events: PendingEvents): Promise<void> {
  const free = session.state === ClinicSessionState.OPEN ? await freeSlotCount(m, session.id) : 0;
  events.add('slots', { action, ...(await sessionAudience(m, session)), state: session.state, free, capacity: session.slotCount });
}

/** The same description as a sentence to be said in the reader's language; `start`: at the start of a sentence. */
export async function sessionMessage(m: EntityManager, s: { hostHospitalId: number; specialistId: number; specialtyId: number; date: string; session: SessionTime }, start = false): Promise<Message> {
  // One statement for the three names: every refusal of a crowd of bookings says this sentence.
  const [names]: { host: string | null; specialist: string | null; specialtyZh: string | null; specialtyEn: string | null }[] = await m.query(
    `SELECT (SELECT name FROM hospital WHERE id = $1) AS host, (SELECT name FROM person WHERE id = $2) AS specialist,
            d.name_zh AS "specialtyZh", d.name_en AS "specialtyEn" FROM (SELECT 1) one LEFT JOIN department d ON d.id = $3`,
    [s.hostHospitalId, s.specialistId, s.specialtyId],
  );
  return message(start ? 'booking.sessionStart' : 'booking.session', {
    specialty: names.specialtyZh !== null ? bilingual(names.specialtyZh, names.specialtyEn ?? names.specialtyZh) : String(s.specialtyId),
    specialist: names.specialist ?? String(s.specialistId), host: names.host ?? String(s.hostHospitalId), date: s.date, half: message(`booking.${s.session}`),
  });
}

/** The earliest free slot of a session the caller has locked; null when it is full. */
export async function firstFreeSlot(m: EntityManager, sessionId: number, slotId: number | null = null): Promise<ClinicSlot | null> {
  const rows: { id: number; position: number; starts_at: string }[] = await m.query(
    `SELECT s.id, s.position, s.starts_at FROM clinic_slot s
      WHERE s.session_id = $1 AND ($2::int IS NULL OR s.id = $2)
        AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = s.id AND b.state = 'BOOKED')
      ORDER BY s.position LIMIT 1`,
    [sessionId, slotId],
  );
  return rows[0] ? Object.assign(new ClinicSlot(), { id: rows[0].id, sessionId, position: rows[0].position, startsAt: rows[0].starts_at }) : null;
}

export interface RebookingOutcome {
  moved: number;
  flagged: number;
  /** The bookings that were in the cancelled session (each now MOVED or NEEDS_REBOOKING) */
  bookingIds: number[];
}

/**
 * Cancels an OPEN session and settles every booking in it: each moves to the equivalent session
 * (same host and specialty, open, from today on, nearest date first, then the same half-day)
 * that still has a free slot and does not already hold this patient, or else becomes
 * NEEDS_REBOOKING with the reason, for the township doctor to act on. The booking doctor's
 * hospital hears about each through the event log.
 *
 * The caller holds the rule lock of the session's host (lockForRules), so two amendments at one
 * host never lock each other's sessions in opposite orders.
 */
export async function cancelSession(m: EntityManager, sessionId: number, reason: string, events: PendingEvents): Promise<RebookingOutcome> {
  const session = await m.findOne(ClinicSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  if (!session) return { moved: 0, flagged: 0, bookingIds: [] };
  session.state = transition(SESSION_TRANSITIONS, ['clinicSession', session.id], session.state, ClinicSessionState.CANCELLED);
  session.cancelledReason = reason;
  await m.save(session);
  const what = await sessionMessage(m, session, true);
  const bookings: Booking[] = await m.getRepository(Booking).createQueryBuilder('b')
    .innerJoin(ClinicSlot, 's', 's.id = b.slot_id')
    .where('b.session_id = :id AND b.state = :booked', { id: session.id, booked: BookingState.BOOKED })
    .orderBy('s.position').setLock('pessimistic_write').getMany();
  const touched = new Map<number, ClinicSession>();
  let moved = 0;
  let flagged = 0;
  for (const booking of bookings) {
    const target = await moveToEquivalent(m, session, booking);
    if (target) {
      const { newBooking, toSession } = target;
      booking.state = transition(BOOKING_TRANSITIONS, ['booking', booking.id], booking.state, BookingState.MOVED);
      booking.movedToId = newBooking.id;
      booking.reasonMessage = message('booking.movedReason', { from: what, reason, to: await sessionMessage(m, toSession) });
      booking.reason = say('en', booking.reasonMessage);
      await m.save(booking);
      touched.set(toSession.id, toSession);
      events.add('booking', { action: 'MOVED', bookingId: booking.id, newBookingId: newBooking.id, hospitalId: booking.hospitalId, patientId: booking.patientId, fromSessionId: session.id, toSessionId: toSession.id });
      moved++;
    } else {
      booking.state = transition(BOOKING_TRANSITIONS, ['booking', booking.id], booking.state, BookingState.NEEDS_REBOOKING);
      booking.reasonMessage = message('booking.flaggedReason', { from: what, reason });
      booking.reason = say('en', booking.reasonMessage);
      await m.save(booking);
      events.add('booking', { action: 'NEEDS_REBOOKING', bookingId: booking.id, hospitalId: booking.hospitalId, patientId: booking.patientId, fromSessionId: session.id });
      flagged++;
    }
  }
  events.add('clinic-session', { action: 'CANCELLED', ...(await sessionAudience(m, session)), date: session.date, session: session.session, rosterId: session.rosterId, reason, moved, flagged });
  await slotEvent(m, session, 'CANCELLED', events);
  for (const s of touched.values()) await slotEvent(m, s, 'REBOOKED_IN', events);
  return { moved, flagged, bookingIds: bookings.map((b) => b.id) };
}

async function moveToEquivalent(m: EntityManager, from: ClinicSession, booking: Booking): Promise<{ newBooking: Booking; toSession: ClinicSession } | null> {
  const candidates: { id: number }[] = await m.query(
    `SELECT s.id FROM clinic_session s
      WHERE s.state = 'OPEN' AND s.id <> $1 AND s.host_hospital_id = $2 AND s.specialty_id = $3 AND s.date >= $4
        AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.patient_id = $5 AND b.state = 'BOOKED')
        AND EXISTS (SELECT 1 FROM clinic_slot sl WHERE sl.session_id = s.id AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = sl.id AND b.state = 'BOOKED'))
      ORDER BY abs(s.date - $6::date), (s.session = $7) DESC, s.date, s.id`,
    [from.id, from.hostHospitalId, from.specialtyId, today(), booking.patientId, from.date, from.session],
  );
  for (const { id } of candidates) {
    // Same lock as a booking takes: the target's free slots are certain while it is held.
    const toSession = await m.findOne(ClinicSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!toSession || toSession.state !== ClinicSessionState.OPEN) continue;
    const slot = await firstFreeSlot(m, id);
    if (!slot) continue;
    const newBooking = await m.save(m.create(Booking, {
      slotId: slot.id, sessionId: id, patientId: booking.patientId, hospitalId: booking.hospitalId, bookedById: booking.bookedById,
      state: BookingState.BOOKED, movedFromId: booking.id, reason: null, purpose: booking.purpose,
    }));
    return { newBooking, toSession };
  }
  return null;
}
