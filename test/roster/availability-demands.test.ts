import { startTestHub, TestHub } from '../support/hub';
import { addDays, addRotationExtras, GQL, nextMonth, ok, refusal, RotationExtras, today } from './rotation-support';

let t: TestHub;
let x: RotationExtras;
let scheduler: string;
let specialist: string;
let specialist2: string;
let doctorA: string;
let doctorB: string;
beforeAll(async () => {
  t = await startTestHub();
  x = await addRotationExtras(t);
  [scheduler, specialist, specialist2, doctorA, doctorB] = await Promise.all(['scheduler', 'specialist', 'specialist2', 'doctor.a', 'doctor.b'].map((u) => t.signIn(u)));
});
afterAll(async () => { await t.stop(); });

const month = nextMonth();
const record = (token: string, i: Record<string, unknown>) => t.gql(GQL.recordAvailability, { i }, token);
const limits = { maxDaysPerMonth: 8, maxConsecutiveDays: 3, maxTravelKm: 40 };

describe('availability', () => {
  it('lets a specialist record their own limits, available days and days they cannot', async () => {
    const view = ok(await record(specialist, {
      limits,
      available: [{ from: month.start, to: addDays(month.start, 13), weekdays: [1, 2, 3, 4, 5] }],
      unavailable: [{ from: addDays(month.start, 14), to: addDays(month.start, 16), note: '年假' }],
    })).recordAvailability;
    expect(view.limits).toEqual({ maxDaysPerMonth: 8, maxConsecutiveDays: 3, maxTravelKm: 40, maxTravelMinutes: null });
    expect(view.specialistId).toBe(String(t.fixture.users.specialist.id));
    // Two full weeks, weekdays only: exactly 10 dates, none a weekend.
    const inRange = view.availableDates.filter((d: string) => d <= addDays(month.start, 13));
    expect(inRange).toHaveLength(10);
    expect(view.blockedDates).toEqual([addDays(month.start, 14), addDays(month.start, 15), addDays(month.start, 16)]);
    expect(view.periods.map((p: any) => p.kind).sort()).toEqual(['AVAILABLE', 'UNAVAILABLE']);
  });

  it('turns a travel-time limit into the km the rules apply, and says so', async () => {
    const view = ok(await record(specialist2, { limits: { maxDaysPerMonth: 5, maxConsecutiveDays: 2, maxTravelMinutes: 60 }, available: [{ from: month.start, to: month.end }] })).recordAvailability;
    expect(view.limits.maxTravelMinutes).toBe(60);
    expect(view.effectiveTravelKm).toBeCloseTo((60 * 40) / 60 / 1.3, 2);
  });

  it.each([
    ['a reversed range', { available: [{ from: addDays(month.start, 5), to: month.start }] }, 'available[0].to', /reversed/],
    ['a date in the past', { available: [{ from: addDays(today(), -3), to: addDays(today(), 2) }] }, 'available[0].from', /in the past/],
    ['a reversed unavailable range', { unavailable: [{ from: month.end, to: month.start }] }, 'unavailable[0].to', /reversed/],
    ['a day both offered and refused', { available: [{ from: month.start, to: addDays(month.start, 3) }], unavailable: [{ from: addDays(month.start, 3), to: addDays(month.start, 5) }] }, 'available[0]', /refuses/],
    ['weekdays that never occur in the range', { available: [{ from: month.start, to: month.start, weekdays: [weekdayAfter(month.start)] }] }, 'available[0].weekdays', /none of the weekdays/],
    ['limits without any travel limit', { limits: { maxDaysPerMonth: 8, maxConsecutiveDays: 3 } }, 'limits.maxTravelKm', /maxTravelKm or maxTravelMinutes/],
  ])('refuses %s with an error naming the field', async (_what, input, field, message) => {
    const error = refusal(await record(specialist, input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['maxDaysPerMonth', 0], ['maxConsecutiveDays', -1], ['maxTravelKm', 0], ['maxTravelMinutes', 0],
  ])('refuses a limit %s of %s (limits must be positive)', async (name, value) => {
    const error = refusal(await record(specialist, { limits: { ...limits, [name]: value } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(`limits.${name}`);
    expect(error.message).toContain(name);
  });

  it('needs limits the first time availability is recorded', async () => {
    const error = refusal(await record(scheduler, { specialistId: x.neurologist.id, available: [{ from: month.start, to: month.end }] }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('limits');
    expect(error.message).toMatch(/needs their limits/);
  });

  it("keeps one specialist out of another's availability, and lets their scheduler in", async () => {
    const denied = refusal(await record(specialist2, { specialistId: t.fixture.users.specialist.id, available: [{ from: month.start, to: month.start }] }));
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).toMatch(/schedulers of their consortia/);
    expect(refusal(await record(doctorA, { specialistId: t.fixture.users.specialist.id, available: [{ from: month.start, to: month.start }] })).code).toBe('FORBIDDEN');
    const view = ok(await record(scheduler, { specialistId: x.neurologist.id, limits, available: [{ from: month.start, to: addDays(month.start, 6) }] })).recordAvailability;
    expect(view.availableDates).toHaveLength(7);
    expect(refusal(await t.gql('query($id: ID) { specialistAvailability(specialistId: $id) { availableDates } }', { id: t.fixture.users.specialist.id }, doctorB)).code).toBe('FORBIDDEN');
  });
});

describe('host settings', () => {
  it('has defaults, and only schedulers of the host consortia change them, within a half-day', async () => {
    const q = 'query($h: ID!) { hostSettings(hostId: $h) { dailyCapacity slotMinutes slotsPerSession } }';
    expect(ok(await t.gql(q, { h: t.fixture.townshipA.id }, doctorA)).hostSettings).toEqual({ dailyCapacity: 2, slotMinutes: 20, slotsPerSession: 10 });
    const set = 'mutation($i: HostSettingsInput!) { setHostSettings(input: $i) { dailyCapacity slotMinutes slotsPerSession } }';
    expect(refusal(await t.gql(set, { i: { hostId: t.fixture.townshipA.id, dailyCapacity: 3 } }, doctorA)).code).toBe('FORBIDDEN');
    const tooLong = refusal(await t.gql(set, { i: { hostId: t.fixture.townshipA.id, slotMinutes: 30, slotsPerSession: 9 } }, scheduler));
    expect(tooLong.code).toBe('BAD_USER_INPUT');
    expect(tooLong.message).toMatch(/270 minutes, more than the 240/);
    expect(ok(await t.gql(set, { i: { hostId: t.fixture.townshipA.id, dailyCapacity: 3, slotMinutes: 15 } }, scheduler)).setHostSettings).toEqual({ dailyCapacity: 3, slotMinutes: 15, slotsPerSession: 10 });
    const notHost = refusal(await t.gql(set, { i: { hostId: t.fixture.tertiary.id, dailyCapacity: 3 } }, scheduler));
    expect(notHost.code).toBe('BAD_USER_INPUT');
    expect(notHost.message).toMatch(/^hostId: .+ is a tertiary hospital; visiting experts are sent to township, community and secondary hospitals$/);
    // The same refusal to a Chinese reader.
    const zh = await fetch(t.hub.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'zh-CN' },
      body: JSON.stringify({ query: set, variables: { i: { hostId: t.fixture.tertiary.id, dailyCapacity: 3 } } }),
    });
    expect((await zh.json()).errors[0]).toMatchObject({ message: expect.stringMatching(/^hostId：.+ 是三级医院；下沉专家只派往乡镇、社区和二级医院$/), extensions: { code: 'BAD_USER_INPUT', field: 'hostId' } });
  });
});

describe('demands', () => {
  const base = () => ({ consortiumId: t.fixture.consortium.id, hostId: t.fixture.townshipA.id, specialtyId: t.fixture.cardiology.id, expertDays: 4, periodStart: month.start, periodEnd: month.end, preferredWeekdays: [2, 4], session: 'MORNING', priority: 4 });

  it('is asked for by the host, approved or declined by schedulers, and follows its state machine', async () => {
    const demand = ok(await t.gql(GQL.requestDemand, { i: base() }, doctorA)).requestRotationDemand;
    expect(demand).toMatchObject({ state: 'REQUESTED', expertDays: 4, session: 'MORNING', priority: 4 });
    expect(refusal(await t.gql(GQL.approveDemand, { i: { id: demand.id } }, doctorA)).code).toBe('FORBIDDEN');
    expect(ok(await t.gql(GQL.approveDemand, { i: { id: demand.id } }, scheduler)).approveRotationDemand.state).toBe('APPROVED');
    const again = refusal(await t.gql('mutation($i: DecideDemandInput!) { declineRotationDemand(input: $i) { id } }', { i: { id: demand.id, reason: '专家不足' } }, scheduler));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/APPROVED and cannot become DECLINED \(APPROVED is final\)/);

    const other = ok(await t.gql(GQL.requestDemand, { i: { ...base(), priority: 1 } }, doctorA)).requestRotationDemand;
    const noReason = refusal(await t.gql('mutation($i: DecideDemandInput!) { declineRotationDemand(input: $i) { id } }', { i: { id: other.id } }, scheduler));
    expect(noReason.code).toBe('BAD_USER_INPUT');
    expect(noReason.field).toBe('reason');
    const declined = ok(await t.gql('mutation($i: DecideDemandInput!) { declineRotationDemand(input: $i) { state decisionReason } }', { i: { id: other.id, reason: '本月专家不足' } }, scheduler));
    expect(declined.declineRotationDemand).toEqual({ state: 'DECLINED', decisionReason: '本月专家不足' });
  });

  it('is visible to the host and the schedulers, not to other hospitals', async () => {
    const mine = ok(await t.gql('{ rotationDemands { nodes { id host { id } } } }', {}, doctorA)).rotationDemands.nodes;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d: any) => d.host.id === String(t.fixture.townshipA.id))).toBe(true);
    expect(ok(await t.gql('{ rotationDemands { nodes { id } } }', {}, doctorB)).rotationDemands.nodes).toEqual([]);
    expect(ok(await t.gql('{ rotationDemands { totalCount } }', {}, scheduler)).rotationDemands.totalCount).toBe(mine.length);
    expect(refusal(await t.gql(GQL.requestDemand, { i: base() }, doctorB)).code).toBe('FORBIDDEN');
  });

  it.each([
    ['a reversed period', { periodStart: month.end, periodEnd: month.start }, 'periodEnd', /reversed/],
    ['a start in the past', { periodStart: addDays(today(), -1) }, 'periodStart', /in the past/],
    ['zero expert-days', { expertDays: 0 }, 'expertDays', /at least 1/],
    ['priority 6', { priority: 6 }, 'priority', /at most 5/],
    ['weekday 8', { preferredWeekdays: [8] }, 'preferredWeekdays', /1 \(Monday\) to 7/],
    ['a tertiary host', { hostId: 'TERTIARY' }, 'hostId', /township, community and secondary/],
    ['a host outside the consortium', { consortiumId: 'OTHER' }, 'hostId', /not a member/],
  ])('refuses %s', async (_what, change, field, message) => {
    const i: Record<string, unknown> = { ...base(), ...change };
    if (i.hostId === 'TERTIARY') i.hostId = t.fixture.tertiary.id;
    if (i.consortiumId === 'OTHER') i.consortiumId = t.fixture.otherConsortium.id;
    const token = i.consortiumId === t.fixture.otherConsortium.id ? doctorA : i.hostId === t.fixture.tertiary.id ? scheduler : doctorA;
    const error = refusal(await t.gql(GQL.requestDemand, { i }, token));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

/** A weekday that does not occur on `date` (the range is that single date). */
function weekdayAfter(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  const iso = d === 0 ? 7 : d;
  return (iso % 7) + 1;
}
