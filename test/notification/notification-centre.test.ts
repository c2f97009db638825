import { collect, connected, startTestHub, TestHub } from '../support/hub';
import { ok, refusal, requestConsultation, sleep } from '../consult/support';

/**
 * The per-user notification centre through the public API: stored, live over graphql-ws,
 * resumable after a reconnect with `after`, read/unread, each person's own only, and said in
 * each reader's language.
 */
let t: TestHub;
let doctorA: string;
let doctorB: string;
let specialist: string;
let scheduler: string;

beforeAll(async () => {
  t = await startTestHub({ CONSULT_DEADLINE_EMERGENCY_SECONDS: '1', CONSULT_SWEEP_INTERVAL_MS: '200', NOTIFY_POLL_MS: '100' });
  [doctorA, doctorB, specialist, scheduler] = await Promise.all(['doctor.a', 'doctor.b', 'specialist', 'scheduler'].map((u) => t.signIn(u)));
}, 60_000);
afterAll(() => t?.stop());

const ADDED = 'subscription($after: ID) { notificationAdded(after: $after) { cursor action notification { id kind title body read consultationId } } }';
const LIST = '{ notifications(first: 10) { totalCount nodes { id kind title body read readAt consultationId referralId } pageInfo { hasNextPage endCursor } } unreadNotificationCount }';

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('the notification centre', () => {
  it('tells the requesting doctor live of a claim, and after a reconnect of what happened meanwhile, in order', async () => {
    const id = await requestConsultation(t, doctorA);
    const client = t.ws(doctorA);
    await connected(client);
    const live = collect(client, ADDED);
    await sleep(200);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id }, specialist));
    const [claimed] = await live.waitFor(1);
    expect(claimed.notificationAdded).toMatchObject({
      action: 'ADDED',
      notification: { kind: 'CONSULTATION_CLAIMED', read: false, consultationId: id, title: 'Consultation claimed' },
    });
    expect(claimed.notificationAdded.notification.body).toContain('用户specialist');
    expect(claimed.notificationAdded.notification.body).toContain('Cardiology');
    const cursor = claimed.notificationAdded.cursor;

    // Gone (a train through a tunnel): meanwhile the session is scheduled and started.
    live.dispose();
    await client.dispose();
    const startsAt = new Date(Date.now() + 3600_000);
    ok(await t.gql('mutation($i: ScheduleConsultationInput!) { scheduleConsultation(input: $i) { id } }',
      { i: { id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1800_000).toISOString() } }, specialist));
    ok(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { id } }', { id }, specialist));

    const again = t.ws(doctorA);
    await connected(again);
    const resumed = collect(again, ADDED, { after: cursor });
    const events = await resumed.waitFor(2);
    expect(events.map((e) => e.notificationAdded.notification.kind)).toEqual(['CONSULTATION_SCHEDULED', 'CONSULTATION_STARTED']);
    expect(BigInt(events[0].notificationAdded.cursor)).toBeGreaterThan(BigInt(cursor));
    // The scheduled time is said in the consortium's time zone (Asia/Shanghai, UTC+8).
    const local = new Date(startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(events[0].notificationAdded.notification.body).toContain(local);
    await sleep(300);
    expect(resumed.events).toHaveLength(2); // nothing twice
    resumed.dispose();

    // Stored, newest first, unread until marked; only one's own can be marked.
    const list = ok(await t.gql(LIST, {}, doctorA));
    expect(list.notifications.nodes.map((n: any) => n.kind)).toEqual(['CONSULTATION_STARTED', 'CONSULTATION_SCHEDULED', 'CONSULTATION_CLAIMED']);
    expect(list.unreadNotificationCount).toBe(3);
    const claimedId = list.notifications.nodes[2].id;
    expect(ok(await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [claimedId] }, doctorB)).markNotificationsRead).toEqual([]);
    const marked = ok(await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }', { ids: [claimedId] }, doctorA)).markNotificationsRead;
    expect(marked).toEqual([{ id: claimedId, read: true, readAt: expect.any(String) }]);
    expect(ok(await t.gql('{ unreadNotificationCount }', {}, doctorA)).unreadNotificationCount).toBe(2);
    expect(ok(await t.gql(LIST, {}, doctorB)).notifications.totalCount).toBe(0);
    // Nobody hears of their own action: the specialist did all of it.
    expect(ok(await t.gql(LIST, {}, specialist)).notifications.totalCount).toBe(0);

    // Pages: newest first, the endCursor continues with older ones.
    const page1 = ok(await t.gql('{ notifications(first: 2) { nodes { kind } pageInfo { hasNextPage endCursor } } }', {}, doctorA)).notifications;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await t.gql('query($a: String) { notifications(first: 2, after: $a) { nodes { kind } pageInfo { hasNextPage } } }', { a: page1.pageInfo.endCursor }, doctorA)).notifications;
    expect(page2).toEqual({ nodes: [{ kind: 'CONSULTATION_CLAIMED' }], pageInfo: { hasNextPage: false } });
    expect(ok(await t.gql('mutation { markAllNotificationsRead }', {}, doctorA)).markAllNotificationsRead).toBe(2);
    expect(ok(await t.gql('{ unreadNotificationCount }', {}, doctorA)).unreadNotificationCount).toBe(0);
    ok(await t.gql('mutation($id: ID!) { endConsultationSession(id: $id) { id } }', { id }, specialist));
  }, 60_000);

  it('tells the schedulers of the consortium of an escalation, in the language each saved', async () => {
    ok(await t.gql('mutation { setMyLanguage(language: "zh-CN") { language } }', {}, scheduler));
    const id = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    const escalated = await until(async () => {
      const nodes = ok(await t.gql(LIST, {}, scheduler)).notifications.nodes;
      return nodes.find((n: any) => n.kind === 'CONSULTATION_ESCALATED' && n.consultationId === id);
    });
    expect(escalated.title).toBe('会诊请求已超时');
    expect(escalated.body).toBe('甲镇卫生院 提交的心内科急诊会诊请求已超过时限，请指派专家。');
    // An English reader of the same kind of notification, by Accept-Language (no saved language).
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'en-GB,en;q=0.9' },
      body: JSON.stringify({ query: LIST }),
    });
    // The saved preference wins over the header.
    expect((await res.json()).data.notifications.nodes[0].title).toBe('会诊请求已超时');
    ok(await t.gql('mutation { setMyLanguage(language: null) { language } }', {}, scheduler));
    const english = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scheduler}`, 'accept-language': 'en-GB,en;q=0.9' },
      body: JSON.stringify({ query: LIST }),
    });
    const node = (await english.json()).data.notifications.nodes.find((n: any) => n.consultationId === id);
    expect(node.title).toBe('Consultation request overdue');
    expect(node.body).toBe('A Cardiology request from 甲镇卫生院 (emergency) has waited past its deadline; assign a specialist.');
    // A township doctor is no scheduler: not told.
    expect(ok(await t.gql(LIST, {}, doctorB)).notifications.nodes.some((n: any) => n.kind === 'CONSULTATION_ESCALATED')).toBe(false);
  }, 60_000);

  it('tells the receiving hospital\'s specialists of an incoming referral, and the doctor of the opinion', async () => {
    const referral = ok(await t.gql('mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id } }', {
      i: {
        direction: 'UP', patientId: String(t.fixture.patientA.id), toHospitalId: String(t.fixture.tertiary.id), toDepartmentId: String(t.fixture.cardiology.id),
        diagnosisCode: 'I20.0', diagnosisText: '不稳定型心绞痛', criterionIds: [], justification: '胸痛反复发作，需冠脉造影评估',
      },
    }, doctorA)).proposeReferral;
    const incoming = await until(async () => ok(await t.gql(LIST, {}, specialist)).notifications.nodes.find((n: any) => n.referralId === referral.id));
    expect(incoming).toMatchObject({ kind: 'REFERRAL_INCOMING', title: 'Incoming referral', body: '甲镇卫生院 refers a patient to 测试县人民医院 (upward).' });

    const id = await requestConsultation(t, doctorA);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { id } }', { id }, specialist));
    ok(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { id } }', { id }, specialist));
    ok(await t.gql('mutation($id: ID!) { endConsultationSession(id: $id) { id } }', { id }, specialist));
    ok(await t.gql('mutation($i: ConsultationOpinionInput!) { writeConsultationOpinion(input: $i) { id } }', {
      i: { id, impression: '稳定型心绞痛', recommendations: '继续药物治疗，两周后复诊', referUp: false },
    }, specialist));
    const opinion = await until(async () => ok(await t.gql(LIST, {}, doctorA)).notifications.nodes.find((n: any) => n.kind === 'OPINION_WRITTEN' && n.consultationId === id));
    expect(opinion.title).toBe('Opinion written');
  }, 60_000);

  it('refuses what it must, in the reader\'s language', async () => {
    expect(refusal(await t.gql('{ unreadNotificationCount }'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refusal(await t.gql('mutation { setMyLanguage(language: "fr") { id } }', {}, doctorA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    expect(refusal(await t.gql('{ notifications(first: 5, after: "nonsense") { totalCount } }', {}, doctorA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
