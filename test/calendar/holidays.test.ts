import { startTestHub, TestHub } from '../support/hub';
import { addDays, approvedDemand, GQL, makeAvailable, ok, refusal, today, weekday } from '../roster/rotation-support';

/**
 * The holiday calendar: the State Council's notices (chinese-days), the statutory days for a
 * year not yet published, administrators' overrides; and the optimizer, which leaves holidays
 * empty unless the demand asks for them and treats make-up working days as working days.
 */
let t: TestHub;
let admin: string;
let scheduler: string;
let doctorA: string;
const HOLIDAYS = 'query($from: String!, $to: String!) { holidays(from: $from, to: $to) { date kind name nameEn source } }';
const SET = 'mutation($i: SetCalendarDayInput!) { setCalendarDay(input: $i) { date kind nameZh nameEn } }';

beforeAll(async () => {
  t = await startTestHub();
  [admin, scheduler, doctorA] = await Promise.all(['admin', 'scheduler', 'doctor.a'].map((u) => t.signIn(u)));
});
afterAll(async () => { await t.stop(); });

describe('the holidays query', () => {
  it("gives the State Council notice's holidays and make-up working days (2026 National Day)", async () => {
    const days = ok(await t.gql(HOLIDAYS, { from: '2026-09-19', to: '2026-10-11' }, doctorA)).holidays;
    const byDate = Object.fromEntries(days.map((d: any) => [d.date, d]));
    expect(byDate['2026-09-20']).toMatchObject({ kind: 'MAKEUP_WORKDAY', name: '国庆节', source: 'STATE_COUNCIL_NOTICE' });
    expect(byDate['2026-10-10']).toMatchObject({ kind: 'MAKEUP_WORKDAY', name: '国庆节' });
    for (let d = 1; d <= 7; d++) expect(byDate[`2026-10-0${d}`]).toMatchObject({ kind: 'HOLIDAY', name: '国庆节', nameEn: 'National Day' });
    expect(byDate['2026-09-25']).toMatchObject({ kind: 'HOLIDAY', name: '中秋' });
    expect(byDate['2026-10-09']).toBeUndefined(); // an ordinary Friday
  });

  it('gives the statutory days for a year whose notice is not published yet (元旦 and 春节 2027)', async () => {
    const days = ok(await t.gql(HOLIDAYS, { from: '2027-01-01', to: '2027-02-28' }, doctorA)).holidays;
    expect(days[0]).toEqual({ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦', nameEn: "New Year's Day", source: 'STATUTORY' });
    // Lunar new year 2027 is 6 February: 除夕 and the first three days.
    expect(days.filter((d: any) => d.name === '春节').map((d: any) => d.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  it('takes overrides from administrators only, and says what is wrong with a date', async () => {
    expect(refusal(await t.gql(SET, { i: { date: '2027-02-09', kind: 'HOLIDAY', nameZh: '春节' } }, scheduler))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/administrators/) });
    expect(refusal(await t.gql(SET, { i: { date: '2027-02-30', kind: 'HOLIDAY', nameZh: '春节' } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(ok(await t.gql(SET, { i: { date: '2027-02-09', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' } }, admin)).setCalendarDay)
      .toEqual({ date: '2027-02-09', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' });
    ok(await t.gql(SET, { i: { date: '2027-02-20', kind: 'WORKDAY', nameZh: '春节调休' } }, admin)); // a Saturday
    ok(await t.gql(SET, { i: { date: '2027-02-06', kind: 'WORKDAY', nameZh: '测试' } }, admin)); // a Saturday holiday turned into a worked day
    const days = ok(await t.gql(HOLIDAYS, { from: '2027-02-01', to: '2027-02-28' }, doctorA)).holidays;
    expect(days.map((d: any) => `${d.date} ${d.kind} ${d.source}`)).toEqual([
      '2027-02-05 HOLIDAY STATUTORY', '2027-02-06 MAKEUP_WORKDAY OVERRIDE', '2027-02-07 HOLIDAY STATUTORY', '2027-02-08 HOLIDAY STATUTORY',
      '2027-02-09 HOLIDAY OVERRIDE', '2027-02-20 MAKEUP_WORKDAY OVERRIDE',
    ]);
    expect(ok(await t.gql('mutation { clearCalendarDay(date: "2027-02-06") }', {}, admin)).clearCalendarDay).toBe(true);
    const after = ok(await t.gql(HOLIDAYS, { from: '2027-02-06', to: '2027-02-06' }, doctorA)).holidays;
    expect(after).toEqual([{ date: '2027-02-06', kind: 'HOLIDAY', name: '春节', nameEn: 'Spring Festival', source: 'STATUTORY' }]);
  });
});

describe('the optimizer and holidays', () => {
  it('leaves a holiday empty, uses a make-up working day, and covers a holiday only for a demand that asks for it', async () => {
    const f = t.fixture;
    // A future Monday-to-Sunday week with no holiday of its own; then a holiday on its Wednesday and a make-up Saturday.
    let monday = addDays(today(), 14);
    while (weekday(monday) !== 1) monday = addDays(monday, 1);
    while (ok(await t.gql(HOLIDAYS, { from: monday, to: addDays(monday, 6) }, admin)).holidays.length) monday = addDays(monday, 7);
    const [wednesday, saturday, sunday] = [addDays(monday, 2), addDays(monday, 5), addDays(monday, 6)];
    ok(await t.gql(SET, { i: { date: wednesday, kind: 'HOLIDAY', nameZh: '测试假日', nameEn: 'Test holiday' } }, admin));
    ok(await t.gql(SET, { i: { date: saturday, kind: 'WORKDAY', nameZh: '测试调休', nameEn: 'Test make-up day' } }, admin));

    // One cardiologist available Monday to Friday (so the make-up Saturday only through the calendar).
    await makeAvailable(t, scheduler, f.users.specialist.id, [{ from: monday, to: sunday, weekdays: [1, 2, 3, 4, 5] }], { maxDaysPerMonth: 20, maxConsecutiveDays: 7, maxTravelKm: 100 });
    const base = { periodStart: monday, periodEnd: sunday, session: 'MORNING', priority: 3 };
    // Host A wants the whole week: five working days are open (Mon, Tue, Thu, Fri and the make-up Saturday).
    const weekly = await approvedDemand(t, doctorA, scheduler, { ...base, hostId: f.townshipA.id, expertDays: 7 });
    // Host B wants someone on the holiday itself, and says so.
    const onHoliday = await approvedDemand(t, scheduler, scheduler, { ...base, periodStart: wednesday, periodEnd: wednesday, hostId: f.townshipB.id, expertDays: 1, session: 'AFTERNOON', includeHolidays: true });
    const rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: monday, periodEnd: sunday } }, scheduler)).createRoster.id;
    const job = ok(await t.gql('mutation($i: StartOptimizationInput!) { startRosterOptimization(input: $i) { id } }', { i: { rosterId, seed: 1 } }, scheduler)).startRosterOptimization;
    let state = 'QUEUED';
    for (const deadline = Date.now() + 60_000; ['QUEUED', 'RUNNING'].includes(state) && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      state = ok(await t.gql('query($id: ID!) { rosterJob(id: $id) { state } }', { id: job.id }, scheduler)).rosterJob.state;
    }
    expect(state).toBe('SUCCEEDED');
    const assignments = ok(await t.gql('query($id: ID!) { roster(id: $id) { assignments { date demand { id } } } }', { id: rosterId }, scheduler)).roster.assignments;
    const datesOf = (demandId: string) => assignments.filter((a: any) => a.demand.id === demandId).map((a: any) => a.date).sort();
    expect(datesOf(weekly)).toEqual([monday, addDays(monday, 1), addDays(monday, 3), addDays(monday, 4), saturday]);
    expect(datesOf(onHoliday)).toEqual([wednesday]);
  });
});
