/**
 * Rotation data for the demo consortium (demo.ts), relative to the day it is loaded: the
 * specialists' limits and availability, host settings, approved (and one pending) demands, a
 * CLOSED roster of the last thirteen weeks that was delivered (its sessions held, some slots
 * used), and a PUBLISHED roster for this week and the next four whose sessions are bookable
 * from tomorrow (the next working day) on, a few already booked. Holidays (法定节假日) are left
 * empty and make-up working days (调休) worked, as the optimizer would. Deterministic for a
 * given date, and quick: the rosters are built greedily with the same `checkRoster` the
 * service uses, so they pass every hard rule.
 */
import { EntityManager, In } from 'typeorm';
import { Role } from '../../auth/roles';
import { hostSettingsOf } from '../../booking/clinic';
import { Booking, ClinicSession, ClinicSlot } from '../../booking/entities';
import { BookingState } from '../../booking/kinds';
import { Consortium, Department, Patient, Person } from '../../consortium/entities';
import { HospitalTier } from '../../consortium/kinds';
import { checkRoster, type CheckedAssignment } from '../../optimizer';
import { workingCalendar } from '../../calendar/service';
import { ClinicSessionState } from '../../booking/kinds';
import { addDays, addMinutes, datesIn, duringRange, HALF_DAY_START, SESSION_HOURS, today, weekday } from '../../roster/calendar';
import { AvailabilityPeriod, HostSettings, Roster, RosterAssignment, RotationDemand, SpecialistLimits } from '../../roster/entities';
import { AssignmentSource, AssignmentState, AvailabilityKind, DemandState, RosterState, SessionTime } from '../../roster/kinds';
import { demandInput, demandRows, hostInputs, specialistInputs, specialtyNames } from '../../roster/rule-context';

export interface RotationDemoCounts { demands: number; assignments: number; sessions: number; bookings: number }

const WEEKDAYS = [1, 2, 3, 4, 5];
/** Specialty asked for by the n-th grassroots host (and a second one for every other host). */
const ASKED = ['CARDIOLOGY', 'ENDOCRINOLOGY', 'PAEDIATRICS', 'RESPIRATORY', 'NEUROLOGY', 'TCM', 'ORTHOPAEDICS', 'REHABILITATION', 'CARDIOLOGY'];
const SESSIONS = [SessionTime.MORNING, SessionTime.AFTERNOON, SessionTime.FULL_DAY];


export async function seedRotationDemo(m: EntityManager, now = today()): Promise<RotationDemoCounts> {
  const consortium = await m.findOneByOrFail(Consortium, { name: '沂水县医共体' });
  const scheduler = await m.findOneByOrFail(Person, { username: 'scheduler' });
  const departments = new Map((await m.find(Department)).map((d) => [d.code, d]));
  const specialists: Person[] = (await m.find(Person, { order: { id: 'ASC' } })).filter((p) => p.roles.includes(Role.SPECIALIST));
  const hosts = (await m.query(
    `SELECT h.id FROM hospital h JOIN consortium_membership cm ON cm.hospital_id = h.id AND cm.consortium_id = $1 WHERE h.tier = ANY($2) ORDER BY h.id`,
    [consortium.id, [HospitalTier.TOWNSHIP, HospitalTier.COMMUNITY]],
  )).map((r: { id: number }) => r.id) as number[];
  const monday = addDays(now, 1 - weekday(now));
  const past = { start: addDays(monday, -91), end: addDays(monday, -1) };
  const current = { start: monday, end: addDays(monday, 34) };
  const calendar = await workingCalendar(m, past.start, current.end);
  const tomorrow = datesIn(addDays(now, 1), current.end).find((d) => calendar.isWorkingDay(d))!;

  // Limits and availability: weekdays over both periods; every fifth specialist has a week of leave next month.
  for (const [i, s] of specialists.entries()) {
    await m.insert(SpecialistLimits, { personId: s.id, maxDaysPerMonth: 4 + (i % 3), maxConsecutiveDays: 2 + (i % 2), maxTravelKm: i % 4 === 3 ? null : 60, maxTravelMinutes: i % 4 === 3 ? 90 : null, updatedById: scheduler.id });
    await m.insert(AvailabilityPeriod, { personId: s.id, kind: AvailabilityKind.AVAILABLE, startDate: past.start, endDate: current.end, weekdays: WEEKDAYS, note: null, createdById: s.id });
    if (i % 5 === 0) await m.insert(AvailabilityPeriod, { personId: s.id, kind: AvailabilityKind.UNAVAILABLE, startDate: addDays(current.start, 14 + (i % 7)), endDate: addDays(current.start, 18 + (i % 7)), weekdays: [], note: '年假', createdById: s.id });
  }
  await m.insert(HostSettings, { hospitalId: hosts[0], dailyCapacity: 3, slotMinutes: 15, slotsPerSession: 12 });

  // Demands: one per host and period, a second at every other host; the past ones for thirteen weeks are three times as large.
  let n = 0;
  for (const [period, scale] of [[past, 3], [current, 1]] as const) {
    for (const [i, hostId] of hosts.entries()) {
      for (const k of i % 2 === 0 ? [0, 1] : [0]) {
        const code = ASKED[(i + k * 4) % ASKED.length];
        await m.insert(RotationDemand, {
          consortiumId: consortium.id, hostHospitalId: hostId, specialtyId: departments.get(code)!.id, expertDays: (2 + ((i + k) % 3)) * scale,
          periodStart: period.start, periodEnd: period.end, preferredWeekdays: (i + k) % 2 ? [2, 4] : [], session: SESSIONS[(i + k) % 3], priority: 2 + ((i * 3 + k) % 4),
          state: DemandState.APPROVED, requestedById: scheduler.id, decidedById: scheduler.id,
        });
        n++;
      }
    }
  }
  await m.insert(RotationDemand, {
    consortiumId: consortium.id, hostHospitalId: hosts[hosts.length - 1], specialtyId: departments.get('ENDOCRINOLOGY')!.id, expertDays: 2,
    periodStart: current.start, periodEnd: current.end, preferredWeekdays: [3], session: SessionTime.MORNING, priority: 3, state: DemandState.REQUESTED, requestedById: scheduler.id,
  });

  const demands = await demandRows(m, 'd.consortium_id = $1 AND d.state = $2', [consortium.id, DemandState.APPROVED]);
  demands.sort((a, b) => b.priority - a.priority || a.id - b.id);
  const context = {
    specialists: await specialistInputs(m, specialists.map((s) => s.id), past.start, current.end),
    hosts: await hostInputs(m, hosts),
    demands: demands.map((d) => demandInput(d)),
    specialtyNames: await specialtyNames(m, [...new Set(demands.map((d) => d.specialtyId))]),
  };
  // The rosters, greedily: highest priority first, each demand's working days (no holidays, make-up days
  // included) from its preferred weekdays; in the current roster the next working day comes first, so
  // there is something to book tomorrow. Checked as a whole every time.
  const placed: CheckedAssignment[] = [];
  for (const d of demands) {
    const days = datesIn(d.periodStart, d.periodEnd).filter((day) => calendar.isWorkingDay(day));
    const preferred = days.filter((day) => !d.preferredWeekdays.length || d.preferredWeekdays.includes(weekday(day)));
    const order = [...new Set([...(d.periodStart === current.start ? [tomorrow] : []), ...preferred, ...days])];
    const candidates = context.specialists.filter((s) => s.specialtyIds.includes(String(d.specialtyId)));
    let got = 0;
    for (const [k, day] of order.entries()) {
      if (got >= d.expertDays) break;
      for (let j = 0; j < candidates.length && got < d.expertDays; j++) {
        const s = candidates[(k + j) % candidates.length];
        const next: CheckedAssignment = { specialistId: s.id, demandId: String(d.id), date: day, session: d.session };
        // Only assignments that can share a rule with this one: the same specialist (double placement,
        // monthly and consecutive limits), the same date (host capacity) or the same demand.
        const related = placed.filter((p) => p.specialistId === s.id || p.date === day || p.demandId === next.demandId);
        if (checkRoster(context, [...related, next]).length === 0) {
          placed.push(next);
          got++;
          break;
        }
      }
    }
  }

  const closedAt = new Date();
  const rosters = {
    past: await m.save(m.create(Roster, { consortiumId: consortium.id, periodStart: past.start, periodEnd: past.end, state: RosterState.CLOSED, publishedAt: new Date(`${past.start}T00:00:00+08:00`), closedAt, createdById: scheduler.id })),
    current: await m.save(m.create(Roster, { consortiumId: consortium.id, periodStart: current.start, periodEnd: current.end, state: RosterState.PUBLISHED, publishedAt: new Date(), createdById: scheduler.id })),
  };
  const byId = new Map(demands.map((d) => [d.id, d]));
  // NOTE: batched (one INSERT per table, not one per row): the demo's eighteen weeks hold hundreds
  // of half-days, and row by row the seed took seconds. The specialist_commitment triggers still
  // run for every assignment row. Clinic sessions are opened as openSession (booking/clinic.ts)
  // opens them, without its events: a seed is not a change anyone is waiting to hear about.
  const ordered = placed.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : Number(x.demandId) - Number(y.demandId)));
  const rows = ordered.map((a) => {
    const d = byId.get(Number(a.demandId))!;
    const roster = a.date < current.start ? rosters.past : rosters.current;
    return m.create(RosterAssignment, {
      rosterId: roster.id, specialistId: Number(a.specialistId), demandId: d.id, hostHospitalId: d.hostId, specialtyId: d.specialtyId, date: a.date,
      session: d.session, during: duringRange(a.date, d.session), state: AssignmentState.ACTIVE, pinned: false, source: AssignmentSource.MANUAL, createdById: scheduler.id,
    });
  });
  if (rows.length) (await m.insert(RosterAssignment, rows)).identifiers.forEach((id, k) => { rows[k].id = id.id; });
  const settingsOf = new Map<number, Awaited<ReturnType<typeof hostSettingsOf>>>();
  for (const hostId of new Set(rows.map((r) => r.hostHospitalId))) settingsOf.set(hostId, await hostSettingsOf(m, hostId));
  const sessions = rows.map((a) => {
    const settings = settingsOf.get(a.hostHospitalId)!;
    return m.create(ClinicSession, {
      rosterId: a.rosterId, assignmentId: a.id, hostHospitalId: a.hostHospitalId, specialistId: a.specialistId, specialtyId: a.specialtyId,
      date: a.date, session: a.session, slotMinutes: settings.slotMinutes, slotCount: settings.slotsPerSession * SESSION_HOURS[a.session].halves.length, state: ClinicSessionState.OPEN,
    });
  });
  if (sessions.length) (await m.insert(ClinicSession, sessions)).identifiers.forEach((id, k) => { sessions[k].id = id.id; });
  const slots = sessions.flatMap((session) => {
    const perHalf = settingsOf.get(session.hostHospitalId)!.slotsPerSession;
    return SESSION_HOURS[session.session].halves.flatMap((half, h) => Array.from({ length: perHalf }, (_, k) => m.create(ClinicSlot, {
      sessionId: session.id, position: h * perHalf + k + 1, startsAt: addMinutes(HALF_DAY_START[half], k * session.slotMinutes),
    })));
  });
  for (let i = 0; i < slots.length; i += 5000) {
    const chunk = slots.slice(i, i + 5000);
    (await m.insert(ClinicSlot, chunk)).identifiers.forEach((id, k) => { chunk[k].id = id.id; });
  }
  const slotsOf = new Map<number, ClinicSlot[]>();
  for (const slot of slots) slotsOf.set(slot.sessionId, [...(slotsOf.get(slot.sessionId) ?? []), slot]);

  // Bookings: in every past session a share of the slots was used; in the current roster the host's
  // own patients, booked by the host's first doctor, into its first sessions from tomorrow on.
  const patientsAt = new Map<number, Patient[]>();
  const doctorAt = new Map<number, Person | undefined>();
  const newBookings: Partial<Booking>[] = [];
  const held: number[] = [];
  const bookedAt = new Set<number>();
  for (const [k, session] of sessions.entries()) {
    const past = session.date < now;
    if (!past && (session.date < tomorrow || bookedAt.has(session.hostHospitalId))) continue;
    bookedAt.add(session.hostHospitalId);
    if (!patientsAt.has(session.hostHospitalId)) {
      patientsAt.set(session.hostHospitalId, await m.find(Patient, { where: { hospitalId: session.hostHospitalId }, order: { id: 'ASC' }, take: 4 }));
      doctorAt.set(session.hostHospitalId, (await m.find(Person, { where: { hospitalId: session.hostHospitalId }, order: { id: 'ASC' } })).find((p) => p.roles.includes(Role.TOWNSHIP_DOCTOR)));
    }
    const doctor = doctorAt.get(session.hostHospitalId);
    // A fresh session's free slots are its first ones, in order.
    const free = (slotsOf.get(session.id) ?? []).sort((x, y) => x.position - y.position);
    for (const [j, p] of patientsAt.get(session.hostHospitalId)!.slice(0, past ? 1 + (k % 4) : 2).entries()) {
      if (!free[j] || !doctor) break;
      newBookings.push({ slotId: free[j].id, sessionId: session.id, patientId: p.id, hospitalId: p.hospitalId, bookedById: doctor.id, state: BookingState.BOOKED });
    }
    // Held sessions are closed.
    if (past && session.date < current.start) held.push(session.id);
  }
  if (newBookings.length) await m.insert(Booking, newBookings);
  if (held.length) await m.update(ClinicSession, { id: In(held) }, { state: ClinicSessionState.CLOSED });
  const bookings = newBookings.length;
  return { demands: n, assignments: placed.length, sessions: sessions.length, bookings };
}
