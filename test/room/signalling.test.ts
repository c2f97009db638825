import { ok, refusal, requestConsultation } from '../consult/support';
import { collect, startTestHub, TestHub } from '../support/hub';
import { consultationInSession, endSession } from './support';

/**
 * Room signalling through GraphQL against a real mediasoup worker: who may enter, when, and
 * that the room follows the consultation. (Media flowing between browsers: test/web.)
 */
let t: TestHub;
const tokens: Record<'doctorA' | 'doctorB' | 'specialist' | 'scheduler', string> = {} as any;
beforeAll(async () => {
  t = await startTestHub({ MEDIA_WORKERS: '1', MEDIA_RTC_MIN_PORT: '41000', MEDIA_RTC_MAX_PORT: '41999', MEDIA_PEER_HEARTBEAT_TIMEOUT_MS: '2000' }, { media: true });
  tokens.doctorA = await t.signIn('doctor.a');
  tokens.doctorB = await t.signIn('doctor.b');
  tokens.specialist = await t.signIn('specialist');
  tokens.scheduler = await t.signIn('scheduler');
}, 60_000);
afterAll(async () => { await t.stop(); });

const OPEN = 'mutation($id: ID!) { openConsultationRoom(consultationId: $id) }';
const JOIN = 'mutation($id: ID!, $caps: JSONObject!) { joinConsultationRoom(consultationId: $id, rtpCapabilities: $caps) { personIds producers { id } cursor } }';
const TRANSPORT = 'mutation($id: ID!, $d: TransportDirection!) { createRoomTransport(consultationId: $id, direction: $d) { id iceCandidates dtlsParameters } }';

describe('consultation video room signalling', () => {
  it('lets the two participants in, with the router capabilities and transports, and refuses everyone else', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    expect(caps.codecs.map((c: any) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));

    const joined = ok(await t.gql(JOIN, { id, caps }, tokens.specialist)).joinConsultationRoom;
    expect(joined.personIds).toEqual([String(t.fixture.users.specialist.id)]);
    const transport = ok(await t.gql(TRANSPORT, { id, d: 'SEND' }, tokens.specialist)).createRoomTransport;
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);

    const other = ok(await t.gql(JOIN, { id, caps }, tokens.doctorA)).joinConsultationRoom;
    expect(other.personIds.sort()).toEqual([String(t.fixture.users.specialist.id), String(t.fixture.users.doctorA.id)].sort());

    for (const outsider of [tokens.doctorB, tokens.scheduler]) {
      for (const [query, vars] of [[OPEN, { id }], [JOIN, { id, caps }], [TRANSPORT, { id, d: 'RECV' }]] as const) {
        const r = refusal(await t.gql(query, vars, outsider));
        expect(r.code).toBe('FORBIDDEN');
        expect(r.message).toMatch(/participants/);
      }
    }
    expect(refusal(await t.gql(OPEN, { id })).code).toBe('UNAUTHENTICATED');
    await endSession(t, id, tokens.specialist);
  });

  it('answers NOT_FOUND, not an internal error, when asked to consume a producer that does not exist', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    ok(await t.gql(JOIN, { id, caps }, tokens.specialist));
    const transport = ok(await t.gql(TRANSPORT, { id, d: 'RECV' }, tokens.specialist)).createRoomTransport;
    // The SFU's own words are for developers (extensions.detail); the person reads the hub's sentence in their language.
    const consume = async (language: string) => {
      const res = await fetch(t.hub.url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.specialist}`, 'accept-language': language },
        body: JSON.stringify({
          query: 'mutation($id: ID!, $t: ID!, $p: ID!) { consumeInRoom(consultationId: $id, transportId: $t, producerId: $p) { id } }',
          variables: { id, t: transport.id, p: '00000000-0000-4000-8000-000000000000' },
        }),
      });
      return ((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];
    };
    const [zh, en] = [await consume('zh-CN'), await consume('en')];
    expect(zh).toMatchObject({ message: '此视频连接已结束（已关闭或已迁移），请重新加入会诊室', extensions: { code: 'NOT_FOUND' } });
    expect(en).toMatchObject({ message: 'This video connection has ended (it was closed or has moved): join the room again', extensions: { code: 'NOT_FOUND' } });
    expect(en.extensions.detail).toMatch(/producer 00000000-0000-4000-8000-000000000000 does not exist/);
    await endSession(t, id, tokens.specialist);
  });

  it('opens only while the session runs, and closes the room when the consultation ends', async () => {
    const id = await requestConsultation(t, tokens.doctorA);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, tokens.specialist));
    const early = refusal(await t.gql(OPEN, { id }, tokens.specialist));
    expect(early).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not running/) });

    const roomsBefore = t.media!.counts().rooms;
    ok(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { state } }', { id }, tokens.specialist));
    // The room opens with the session, before anyone asks for it.
    for (let i = 0; i < 50 && t.media!.counts().rooms === roomsBefore; i++) await new Promise((r) => setTimeout(r, 100));
    expect(t.media!.counts().rooms).toBe(roomsBefore + 1);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    const joined = ok(await t.gql(JOIN, { id, caps }, tokens.doctorA)).joinConsultationRoom;
    const events = collect(t.ws(tokens.doctorA), 'subscription($id: ID!, $after: ID) { roomEvents(consultationId: $id, after: $after) { action personId reason } }', { id, after: joined.cursor });
    await events.waitFor(1);
    expect(events.events[0].roomEvents).toMatchObject({ action: 'PEER_JOINED', personId: String(t.fixture.users.doctorA.id) });
    expect(t.media!.counts().rooms).toBeGreaterThan(0);
    const before = t.media!.counts().rooms;

    await endSession(t, id, tokens.specialist);
    await events.waitFor(2);
    expect(events.events[1].roomEvents).toMatchObject({ action: 'CLOSED', reason: 'requested' });
    expect(t.media!.counts().rooms).toBe(before - 1);
    expect(refusal(await t.gql(OPEN, { id }, tokens.specialist)).code).toBe('CONFLICT');
  });

  it('lets a participant invite a colleague, who may then enter; others still may not', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    expect(refusal(await t.gql(JOIN, { id, caps }, tokens.doctorB)).code).toBe('FORBIDDEN');
    const byOutsider = await t.gql('mutation($id: ID!, $p: ID!) { inviteToConsultationRoom(consultationId: $id, personId: $p) }', { id, p: String(t.fixture.users.scheduler.id) }, tokens.doctorB);
    expect(refusal(byOutsider).code).toBe('FORBIDDEN');
    ok(await t.gql('mutation($id: ID!, $p: ID!) { inviteToConsultationRoom(consultationId: $id, personId: $p) }', { id, p: String(t.fixture.users.doctorB.id) }, tokens.specialist));
    const joined = ok(await t.gql(JOIN, { id, caps }, tokens.doctorB)).joinConsultationRoom;
    expect(joined.personIds).toContain(String(t.fixture.users.doctorB.id));
    expect(refusal(await t.gql(JOIN, { id, caps }, tokens.scheduler)).code).toBe('FORBIDDEN');
    await endSession(t, id, tokens.specialist);
  });

  // Issue 13 (9): a participant could invite a user of another consortium into the room.
  it("invites only people of the consultation's consortium", async () => {
    const db = t.database.db;
    const [{ id: hospitalId }] = await db.query(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('外县人民医院', 'TERTIARY', '外县', 36.5, 118.0) RETURNING id`);
    await db.query('INSERT INTO consortium_membership (consortium_id, hospital_id) VALUES ($1, $2)', [t.fixture.otherConsortium.id, hospitalId]);
    const [{ id: outsider }] = await db.query(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('外县专家', 'outsider.1', '{SPECIALIST}', $1) RETURNING id`, [hospitalId]);
    const id = await consultationInSession(t, tokens);
    const INVITE = 'mutation($id: ID!, $p: ID!) { inviteToConsultationRoom(consultationId: $id, personId: $p) }';
    const refused = refusal(await t.gql(INVITE, { id, p: String(outsider) }, tokens.specialist));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId', message: expect.stringMatching(/consultation's consortium/) });
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM room_invitation WHERE consultation_id = $1 AND person_id = $2', [id, outsider]);
    expect(n).toBe(0);
    ok(await t.gql(INVITE, { id, p: String(t.fixture.users.doctorB.id) }, tokens.specialist));
    await endSession(t, id, tokens.specialist);
  });

  it('reports each participant\'s link and switches a weak link to low bandwidth or audio only', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.doctorA)).openConsultationRoom;
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    const mode = ok(await t.gql('mutation($id: ID!) { setRoomLinkMode(consultationId: $id, lowBandwidth: true, audioOnly: true) { personId lowBandwidth audioOnly rating } }', { id }, tokens.doctorA)).setRoomLinkMode;
    expect(mode).toEqual({ personId: String(t.fixture.users.doctorA.id), lowBandwidth: true, audioOnly: true, rating: 'GOOD' });
    const links = ok(await t.gql('query($id: ID!) { roomLinkQuality(consultationId: $id) { personId audioOnly sendBitrate } }', { id }, tokens.specialist)).roomLinkQuality;
    expect(links).toEqual([{ personId: String(t.fixture.users.doctorA.id), audioOnly: true, sendBitrate: 0 }]);
    await endSession(t, id, tokens.specialist);
  });

  it('names the participants with their part, and drops one whose heartbeats stop', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    const PARTICIPANTS = 'query($id: ID!) { roomParticipants(consultationId: $id) { personId name title hospitalName role inRoom } }';
    const joined = ok(await t.gql(JOIN, { id, caps }, tokens.specialist)).joinConsultationRoom;
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    const people = ok(await t.gql(PARTICIPANTS, { id }, tokens.specialist)).roomParticipants;
    expect(people).toEqual(expect.arrayContaining([
      { personId: String(t.fixture.users.specialist.id), name: '用户specialist', title: 'CHIEF', hospitalName: '测试县人民医院', role: 'SPECIALIST', inRoom: true },
      { personId: String(t.fixture.users.doctorA.id), name: '用户doctor.a', title: null, hospitalName: '甲镇卫生院', role: 'REQUESTING_DOCTOR', inRoom: true },
    ]));
    expect(refusal(await t.gql(PARTICIPANTS, { id }, tokens.doctorB)).code).toBe('FORBIDDEN');

    const events = collect(t.ws(tokens.specialist), 'subscription($id: ID!, $after: ID) { roomEvents(consultationId: $id, after: $after) { action personId reason } }', { id, after: joined.cursor });
    const HEARTBEAT = 'mutation($id: ID!) { roomHeartbeat(consultationId: $id) }';
    // Both beat once; then only the specialist keeps beating, as a page whose tab is open.
    expect(ok(await t.gql(HEARTBEAT, { id }, tokens.doctorA)).roomHeartbeat).toBe(true);
    const started = Date.now();
    const beating = setInterval(() => void t.gql(HEARTBEAT, { id }, tokens.specialist), 500);
    try {
      await events.waitFor(3, 8000); // PEER_JOINED of both, then PEER_LEFT
      const left = events.events.map((e) => e.roomEvents).find((e) => e.action === 'PEER_LEFT');
      expect(left).toEqual({ action: 'PEER_LEFT', personId: String(t.fixture.users.doctorA.id), reason: 'timeout' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      clearInterval(beating);
    }
    // The dropped one learns it from its next beat, and may join again.
    expect(ok(await t.gql(HEARTBEAT, { id }, tokens.doctorA)).roomHeartbeat).toBe(false);
    const after = ok(await t.gql(PARTICIPANTS, { id }, tokens.specialist)).roomParticipants;
    expect(after.find((p: any) => p.role === 'REQUESTING_DOCTOR').inRoom).toBe(false);
    expect(after.find((p: any) => p.role === 'SPECIALIST').inRoom).toBe(true);
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    expect(ok(await t.gql(HEARTBEAT, { id }, tokens.doctorA)).roomHeartbeat).toBe(true);
    await endSession(t, id, tokens.specialist);
  });

  it('drops a page that rejoined and closed before its next beat (its new peer is watched from the start)', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.specialist)).openConsultationRoom;
    const joined = ok(await t.gql(JOIN, { id, caps }, tokens.specialist)).joinConsultationRoom;
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    const HEARTBEAT = 'mutation($id: ID!) { roomHeartbeat(consultationId: $id) }';
    expect(ok(await t.gql(HEARTBEAT, { id }, tokens.doctorA)).roomHeartbeat).toBe(true);
    const events = collect(t.ws(tokens.specialist), 'subscription($id: ID!, $after: ID) { roomEvents(consultationId: $id, after: $after) { action personId reason } }', { id, after: joined.cursor });
    // The doctor's page rebuilds the call (as after a worker died) and its tab closes before it beats again.
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    const beating = setInterval(() => void t.gql(HEARTBEAT, { id }, tokens.specialist), 500);
    try {
      // PEER_JOINED of both; the rejoin (PEER_LEFT left, PEER_JOINED); then PEER_LEFT timeout
      await events.waitFor(5, 8000);
      const doctor = String(t.fixture.users.doctorA.id);
      expect(events.events.map((e) => e.roomEvents).filter((e) => e.personId === doctor).slice(-3)).toEqual([
        { action: 'PEER_LEFT', personId: doctor, reason: 'left' },
        { action: 'PEER_JOINED', personId: doctor, reason: null },
        { action: 'PEER_LEFT', personId: doctor, reason: 'timeout' },
      ]);
    } finally {
      clearInterval(beating);
      await endSession(t, id, tokens.specialist);
    }
  });

  it('gives a transport new ICE credentials for a restart, only to its owner', async () => {
    const id = await consultationInSession(t, tokens);
    const caps = ok(await t.gql(OPEN, { id }, tokens.doctorA)).openConsultationRoom;
    ok(await t.gql(JOIN, { id, caps }, tokens.doctorA));
    const transport = ok(await t.gql('mutation($id: ID!, $d: TransportDirection!) { createRoomTransport(consultationId: $id, direction: $d) { id iceParameters } }', { id, d: 'SEND' }, tokens.doctorA)).createRoomTransport;
    const RESTART = 'mutation($id: ID!, $t: ID!) { restartRoomTransportIce(consultationId: $id, transportId: $t) }';
    const restarted = ok(await t.gql(RESTART, { id, t: transport.id }, tokens.doctorA)).restartRoomTransportIce;
    expect(restarted.usernameFragment).toEqual(expect.any(String));
    expect(restarted.password).not.toBe(transport.iceParameters.password);
    ok(await t.gql(JOIN, { id, caps }, tokens.specialist));
    expect(refusal(await t.gql(RESTART, { id, t: transport.id }, tokens.specialist)).code).toBe('NOT_FOUND');
    await endSession(t, id, tokens.specialist);
  });
});
