/**
 * Extra fixture for the rotation tests (the shared fixture stays as it is): a far township
 * hospital, more specialists, and helpers for dates in the consortium's calendar and GraphQL
 * calls that must succeed or must fail with a given code.
 */
import { DataSource } from 'typeorm';
import { addPerson, passwordHash } from '../support/people';
import { Role, Title } from '../../src/auth/roles';
import { ConsortiumMembership, Department, Hospital, Patient, Person } from '../../src/consortium/entities';
import { HospitalTier, Sex } from '../../src/consortium/kinds';
import { hashNationalId, maskNationalId } from '../../src/consortium/national-id';
import { addDays, dayNumber, today, weekday } from '../../src/roster/calendar';
import { validNationalId } from '../support/fixture';
import { TestHub } from '../support/hub';

export { addDays, today, weekday };

/** The first and last day of next month in the consortium's calendar: always entirely in the future. */
export function nextMonth(): { start: string; end: string; days: string[] } {
  const now = today();
  const [y, m] = now.split('-').map(Number);
  const start = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const [sy, sm] = start.split('-').map(Number);
  const following = sm === 12 ? `${sy + 1}-01-01` : `${sy}-${String(sm + 1).padStart(2, '0')}-01`;
  const end = addDays(following, -1);
  const days: string[] = [];
  for (let d = dayNumber(start)!; d <= dayNumber(end)!; d++) days.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
  return { start, end, days };
}

import { ok } from '../support/graphql';

export { ok, refusal } from '../support/graphql';

export interface RotationExtras {
  far: Hospital;
  neurology: Department;
  specialist2: Person;
  neurologist: Person;
}

/** A township hospital about 130 km away, a second cardiologist and a neurologist at the tertiary hospital. */
export async function addRotationExtras(t: TestHub): Promise<RotationExtras> {
  const f = t.fixture;
  return t.database.db.transaction(async (m) => {
    const far = await m.save(m.create(Hospital, { name: '远镇卫生院', tier: HospitalTier.TOWNSHIP, county: '测试县', latitude: 37.0, longitude: 118.6 }));
    await m.insert(ConsortiumMembership, { consortiumId: f.consortium.id, hospitalId: far.id });
    const neurology = await m.findOneByOrFail(Department, { code: 'NEUROLOGY' });
    const hash = await passwordHash();
    const person = (username: string, specialty: number) =>
      addPerson(m, { username, roles: [Role.SPECIALIST], hospitalId: f.tertiary.id, title: Title.ASSOCIATE_CHIEF, specialtyIds: [specialty] }, hash);
    return { far, neurology, specialist2: await person('specialist2', f.cardiology.id), neurologist: await person('neurologist', neurology.id) };
  });
}

/** Another specialist at the fixture's tertiary hospital, able to sign in with the fixture password. */
export async function addSpecialist(t: TestHub, username: string, specialtyId: number): Promise<Person> {
  return t.database.db.transaction((m) => addPerson(m, { username, roles: [Role.SPECIALIST], hospitalId: t.fixture.tertiary.id, title: Title.ATTENDING, specialtyIds: [specialtyId] }));
}

/** `count` patients registered at a hospital, straight into the table (for load tests). */
export async function addPatients(db: DataSource, hospitalId: number, count: number, nationalIdKey: string, serialBase = 600): Promise<number[]> {
  const ids: number[] = [];
  await db.transaction(async (m) => {
    for (let i = 0; i < count; i++) {
      const birth = addDays('1950-01-01', i * 37);
      const nationalId = validNationalId(birth, String(serialBase + (i % 300)).padStart(3, '0').slice(-3));
      const p = await m.save(m.create(Patient, {
        name: `批量患者${i}`, sex: i % 2 ? Sex.MALE : Sex.FEMALE, birthDate: birth, hospitalId,
        nationalIdHash: hashNationalId(`${nationalId}-${hospitalId}-${i}`, nationalIdKey), nationalIdMasked: maskNationalId(nationalId),
      }));
      ids.push(p.id);
    }
  });
  return ids;
}

export const GQL = {
  recordAvailability: `mutation($i: RecordAvailabilityInput!) { recordAvailability(input: $i) { specialistId availableDates blockedDates effectiveTravelKm limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes } periods { id kind startDate endDate weekdays } } }`,
  requestDemand: `mutation($i: RequestDemandInput!) { requestRotationDemand(input: $i) { id state expertDays session priority } }`,
  approveDemand: `mutation($i: DecideDemandInput!) { approveRotationDemand(input: $i) { id state } }`,
  createRoster: `mutation($i: CreateRosterInput!) { createRoster(input: $i) { id state periodStart periodEnd } }`,
  assign: `mutation($i: AssignSpecialistInput!) { assignSpecialist(input: $i) { assignments { id date session pinned state specialist { id } host { id } } } }`,
  move: `mutation($i: MoveAssignmentInput!) { moveAssignment(input: $i) { assignments { id date specialist { id } } removed { id state removedReason } bookingsMoved bookingsFlagged } }`,
  remove: `mutation($i: RemoveAssignmentInput!) { removeAssignment(input: $i) { removed { id state } bookingsMoved bookingsFlagged } }`,
  publish: `mutation($id: ID!) { publishRoster(id: $id) { id state publishedAt } }`,
  violations: `query($id: ID!) { rosterViolations(rosterId: $id) { rule message date assignmentIds } }`,
  book: `mutation($i: BookSlotInput!) { bookClinicSlot(input: $i) { id state slot { position startsAt } clinicSession { id } } }`,
};

/** Records limits and availability for a specialist through the API, as their scheduler. */
export async function makeAvailable(t: TestHub, token: string, specialistId: number, dates: { from: string; to: string; weekdays?: number[] }[], limits: Record<string, number> = {}, unavailable: { from: string; to: string }[] = []) {
  return ok(await t.gql(GQL.recordAvailability, {
    i: {
      specialistId, limits: { maxDaysPerMonth: 10, maxConsecutiveDays: 3, maxTravelKm: 50, ...limits },
      available: dates.map((d) => ({ weekdays: [], ...d })), unavailable,
    },
  }, token)).recordAvailability;
}

/** Requests and approves a demand; returns its id. */
export async function approvedDemand(t: TestHub, hostToken: string, schedulerToken: string, input: Record<string, unknown>): Promise<string> {
  const f = t.fixture;
  const demand = ok(await t.gql(GQL.requestDemand, {
    i: { consortiumId: f.consortium.id, specialtyId: f.cardiology.id, expertDays: 4, preferredWeekdays: [], session: 'MORNING', priority: 3, ...input },
  }, hostToken)).requestRotationDemand;
  ok(await t.gql(GQL.approveDemand, { i: { id: demand.id } }, schedulerToken));
  return demand.id;
}
