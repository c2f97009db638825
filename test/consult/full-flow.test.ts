import { ConsultationService } from '../../src/consult/service';
import { collect, startTestHub, TestHub } from '../support/hub';
import { ok, refusal, sleep } from './support';

/**
 * The daily work end to end, as the three kinds of users, over real HTTP and WebSocket:
 * a township doctor asks, a specialist takes it from the live queue and gives an opinion that
 * recommends referral, the doctor refers the patient up in one step, the tertiary hospital
 * accepts and receives the patient; the scheduler watches and assesses.
 */
let t: TestHub;
let doctorA: string;
let doctorB: string;
let specialist: string;
let scheduler: string;
beforeAll(async () => {
  t = await startTestHub();
  [doctorA, doctorB, specialist, scheduler] = await Promise.all(['doctor.a', 'doctor.b', 'specialist', 'scheduler'].map((u) => t.signIn(u)));
});
afterAll(async () => { await t.stop(); });

const C = 'id state urgency specialist { username } scheduledStart startedAt endedAt completedAt';
const step = async (mutation: string, variables: Record<string, unknown>, token: string) => ok(await t.gql(mutation, variables, token));
const stateOf = async (id: string) => (await t.database.db.query('SELECT state FROM consultation WHERE id = $1', [Number(id)]))[0].state;

describe('consultation → opinion → referral, as township doctor, specialist and scheduler', () => {
  it('runs the whole flow with live updates at every step', async () => {
    const f = t.fixture;
    // The specialist opens the cardiology queue and follows it live from the snapshot's cursor.
    const snapshot = (await step(`query($c: ID!, $s: ID!) { consultationQueue(consortiumId: $c, specialtyId: $s) { cursor totalCount } }`,
      { c: f.consortium.id, s: f.cardiology.id }, specialist)).consultationQueue;
    expect(snapshot.totalCount).toBe(0);
    const queueFeed = collect(t.ws(specialist), `subscription($c: ID!, $s: ID!, $after: ID) { consultationQueueChanged(consortiumId: $c, specialtyId: $s, after: $after) {
      action consultationId inQueue entry { urgency requestingHospital { name } } } }`, { c: f.consortium.id, s: f.cardiology.id, after: snapshot.cursor });
    const doctorFeed = collect(t.ws(doctorA), 'subscription { consultationChanged { action consultationId state participantIds } }');
    const incoming = collect(t.ws(specialist), 'subscription { referralChanged(incomingOnly: true) { action referralId state direction greenChannel referral { diagnosisCode } } }');
    const schedulerFeed = collect(t.ws(scheduler), 'subscription { consultationChanged { action consultationId } }');
    await sleep(300);

    // 1. The township doctor asks.
    const requested = (await step(`mutation($i: RequestConsultationInput!) { requestConsultation(input: $i) { ${C} claimDeadlineAt } }`, {
      i: {
        patientId: f.patientA.id, specialtyId: f.cardiology.id, urgency: 'URGENT',
        clinicalSummary: '女，70岁，高血压10年。今晨静息时胸骨后压榨样疼痛15分钟，含服硝酸甘油缓解。心电图II、III、aVF ST段压低。',
        question: '是否为不稳定型心绞痛？需要上转行冠脉造影吗？',
        preferredFrom: new Date(Date.now() + 3600_000).toISOString(), preferredTo: new Date(Date.now() + 4 * 3600_000).toISOString(),
      },
    }, doctorA)).requestConsultation;
    const id = requested.id;
    expect(requested).toMatchObject({ state: 'REQUESTED', urgency: 'URGENT', specialist: null });
    const [queued] = await queueFeed.waitFor(1);
    expect(queued.consultationQueueChanged).toMatchObject({ action: 'REQUESTED', consultationId: id, inQueue: true, entry: { urgency: 'URGENT', requestingHospital: { name: '甲镇卫生院' } } });

    // 2. The specialist claims it: it leaves everyone's queue, the doctor hears of it.
    const claimed = (await step(`mutation($id: ID!) { claimConsultation(id: $id) { ${C} } }`, { id }, specialist)).claimConsultation;
    expect(claimed).toMatchObject({ state: 'CLAIMED', specialist: { username: 'specialist' } });
    await queueFeed.waitFor(2);
    expect(queueFeed.events[1].consultationQueueChanged).toMatchObject({ action: 'CLAIMED', inQueue: false, entry: null });

    // Forbidden steps are refused with a clear error and change nothing.
    const early = await t.gql('mutation($i: ConsultationOpinionInput!) { writeConsultationOpinion(input: $i) { id } }',
      { i: { id, impression: '不稳定型心绞痛', recommendations: '上转', referUp: true } }, specialist);
    expect(refusal(early)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(refusal(early).message).toBe(`Consultation ${id} cannot be given an opinion: it is CLAIMED; it can be given an opinion only when ENDED`);
    expect(refusal(await t.gql('mutation($id: ID!) { endConsultationSession(id: $id) { id } }', { id }, specialist)).code).toBe('CONFLICT');
    expect(refusal(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { id } }', { id }, doctorA)).code).toBe('FORBIDDEN');
    expect(await stateOf(id)).toBe('CLAIMED');

    // 3. Schedule, start (the room is wanted), end.
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const scheduled = (await step(`mutation($i: ScheduleConsultationInput!) { scheduleConsultation(input: $i) { ${C} } }`,
      { i: { id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString() } }, specialist)).scheduleConsultation;
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', scheduledStart: startsAt.toISOString() });
    const started = (await step(`mutation($id: ID!) { startConsultationSession(id: $id) { ${C} } }`, { id }, specialist)).startConsultationSession;
    expect(started.state).toBe('IN_SESSION');
    const participants = await new ConsultationService(t.database.db, t.config.consult).participants(Number(id));
    expect(participants).toMatchObject({ state: 'IN_SESSION', requestingDoctorId: f.users.doctorA.id, specialistId: f.users.specialist.id });
    expect(participants!.participantIds.sort()).toEqual([f.users.doctorA.id, f.users.specialist.id].sort());
    const ended = (await step(`mutation($id: ID!) { endConsultationSession(id: $id) { ${C} } }`, { id }, specialist)).endConsultationSession;
    expect(ended.state).toBe('ENDED');

    // 4. The opinion recommends referral up.
    const done = (await step(`mutation($i: ConsultationOpinionInput!) { writeConsultationOpinion(input: $i) { ${C} opinion { impression referUp diagnosisCode author { username } } } }`, {
      i: { id, impression: '不稳定型心绞痛（中危）', recommendations: '双联抗血小板，尽快上转行冠脉造影评估', referUp: true, diagnosisCode: 'I20.0', diagnosisText: '不稳定型心绞痛' },
    }, specialist)).writeConsultationOpinion;
    expect(done).toMatchObject({ state: 'COMPLETED', opinion: { referUp: true, diagnosisCode: 'I20.0', author: { username: 'specialist' } } });

    // The township doctor saw every step live; the room events name the participants.
    await doctorFeed.waitFor(6);
    expect(doctorFeed.events.map((e) => e.consultationChanged.action)).toEqual(['REQUESTED', 'CLAIMED', 'SCHEDULED', 'SESSION_STARTED', 'SESSION_ENDED', 'OPINION_WRITTEN']);
    expect(doctorFeed.events[3].consultationChanged.participantIds.map(Number).sort()).toEqual([f.users.doctorA.id, f.users.specialist.id].sort());
    await schedulerFeed.waitFor(6);

    // 5. One step from the opinion to a prefilled UP referral, citing the ACS criterion (green channel).
    const acs = (await step(`{ referralCriteria(direction: UP, diagnosisCode: "I20.0") { id code greenChannel } }`, {}, doctorA)).referralCriteria;
    expect(acs.map((c: any) => c.code)).toEqual(['UP_CARD_ACS']);
    const referral = (await step(`mutation($i: ReferFromConsultationInput!) { referFromConsultation(input: $i) {
        id state direction greenChannel diagnosisCode diagnosisText justification fromHospital { name } toHospital { name } toDepartment { code }
        patient { name } criteria { code } sourceConsultation { id } } }`,
      { i: { consultationId: id, criterionIds: [acs[0].id], greenChannel: true } }, doctorA)).referFromConsultation;
    expect(referral).toMatchObject({
      state: 'PROPOSED', direction: 'UP', greenChannel: true, diagnosisCode: 'I20.0', diagnosisText: '不稳定型心绞痛',
      fromHospital: { name: '甲镇卫生院' }, toHospital: { name: '测试县人民医院' }, toDepartment: { code: 'CARDIOLOGY' },
      patient: { name: '患者甲' }, criteria: [{ code: 'UP_CARD_ACS' }], sourceConsultation: { id },
    });
    expect(referral.justification).toContain(`远程会诊 #${id}`);
    // A second live referral from the same consultation is refused by the database.
    expect(refusal(await t.gql('mutation($i: ReferFromConsultationInput!) { referFromConsultation(input: $i) { id } }', { i: { consultationId: id, criterionIds: [acs[0].id] } }, doctorA)).code).toBe('CONFLICT');

    // 6. The receiving hospital sees it arrive live, accepts, receives, completes.
    const [proposed] = await incoming.waitFor(1);
    expect(proposed.referralChanged).toMatchObject({ action: 'PROPOSED', referralId: referral.id, direction: 'UP', greenChannel: true, referral: { diagnosisCode: 'I20.0' } });
    expect(refusal(await t.gql('mutation($id: ID!) { markReferralArrived(id: $id) { id } }', { id: referral.id }, specialist)).code).toBe('CONFLICT');
    expect(refusal(await t.gql('mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { id } }', { i: { id: referral.id, expectedArrivalDate: tomorrow() } }, doctorA)).code).toBe('FORBIDDEN');
    const accepted = (await step('mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { state expectedArrivalDate respondedBy { username } } }',
      { i: { id: referral.id, expectedArrivalDate: tomorrow() } }, specialist)).acceptReferral;
    expect(accepted).toMatchObject({ state: 'ACCEPTED', expectedArrivalDate: tomorrow(), respondedBy: { username: 'specialist' } });
    expect((await step('mutation($id: ID!) { markReferralArrived(id: $id) { state arrivedAt } }', { id: referral.id }, specialist)).markReferralArrived.state).toBe('ARRIVED');
    expect((await step('mutation($id: ID!) { completeReferral(id: $id) { state completedAt } }', { id: referral.id }, specialist)).completeReferral.state).toBe('COMPLETED');
    await incoming.waitFor(4);
    expect(incoming.events.map((e) => e.referralChanged.action)).toEqual(['PROPOSED', 'ACCEPTED', 'ARRIVED', 'COMPLETED']);

    // 7. Back down for recovery: the specialist refers the patient to the township hospital with a care plan.
    const down = (await step(`{ referralCriteria(direction: DOWN, diagnosisCode: "I20.0") { id code } }`, {}, specialist)).referralCriteria;
    expect(down.map((c: any) => c.code)).toContain('DOWN_CARD_PCI_STABLE');
    const townshipFeed = collect(t.ws(doctorA), 'subscription { referralChanged(incomingOnly: true) { action direction } }');
    await sleep(200);
    const downReferral = (await step(`mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id state direction carePlan toHospital { name } } }`, {
      i: {
        direction: 'DOWN', patientId: f.patientA.id, toHospitalId: f.townshipA.id, diagnosisCode: 'I25.1', diagnosisText: '冠状动脉粥样硬化性心脏病 PCI术后',
        criterionIds: [down.find((c: any) => c.code === 'DOWN_CARD_PCI_STABLE').id],
        carePlan: '阿司匹林100mg qd + 替格瑞洛90mg bid 12个月；阿托伐他汀20mg qn；每月随访血压、心率，3个月复查血脂肝功能；胸痛复发即上转。',
      },
    }, specialist)).proposeReferral;
    expect(downReferral).toMatchObject({ state: 'PROPOSED', direction: 'DOWN', toHospital: { name: '甲镇卫生院' } });
    await townshipFeed.waitFor(1);
    expect((await step('mutation($i: AcceptReferralInput!) { acceptReferral(input: $i) { state } }', { i: { id: downReferral.id, expectedArrivalDate: tomorrow() } }, doctorA)).acceptReferral.state).toBe('ACCEPTED');

    // Hospital B saw none of it.
    expect(refusal(await t.gql('query($id: ID!) { referral(id: $id) { id } }', { id: referral.id }, doctorB)).code).toBe('NOT_FOUND');
    expect(ok(await t.gql('{ referrals { totalCount } consultations { totalCount } }', {}, doctorB))).toEqual({ referrals: { totalCount: 0 }, consultations: { totalCount: 0 } });

    // 8. The scheduler's assessment of today shows the work.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China Standard Time
    const a = (await step(`query($c: ID!, $d: String!) { consortiumAssessment(consortiumId: $c, from: $d, to: $d) {
        referrals { up down upDownRatio greenChannel accepted completed }
        consultations { urgency requested claimed completed deadlineBreaches } roster { available } } }`, { c: f.consortium.id, d: today }, scheduler)).consortiumAssessment;
    expect(a.referrals).toEqual({ up: 1, down: 1, upDownRatio: 1, greenChannel: 1, accepted: 2, completed: 1 });
    expect(a.consultations.find((u: any) => u.urgency === 'URGENT')).toEqual({ urgency: 'URGENT', requested: 1, claimed: 1, completed: 1, deadlineBreaches: 0 });
    for (const feed of [queueFeed, doctorFeed, incoming, schedulerFeed, townshipFeed]) expect(feed.errors).toEqual([]);
  });
});

function tomorrow() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}
