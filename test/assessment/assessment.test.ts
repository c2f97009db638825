import { addSpecialists, ok, refusal } from '../consult/support';
import { startTestHub, TestHub } from '../support/hub';

/**
 * The assessment against a fixture whose every figure is computed by hand below. October 2026
 * in China Standard Time; rows just outside the period or in another consortium must not count.
 * The hub's deadline sweep is slowed down so it adds no escalations of its own.
 */
let t: TestHub;
let scheduler: string;
let q: (sql: string, params?: unknown[]) => Promise<any[]>;
beforeAll(async () => {
  t = await startTestHub({ CONSULT_SWEEP_INTERVAL_MS: '3600000' });
  scheduler = await t.signIn('scheduler');
  q = (sql, params = []) => t.database.db.query(sql, params);
  await loadFixture();
});
afterAll(async () => { await t.stop(); });

const ASSESS = `query($c: ID!, $from: String!, $to: String!) { consortiumAssessment(consortiumId: $c, from: $from, to: $to) {
  from to
  referrals { up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept }
  consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }
  roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospital { name } demanded delivered } } } }`;
const assess = async (token = scheduler, from = '2026-10-01', to = '2026-10-31') => t.gql(ASSESS, { c: t.fixture.consortium.id, from, to }, token);

async function loadFixture() {
  const f = t.fixture;
  const criterion = async (code: string) => (await q('SELECT id FROM referral_criterion WHERE code = $1', [code]))[0].id;
  const acs = await criterion('UP_CARD_ACS');
  const pci = await criterion('DOWN_CARD_PCI_STABLE');

  // Referrals: [direction, proposed (CST), state, hours to accept or null, green channel, cited criterion or null, consortium]
  type R = [string, string, string, number | null, boolean, number | null, number?];
  const referrals: R[] = [
    ['UP', '2026-10-02 09:00', 'COMPLETED', 2, true, acs],
    ['UP', '2026-10-05 10:00', 'ACCEPTED', 6, false, null],
    ['UP', '2026-10-10 08:00', 'DECLINED', null, false, acs],
    ['UP', '2026-10-12 14:00', 'ARRIVED', 1, false, acs],
    ['UP', '2026-10-20 16:00', 'CANCELLED', null, false, null],
    ['UP', '2026-10-31 23:30', 'PROPOSED', null, false, acs],
    ['DOWN', '2026-10-08 11:00', 'COMPLETED', 24, false, pci],
    ['DOWN', '2026-10-25 15:00', 'ACCEPTED', 10, false, null],
    // Not in the period, or not in this consortium:
    ['UP', '2026-09-30 23:59', 'ACCEPTED', 3, false, acs],
    ['UP', '2026-11-01 00:00', 'PROPOSED', null, false, acs],
    ['DOWN', '2026-10-15 09:00', 'COMPLETED', 5, false, pci, f.otherConsortium.id],
  ];
  for (const [direction, proposed, state, hours, green, cited, consortium] of referrals) {
    const [from, to] = direction === 'UP' ? [f.townshipA.id, f.tertiary.id] : [f.tertiary.id, f.townshipA.id];
    const [{ id }] = await q(
      `INSERT INTO referral (direction, state, consortium_id, from_hospital_id, to_hospital_id, patient_id, referred_by_id, diagnosis_code, diagnosis_text,
                             justification, care_plan, green_channel, proposed_at, accepted_at, expected_arrival_date, decline_reason, cancelled_at, cancel_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'I20.0', '不稳定型心绞痛', $8, $9, $10, ($11::timestamp AT TIME ZONE 'Asia/Shanghai'),
               ($11::timestamp AT TIME ZONE 'Asia/Shanghai') + make_interval(hours => $12::int), CASE WHEN $12::int IS NOT NULL THEN DATE '2026-11-01' END,
               CASE WHEN $2 = 'DECLINED' THEN '床位已满' END, CASE WHEN $2 = 'CANCELLED' THEN now() END, CASE WHEN $2 = 'CANCELLED' THEN '家属要求' END)
       RETURNING id`,
      [direction, state, consortium ?? f.consortium.id, from, to, f.patientA.id, f.users.doctorA.id, cited ? null : '基层无条件明确诊断，需上级医院评估',
        direction === 'DOWN' ? '二级预防，每月随访' : null, green, proposed, hours],
    );
    if (cited) await q('INSERT INTO referral_criterion_citation (referral_id, criterion_id) VALUES ($1, $2)', [id, cited]);
  }

  // Consultations: [urgency, requested (CST), seconds to first claim or null, state, seconds to cancellation, escalated, consortium]
  type C = [string, string, number | null, string, number | null, boolean, number?];
  const consultations: C[] = [
    ['EMERGENCY', '2026-10-03 10:00', 120, 'COMPLETED', null, false],
    ['EMERGENCY', '2026-10-04 11:00', 600, 'COMPLETED', null, true],
    ['EMERGENCY', '2026-10-06 12:00', 240, 'CANCELLED', 3600, false],
    ['EMERGENCY', '2026-10-07 13:00', null, 'CANCELLED', 900, true],
    ['URGENT', '2026-10-09 09:00', 1200, 'COMPLETED', null, false],
    ['URGENT', '2026-10-11 09:00', 3000, 'COMPLETED', null, true],
    ['URGENT', '2026-10-13 09:00', 600, 'COMPLETED', null, false],
    ['ROUTINE', '2026-10-15 09:00', 7200, 'COMPLETED', null, false],
    ['ROUTINE', '2026-10-16 09:00', 100000, 'COMPLETED', null, true],
    ['ROUTINE', '2026-10-30 09:00', null, 'REQUESTED', null, true],
    // Not in the period, or not in this consortium:
    ['EMERGENCY', '2026-09-30 20:00', 5000, 'COMPLETED', null, true],
    ['URGENT', '2026-10-10 09:00', 9000, 'COMPLETED', null, true, f.otherConsortium.id],
  ];
  for (const [urgency, requested, claimSeconds, state, cancelSeconds, escalated, consortium] of consultations) {
    const [{ id }] = await q(
      `INSERT INTO consultation (consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, state, clinical_summary, question,
                                 requested_at, specialist_id, claimed_at, first_claimed_at, cancelled_at, cancel_reason, completed_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, '胸闷待查', '请会诊', r, CASE WHEN $8::int IS NOT NULL THEN $9::int END, r + make_interval(secs => $8::int), r + make_interval(secs => $8::int),
              r + make_interval(secs => $10::int), CASE WHEN $7 = 'CANCELLED' THEN '测试' END, CASE WHEN $7 = 'COMPLETED' THEN r + interval '1 day' END
         FROM (SELECT $11::timestamp AT TIME ZONE 'Asia/Shanghai' AS r) x RETURNING id`,
      [consortium ?? f.consortium.id, f.cardiology.id, f.townshipA.id, f.users.doctorA.id, f.patientA.id, urgency, state, claimSeconds, f.users.specialist.id, cancelSeconds, requested],
    );
    if (escalated) {
      await q(`INSERT INTO event (topic, payload) VALUES ('consultation', $1)`, [{ action: 'ESCALATED', consultationId: id, consortiumId: consortium ?? f.consortium.id, urgency }]);
    }
  }

  // Roster figures (rotation demands, a published roster, its clinic sessions and bookings), when the roster tables exist.
  if (!(await rosterTablesExist())) return;
  const [second] = await addSpecialists(t, 1, 'CARDIOLOGY', 'assess');
  // A session books each patient once: four patients of township A for the bookings.
  const patients: number[] = [];
  for (let i = 0; i < 4; i++) {
    patients.push((await q(`INSERT INTO patient (name, sex, birth_date, hospital_id, national_id_hash, national_id_masked) VALUES ($1, 'MALE', '1950-01-01', $2, $3, '371323**********0') RETURNING id`,
      [`预约患者${i}`, f.townshipA.id, `assessment-fixture-${i}`]))[0].id);
  }
  const demand = (host: number, days: number, start: string, end: string, state: string) => q(
    `INSERT INTO rotation_demand (consortium_id, host_hospital_id, specialty_id, expert_days, period_start, period_end, session, priority, state)
     VALUES ($1, $2, $3, $4, $5, $6, 'FULL_DAY', 3, $7) RETURNING id`, [f.consortium.id, host, f.cardiology.id, days, start, end, state]).then((r) => r[0].id);
  const dA = await demand(f.townshipA.id, 8, '2026-10-01', '2026-10-31', 'APPROVED'); // 8 days, all in October
  const dB = await demand(f.townshipB.id, 10, '2026-09-22', '2026-10-11', 'REQUESTED'); // 11 of its 20 days in October: 5.5
  await demand(f.townshipA.id, 5, '2026-10-01', '2026-10-31', 'DECLINED'); // not demanded any more
  await demand(f.townshipB.id, 6, '2026-11-05', '2026-11-30', 'APPROVED'); // another period
  const [{ id: roster }] = await q(`INSERT INTO roster (consortium_id, period_start, period_end, state, published_at) VALUES ($1, '2026-10-01', '2026-10-31', 'PUBLISHED', now()) RETURNING id`, [f.consortium.id]);
  const [{ id: draft }] = await q(`INSERT INTO roster (consortium_id, period_start, period_end, state) VALUES ($1, '2026-10-01', '2026-10-31', 'DRAFT') RETURNING id`, [f.otherConsortium.id]);
  const assign = (rosterId: number, specialist: number, demandId: number, host: number, date: string, session: string, state = 'ACTIVE') => q(
    `INSERT INTO roster_assignment (roster_id, specialist_id, demand_id, host_hospital_id, specialty_id, date, session, during, state, source)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7,
             tsrange($6::date + (CASE $7 WHEN 'AFTERNOON' THEN time '13:00' ELSE time '08:00' END), $6::date + (CASE $7 WHEN 'MORNING' THEN time '12:00' ELSE time '17:00' END)), $8, 'MANUAL')
     RETURNING id`, [rosterId, specialist, demandId, host, f.cardiology.id, date, session, state]).then((r) => r[0].id);
  const me = f.users.specialist.id;
  const a1 = await assign(roster, me, dA, f.townshipA.id, '2026-10-08', 'MORNING');
  await assign(roster, me, dA, f.townshipA.id, '2026-10-08', 'AFTERNOON'); // same specialist, same day: one expert-day
  const a3 = await assign(roster, me, dA, f.townshipA.id, '2026-10-15', 'FULL_DAY');
  await assign(roster, second.id, dA, f.townshipA.id, '2026-10-15', 'FULL_DAY'); // two experts on one day: two expert-days
  const b1 = await assign(roster, me, dB, f.townshipB.id, '2026-10-09', 'FULL_DAY');
  await assign(roster, me, dB, f.townshipB.id, '2026-10-10', 'FULL_DAY', 'REMOVED'); // removed: not delivered
  await assign(draft, second.id, dB, f.townshipB.id, '2026-10-20', 'FULL_DAY'); // another consortium's draft
  const session = async (assignment: number, host: number, date: string, slots: number, state: string, booked: number, cancelledBookings = 0) => {
    const [{ id }] = await q(`INSERT INTO clinic_session (roster_id, assignment_id, host_hospital_id, specialist_id, specialty_id, date, session, slot_minutes, slot_count, state)
                              VALUES ($1, $2, $3, $4, $5, $6, 'FULL_DAY', 20, $7, $8) RETURNING id`, [roster, assignment, host, me, f.cardiology.id, date, slots, state]);
    for (let p = 1; p <= slots; p++) {
      const [{ id: slot }] = await q(`INSERT INTO clinic_slot (session_id, position, starts_at) VALUES ($1, $2, $3) RETURNING id`, [id, p, `08:${String(p * 10).padStart(2, '0')}`]);
      const bookingState = p <= booked ? 'BOOKED' : p <= booked + cancelledBookings ? 'CANCELLED' : null;
      if (bookingState) {
        await q(`INSERT INTO booking (slot_id, session_id, patient_id, hospital_id, state) VALUES ($1, $2, $3, $4, $5)`, [slot, id, patients[p - 1], f.townshipA.id, bookingState]);
      }
    }
  };
  await session(a3, f.townshipA.id, '2026-10-15', 4, 'CLOSED', 3, 1); // 4 slots, 3 booked (a 4th booking was cancelled)
  await session(a1, f.townshipA.id, '2026-10-08', 2, 'CLOSED', 0); // 2 slots, none booked
  await session(b1, f.townshipB.id, '2026-10-09', 2, 'CANCELLED', 1); // cancelled session: not offered
}

const rosterTablesExist = async () => (await q(`SELECT to_regclass('rotation_demand') IS NOT NULL AND to_regclass('booking') IS NOT NULL AS ok`))[0].ok;

describe('consortium assessment (考核)', () => {
  it('counts referrals up and down, the ratio and the median time to accept (hand-computed)', async () => {
    const a = ok(await assess()).consortiumAssessment;
    // UP not cancelled: 5 (one cancelled apart); DOWN: 2; accepted: hours 2, 6, 1, 24, 10 -> median 6.
    expect(a.referrals).toEqual({
      up: 5, down: 2, upDownRatio: 2.5, greenChannel: 1, accepted: 5, declined: 1, completed: 2, cancelled: 1, withoutCriterion: 2, medianHoursToAccept: 6,
    });
  });

  it('gives waiting time to claim (p50, p90), deadline breaches and escalations per urgency (hand-computed)', async () => {
    const a = ok(await assess()).consortiumAssessment;
    expect(a.consultations).toEqual([
      // waits 120, 240, 600 s: p50 240, p90 240 + 0.8 × 360 = 528; over 300 s: the 600 s claim and the one cancelled unclaimed after 900 s.
      { urgency: 'EMERGENCY', requested: 4, claimed: 3, waitToClaimP50Seconds: 240, waitToClaimP90Seconds: 528, deadlineSeconds: 300, deadlineBreaches: 2, escalations: 2, completed: 2, cancelled: 2 },
      // waits 600, 1200, 3000 s: p50 1200, p90 1200 + 0.8 × 1800 = 2640; over 1800 s: one.
      { urgency: 'URGENT', requested: 3, claimed: 3, waitToClaimP50Seconds: 1200, waitToClaimP90Seconds: 2640, deadlineSeconds: 1800, deadlineBreaches: 1, escalations: 1, completed: 3, cancelled: 0 },
      // waits 7200, 100000 s: p50 53600, p90 7200 + 0.9 × 92800 = 90720; over a day: the 100000 s one and the one still waiting since 30 Oct.
      { urgency: 'ROUTINE', requested: 3, claimed: 2, waitToClaimP50Seconds: 53600, waitToClaimP90Seconds: 90720, deadlineSeconds: 86400, deadlineBreaches: 2, escalations: 2, completed: 2, cancelled: 0 },
    ]);
  });

  it('gives expert-days delivered against demanded per host and slot utilisation from the roster tables (hand-computed)', async () => {
    const a = ok(await assess()).consortiumAssessment;
    if (!(await rosterTablesExist())) {
      expect(a.roster).toMatchObject({ available: false, totalDemanded: null, totalDelivered: null, slotUtilisation: null });
      expect(a.roster.reason).toMatch(/do not exist/);
      return;
    }
    expect(a.roster).toEqual({
      available: true, reason: null, totalDemanded: 13.5, totalDelivered: 4, slots: 6, bookedSlots: 3, slotUtilisation: 0.5,
      hosts: [{ hospital: { name: '甲镇卫生院' }, demanded: 8, delivered: 3 }, { hospital: { name: '乙镇卫生院' }, demanded: 5.5, delivered: 1 }],
    });
  });

  it('says why, with null numbers, when the roster tables are missing or lack what it reads', async () => {
    const exists = await rosterTablesExist();
    if (exists) await q('ALTER TABLE clinic_slot RENAME TO clinic_slot_hidden');
    try {
      const a = ok(await assess()).consortiumAssessment;
      expect(a.roster).toMatchObject({ available: false, hosts: null, totalDemanded: null, totalDelivered: null, slots: null, bookedSlots: null, slotUtilisation: null });
      expect(a.roster.reason).toMatch(/clinic_slot.*do not exist|do not exist.*clinic_slot/);
      expect(a.referrals.up).toBe(5); // the rest of the assessment is unaffected
    } finally {
      if (exists) await q('ALTER TABLE clinic_slot_hidden RENAME TO clinic_slot');
    }
    if (!exists) return;
    await q('ALTER TABLE rotation_demand RENAME COLUMN expert_days TO expert_days_hidden');
    try {
      const a = ok(await assess()).consortiumAssessment;
      expect(a.roster).toMatchObject({ available: false, totalDemanded: null });
      expect(a.roster.reason).toMatch(/lack columns .*rotation_demand\.expert_days/);
    } finally {
      await q('ALTER TABLE rotation_demand RENAME COLUMN expert_days_hidden TO expert_days');
    }
  });

  it('names the most cited criteria, and lists the records behind every figure: as many as the figure counts', async () => {
    const a = ok(await assess()).consortiumAssessment;
    const top = ok(await t.gql(`query($c: ID!) { consortiumAssessment(consortiumId: $c, from: "2026-10-01", to: "2026-10-31") { referrals { topCriteria { referrals criterion { code } } } } }`,
      { c: t.fixture.consortium.id }, scheduler)).consortiumAssessment.referrals.topCriteria;
    // UP_CARD_ACS: cited by four referrals of October not cancelled; DOWN_CARD_PCI_STABLE by one (the other consortium's does not count).
    expect(top).toEqual([{ referrals: 4, criterion: { code: 'UP_CARD_ACS' } }, { referrals: 1, criterion: { code: 'DOWN_CARD_PCI_STABLE' } }]);
    const RECORDS = `query($c: ID!, $f: AssessmentFigure!, $u: Urgency, $h: ID, $k: ID) { assessmentRecords(consortiumId: $c, from: "2026-10-01", to: "2026-10-31", figure: $f, urgency: $u, hospitalId: $h, criterionId: $k) {
      kind id at state from to category specialty waitedSeconds } }`;
    const records = async (figure: string, extra: Record<string, unknown> = {}) => ok(await t.gql(RECORDS, { c: t.fixture.consortium.id, f: figure, ...extra }, scheduler)).assessmentRecords;
    const r = a.referrals;
    const referralCounts: [string, number][] = [['REFERRALS_UP', r.up], ['REFERRALS_DOWN', r.down], ['REFERRALS_GREEN_CHANNEL', r.greenChannel], ['REFERRALS_ACCEPTED', r.accepted],
      ['REFERRALS_DECLINED', r.declined], ['REFERRALS_COMPLETED', r.completed], ['REFERRALS_CANCELLED', r.cancelled], ['REFERRALS_WITHOUT_CRITERION', r.withoutCriterion]];
    for (const [figure, count] of referralCounts) expect([figure, (await records(figure)).length]).toEqual([figure, count]);
    const up = await records('REFERRALS_UP');
    expect(up.every((x: any) => x.kind === 'REFERRAL' && x.category === 'UP' && x.from === '甲镇卫生院' && x.state !== 'CANCELLED')).toBe(true);
    const acsId = (await q(`SELECT id FROM referral_criterion WHERE code = 'UP_CARD_ACS'`))[0].id;
    expect(await records('REFERRALS_CITING_CRITERION', { k: acsId })).toHaveLength(4);
    for (const c of a.consultations) {
      const u = { u: c.urgency };
      expect((await records('CONSULTATIONS_REQUESTED', u)).length).toBe(c.requested);
      expect((await records('CONSULTATIONS_CLAIMED', u)).length).toBe(c.claimed);
      const breached = await records('CONSULTATIONS_DEADLINE_BREACHED', u);
      expect(breached.length).toBe(c.deadlineBreaches);
      expect(breached.every((x: any) => x.waitedSeconds > c.deadlineSeconds)).toBe(true);
      // A request escalated twice counts twice among escalations and is listed once.
      const escalated = await records('CONSULTATIONS_ESCALATED', u);
      expect(escalated.length).toBeLessThanOrEqual(c.escalations);
      expect(escalated.length > 0).toBe(c.escalations > 0);
    }
    if (a.roster.available) {
      const hosts = ok(await t.gql(`query($c: ID!) { consortiumAssessment(consortiumId: $c, from: "2026-10-01", to: "2026-10-31") { roster { hosts { hospitalId delivered } } } }`,
        { c: t.fixture.consortium.id }, scheduler)).consortiumAssessment.roster.hosts;
      for (const h of hosts) expect((await records('EXPERT_DAYS_DELIVERED', { h: h.hospitalId })).length).toBe(h.delivered);
    }
    // What a figure needs is asked for by name; others' consortia stay closed.
    expect(refusal(await t.gql(RECORDS, { c: t.fixture.consortium.id, f: 'CONSULTATIONS_REQUESTED' }, scheduler))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'urgency' });
    expect(refusal(await t.gql(RECORDS, { c: t.fixture.otherConsortium.id, f: 'REFERRALS_UP' }, scheduler)).code).toBe('FORBIDDEN');
  });

  it('is for administrators and the consortium\'s schedulers, over a valid period', async () => {
    expect(refusal(await assess(await t.signIn('doctor.a'))).code).toBe('FORBIDDEN');
    expect(refusal(await assess(await t.signIn('specialist'))).code).toBe('FORBIDDEN');
    expect(ok(await assess(await t.signIn('admin'))).consortiumAssessment.referrals.up).toBe(5);
    expect(refusal(await assess(scheduler, '2026-10-31', '2026-10-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(refusal(await assess(scheduler, '2026-02-30', '2026-03-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const otherConsortium = await t.gql(ASSESS, { c: t.fixture.otherConsortium.id, from: '2026-10-01', to: '2026-10-31' }, scheduler);
    expect(refusal(otherConsortium).code).toBe('FORBIDDEN');
  });
});
