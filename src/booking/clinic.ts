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
import { appendEventsCtes, eventParams, NewEvent } from '../events/event-log';
import { PendingEvents } from '../events/pending-events';
import { transition } from '../state-machine';
import { Booking, ClinicSession, ClinicSlot } from './entities';
import type { SessionAudience } from './events';
import { BookingState, ClinicSessionState } from './kinds';
import { BOOKING_TRANSITIONS, SESSION_TRANSITIONS } from './states';

/** SQL: the patient `patient` holds a slot of the session `session` (expressions or parameters). */
export const holdsSlot = (session: string, patient: string) =>
  `EXISTS (SELECT 1 FROM booking b WHERE b.session_id = ${session} AND b.patient_id = ${patient} AND b.state = 'BOOKED')`;
/** SQL: the clinic_slot row `slot` is free. */
export const isFree = (slot: string) => `NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = ${slot}.id AND b.state = 'BOOKED')`;

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
    `SELECT count(*)::int AS n FROM clinic_slot s WHERE s.session_id = $1 AND ${isFree('s')}`,
    [sessionId],
  );
  return n;
}

/** The 'slots' event of a session, with its free count as this transaction leaves it (`known`: both already read under its lock). */
export async function slotEvent(m: EntityManager, session: ClinicSession, action: string, events: PendingEvents, known?: { audience: SessionAudience; free: number }): Promise<void> {
  const free = session.state !== ClinicSessionState.OPEN ? 0 : known ? known.free : await freeSlotCount(m, session.id);
  events.add('slots', { action, ...(known?.audience ?? await sessionAudience(m, session)), state: session.state, free, capacity: session.slotCount });
}

/** The names a session's description says (null: that row is gone; its id is said instead). */
export interface SessionNames {
  host: string | null;
  specialist: string | null;
  specialtyZh: string | null;
  specialtyEn: string | null;
}

/** SessionNames as columns, for the session row `s` (joined here as hospital `sh`, person `sp`, department `sd`). */
export const SESSION_NAME_COLUMNS = 'sh.name AS host, sp.name AS specialist, sd.name_zh AS "specialtyZh", sd.name_en AS "specialtyEn"';
export const SESSION_NAME_JOINS = `LEFT JOIN hospital sh ON sh.id = s.host_hospital_id LEFT JOIN person sp ON sp.id = s.specialist_id
  LEFT JOIN department sd ON sd.id = s.specialty_id`;

type DescribedSession = { hostHospitalId: number; specialistId: number; specialtyId: number; date: string; session: SessionTime };

/** The same description as a sentence to be said in the reader's language; `start`: at the start of a sentence. */
export async function sessionMessage(m: EntityManager, s: DescribedSession, start = false): Promise<Message> {
  // One statement for the three names: every refusal of a crowd of bookings says this sentence.
  const [names]: SessionNames[] = await m.query(
    `SELECT ${SESSION_NAME_COLUMNS} FROM (SELECT $1::int AS host_hospital_id, $2::int AS specialist_id, $3::int AS specialty_id) s ${SESSION_NAME_JOINS}`,
    [s.hostHospitalId, s.specialistId, s.specialtyId],
  );
  return describeSession(s, names, start);
}

/** sessionMessage from names already read. */
export function describeSession(s: DescribedSession, names: SessionNames, start = false): Message {
  return message(start ? 'booking.sessionStart' : 'booking.session', {
    specialty: names.specialtyZh !== null ? bilingual(names.specialtyZh, names.specialtyEn ?? names.specialtyZh) : String(s.specialtyId),
    specialist: names.specialist ?? String(s.specialistId), host: names.host ?? String(s.hostHospitalId), date: s.date, half: message(`booking.${s.session}`),
  });
}

/** The earliest free slot of session $1 (only slot $2, if that is not null). */
const FIRST_FREE_SLOT = `SELECT s.id, s.position, s.starts_at FROM clinic_slot s
  WHERE s.session_id = $1 AND ($2::int IS NULL OR s.id = $2)
    AND ${isFree('s')}
  ORDER BY s.position LIMIT 1`;

/** The advisory lock space of booking tickets (pg_try_advisory_xact_lock(TICKETS, slot id)). */
const TICKETS = 7_461_002;

/**
 * The earliest free slot of session `session` whose ticket nobody holds, with its ticket taken:
 * a transaction-scoped advisory lock, held until the caller's transaction ends (a statement of
 * its own outside one: only while it runs, a probe). Tickets are advisory locks, not row locks,
 * so a probe neither waits, nor writes, nor needs a transaction id (a row lock taken by a read
 * outside a transaction is committed, and so flushed to disk, on every call).
 * NOTE: the lock is a filter above the ordered subquery and under LIMIT 1: only the slot
 * returned is locked (PostgreSQL does not push a volatile filter down into a subquery).
 */
export const untakenSlot = (session: string) => `(SELECT f.id FROM (
    SELECT s.id FROM clinic_slot s
     WHERE s.session_id = ${session} AND ${isFree('s')}
     ORDER BY s.position) f
  WHERE pg_try_advisory_xact_lock(${TICKETS}, f.id) LIMIT 1)`;

type SlotRow = { id: number; position: number; starts_at: string };
const slotOf = (sessionId: number, r: SlotRow) => Object.assign(new ClinicSlot(), { id: r.id, sessionId, position: r.position, startsAt: r.starts_at });

/** The earliest free slot of a session the caller has locked; null when it is full. */
export async function firstFreeSlot(m: EntityManager, sessionId: number, slotId: number | null = null): Promise<ClinicSlot | null> {
  const rows: SlotRow[] = await m.query(FIRST_FREE_SLOT, [sessionId, slotId]);
  return rows[0] ? slotOf(sessionId, rows[0]) : null;
}

/** A booking #placeBooking is asked to make. */
export interface NewBooking {
  sessionId: number;
  /** The slot chosen, or null: the earliest free one. */
  slotId: number | null;
  patientId: number;
  hospitalId: number;
  bookedById: number;
  movedFromId: number | null;
  purpose: string | null;
  /** Its id, taken from the sequence beforehand (its events name it); absent: the next one. */
  id?: number;
  /**
   * The transaction's events, appended in the same statement (event-log.ts appendEventsCtes):
   * one round trip fewer under the session's lock. Appended whether or not a booking is made:
   * the caller rolls back when none is.
   */
  events?: NewEvent[];
}

/**
 * Books the earliest free slot (or the chosen one, if free) of a session the caller has locked, in
 * one statement: the lock is held for as few round trips as can be (bench/booking/run.ts: the
 * bookings of a crowd take turns on it). Nothing is inserted when the patient already holds a
 * slot of the session or none is free; either way it says how many are free.
 */
export async function placeBooking(m: EntityManager, b: NewBooking): Promise<{ alreadyBooked: boolean; free: number; booking: Booking | null; slot: ClinicSlot | null }> {
  const events = b.events?.length ? b.events : null;
  const [row]: (SlotRow & { already_booked: boolean; free: number; booking_id: number | null; created_at: Date | null; updated_at: Date | null })[] = await m.query(
    `WITH ${events ? `${appendEventsCtes('$9', '$10', '$11')},` : ''} now AS (
       SELECT ${holdsSlot('$1', '$3')} AS already_booked,
              (SELECT count(*)::int FROM clinic_slot s WHERE s.session_id = $1 AND ${isFree('s')}) AS free),
     slot AS (${FIRST_FREE_SLOT}),
     placed AS (
       INSERT INTO booking (id, slot_id, session_id, patient_id, hospital_id, booked_by_id, state, moved_from_id, purpose)
       SELECT COALESCE($8::int, nextval(pg_get_serial_sequence('booking', 'id'))), slot.id, $1, $3, $4, $5, 'BOOKED', $6, $7
         FROM slot, now WHERE NOT now.already_booked
       RETURNING id, created_at, updated_at)
     SELECT now.already_booked, now.free, slot.id, slot.position, slot.starts_at, placed.id AS booking_id, placed.created_at, placed.updated_at
            ${events ? ', (SELECT count(sent) FROM notified) AS notified' : ''}
       FROM now LEFT JOIN slot ON true LEFT JOIN placed ON true`,
    [b.sessionId, b.slotId, b.patientId, b.hospitalId, b.bookedById, b.movedFromId, b.purpose, b.id ?? null, ...(events ? eventParams(events) : [])],
  );
  const slot = row.id === null ? null : slotOf(b.sessionId, row);
  const booking = row.booking_id === null ? null : Object.assign(new Booking(), {
    id: row.booking_id, slotId: slot!.id, sessionId: b.sessionId, patientId: b.patientId, hospitalId: b.hospitalId, bookedById: b.bookedById,
    purpose: b.purpose, state: BookingState.BOOKED, reason: null, reasonMessage: null, movedFromId: b.movedFromId, movedToId: null,
    createdAt: row.created_at!, updatedAt: row.updated_at!,
  });
  // The free count as this booking leaves it.
  return { alreadyBooked: row.already_booked, free: row.free - (booking ? 1 : 0), booking, slot };
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
        AND NOT ${holdsSlot('s.id', '$5')}
        AND EXISTS (SELECT 1 FROM clinic_slot sl WHERE sl.session_id = s.id AND ${isFree('sl')})
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
