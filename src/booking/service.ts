import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor } from '../auth/policy';
import { AuditTrail } from '../audit/service';
import { Department, Patient } from '../consortium/entities';
import { badInput, conflict, notFound } from '../errors';
import { parseId } from '../ids';
import { addDays, requireDate, today } from '../roster/calendar';
import { consortiaOfHospital, requireHost } from '../roster/directory-facts';
import { currentCursor } from '../events/event-log';
import { PendingEvents } from '../events/pending-events';
import { transition } from '../state-machine';
import { AttemptFacts, attemptFacts, BookablePatient, SeenSession } from './attempt';
import { describeSession, holdsSlot, NewBooking, placeBooking, sessionAudience, slotEvent, untakenSlot } from './clinic';
import { message } from '../i18n/translate';
import { Booking, ClinicSession, ClinicSlot } from './entities';
import { BookSlotInput, CancelBookingInput, RebookInput } from './inputs';
import { BookingState, ClinicSessionState } from './kinds';
import { SessionGates } from './session-gates';
import { BOOKING_TRANSITIONS } from './states';

/** A new booking with its slot and session as the booking read them (for the answer's fields). */
export interface PlacedBooking {
  booking: Booking;
  slot: ClinicSlot;
  session: ClinicSession;
}

export interface SessionWithCursor {
  session: ClinicSession;
  cursor: string;
}

/** Clinic sessions as township doctors see them, and the bookings they make into them. */
export class BookingService {
  readonly #gates = new SessionGates();

  constructor(private readonly db: DataSource, private readonly audit: AuditTrail) {}

  async #visibleSession(m: EntityManager, actor: Actor | null, id: number, ref: string): Promise<ClinicSession> {
    const session = await m.findOneBy(ClinicSession, { id });
    if (!session) throw notFound('entity.clinicSession', ref);
    const audience = await sessionAudience(m, session);
    if (!allows(actor, 'session.read', audience)) throw notFound('entity.clinicSession', ref);
    return session;
  }

  /** The session and the event cursor to subscribe to its slots from (read first: nothing is missed). */
  async session(actor: Actor | null, idArg: string): Promise<SessionWithCursor> {
    requireActor(actor);
    const cursor = await currentCursor(this.db.manager);
    return { session: await this.#visibleSession(this.db.manager, actor, parseId(idArg, 'id'), idArg), cursor };
  }

  /** A host's open sessions from `from` (default today) for about two months. */
  async hostSessions(actor: Actor | null, hostIdArg: string, from?: string, to?: string): Promise<ClinicSession[]> {
    requireActor(actor);
    const hostId = parseId(hostIdArg, 'hostId');
    const start = from ? requireDate(from, 'from') : today();
    const end = to ? requireDate(to, 'to') : addDays(start, 62);
    if (end < start) throw badInput('to', 'common.toBeforeFrom', { to: end, from: start });
    const m = this.db.manager;
    const host = await requireHost(m, hostId, 'hostId');
    authorize(actor, 'host.sessions', { hostId, hostName: host.name, consortiumIds: await consortiaOfHospital(m, hostId) });
    return m.getRepository(ClinicSession).createQueryBuilder('s')
      .where('s.host_hospital_id = :hostId AND s.state = :open AND s.date BETWEEN :start AND :end', { hostId, open: ClinicSessionState.OPEN, start, end })
      .orderBy('s.date').addOrderBy('s.session').addOrderBy('s.id').getMany();
  }

  /**
   * Books a patient of the doctor's own hospital into a slot. Bookings of one session take turns
   * on its row lock while it has a free slot, so "earliest free slot" is exact; only as many
   * attempts as there are free slots wait for that turn (#takeTicket), and once the session is
   * full the rest are refused without taking or waiting for any lock. The partial unique index on
   * booking(slot_id) is the database's own guarantee that a slot is never sold twice.
   */
  async book(actor: Actor | null, input: BookSlotInput): Promise<PlacedBooking> {
    requireActor(actor);
    const sessionId = parseId(input.sessionId, 'sessionId');
    const patientId = parseId(input.patientId, 'patientId');
    const slotId = input.slotId ? parseId(input.slotId, 'slotId') : null;
    const { patient, seen, gated } = await this.#admit(actor, input.sessionId, sessionId, patientId, slotId);
    let slot: ClinicSlot | null = null;
    try {
      const booking = await this.db.transaction(async (m) => {
        if (slotId === null) await this.#takeTicket(m, seen, patient);
        // Before the session's lock, which the crowd's bookings take turns on (rolled back with a refusal).
        await this.audit.record(actor!, 'booking.create', 'patient', [patient.id], m);
        const turn = await this.#takeTurn(m, seen, patient, slotId);
        // The events go in with the booking, in one statement: the lock is held one round trip less.
        const events = new PendingEvents();
        events.add('booking', { action: 'BOOKED', bookingId: turn.bookingId, hospitalId: patient.hospitalId, patientId, sessionId });
        await slotEvent(m, seen.session, 'BOOKED', events, { audience: seen.audience, free: turn.free - 1 });
        const placed = await this.#place(m, actor!, seen, patient, slotId, null, input.purpose?.trim() || null, { id: turn.bookingId, events: events.take() });
        slot = placed.slot;
        return placed.booking;
      });
      return { booking, slot: slot!, session: seen.session };
    } finally {
      if (gated) this.#gates.leave(sessionId);
    }
  }

  /**
   * The checks and, for a session already full, the refusal: read from committed state in one
   * statement, without a transaction (most of a crowd ends here). An attempt that may book goes
   * in through the session's gate (session-gates.ts) unless it chose its slot; when every free
   * slot is already being booked by attempts that got there first, it is refused as full.
   */
  async #admit(actor: Actor | null, ref: string, sessionId: number, patientId: number, slotId: number | null):
  Promise<{ patient: BookablePatient; seen: SeenSession; gated: boolean }> {
    const facts = await attemptFacts(this.db.manager, patientId, sessionId);
    const patient = this.#bookablePatient(actor, facts, patientId);
    const seen = this.#openSession(actor, facts, ref);
    const free = seen.session.slotCount - seen.session.bookedCount;
    if (slotId !== null) {
      if (free <= 0) await this.#refuseFull(this.db.manager, seen, patient, slotId);
      return { patient, seen, gated: false };
    }
    // Full, or every free slot is being booked right now (in this process, or in another: the tickets).
    if (free <= 0 || !facts.slotUntaken || !this.#gates.tryEnter(sessionId, free)) await this.#refuseFull(this.db.manager, seen, patient, null);
    return { patient, seen, gated: true };
  }

  async cancel(actor: Actor | null, input: CancelBookingInput): Promise<Booking> {
    requireActor(actor);
    const id = parseId(input.bookingId, 'bookingId');
    return this.db.transaction(async (m) => {
      const peek = await m.findOneBy(Booking, { id });
      if (!peek || !allows(actor, 'booking.read', { hospitalId: peek.hospitalId })) throw notFound('entity.booking', input.bookingId);
      authorize(actor, 'booking.create', { hospitalId: peek.hospitalId });
      // Session first, then the booking: the order every booking change uses.
      const session = await m.findOneOrFail(ClinicSession, { where: { id: peek.sessionId }, lock: { mode: 'pessimistic_write' } });
      const booking = await m.findOneOrFail(Booking, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const wasHolding = booking.state === BookingState.BOOKED;
      booking.state = transition(BOOKING_TRANSITIONS, ['booking', id], booking.state, BookingState.CANCELLED);
      // The doctor's own words, else the hub's sentence (said in the reader's language).
      booking.reason = input.reason?.trim() || null;
      booking.reasonMessage = booking.reason ? null : message('booking.cancelledByDoctor');
      const saved = await m.save(booking);
      await this.audit.record(actor!, 'booking.cancel', 'patient', [booking.patientId], m);
      const events = new PendingEvents();
      events.add('booking', { action: 'CANCELLED', bookingId: id, hospitalId: booking.hospitalId, patientId: booking.patientId, sessionId: session.id });
      if (wasHolding) await slotEvent(m, session, 'RELEASED', events);
      await events.flush(m);
      return saved;
    });
  }

  /** Settles a NEEDS_REBOOKING booking by booking the patient into another session. */
  async rebook(actor: Actor | null, input: RebookInput): Promise<Booking> {
    requireActor(actor);
    const id = parseId(input.bookingId, 'bookingId');
    const sessionId = parseId(input.sessionId, 'sessionId');
    const slotId = input.slotId ? parseId(input.slotId, 'slotId') : null;
    return this.db.transaction(async (m) => {
      const peek = await m.findOneBy(Booking, { id });
      if (!peek || !allows(actor, 'booking.read', { hospitalId: peek.hospitalId })) throw notFound('entity.booking', input.bookingId);
      const facts = await attemptFacts(m, peek.patientId, sessionId);
      const patient = this.#bookablePatient(actor, facts, peek.patientId);
      const seen = this.#openSession(actor, facts, input.sessionId);
      const session = seen.session;
      // Session first, then the booking: the order every booking change uses.
      await this.audit.record(actor!, 'booking.create', 'patient', [patient.id], m);
      await this.#takeTurn(m, seen, patient, slotId);
      const flagged = await m.findOneOrFail(Booking, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const next = transition(BOOKING_TRANSITIONS, ['booking', id], flagged.state, BookingState.REBOOKED);
      // NOTE: a patient booked for one specialty is not silently seen by another: the doctor says so.
      const was = await m.findOneByOrFail(ClinicSession, { id: flagged.sessionId });
      const specialtyChanged = was.specialtyId !== session.specialtyId;
      if (specialtyChanged && !input.confirmSpecialtyChange) {
        const [from, to] = await Promise.all([was.specialtyId, session.specialtyId].map((d) => m.findOneByOrFail(Department, { id: d })));
        const named = (d: Department) => ({ 'zh-CN': d.nameZh, en: `${d.nameZh} (${d.nameEn})` });
        throw badInput('confirmSpecialtyChange', 'booking.specialtyChange', { id, from: named(from), session: sessionId, to: named(to) });
      }
      const { booking, free } = await this.#place(m, actor!, seen, patient, slotId, flagged.id, flagged.purpose);
      flagged.state = next;
      flagged.movedToId = booking.id;
      await m.save(flagged);
      const events = new PendingEvents();
      events.add('booking', { action: 'REBOOKED', bookingId: flagged.id, newBookingId: booking.id, hospitalId: booking.hospitalId, patientId: patient.id, sessionId, specialtyChanged });
      await slotEvent(m, session, 'BOOKED', events, { audience: seen.audience, free });
      await events.flush(m);
      return booking;
    });
  }

  async patientBookings(actor: Actor | null, patientIdArg: string): Promise<Booking[]> {
    requireActor(actor);
    const patientId = parseId(patientIdArg, 'patientId');
    const patient = await this.db.getRepository(Patient).findOneBy({ id: patientId });
    if (!patient || !allows(actor, 'booking.read', { hospitalId: patient.hospitalId })) throw notFound('entity.patient', patientIdArg);
    await this.audit.record(actor!, 'booking.read', 'patient', [patientId]);
    return this.db.getRepository(Booking).find({ where: { patientId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Bookings of the doctor's hospital that an amendment flagged: the township doctor's to-do list. */
  async needingRebooking(actor: Actor | null): Promise<Booking[]> {
    const me = authorize(actor, 'booking.read', { hospitalId: actor?.hospitalId ?? 0 });
    const rows = await this.db.getRepository(Booking).find({ where: { hospitalId: me.hospitalId, state: BookingState.NEEDS_REBOOKING }, order: { updatedAt: 'ASC', id: 'ASC' } });
    await this.audit.record(me, 'booking.read', 'patient', [...new Set(rows.map((b) => b.patientId))]);
    return rows;
  }

  /** Everyone booked into a session (BOOKED, by slot), for its visiting specialist only: audited. */
  async bookingsForSpecialist(actor: Actor | null, session: ClinicSession): Promise<Booking[]> {
    const audience = await sessionAudience(this.db.manager, session);
    if (!actor || !allows(actor, 'session.bookings', audience)) return [];
    const rows = await this.db.getRepository(Booking).createQueryBuilder('b').innerJoin(ClinicSlot, 's', 's.id = b.slot_id')
      .where('b.session_id = :id AND b.state = :booked', { id: session.id, booked: BookingState.BOOKED }).orderBy('s.position').getMany();
    await this.audit.record(actor, 'booking.read', 'patient', [...new Set(rows.map((b) => b.patientId))]);
    return rows;
  }

  /** The bookings of a session that the actor may see: those of their own hospital's patients. */
  async bookingsOfSession(actor: Actor | null, sessionId: number): Promise<Booking[]> {
    if (!actor || !allows(actor, 'booking.read', { hospitalId: actor.hospitalId })) return [];
    const rows = await this.db.getRepository(Booking).find({ where: { sessionId, hospitalId: actor.hospitalId }, order: { id: 'ASC' } });
    await this.audit.record(actor, 'booking.read', 'patient', [...new Set(rows.map((b) => b.patientId))]);
    return rows;
  }

  /**
   * Bookings an amendment just moved or flagged, for the scheduler who made it: only ids from
   * that amendment's own result reach here. Their patients stay behind the patient policy.
   */
  async amendedBookings(ids: number[]): Promise<Booking[]> {
    if (!ids.length) return [];
    return this.db.getRepository(Booking).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  async booking(actor: Actor | null, idArg: string): Promise<Booking> {
    requireActor(actor);
    const booking = await this.db.getRepository(Booking).findOneBy({ id: parseId(idArg, 'id') });
    if (!booking || !allows(actor, 'booking.read', { hospitalId: booking.hospitalId })) throw notFound('entity.booking', idArg);
    await this.audit.record(actor!, 'booking.read', 'patient', [booking.patientId]);
    return booking;
  }

  /** The attempt's patient, if the actor may see them and book for their hospital. */
  #bookablePatient(actor: Actor | null, facts: AttemptFacts, patientId: number): BookablePatient {
    const patient = facts.patient;
    // A patient one may not see answers exactly like one that does not exist (issue 13).
    if (!patient || !allows(actor, 'patient.read', patient.subject)) throw notFound('entity.patient', patientId);
    authorize(actor, 'booking.create', { hospitalId: patient.hospitalId, hospitalName: patient.subject.hospitalName });
    return patient;
  }

  /** The attempt's session, refused when it is not open for booking (read without a lock: #takeTurn re-checks under it). */
  #openSession(actor: Actor | null, facts: AttemptFacts, ref: string): SeenSession {
    const seen = facts.session;
    if (!seen || !allows(actor, 'session.read', seen.audience)) throw notFound('entity.clinicSession', ref);
    this.#refuseUnlessOpen(seen, seen.session.state, seen.session.cancelledReason);
    if (seen.session.date < today()) throw conflict('booking.over', { session: describeSession(seen.session, seen.names, true) }, 'sessionId');
    return seen;
  }

  #refuseUnlessOpen(seen: SeenSession, state: ClinicSessionState, cancelledReason: string | null): void {
    if (state === ClinicSessionState.OPEN) return;
    const why = cancelledReason ? message('booking.because', { reason: cancelledReason }) : '';
    throw conflict('booking.closed', { session: describeSession(seen.session, seen.names, true), state: message(`booking.state${state}`), why }, 'sessionId');
  }

  /**
   * A crowd's way in: the ticket of one free slot that nobody else holds (clinic.ts untakenSlot),
   * so at most as many attempts go on to wait for the session's lock (#takeTurn) as it has free
   * slots; the rest are refused at once, without waiting for any lock, from the committed state
   * this same statement reads. The ticket is not the slot booked: under the session's lock the
   * earliest free slot is taken (#place).
   */
  async #takeTicket(m: EntityManager, seen: SeenSession, patient: BookablePatient): Promise<void> {
    const [row]: { slot_id: number | null; state: ClinicSessionState; cancelled_reason: string | null; already_booked: boolean }[] = await m.query(
      `SELECT ${untakenSlot('cs.id')} AS slot_id, cs.state, cs.cancelled_reason,
              ${holdsSlot('cs.id', '$2')} AS already_booked
         FROM clinic_session cs WHERE cs.id = $1`,
      [seen.session.id, patient.id],
    );
    if (row.slot_id !== null) return;
    this.#refuseUnlessOpen(seen, row.state, row.cancelled_reason);
    await this.#refuseFull(m, { ...seen, alreadyBooked: row.already_booked }, patient, null);
  }

  /**
   * Takes the session's row lock only if it is open with a slot free. NOTE: in READ COMMITTED,
   * `FOR UPDATE` re-checks the WHERE on the row's newest version after waiting, so the 11th of a
   * crowd waits at most for the bookings ahead of it and then sees the session full; once full is
   * committed, the row does not match at all and no lock is taken or waited for: the refusal
   * (closed, already booked, chosen slot taken, full) is read from committed state at once.
   */
  async #takeTurn(m: EntityManager, seen: SeenSession, patient: BookablePatient, slotId: number | null): Promise<{ free: number; bookingId: number }> {
    // With the turn: how many slots are free now (the locked row is its newest version) and the id the booking will have.
    const turn: { free: number; booking_id: number }[] = await m.query(
      `SELECT slot_count - booked_count AS free, nextval(pg_get_serial_sequence('booking', 'id'))::int AS booking_id
         FROM clinic_session WHERE id = $1 AND state = 'OPEN' AND booked_count < slot_count FOR UPDATE`, [seen.session.id]);
    if (turn.length) return { free: turn[0].free, bookingId: turn[0].booking_id };
    const [now]: { state: ClinicSessionState; cancelled_reason: string | null; already_booked: boolean }[] = await m.query(
      `SELECT s.state, s.cancelled_reason,
              ${holdsSlot('s.id', '$2')} AS already_booked
         FROM clinic_session s WHERE s.id = $1`,
      [seen.session.id, patient.id],
    );
    this.#refuseUnlessOpen(seen, now.state, now.cancelled_reason);
    return this.#refuseFull(m, { ...seen, alreadyBooked: now.already_booked }, patient, slotId);
  }

  /** The refusal for a session with no free slot: the patient's own slot first, then the chosen one, then "full". */
  async #refuseFull(m: EntityManager, seen: SeenSession, patient: BookablePatient, slotId: number | null): Promise<never> {
    await this.#refuseTaken(m, seen, patient, slotId);
    throw conflict(slotId !== null ? 'booking.slotTaken' : 'booking.full', { session: describeSession(seen.session, seen.names), count: seen.session.slotCount }, 'sessionId');
  }

  /** Refuses a patient who already has a slot in the session, or a chosen slot of another session. */
  async #refuseTaken(m: EntityManager, seen: SeenSession, patient: BookablePatient, slotId: number | null): Promise<void> {
    if (seen.alreadyBooked) throw conflict('booking.alreadyBooked', { patient: patient.name, session: describeSession(seen.session, seen.names) }, 'patientId');
    if (slotId !== null) {
      const slot = await m.findOneBy(ClinicSlot, { id: slotId });
      if (!slot || slot.sessionId !== seen.session.id) throw badInput('slotId', 'booking.slotNotInSession', { slot: slotId, session: seen.session.id });
    }
  }

  /** Takes a slot of a session whose turn the caller holds (#takeTurn), or says why none. */
  async #place(m: EntityManager, actor: Actor, seen: SeenSession, patient: BookablePatient, slotId: number | null, movedFromId: number | null, purpose: string | null,
    extra: Pick<NewBooking, 'id' | 'events'> = {}): Promise<{ booking: Booking; free: number; slot: ClinicSlot }> {
    const placed = await placeBooking(m, {
      sessionId: seen.session.id, slotId, patientId: patient.id, hospitalId: patient.hospitalId, bookedById: actor.personId, movedFromId, purpose, ...extra,
    });
    if (placed.booking) return { booking: placed.booking, free: placed.free, slot: placed.slot! };
    await this.#refuseTaken(m, { ...seen, alreadyBooked: placed.alreadyBooked }, patient, slotId);
    throw conflict(slotId !== null ? 'booking.slotTaken' : 'booking.full', { session: describeSession(seen.session, seen.names), count: seen.session.slotCount }, 'sessionId');
  }
}
