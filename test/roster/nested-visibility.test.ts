import { startTestHub, TestHub } from '../support/hub';
import { approvedDemand, GQL, makeAvailable, nextMonth, ok, refusal } from './rotation-support';

/**
 * Issue 13 (9): `roster(id) { assignments { demand } }` returned demands that `rotationDemand(id)`
 * refuses to the same user. Nested fields now obey the visibility of their own queries.
 */
let t: TestHub;
let scheduler: string;
let doctorA: string;
let doctorB: string;
let specialist: string;
let rosterId: string;
let demandA: string;
let demandB: string;
const month = nextMonth();
const NESTED = 'query($id: ID!) { roster(id: $id) { state assignments { host { id } demand { id hostId: host { id } } } } }';

beforeAll(async () => {
  t = await startTestHub();
  const f = t.fixture;
  [scheduler, doctorA, doctorB, specialist] = await Promise.all(['scheduler', 'doctor.a', 'doctor.b', 'specialist'].map((u) => t.signIn(u)));
  await makeAvailable(t, scheduler, f.users.specialist.id, [{ from: month.start, to: month.end }], { maxDaysPerMonth: 10, maxConsecutiveDays: 5 });
  demandA = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, expertDays: 2, periodStart: month.start, periodEnd: month.end });
  demandB = await approvedDemand(t, doctorB, scheduler, { hostId: f.townshipB.id, expertDays: 2, periodStart: month.start, periodEnd: month.end });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: month.start, periodEnd: month.end } }, scheduler)).createRoster.id;
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: f.users.specialist.id, demandId: demandA, dates: [month.days[2]] } }, scheduler));
  ok(await t.gql(GQL.assign, { i: { rosterId, specialistId: f.users.specialist.id, demandId: demandB, dates: [month.days[5]] } }, scheduler));
  ok(await t.gql(GQL.publish, { id: rosterId }, scheduler));
}, 60_000);
afterAll(async () => { await t.stop(); });

describe('nested fields obey the visibility of their own queries', () => {
  it("shows a host's staff only their own hospital's demand through a published roster, exactly as rotationDemand(id) does", async () => {
    const f = t.fixture;
    const seen = ok(await t.gql(NESTED, { id: rosterId }, doctorB)).roster;
    expect(seen.state).toBe('PUBLISHED');
    const byHost = Object.fromEntries(seen.assignments.map((a: any) => [a.host.id, a.demand]));
    expect(byHost).toEqual({ [f.townshipA.id]: null, [f.townshipB.id]: { id: demandB, hostId: { id: String(f.townshipB.id) } } });
    expect(refusal(await t.gql('query($id: ID!) { rotationDemand(id: $id) { id } }', { id: demandA }, doctorB)).code).toBe('NOT_FOUND');
    ok(await t.gql('query($id: ID!) { rotationDemand(id: $id) { id } }', { id: demandB }, doctorB));
  });

  it('for every viewer and assignment: the nested demand is there exactly when rotationDemand(id) answers', async () => {
    for (const token of [scheduler, doctorA, doctorB, specialist]) {
      const roster = ok(await t.gql('query($id: ID!) { roster(id: $id) { assignments { demand { id } } } }', { id: rosterId }, token)).roster;
      for (const [i, id] of [demandA, demandB].entries()) {
        const direct = await t.gql('query($id: ID!) { rotationDemand(id: $id) { id } }', { id }, token);
        const nested = roster.assignments[i].demand;
        expect([nested?.id ?? null, direct.data?.rotationDemand?.id ?? null]).toEqual([direct.errors ? null : id, direct.errors ? null : id]);
      }
    }
  });
});
