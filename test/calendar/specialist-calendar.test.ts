import { Client } from 'pg';
import { ok as okConsult, refusal, requestConsultation } from '../consult/support';
import { addDays, approvedDemand, GQL, makeAvailable, ok, today, weekday } from '../roster/rotation-support';
import { startTestHub, TestHub } from '../support/hub';

/**
 * One specialist calendar: an on-site half-day, a remote consultation session and blocked time
 * never overlap. Refused from either side with a message naming the other commitment, and by
 * the database itself when two raw SQL transactions race.
 */
let t: TestHub;
let scheduler: string;
let specialist: string;
let doctorA: string;
let rosterId: string;
let demandId: string;
const days: string[] = [];
const SCHEDULE = 'mutation($i: ScheduleConsultationInput!) { scheduleConsultation(input: $i) { id state scheduledStart } }';
/** An instant given as local time in Asia/Shanghai (UTC+8, no daylight saving). */
const local = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

async function claimedConsultation(): Promise<string> {
  const id = await requestConsultation(t, doctorA);
  okConsult(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, specialist));
  return id;
}

beforeAll(async () => {
  t = await startTestHub();
  [scheduler, specialist, doctorA] = await Promise.all(['scheduler', 'specialist', 'doctor.a'].map((u) => t.signIn(u)));
  // Six future weekdays that are not holidays, in one period.
  let day = addDays(today(), 10);
  const holidays = new Set(ok(await t.gql('query($f: String!, $t: String!) { holidays(from: $f, to: $t) { date } }', { f: day, t: addDays(day, 40) }, scheduler)).holidays.map((h: any) => h.date));
  while (days.length < 6) {
    if (weekday(day) <= 5 && !holidays.has(day)) days.push(day);
    day = addDays(day, 1);
  }
  const f = t.fixture;
  await makeAvailable(t, scheduler, f.users.specialist.id, [{ from: days[0], to: days[5] }], { maxDaysPerMonth: 20, maxConsecutiveDays: 10, maxTravelKm: 100 });
  demandId = await approvedDemand(t, doctorA, scheduler, { hostId: f.townshipA.id, expertDays: 6, periodStart: days[0], periodEnd: days[5], session: 'MORNING' });
  rosterId = ok(await t.gql(GQL.createRoster, { i: { consortiumId: f.consortium.id, periodStart: days[0], periodEnd: days[5] } }, scheduler)).createRoster.id;
}, 60_000);
afterAll(async () => { await t.stop(); });

const assign = (date: string) => t.gql(GQL.assign, { i: { rosterId, specialistId: String(t.fixture.users.specialist.id), demandId, dates: [date] } }, scheduler);

describe("the specialist's one calendar", () => {
  it('refuses a remote session during an on-site half-day, naming the half-day', async () => {
    ok(await assign(days[0]));
    const id = await claimedConsultation();
    const r = await t.gql(SCHEDULE, { i: { id, startsAt: local(days[0], '09:00'), endsAt: local(days[0], '09:30') } }, specialist);
    expect(refusal(r)).toMatchObject({ code: 'CONFLICT', field: 'startsAt' });
    expect(refusal(r).message).toMatch(new RegExp(`^The specialist is already on site at 甲镇卫生院 ${days[0]} 08:00–12:00 \\(Asia/Shanghai\\)`));
    // Right after the half-day it fits.
    expect(okConsult(await t.gql(SCHEDULE, { i: { id, startsAt: local(days[0], '12:00'), endsAt: local(days[0], '12:30') } }, specialist)).scheduleConsultation.state).toBe('SCHEDULED');
    const calendar = ok(await t.gql('query($s: ID!, $f: DateTimeISO!, $t: DateTimeISO!) { specialistCommitments(specialistId: $s, from: $f, to: $t) { kind startsAt endsAt consultationId } }',
      { s: t.fixture.users.specialist.id, f: local(days[0], '00:00'), t: local(days[0], '23:59') }, specialist)).specialistCommitments;
    expect(calendar.map((c: any) => [c.kind, c.startsAt, c.endsAt])).toEqual([
      ['ON_SITE', local(days[0], '08:00'), local(days[0], '12:00')], ['REMOTE_CONSULTATION', local(days[0], '12:00'), local(days[0], '12:30')],
    ]);
  });

  it('refuses an on-site half-day during a scheduled remote session, naming the consultation', async () => {
    const id = await claimedConsultation();
    okConsult(await t.gql(SCHEDULE, { i: { id, startsAt: local(days[1], '10:00'), endsAt: local(days[1], '10:30') } }, specialist));
    const r = await assign(days[1]);
    expect(refusal(r)).toMatchObject({ code: 'CONFLICT', field: 'date' });
    expect(refusal(r).message).toBe(`[COMMITTED] The specialist is already in remote consultation ${id} ${days[1]} 10:00–10:30 (Asia/Shanghai): choose another time`);
    expect((await t.database.db.query('SELECT count(*)::int AS n FROM roster_assignment WHERE date = $1', [days[1]]))[0].n).toBe(0);
  });

  it('keeps blocked time free, and refuses blocking over a commitment', async () => {
    const s = String(t.fixture.users.specialist.id);
    const BLOCK = 'mutation($i: BlockTimeInput!) { blockSpecialistTime(input: $i) { id kind note startsAt endsAt } }';
    const blocked = ok(await t.gql(BLOCK, { i: { specialistId: s, startsAt: local(days[2], '11:00'), endsAt: local(days[2], '11:45'), note: '院内质控会' } }, specialist)).blockSpecialistTime;
    expect(blocked).toMatchObject({ kind: 'BLOCKED', note: '院内质控会', startsAt: local(days[2], '11:00') });
    const r = await assign(days[2]);
    expect(refusal(r)).toMatchObject({ code: 'CONFLICT', field: 'date' });
    expect(refusal(r).message).toMatch(/already blocked .*11:00–11:45 \(Asia\/Shanghai\) \(院内质控会\)/);
    const over = await t.gql(BLOCK, { i: { specialistId: s, startsAt: local(days[0], '10:00'), endsAt: local(days[0], '10:30') } }, specialist);
    expect(refusal(over)).toMatchObject({ code: 'CONFLICT', field: 'startsAt', message: expect.stringMatching(/already on site at 甲镇卫生院/) });
    expect(refusal(await t.gql(BLOCK, { i: { specialistId: s, startsAt: local(days[3], '10:00'), endsAt: local(days[3], '10:30') } }, doctorA)).code).toBe('FORBIDDEN');
    ok(await t.gql('mutation($id: ID!) { unblockSpecialistTime(id: $id) }', { id: blocked.id }, scheduler));
    expect(ok(await assign(days[2])).assignSpecialist.assignments).toHaveLength(1);
  });

  it('is refereed by the database when two raw SQL transactions race', async () => {
    const f = t.fixture;
    const consultation = Number(await claimedConsultation());
    const [a, b] = [new Client({ connectionString: t.database.url }), new Client({ connectionString: t.database.url })];
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      // A: an on-site morning on days[4], not yet committed.
      await a.query(`INSERT INTO roster_assignment (roster_id, specialist_id, demand_id, host_hospital_id, specialty_id, date, session, during, source)
        VALUES ($1, $2, $3, $4, $5, $6::date, 'MORNING', tsrange($6::date + time '08:00', $6::date + time '12:00'), 'MANUAL')`,
      [Number(rosterId), f.users.specialist.id, Number(demandId), f.townshipA.id, f.cardiology.id, days[4]]);
      // B: a remote session in the same morning; its check cannot see A's row, so it waits on the constraint.
      const racing = b.query(`UPDATE consultation SET state = 'SCHEDULED', scheduled_start = $2, scheduled_end = $3 WHERE id = $1`,
        [consultation, local(days[4], '09:00'), local(days[4], '09:30')]).then(() => null, (e) => e);
      await new Promise((r) => setTimeout(r, 300));
      await a.query('COMMIT');
      const error = await racing;
      expect(error).toMatchObject({ code: '23P01', constraint: 'specialist_commitment_no_overlap' });
      await b.query('ROLLBACK');
    } finally {
      await a.end();
      await b.end();
    }
    const [{ state }] = await t.database.db.query('SELECT state FROM consultation WHERE id = $1', [consultation]);
    expect(state).toBe('CLAIMED');
    const rows = await t.database.db.query(`SELECT kind FROM specialist_commitment WHERE specialist_id = $1 AND during && tstzrange($2, $3)`,
      [f.users.specialist.id, local(days[4], '00:00'), local(days[4], '23:59')]);
    expect(rows).toEqual([{ kind: 'ON_SITE' }]);
  });

  it('takes each consortium\'s time zone for the on-site half-days', async () => {
    await t.database.db.query(`UPDATE consortium SET time_zone = 'Asia/Urumqi' WHERE id = $1`, [t.fixture.consortium.id]);
    try {
      ok(await assign(days[5]));
      const [row] = await t.database.db.query(`SELECT lower(k.during) AS starts FROM specialist_commitment k JOIN roster_assignment a ON a.id = k.roster_assignment_id WHERE a.date = $1`, [days[5]]);
      expect(new Date(row.starts).toISOString()).toBe(new Date(`${days[5]}T08:00:00+06:00`).toISOString());
    } finally {
      await t.database.db.query(`UPDATE consortium SET time_zone = 'Asia/Shanghai' WHERE id = $1`, [t.fixture.consortium.id]);
    }
  });
});
