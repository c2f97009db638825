/**
 * Rotation data for the demo consortium (demo.ts): specialists' limits and
 * availability from today to the end of next month, host settings, approved (and one pending)
 * demands, and a PUBLISHED roster for next month with its clinic sessions and a few bookings.
 * Deterministic for a given date, and quick: the roster is built greedily with the same
 * `checkRoster` the service uses, so it passes every hard rule.
 */
import { EntityManager } from 'typeorm';
import { Role } from '../../auth/roles';
import { firstFreeSlot, openSession } from '../../booking/clinic';
import { Booking } from '../../booking/entities';
import { BookingState } from '../../booking/kinds';
import { Consortium, Department, Patient, Person } from '../../consortium/entities';
import { HospitalTier } from '../../consortium/kinds';
import { PendingEvents } from '../../events/pending-events';
import { checkRoster, type CheckedAssignment } from '../../optimizer';
import { addDays, datesIn, duringRange, today, weekday } from '../../roster/calendar';
import { AvailabilityPeriod, HostSettings, Roster, RosterAssignment, RotationDemand, SpecialistLimits } from '../../roster/entities';
import { AssignmentSource, AssignmentState, AvailabilityKind, DemandState, RosterState, SessionTime } from '../../roster/kinds';
import { demandInput, demandRows, hostInputs, specialistInputs, specialtyNames } from '../../roster/rule-context';

export interface RotationDemoCounts { demands: number; assignments: number; sessions: number; bookings: number }

const WEEKDAYS = [1, 2, 3, 4, 5];
/** Specialty asked for by the n-th grassroots host (and a second one for every other host). */
const ASKED = ['CARDIOLOGY', 'ENDOCRINOLOGY', 'PAEDIATRICS', 'RESPIRATORY', 'NEUROLOGY', 'TCM', 'ORTHOPAEDICS', 'REHABILITATION', 'CARDIOLOGY'];
const SESSIONS = [SessionTime.MORNING, SessionTime.AFTERNOON, SessionTime.FULL_DAY];

function nextMonthOf(date: string): { start: string; end: string } {
  const [y, m] = date.split('-').map(Number);
  const start = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const [sy, sm] = start.split('-').map(Number);
  const after = sm === 12 ? `${sy + 1}-01-01` : `${sy}-${String(sm + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(after, -1) };
}

export async function seedRotationDemo(m: EntityManager, now = today()): Promise<RotationDemoCounts> {
  const consortium = await m.findOneByOrFail(Consortium, { name: '沂水县医共体' });
  const scheduler = await m.findOneByOrFail(Person, { username: 'scheduler' });
  const departments = new Map((await m.find(Department)).map((d) => [d.code, d]));
  const specialists: Person[] = (await m.find(Person, { order: { id: 'ASC' } })).filter((p) => p.roles.includes(Role.SPECIALIST));
  const hosts = (await m.query(
    `SELECT h.id FROM hospital h JOIN consortium_membership cm ON cm.hospital_id = h.id AND cm.consortium_id = $1 WHERE h.tier = ANY($2) ORDER BY h.id`,
    [consortium.id, [HospitalTier.TOWNSHIP, HospitalTier.COMMUNITY]],
  )).map((r: { id: number }) => r.id) as number[];
  const { start, end } = nextMonthOf(now);

  // Limits and availability: weekdays from today to the end of next month; every fifth specialist has a week of leave.
  for (const [i, s] of specialists.entries()) {
    await m.insert(SpecialistLimits, { personId: s.id, maxDaysPerMonth: 4 + (i % 3), maxConsecutiveDays: 2 + (i % 2), maxTravelKm: i % 4 === 3 ? null : 60, maxTravelMinutes: i % 4 === 3 ? 90 : null, updatedById: scheduler.id });
    await m.insert(AvailabilityPeriod, { personId: s.id, kind: AvailabilityKind.AVAILABLE, startDate: now, endDate: end, weekdays: WEEKDAYS, note: null, createdById: s.id });
    if (i % 5 === 0) await m.insert(AvailabilityPeriod, { personId: s.id, kind: AvailabilityKind.UNAVAILABLE, startDate: addDays(start, 7 + (i % 7)), endDate: addDays(start, 11 + (i % 7)), weekdays: [], note: '年假', createdById: s.id });
  }
  await m.insert(HostSettings, { hospitalId: hosts[0], dailyCapacity: 3, slotMinutes: 15, slotsPerSession: 12 });

  // Demands: one per host, a second at every other host; one request still waiting for a decision.
  let n = 0;
  for (const [i, hostId] of hosts.entries()) {
    for (const k of i % 2 === 0 ? [0, 1] : [0]) {
      const code = ASKED[(i + k * 4) % ASKED.length];
      await m.insert(RotationDemand, {
        consortiumId: consortium.id, hostHospitalId: hostId, specialtyId: departments.get(code)!.id, expertDays: 2 + ((i + k) % 3),
        periodStart: start, periodEnd: end, preferredWeekdays: (i + k) % 2 ? [2, 4] : [], session: SESSIONS[(i + k) % 3], priority: 2 + ((i * 3 + k) % 4),
        state: DemandState.APPROVED, requestedById: scheduler.id, decidedById: scheduler.id,
      });
      n++;
    }
  }
  await m.insert(RotationDemand, {
    consortiumId: consortium.id, hostHospitalId: hosts[hosts.length - 1], specialtyId: departments.get('ENDOCRINOLOGY')!.id, expertDays: 2,
    periodStart: start, periodEnd: end, preferredWeekdays: [3], session: SessionTime.MORNING, priority: 3, state: DemandState.REQUESTED, requestedById: scheduler.id,
  });

  // The roster, greedily: highest priority first, each demand's days from its preferred weekdays, checked as a whole every time.
  const demands = await demandRows(m, 'd.consortium_id = $1 AND d.state = $2', [consortium.id, DemandState.APPROVED]);
  demands.sort((a, b) => b.priority - a.priority || a.id - b.id);
  const context = {
    specialists: await specialistInputs(m, specialists.map((s) => s.id), start, end),
    hosts: await hostInputs(m, hosts),
    demands: demands.map((d) => demandInput(d)),
    specialtyNames: await specialtyNames(m, [...new Set(demands.map((d) => d.specialtyId))]),
  };
  const placed: CheckedAssignment[] = [];
  const days = datesIn(start, end);
  for (const d of demands) {
    const candidates = context.specialists.filter((s) => s.specialtyIds.includes(String(d.specialtyId)));
    const preferred = days.filter((day) => !d.preferredWeekdays.length || d.preferredWeekdays.includes(weekday(day)));
    const order = [...preferred, ...days.filter((day) => !preferred.includes(day))];
    let got = 0;
    for (const [k, day] of order.entries()) {
      if (got >= d.expertDays) break;
      for (let j = 0; j < candidates.length && got < d.expertDays; j++) {
        const s = candidates[(k + j) % candidates.length];
        const next: CheckedAssignment = { specialistId: s.id, demandId: String(d.id), date: day, session: d.session };
        if (checkRoster(context, [...placed, next]).length === 0) {
          placed.push(next);
          got++;
          break;
        }
      }
    }
  }

  const roster = await m.save(m.create(Roster, { consortiumId: consortium.id, periodStart: start, periodEnd: end, state: RosterState.PUBLISHED, publishedAt: new Date(), createdById: scheduler.id }));
  const byId = new Map(demands.map((d) => [d.id, d]));
  const discard = new PendingEvents(); // a seed is not a change anyone is waiting to hear about
  const sessions = [];
  for (const a of placed.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : Number(x.demandId) - Number(y.demandId)))) {
    const d = byId.get(Number(a.demandId))!;
    const row = await m.save(m.create(RosterAssignment, {
      rosterId: roster.id, specialistId: Number(a.specialistId), demandId: d.id, hostHospitalId: d.hostId, specialtyId: d.specialtyId, date: a.date,
      session: d.session, during: duringRange(a.date, d.session), state: AssignmentState.ACTIVE, pinned: false, source: AssignmentSource.MANUAL, createdById: scheduler.id,
    }));
    sessions.push(await openSession(m, row, discard));
  }

  // A few bookings: the host's own patients, booked by the host's first doctor, into its first sessions.
  let bookings = 0;
  const bookedAt = new Set<number>();
  for (const session of sessions) {
    if (bookedAt.has(session.hostHospitalId)) continue;
    bookedAt.add(session.hostHospitalId);
    const patients = await m.find(Patient, { where: { hospitalId: session.hostHospitalId }, order: { id: 'ASC' }, take: 2 });
    const doctor = (await m.find(Person, { where: { hospitalId: session.hostHospitalId }, order: { id: 'ASC' } })).find((p) => p.roles.includes(Role.TOWNSHIP_DOCTOR));
    for (const p of patients) {
      const slot = await firstFreeSlot(m, session.id);
      if (!slot || !doctor) break;
      await m.insert(Booking, { slotId: slot.id, sessionId: session.id, patientId: p.id, hospitalId: p.hospitalId, bookedById: doctor.id, state: BookingState.BOOKED });
      bookings++;
    }
  }
  return { demands: n, assignments: placed.length, sessions: sessions.length, bookings };
}
