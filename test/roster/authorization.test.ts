import { startTestHub, TestHub } from '../support/hub';
import { addDays, approvedDemand, GQL, makeAvailable, nextMonth, ok } from './rotation-support';

/**
 * Every rotation operation, as every role and as nobody. Schedulers manage their consortia's
 * rosters; specialists see their own calendar and record their own availability; township
 * doctors see sessions at hosts of their consortia and book for their own hospital's patients;
 * host staff see their host's demands and sessions.
 */
type Who = 'anonymous' | 'admin' | 'scheduler' | 'specialist' | 'doctorA' | 'doctorB';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
const WHO: Who[] = ['anonymous', 'admin', 'scheduler', 'specialist', 'doctorA', 'doctorB'];
const USERNAME: Record<Exclude<Who, 'anonymous'>, string> = { admin: 'admin', scheduler: 'scheduler', specialist: 'specialist', doctorA: 'doctor.a', doctorB: 'doctor.b' };

let t: TestHub;
const tokens: Partial<Record<Who, string>> = {};
const month = nextMonth();
let published: string;
let draft: string;
let sessionId: string;
let serial = 0;

beforeAll(async () => {
  t = await startTestHub();
  for (const who of WHO) if (who !== 'anonymous') tokens[who] = await t.signIn(USERNAME[who]);
  const f = t.fixture;
  await makeAvailable(t, tokens.scheduler!, f.users.specialist.id, [{ from: month.start, to: month.end }]);
  const demandId = await approvedDemand(t, tokens.doctorA!, tokens.scheduler!, { hostId: f.townshipA.id, periodStart: month.start, periodEnd: month.end });
  published = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, tokens.scheduler)).createRoster.id;
  ok(await t.gql(GQL.assign, { i: { rosterId: published, specialistId: f.users.specialist.id, demandId, dates: [month.days[4]] } }, tokens.scheduler));
  ok(await t.gql(GQL.publish, { id: published }, tokens.scheduler));
  sessionId = (await t.database.db.query('SELECT id FROM clinic_session'))[0].id;
  draft = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: addDays(month.end, 1), periodEnd: addDays(month.end, 20) } }, tokens.scheduler)).createRoster.id;
}, 60_000);
afterAll(async () => { await t.stop(); });

interface Operation {
  name: string;
  query: string;
  variables: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>>;
}

const operations = (): Operation[] => {
  const f = t.fixture;
  const schedulerOnly: Partial<Record<Who, Outcome>> = { scheduler: 'ok' };
  const newDemand = async () => ({
    i: { id: ok(await t.gql(GQL.requestDemand, { i: { consortiumId: f.consortium.id, hostId: f.townshipA.id, specialtyId: f.cardiology.id, expertDays: 1, periodStart: month.start, periodEnd: month.end, preferredWeekdays: [], session: 'MORNING', priority: 1 } }, tokens.doctorA)).requestRotationDemand.id, reason: '测试原因' },
  });
  const farMonth = () => {
    const start = addDays(month.end, 60 + 30 * ++serial);
    return { i: { consortiumId: f.consortium.id, periodStart: start, periodEnd: addDays(start, 10) } };
  };
  return [
    { name: 'specialistAvailability of the specialist', query: 'query($id: ID) { specialistAvailability(specialistId: $id) { availableDates } }', variables: () => ({ id: f.users.specialist.id }), expect: { specialist: 'ok', scheduler: 'ok' } },
    {
      name: 'recordAvailability for the specialist', query: GQL.recordAvailability,
      variables: () => ({ i: { specialistId: f.users.specialist.id, available: [{ from: month.days[20], to: month.days[21] }] } }), expect: { specialist: 'ok', scheduler: 'ok' },
    },
    { name: 'hostSettings of A', query: 'query($h: ID!) { hostSettings(hostId: $h) { dailyCapacity } }', variables: () => ({ h: f.townshipA.id }), expect: { scheduler: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    { name: 'setHostSettings of A', query: 'mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { dailyCapacity } }', variables: () => ({ i: { hostId: f.townshipA.id, dailyCapacity: 2 } }), expect: schedulerOnly },
    { name: 'rotationDemands (filtered to what one may see)', query: '{ rotationDemands { nodes { id } } }', variables: () => ({}), expect: { admin: 'ok', scheduler: 'ok', specialist: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    {
      name: 'requestRotationDemand at A', query: GQL.requestDemand,
      variables: () => ({ i: { consortiumId: f.consortium.id, hostId: f.townshipA.id, specialtyId: f.cardiology.id, expertDays: 1, periodStart: month.start, periodEnd: month.end, preferredWeekdays: [], session: 'MORNING', priority: 1 } }),
      expect: { scheduler: 'ok', doctorA: 'ok' },
    },
    { name: 'approveRotationDemand', query: GQL.approveDemand, variables: newDemand, expect: schedulerOnly },
    { name: 'withdrawRotationDemand (the host)', query: 'mutation($i: DecideDemandInput!) { withdrawRotationDemand(input: $i) { state } }', variables: newDemand, expect: { scheduler: 'ok', doctorA: 'ok' } },
    { name: 'createRoster', query: GQL.createRoster, variables: farMonth, expect: schedulerOnly },
    { name: 'rosters of the consortium (drafts hidden from non-schedulers)', query: 'query($c: ID!) { rosters(consortiumId: $c) { id } }', variables: () => ({ c: f.consortium.id }), expect: { admin: 'ok', scheduler: 'ok', specialist: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    { name: 'published roster', query: 'query($id: ID!) { roster(id: $id) { state } }', variables: () => ({ id: published }), expect: { admin: 'ok', scheduler: 'ok', specialist: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    { name: 'draft roster', query: 'query($id: ID!) { roster(id: $id) { state } }', variables: () => ({ id: draft }), expect: { scheduler: 'ok', admin: 'NOT_FOUND', specialist: 'NOT_FOUND', doctorA: 'NOT_FOUND', doctorB: 'NOT_FOUND' } },
    { name: 'rosterViolations', query: GQL.violations, variables: () => ({ id: published }), expect: schedulerOnly },
    { name: 'publishRoster (draft)', query: GQL.publish, variables: () => ({ id: draft }), expect: { scheduler: 'ok' } },
    { name: "the specialist's rotationCalendar", query: 'query($id: ID) { rotationCalendar(specialistId: $id) { id } }', variables: () => ({ id: f.users.specialist.id }), expect: { specialist: 'ok', scheduler: 'ok' } },
    { name: 'hostSessions of A', query: 'query($h: ID!) { hostSessions(hostId: $h) { id } }', variables: () => ({ h: f.townshipA.id }), expect: { scheduler: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    { name: 'clinicSession', query: 'query($id: ID!) { clinicSession(id: $id) { freeSlots } }', variables: () => ({ id: sessionId }), expect: { scheduler: 'ok', specialist: 'ok', doctorA: 'ok', doctorB: 'ok', admin: 'NOT_FOUND' } },
    { name: 'bookClinicSlot for patient A', query: GQL.book, variables: () => ({ i: { sessionId, patientId: f.patientA.id } }), expect: { doctorA: 'ok', admin: 'NOT_FOUND', scheduler: 'NOT_FOUND', specialist: 'NOT_FOUND', doctorB: 'NOT_FOUND' } },
    { name: "patient A's bookings", query: 'query($p: ID!) { patientBookings(patientId: $p) { id } }', variables: () => ({ p: f.patientA.id }), expect: { doctorA: 'ok', admin: 'NOT_FOUND', scheduler: 'NOT_FOUND', specialist: 'NOT_FOUND', doctorB: 'NOT_FOUND' } },
    { name: 'bookingsNeedingRebooking', query: '{ bookingsNeedingRebooking { id } }', variables: () => ({}), expect: { specialist: 'ok', doctorA: 'ok', doctorB: 'ok' } },
    { name: 'startRosterOptimization', query: 'mutation($i: StartOptimizationInput!) { startRosterOptimization(input: $i) { id } }', variables: async () => ({ i: { rosterId: ok(await t.gql(GQL.createRoster, farMonth(), tokens.scheduler)).createRoster.id } }), expect: schedulerOnly },
  ];
};

describe('rotation authorization matrix', () => {
  it('answers, hides, forbids or asks to sign in exactly as the policy says, for every role and operation', async () => {
    const mismatches: string[] = [];
    for (const op of operations()) {
      for (const who of WHO) {
        const expected: Outcome = who === 'anonymous' ? 'UNAUTHENTICATED' : op.expect[who] ?? 'FORBIDDEN';
        const r = await t.gql(op.query, await op.variables(), tokens[who]);
        const actual = r.errors ? r.errors[0].extensions?.code : 'ok';
        if (actual !== expected) mismatches.push(`${op.name} as ${who}: expected ${expected}, got ${actual} ${r.errors ? r.errors[0].message : ''}`);
        if (actual === 'FORBIDDEN' && !/only|Only|visible to|are for/.test(r.errors![0].message)) mismatches.push(`${op.name} as ${who}: unhelpful message "${r.errors![0].message}"`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('hides draft rosters from everyone but schedulers in lists too', async () => {
    const ids = async (who: Who) => ok(await t.gql('query($c: ID!) { rosters(consortiumId: $c) { id state } }', { c: t.fixture.consortium.id }, tokens[who])).rosters;
    expect((await ids('doctorA')).every((r: any) => r.state !== 'DRAFT')).toBe(true);
    expect((await ids('scheduler')).some((r: any) => r.state === 'DRAFT')).toBe(true);
  });
});
