import { Role, Title } from '../../src/auth/roles';
import { Department, Hospital, Person, PersonSpecialty } from '../../src/consortium/entities';
import { HospitalTier } from '../../src/consortium/kinds';
import { ok, refusal, tokenFor } from '../consult/support';
import { startTestHub, TestHub } from '../support/hub';

/**
 * Referral routing: a referral names its receiving specialty; at the receiving hospital only the
 * specialists of that specialty and the referral desk answer it (for DOWN, the township doctors).
 * Lists never fail on rows whose patient the viewer may not see: they leave them out.
 */
let t: TestHub;
let cardiology: Department;
let respiratory: Department;
const tokens: Record<string, string> = {};
let acs: string;

beforeAll(async () => {
  t = await startTestHub();
  const db = t.database.db;
  cardiology = t.fixture.cardiology;
  respiratory = await db.getRepository(Department).findOneByOrFail({ code: 'RESPIRATORY' });
  // A second upper hospital of the same consortium: its cardiologist is of the right specialty but the wrong hospital.
  const second = await db.getRepository(Hospital).save({ name: '测试县第二人民医院', tier: HospitalTier.SECONDARY, county: '测试县', latitude: 35.6, longitude: 118.6 });
  await db.query('INSERT INTO consortium_membership (consortium_id, hospital_id) VALUES ($1, $2)', [t.fixture.consortium.id, second.id]);
  const person = async (username: string, roles: Role[], hospitalId: number, specialties: number[] = []) => {
    const p = await db.getRepository(Person).save({ name: `用户${username}`, username, roles, hospitalId, title: roles.includes(Role.SPECIALIST) ? Title.CHIEF : null });
    for (const departmentId of specialties) await db.getRepository(PersonSpecialty).insert({ personId: p.id, departmentId });
    tokens[username] = await tokenFor(t, p.id);
  };
  await person('resp.here', [Role.SPECIALIST], t.fixture.tertiary.id, [respiratory.id]);
  await person('desk.here', [Role.REFERRAL_DESK], t.fixture.tertiary.id);
  await person('cardio.there', [Role.SPECIALIST], second.id, [cardiology.id]);
  await person('desk.there', [Role.REFERRAL_DESK], second.id);
  await person('doctor.here', [Role.TOWNSHIP_DOCTOR], t.fixture.tertiary.id);
  tokens['cardio.here'] = await tokenFor(t, t.fixture.users.specialist.id);
  tokens['scheduler.here'] = await tokenFor(t, t.fixture.users.scheduler.id);
  tokens['doctor.a'] = await tokenFor(t, t.fixture.users.doctorA.id);
  tokens['doctor.b'] = await tokenFor(t, t.fixture.users.doctorB.id);
  acs = ok(await t.gql('{ referralCriteria(direction: UP, diagnosisCode: "I21.9") { id code } }', {}, tokens['doctor.a'])).referralCriteria.find((c: any) => c.code === 'UP_CARD_ACS').id;
});
afterAll(async () => { await t.stop(); });

const PROPOSE = 'mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id state toDepartment { code } } }';
const ACCEPT = 'mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { state respondedBy { username } } }';
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const upTo = (department: Department, token = tokens['doctor.a'], patient = t.fixture.patientA.id) => t.gql(PROPOSE, { i: {
  direction: 'UP', patientId: String(patient), toHospitalId: String(t.fixture.tertiary.id), toDepartmentId: String(department.id),
  diagnosisCode: 'I21.9', diagnosisText: '急性心肌梗死', criterionIds: department.id === cardiology.id ? [acs] : [],
  justification: department.id === cardiology.id ? null : '咳嗽咳痰伴气促2周，基层抗感染治疗无效，需上级医院评估',
} }, token);
const stateOf = async (id: string) => (await t.database.db.query('SELECT state FROM referral WHERE id = $1', [Number(id)]))[0].state;

describe('who may accept an UP referral to the tertiary hospital (specialty × hospital × role)', () => {
  // [viewer, specialty the referral names, may accept]
  const matrix: [string, 'CARDIOLOGY' | 'RESPIRATORY', boolean][] = [
    ['cardio.here', 'CARDIOLOGY', true], // the named specialty at the receiving hospital
    ['cardio.here', 'RESPIRATORY', false], // the wrong specialty at the receiving hospital
    ['resp.here', 'CARDIOLOGY', false],
    ['resp.here', 'RESPIRATORY', true],
    ['desk.here', 'CARDIOLOGY', true], // the receiving hospital's referral desk: any specialty
    ['desk.here', 'RESPIRATORY', true],
    ['cardio.there', 'CARDIOLOGY', false], // the right specialty at another hospital
    ['desk.there', 'CARDIOLOGY', false], // another hospital's referral desk
    ['doctor.here', 'CARDIOLOGY', false], // a township-doctor role at the receiving hospital: UP referrals are not theirs
    ['scheduler.here', 'CARDIOLOGY', false],
    ['doctor.a', 'CARDIOLOGY', false], // the sender
  ];
  it.each(matrix)('%s, referral to %s: may accept = %s', async (viewer, code, mayAccept) => {
    const department = code === 'CARDIOLOGY' ? cardiology : respiratory;
    const r = ok(await upTo(department)).proposeReferral;
    expect(r.toDepartment.code).toBe(code);
    const answer = await t.gql(ACCEPT, { i: { id: r.id, expectedArrivalDate: tomorrow() } }, tokens[viewer]);
    if (mayAccept) {
      expect(ok(answer).acceptReferral).toEqual({ state: 'ACCEPTED', respondedBy: { username: viewer === 'cardio.here' ? 'specialist' : viewer } });
    } else {
      // Those who may see it are told why (FORBIDDEN); those who may not see it are told nothing (NOT_FOUND).
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal(answer).code);
      expect(await stateOf(r.id)).toBe('PROPOSED');
      const declined = await t.gql('mutation($i: ReferralReasonInput!) { declineReferral(input: $i) { state } }', { i: { id: r.id, reason: '不是本科室' } }, tokens[viewer]);
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal(declined).code);
    }
  });

  it('sees a referral of another specialty as not there (NOT_FOUND), its own as FORBIDDEN to the sender only for answering', async () => {
    const r = ok(await upTo(cardiology)).proposeReferral;
    expect(refusal(await t.gql('query($id: ID!) { referral(id: $id) { id } }', { id: r.id }, tokens['resp.here'])).code).toBe('NOT_FOUND');
    expect(ok(await t.gql('query($id: ID!) { referral(id: $id) { id patient { name } } }', { id: r.id }, tokens['desk.here'])).referral.patient.name).toBe('患者甲');
    expect(refusal(await t.gql(ACCEPT, { i: { id: r.id, expectedArrivalDate: tomorrow() } }, tokens['doctor.a']))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/named specialty/) });
  });

  it('is refused when nobody at the receiving hospital could answer the named specialty', async () => {
    const tcm = await t.database.db.getRepository(Department).findOneByOrFail({ code: 'TCM' });
    const r = await upTo(tcm);
    // The tertiary hospital has a referral desk, so it can receive any specialty: remove the desk to see the refusal.
    expect(ok(r).proposeReferral.toDepartment.code).toBe('TCM');
    await t.database.db.query(`UPDATE person SET active = false WHERE username = 'desk.here'`);
    try {
      const refused = await upTo(tcm);
      expect(refusal(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentId', message: expect.stringMatching(/中医科/) });
    } finally {
      await t.database.db.query(`UPDATE person SET active = true WHERE username = 'desk.here'`);
    }
  });

  it('takes the specialty from the cited criteria when none is named, and asks for it when they name none', async () => {
    const implied = ok(await t.gql(PROPOSE, { i: { direction: 'UP', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.tertiary.id),
      diagnosisCode: 'I21.9', diagnosisText: '急性心肌梗死', criterionIds: [acs] } }, tokens['doctor.a'])).proposeReferral;
    expect(implied.toDepartment.code).toBe('CARDIOLOGY');
    const none = await t.gql(PROPOSE, { i: { direction: 'UP', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.tertiary.id),
      diagnosisCode: 'R55', diagnosisText: '晕厥待查', criterionIds: [], justification: '反复晕厥3次，基层无动态心电图条件' } }, tokens['doctor.a']);
    expect(refusal(none)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentId' });
  });
});

describe('a DOWN referral to a township hospital', () => {
  it("is answered by the township's doctors, not by another township's", async () => {
    const rehab = await t.database.db.getRepository(Department).findOneByOrFail({ code: 'REHABILITATION' });
    const down = ok(await t.gql(PROPOSE, { i: { direction: 'DOWN', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.townshipA.id),
      toDepartmentId: String(rehab.id), diagnosisCode: 'I63.9', diagnosisText: '脑梗死恢复期', criterionIds: [], carePlan: '康复训练每日2次；阿司匹林100mg qd；每周随访血压',
      justification: '生命体征稳定一周，需就近康复' } }, tokens['cardio.here'])).proposeReferral;
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal(await t.gql(ACCEPT, { i: { id: down.id, expectedArrivalDate: tomorrow() } }, tokens['doctor.b'])).code);
    expect(ok(await t.gql(ACCEPT, { i: { id: down.id, expectedArrivalDate: tomorrow() } }, tokens['doctor.a'])).acceptReferral.state).toBe('ACCEPTED');
  });
});

describe('lists', () => {
  it("answers a specialist's list with declined and cancelled rows in it, leaving out the rows whose patient they may not see", async () => {
    const live = ok(await upTo(cardiology, tokens['doctor.b'], t.fixture.patientB.id)).proposeReferral;
    const declined = ok(await upTo(cardiology, tokens['doctor.b'], t.fixture.patientB.id)).proposeReferral;
    ok(await t.gql('mutation($i: ReferralReasonInput!) { declineReferral(input: $i) { state } }', { i: { id: declined.id, reason: '床位已满' } }, tokens['cardio.here']));
    const cancelled = ok(await upTo(cardiology, tokens['doctor.b'], t.fixture.patientB.id)).proposeReferral;
    ok(await t.gql('mutation($i: ReferralReasonInput!) { cancelReferral(input: $i) { state } }', { i: { id: cancelled.id, reason: '家属要求' } }, tokens['doctor.b']));
    const LIST = '{ referrals(first: 100) { totalCount nodes { id state patient { name } toDepartment { code } } } }';

    // While patient B has a live referral here, the specialist may see them: all three rows answer.
    const withLive = await t.gql(LIST, {}, tokens['cardio.here']);
    expect(withLive.errors).toBeUndefined();
    const byId = new Map(withLive.data.referrals.nodes.map((n: any) => [n.id, n]));
    expect(byId.get(declined.id)).toMatchObject({ state: 'DECLINED', patient: { name: '患者乙' } });
    expect(byId.get(cancelled.id)).toMatchObject({ state: 'CANCELLED', patient: { name: '患者乙' } });

    // Once the live one is declined too, patient B is no longer theirs to see: the rows are left out, the list still answers.
    ok(await t.gql('mutation($i: ReferralReasonInput!) { declineReferral(input: $i) { state } }', { i: { id: live.id, reason: '床位已满' } }, tokens['cardio.here']));
    const after = await t.gql(LIST, {}, tokens['cardio.here']);
    expect(after.errors).toBeUndefined();
    const ids = after.data.referrals.nodes.map((n: any) => n.id);
    expect(ids).not.toContain(declined.id);
    expect(ids).not.toContain(cancelled.id);
    expect(after.data.referrals.totalCount).toBe(ids.length);
    expect(after.data.referrals.nodes.every((n: any) => n.patient.name === '患者甲')).toBe(true);
    const incoming = ok(await t.gql('{ referrals(incoming: true, first: 100) { nodes { toDepartment { code } } } }', {}, tokens['cardio.here'])).referrals.nodes;
    expect(incoming.length).toBeGreaterThan(0);
    expect(incoming.every((n: any) => n.toDepartment.code === 'CARDIOLOGY')).toBe(true);
    // The respiratory specialist's list holds only respiratory referrals.
    const resp = ok(await t.gql(LIST, {}, tokens['resp.here'])).referrals.nodes;
    expect(resp.length).toBeGreaterThan(0);
    expect(resp.every((n: any) => n.toDepartment.code === 'RESPIRATORY')).toBe(true);
    // The sender's township still sees all three, with the patient.
    const sent = ok(await t.gql('{ referrals(incoming: false, first: 100) { nodes { id state patient { name } } } }', {}, tokens['doctor.b'])).referrals.nodes;
    expect(sent.filter((n: any) => [live.id, declined.id, cancelled.id].includes(n.id)).map((n: any) => n.state).sort()).toEqual(['CANCELLED', 'DECLINED', 'DECLINED']);
  });
});

describe('referFromConsultation', () => {
  /** A completed consultation of patient A whose cardiology opinion recommends referral up. */
  async function completedConsultation(): Promise<string> {
    const db = t.database.db;
    const [{ id }] = await db.query(
      `INSERT INTO consultation (consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, state, clinical_summary, question,
                                 specialist_id, claimed_at, first_claimed_at, started_at, ended_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, 'URGENT', 'COMPLETED', '胸痛2小时', '是否上转？', $6, now(), now(), now(), now(), now()) RETURNING id`,
      [t.fixture.consortium.id, cardiology.id, t.fixture.townshipA.id, t.fixture.users.doctorA.id, t.fixture.patientA.id, t.fixture.users.specialist.id]);
    await db.query(`INSERT INTO consultation_opinion (consultation_id, author_id, impression, recommendations, refer_up, diagnosis_code, diagnosis_text)
                    VALUES ($1, $2, '急性冠脉综合征可能大', '立即上转', true, 'I20.0', '不稳定型心绞痛')`, [id, t.fixture.users.specialist.id]);
    return String(id);
  }
  const REFER = 'mutation($i: ReferFromConsultationInput!) { referFromConsultation(input: $i) { id state fromHospital { name } toHospital { name } toDepartment { code } referredBy { username } } }';

  it('works for the specialist: sent from the requesting hospital to the specialist’s, and the requesting doctor sees it', async () => {
    const id = await completedConsultation();
    const r = ok(await t.gql(REFER, { i: { consultationId: id } }, tokens['cardio.here'])).referFromConsultation;
    expect(r).toMatchObject({ state: 'PROPOSED', fromHospital: { name: '甲镇卫生院' }, toHospital: { name: '测试县人民医院' }, toDepartment: { code: 'CARDIOLOGY' }, referredBy: { username: 'specialist' } });
    expect(ok(await t.gql('query($id: ID!) { referral(id: $id) { patient { name } } }', { id: r.id }, tokens['doctor.a'])).referral.patient.name).toBe('患者甲');
  });

  it('works for the requesting doctor, and not for a specialist who did not take the consultation', async () => {
    const id = await completedConsultation();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal(await t.gql(REFER, { i: { consultationId: id } }, tokens['resp.here'])).code);
    const r = ok(await t.gql(REFER, { i: { consultationId: id } }, tokens['doctor.a'])).referFromConsultation;
    expect(r).toMatchObject({ fromHospital: { name: '甲镇卫生院' }, toHospital: { name: '测试县人民医院' }, referredBy: { username: 'doctor.a' } });
  });
});
