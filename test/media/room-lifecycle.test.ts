import type { types } from 'mediasoup';

import { MediaError, type Sfu, type SfuEvents } from '../../media';
import { nextEvent, opusParameters, startTestSfu, vp8Parameters } from './support/sfu';

const zero = { routers: 0, transports: 0, producers: 0, consumers: 0 };

/** Everything each worker holds, from the observers and from the worker processes. */
async function totals(sfu: Sfu) {
  const dumped = await sfu.dumpCounts();
  // after the dump: consumers close on the worker's notifications, which precede its reply
  const observed = sfu.counts().workers;
  const sum = (rows: Array<typeof zero>) =>
    rows.reduce((acc, r) => ({
      routers: acc.routers + r.routers,
      transports: acc.transports + r.transports,
      producers: acc.producers + r.producers,
      consumers: acc.consumers + r.consumers,
    }), { ...zero });
  return { observed: sum(observed), dumped: sum(dumped), handlers: dumped.reduce((n, d) => n + d.channelRequestHandlers, 0) };
}

/** Three peers with WebRTC and plain transports, two producers each, consuming each other. */
async function populate(sfu: Sfu, roomId: string, caps: types.RtpCapabilities) {
  const peers = ['specialist', 'gp', 'patient'];
  let ssrc = 1000;
  const sendTransports = new Map<string, string>();
  const recvTransports = new Map<string, string>();
  const producers: Array<{ peerId: string; producerId: string }> = [];
  for (const peerId of peers) {
    await sfu.join(roomId, peerId, { rtpCapabilities: caps });
    sendTransports.set(peerId, (await sfu.createPlainTransport(roomId, peerId, { direction: 'send', comedia: true })).transportId);
    recvTransports.set(peerId, (await sfu.createWebRtcTransport(roomId, peerId, { direction: 'recv' })).transportId);
    for (const [kind, rtpParameters] of [['audio', opusParameters(ssrc++)], ['video', vp8Parameters(ssrc++)]] as const) {
      const p = await sfu.produce(roomId, peerId, sendTransports.get(peerId)!, { kind, rtpParameters });
      producers.push({ peerId, producerId: p.producerId });
    }
  }
  for (const peerId of peers) {
    for (const p of producers.filter((x) => x.peerId !== peerId)) {
      await sfu.consume(roomId, peerId, recvTransports.get(peerId)!, p.producerId);
    }
  }
  return { peers, producers };
}

describe('room lifecycle', () => {
  let sfu: Sfu;

  beforeAll(async () => {
    sfu = await startTestSfu({ emptyRoomTimeoutMs: 400, announcedIp: '203.0.113.7' });
  });

  afterAll(() => sfu?.close());

  test('closing a room leaves no routers, transports, producers or consumers on any worker', async () => {
    expect(await totals(sfu)).toEqual({ observed: zero, dumped: zero, handlers: 0 });
    const room = await sfu.openRoom('consultation-leak');
    await populate(sfu, 'consultation-leak', room.routerRtpCapabilities);

    // 3 peers x (1 plain + 1 WebRTC transport), 2 producers each, each consuming the other 4
    const expected = { routers: 1, transports: 6, producers: 6, consumers: 12 };
    const full = await totals(sfu);
    expect(full.observed).toEqual(expected);
    expect(full.dumped).toEqual(expected);
    expect(sfu.roomCounts('consultation-leak')).toEqual({ peers: 3, transports: 6, producers: 6, consumers: 12 });
    expect(full.handlers).toBeGreaterThanOrEqual(1 + 6 + 6 + 12);

    const closed = nextEvent<SfuEvents['closed'][0]>(sfu, 'closed', 2000);
    expect(sfu.closeRoom('consultation-leak')).toBe(true);
    expect(await closed).toEqual({ roomId: 'consultation-leak', reason: 'requested' });
    expect(await totals(sfu)).toEqual({ observed: zero, dumped: zero, handlers: 0 });
    expect(sfu.counts().rooms).toBe(0);
    expect(sfu.closeRoom('consultation-leak')).toBe(false);
    expect(() => sfu.room('consultation-leak')).toThrow(MediaError);
  });

  test('a peer leaving takes its transports, producers and the consumers of its media with it', async () => {
    const room = await sfu.openRoom('consultation-leave');
    await populate(sfu, 'consultation-leave', room.routerRtpCapabilities);
    const closedProducers: string[] = [];
    const onClosed = (e: SfuEvents['producerClosed'][0]) => closedProducers.push(e.producerId);
    sfu.on('producerClosed', onClosed);
    const left = nextEvent<SfuEvents['peerLeft'][0]>(sfu, 'peerLeft', 2000);

    sfu.leave('consultation-leave', 'patient');

    expect(await left).toEqual({ roomId: 'consultation-leave', peerId: 'patient', reason: 'left' });
    expect(closedProducers).toHaveLength(2);
    sfu.off('producerClosed', onClosed);
    // 2 peers, each: 2 transports, 2 producers, consuming the other's 2
    const expected = { routers: 1, transports: 4, producers: 4, consumers: 4 };
    expect((await totals(sfu)).observed).toEqual(expected);
    expect((await totals(sfu)).dumped).toEqual(expected);
    expect(sfu.roomCounts('consultation-leave')).toEqual({ peers: 2, transports: 4, producers: 4, consumers: 4 });

    // rejoining with the same id replaces the old peer and its media
    await sfu.join('consultation-leave', 'gp', { rtpCapabilities: room.routerRtpCapabilities });
    expect(sfu.roomCounts('consultation-leave')).toEqual({ peers: 2, transports: 2, producers: 2, consumers: 0 });

    sfu.closeRoom('consultation-leave');
    expect(await totals(sfu)).toEqual({ observed: zero, dumped: zero, handlers: 0 });
  });

  test('an empty room closes itself after the timeout; a join in time keeps it open', async () => {
    const caps = (await sfu.openRoom('consultation-empty')).routerRtpCapabilities;
    await new Promise((resolve) => setTimeout(resolve, 250));
    await sfu.join('consultation-empty', 'gp', { rtpCapabilities: caps });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sfu.room('consultation-empty').closed).toBe(false);

    const started = Date.now();
    const closed = nextEvent<SfuEvents['closed'][0]>(sfu, 'closed', 3000);
    sfu.leave('consultation-empty', 'gp');
    expect(await closed).toEqual({ roomId: 'consultation-empty', reason: 'empty' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(sfu.counts().rooms).toBe(0);
    expect(await totals(sfu)).toEqual({ observed: zero, dumped: zero, handlers: 0 });
  });

  test('WebRTC transports announce the public IP; rooms spread over the workers', async () => {
    const a = await sfu.openRoom('consultation-x');
    const b = await sfu.openRoom('consultation-y');
    expect(a.workerPid).not.toBe(b.workerPid);
    expect(await sfu.openRoom('consultation-x')).toMatchObject({ workerPid: a.workerPid });
    await sfu.join('consultation-x', 'township-gp', { rtpCapabilities: a.routerRtpCapabilities });
    const t = await sfu.createWebRtcTransport('consultation-x', 'township-gp', { direction: 'send' });
    expect(t.iceCandidates.length).toBeGreaterThanOrEqual(2); // udp + tcp
    expect(new Set(t.iceCandidates.map((c) => c.ip))).toEqual(new Set(['203.0.113.7']));
    expect(t.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    // the browser's DTLS parameters: accepted once, malformed ones refused as bad input
    await expect(sfu.connectTransport('consultation-x', 'township-gp', t.transportId, { dtlsParameters: { role: 'auto', fingerprints: [] } }))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await sfu.connectTransport('consultation-x', 'township-gp', t.transportId, {
      dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }] },
    });
    const [transportStats] = (await sfu.peerStats('consultation-x', 'township-gp')).transports;
    expect(transportStats).toMatchObject({ kind: 'webrtc', iceState: 'new', dtlsState: 'new' });
    const plain = await sfu.createPlainTransport('consultation-x', 'township-gp', { direction: 'send' });
    expect(plain.ip).toBe('203.0.113.7');
    sfu.closeRoom('consultation-x');
    sfu.closeRoom('consultation-y');
  });

  test('bad requests fail with codes the GraphQL layer can map', async () => {
    const caps = (await sfu.openRoom('consultation-errors')).routerRtpCapabilities;
    await sfu.join('consultation-errors', 'gp', { rtpCapabilities: caps });
    const send = await sfu.createPlainTransport('consultation-errors', 'gp', { direction: 'send', comedia: true });
    const recv = await sfu.createPlainTransport('consultation-errors', 'gp', { direction: 'recv' });
    const code = async (p: Promise<unknown> | (() => unknown)) => {
      try {
        await (typeof p === 'function' ? p() : p);
      } catch (error) {
        return (error as MediaError).code;
      }
      return 'resolved';
    };
    expect(await code(() => sfu.join('no-such-room', 'gp', { rtpCapabilities: caps }))).toBe('NOT_FOUND');
    expect(await code(() => sfu.createWebRtcTransport('consultation-errors', 'stranger', { direction: 'send' }))).toBe('NOT_FOUND');
    expect(await code(sfu.join('consultation-errors', 'x', { rtpCapabilities: { codecs: [] } }))).toBe('BAD_USER_INPUT');
    expect(await code(sfu.produce('consultation-errors', 'gp', recv.transportId, { kind: 'video', rtpParameters: vp8Parameters(5) }))).toBe('BAD_USER_INPUT');
    expect(await code(sfu.produce('consultation-errors', 'gp', send.transportId, {
      kind: 'video',
      rtpParameters: { codecs: [{ mimeType: 'video/AV1', payloadType: 45, clockRate: 90000 }], encodings: [{ ssrc: 6 }] },
    }))).toBe('BAD_USER_INPUT');
    expect(await code(sfu.consume('consultation-errors', 'gp', recv.transportId, 'no-such-producer'))).toBe('NOT_FOUND');
    expect(await code(sfu.createWebRtcTransport('consultation-errors', 'gp', { direction: 'sideways' as 'send' }))).toBe('BAD_USER_INPUT');
    expect(await code(sfu.resumeConsumer('consultation-errors', 'gp', 'no-such-consumer'))).toBe('NOT_FOUND');
    sfu.closeRoom('consultation-errors');
    expect(await totals(sfu)).toEqual({ observed: zero, dumped: zero, handlers: 0 });
  });
});
