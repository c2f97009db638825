import { Hospital } from '../../src/consortium/entities';
import { HospitalTier } from '../../src/consortium/kinds';
import { ok, refusal } from '../consult/support';
import { collect, startTestHub, TestHub } from '../support/hub';

/** Two-way referral: the criteria catalogue, the rules of a valid referral, its states and who sees it. */
let t: TestHub;
let admin: string;
let doctorA: string;
let doctorB: string;
let specialist: string;
const criteria: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestHub();
  [admin, doctorA, doctorB, specialist] = await Promise.all(['admin', 'doctor.a', 'doctor.b', 'specialist'].map((u) => t.signIn(u)));
  for (const c of ok(await t.gql('{ referralCriteria { id code } }', {}, doctorA)).referralCriteria) criteria[c.code] = c.id;
});
afterAll(async () => { await t.stop(); });

const PROPOSE = 'mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id state direction greenChannel justification criteria { code } consortium { name } } }';
const up = (over: Record<string, unknown> = {}) => ({
  direction: 'UP', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.tertiary.id),
  diagnosisCode: 'I21.9', diagnosisText: '急性心肌梗死', criterionIds: [criteria.UP_CARD_ACS], ...over,
});
const propose = (input: Record<string, unknown>, token = doctorA) => t.gql(PROPOSE, { i: input }, token);

describe('the referral criteria catalogue (转诊标准)', () => {
  it('is seeded with realistic criteria in both directions', async () => {
    const all = ok(await t.gql('{ referralCriteria { code direction condition criterion icd10Prefixes greenChannel specialty { code } } }', {}, doctorA)).referralCriteria;
    const byCode = Object.fromEntries(all.map((c: any) => [c.code, c]));
    expect(byCode.UP_CARD_ACS).toMatchObject({ direction: 'UP', condition: '疑似急性冠脉综合征', greenChannel: true, specialty: { code: 'CARDIOLOGY' } });
    expect(byCode.UP_CARD_ACS.icd10Prefixes).toEqual(expect.arrayContaining(['I20', 'I21']));
    expect(byCode.DOWN_NEURO_STROKE_REHAB).toMatchObject({ direction: 'DOWN', condition: '脑卒中恢复期', greenChannel: false });
    expect(all.filter((c: any) => c.direction === 'UP').length).toBeGreaterThanOrEqual(10);
    expect(all.filter((c: any) => c.direction === 'DOWN').length).toBeGreaterThanOrEqual(7);
    expect(all.every((c: any) => c.direction === 'UP' || !c.greenChannel)).toBe(true);
  });

  it('finds the criteria a diagnosis can meet', async () => {
    const stroke = ok(await t.gql('{ referralCriteria(diagnosisCode: "I63.900") { code } }', {}, doctorA)).referralCriteria.map((c: any) => c.code);
    expect(stroke).toEqual(expect.arrayContaining(['UP_NEURO_STROKE', 'DOWN_NEURO_STROKE_REHAB']));
    expect(stroke).not.toContain('UP_CARD_ACS');
  });

  it('is edited by administrators only; a retired criterion can no longer be cited', async () => {
    const input = { code: 'UP_NEPH_AKI', direction: 'UP', condition: '急性肾损伤', criterion: '血肌酐48小时内升高≥26.5μmol/L或尿量<0.5ml/kg/h超过6小时', icd10Prefixes: ['N17'] };
    expect(refusal(await t.gql('mutation($i: CreateReferralCriterionInput!) { createReferralCriterion(input: $i) { id } }', { i: input }, doctorA)).code).toBe('FORBIDDEN');
    const created = ok(await t.gql('mutation($i: CreateReferralCriterionInput!) { createReferralCriterion(input: $i) { id code active } }', { i: input }, admin)).createReferralCriterion;
    expect(created).toMatchObject({ code: 'UP_NEPH_AKI', active: true });
    expect(refusal(await t.gql('mutation($i: CreateReferralCriterionInput!) { createReferralCriterion(input: $i) { id } }', { i: input }, admin))).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(refusal(await t.gql('mutation($i: CreateReferralCriterionInput!) { createReferralCriterion(input: $i) { id } }',
      { i: { ...input, code: 'DOWN_X', direction: 'DOWN', greenChannel: true } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'greenChannel' });
    ok(await t.gql('mutation($i: UpdateReferralCriterionInput!) { updateReferralCriterion(input: $i) { active } }', { i: { id: created.id, active: false } }, admin));
    const r = await propose(up({ diagnosisCode: 'N17.9', diagnosisText: '急性肾损伤', criterionIds: [created.id] }));
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criterionIds[0]' });
    expect(refusal(r).message).toMatch(/retired/);
  });
});

describe('proposing a referral', () => {
  it('accepts a valid UP referral through the green channel, in the consortium the hospitals share', async () => {
    const r = ok(await propose(up({ greenChannel: true }))).proposeReferral;
    expect(r).toMatchObject({ state: 'PROPOSED', direction: 'UP', greenChannel: true, criteria: [{ code: 'UP_CARD_ACS' }], consortium: { name: '测试县医共体' } });
  });

  it.each([
    ['citing no criterion without a justification', { criterionIds: [] }, 'justification', /needs a written justification/],
    ['citing a criterion of the other direction', { criterionIds: [] as string[], useDown: true }, 'criterionIds[0]', /is for DOWN referrals/],
    ['a diagnosis the criterion does not cover', { diagnosisCode: 'J44.1', diagnosisText: '慢阻肺急性加重' }, 'criterionIds[0]', /covers diagnoses .*J44.1 is not one of them/],
    ['"UP" to a hospital of the same tier', { toHospitalId: 'B' }, 'toHospitalId', /not above/],
    ['a bad ICD-10 code', { diagnosisCode: 'heart attack' }, 'diagnosisCode', /ICD-10/],
  ])('refuses %s', async (_name, over: any, field, message) => {
    const input = up(over);
    if (over.useDown) input.criterionIds = [criteria.DOWN_CARD_PCI_STABLE];
    if (over.toHospitalId === 'B') input.toHospitalId = String(t.fixture.townshipB.id);
    delete (input as any).useDown;
    const r = await propose(input);
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refusal(r).message).toMatch(message);
  });

  it('accepts a justification instead of a criterion, but not the green channel for a DOWN referral', async () => {
    const r = ok(await propose(up({ criterionIds: [], toDepartmentId: String(t.fixture.cardiology.id), diagnosisCode: 'R55', diagnosisText: '晕厥待查', justification: '反复晕厥3次，基层无动态心电图及心脏超声条件，需上级医院明确病因' }))).proposeReferral;
    expect(r.criteria).toEqual([]);
    expect(r.justification).toMatch(/反复晕厥/);
    const down = await propose({ direction: 'DOWN', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.townshipA.id), diagnosisCode: 'I63.9', diagnosisText: '脑梗死恢复期',
      criterionIds: [criteria.DOWN_NEURO_STROKE_REHAB], greenChannel: true, carePlan: '康复训练每日2次；阿司匹林100mg qd；每周随访血压' }, specialist);
    expect(refusal(down)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'greenChannel' });
  });

  it('needs a care plan for a DOWN referral, and a patient the sender may see', async () => {
    const noPlan = await propose({ direction: 'DOWN', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.townshipA.id), diagnosisCode: 'I63.9', diagnosisText: '脑梗死恢复期',
      criterionIds: [criteria.DOWN_NEURO_STROKE_REHAB] }, specialist);
    // The specialist may see patient A because the UP referrals above came to their hospital; the care plan is what is missing.
    expect(refusal(noPlan)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'carePlan' });
    const otherPatient = await propose(up({ patientId: String(t.fixture.patientB.id) }));
    expect(refusal(otherPatient).code).toBe('NOT_FOUND');
  });

  it('goes only between hospitals that share a consortium', async () => {
    const far = await t.database.db.getRepository(Hospital).save({ name: '外县人民医院', tier: HospitalTier.TERTIARY, county: '外县', latitude: 36, longitude: 119 });
    await t.database.db.query('INSERT INTO consortium_membership (consortium_id, hospital_id) VALUES ($1, $2)', [t.fixture.otherConsortium.id, far.id]);
    const r = await propose(up({ toHospitalId: String(far.id) }));
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toHospitalId' });
    expect(refusal(r).message).toMatch(/share no consortium/);
  });
});

describe('answering a referral', () => {
  it('declines with a reason; the sender sees it live; a declined referral cannot be accepted', async () => {
    const feed = collect(t.ws(doctorA), 'subscription { referralChanged { action referralId state } }');
    await new Promise((r) => setTimeout(r, 300));
    const r = ok(await propose(up())).proposeReferral;
    const declined = ok(await t.gql('mutation($i: ReferralReasonInput!) { declineReferral(input: $i) { state declineReason declinedAt } }',
      { i: { id: r.id, reason: '本院导管室本周检修，建议转市人民医院' } }, specialist)).declineReferral;
    expect(declined).toMatchObject({ state: 'DECLINED', declineReason: '本院导管室本周检修，建议转市人民医院' });
    await feed.waitFor(2);
    expect(feed.events.map((e) => e.referralChanged.action)).toEqual(['PROPOSED', 'DECLINED']);
    const again = await t.gql('mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { state } }', { i: { id: r.id, expectedArrivalDate: '2099-01-01' } }, specialist);
    expect(refusal(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedArrivalDate' });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const late = await t.gql('mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { state } }', { i: { id: r.id, expectedArrivalDate: tomorrow } }, specialist);
    expect(refusal(late)).toMatchObject({ code: 'CONFLICT', message: `Referral ${r.id} cannot be accepted: it is DECLINED; it can be accepted only when PROPOSED` });
    expect((await t.database.db.query('SELECT state FROM referral WHERE id = $1', [Number(r.id)]))[0].state).toBe('DECLINED');
    await feed.dispose();
  });

  it('is cancelled by its sender only; the receiving hospital sees the patient, others see nothing', async () => {
    const r = ok(await propose(up())).proposeReferral;
    const seen = ok(await t.gql('query($id: ID!) { referral(id: $id) { patient { name } referredBy { username } } }', { id: r.id }, specialist)).referral;
    expect(seen).toEqual({ patient: { name: '患者甲' }, referredBy: { username: 'doctor.a' } });
    const audited = await t.database.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'patient.read' AND actor_id = $1`, [t.fixture.users.specialist.id]);
    expect(audited[0].n).toBeGreaterThan(0);
    expect(refusal(await t.gql('query($id: ID!) { referral(id: $id) { id } }', { id: r.id }, doctorB)).code).toBe('NOT_FOUND');
    expect(refusal(await t.gql('mutation($i: ReferralReasonInput!) { cancelReferral(input: $i) { state } }', { i: { id: r.id, reason: '取消' } }, specialist)).code).toBe('FORBIDDEN');
    expect(ok(await t.gql('mutation($i: ReferralReasonInput!) { cancelReferral(input: $i) { state cancelReason } }', { i: { id: r.id, reason: '家属要求去市医院' } }, doctorA)).cancelReferral)
      .toEqual({ state: 'CANCELLED', cancelReason: '家属要求去市医院' });
    const incoming = ok(await t.gql('{ referrals(incoming: true) { nodes { id } } }', {}, doctorA)).referrals.nodes;
    expect(incoming).toEqual([]);
    const sent = ok(await t.gql('{ referrals(incoming: false, direction: UP) { totalCount } }', {}, doctorA)).referrals.totalCount;
    expect(sent).toBeGreaterThanOrEqual(4);
  });
});
