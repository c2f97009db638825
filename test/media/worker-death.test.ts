import type { Sfu, SfuEvents } from '../../media';
import { requireFfmpeg, sendTestMedia, type FfmpegSender } from './support/ffmpeg';
import { RtpSink } from './support/rtp-sink';
import { consumerSsrc, eventually, nextEvent, sleep, startTestSfu, VP8_PT, vp8Parameters } from './support/sfu';

type ReconnectRequired = SfuEvents['reconnectRequired'][0];

/** The cart sends VP8 via ffmpeg; the specialist receives it in an RtpSink. */
async function connectMedia(sfu: Sfu, roomId: string, ssrc: number) {
  const input = await sfu.createPlainTransport(roomId, 'cart', { direction: 'send', comedia: true, rtcpMux: false });
  const producer = await sfu.produce(roomId, 'cart', input.transportId, { kind: 'video', rtpParameters: vp8Parameters(ssrc) });
  const sink = await RtpSink.open();
  const output = await sfu.createPlainTransport(roomId, 'specialist', { direction: 'recv', comedia: false });
  await sfu.connectTransport(roomId, 'specialist', output.transportId, { ip: sink.ip, port: sink.port });
  const consumer = await sfu.consume(roomId, 'specialist', output.transportId, producer.producerId);
  await sfu.resumeConsumer(roomId, 'specialist', consumer.consumerId);
  const ffmpeg = sendTestMedia({
    video: { ip: input.ip, port: input.port, rtcpPort: input.rtcpPort, ssrc, payloadType: VP8_PT },
    videoBitrate: '200k',
  });
  const ssrcOut = consumerSsrc(consumer);
  await sink.waitFor(() => sink.packets(ssrcOut) > 60, 20_000, `video in room ${roomId}`);
  return { sink, ffmpeg, ssrcOut, producerId: producer.producerId };
}

describe('a worker dies under a room', () => {
  let sfu: Sfu;
  const cleanup: Array<() => unknown> = [];

  beforeAll(async () => {
    requireFfmpeg();
    sfu = await startTestSfu({ workers: { numWorkers: 2 } });
  });

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    sfu?.close();
  });

  const track = <T extends { sink: RtpSink; ffmpeg: FfmpegSender }>(m: T): T => {
    cleanup.push(() => m.ffmpeg.stop(), () => m.sink.close());
    return m;
  };

  test('the room moves to a live worker, peers are told to reconnect, and media flows again', async () => {
    // two rooms land on the two workers (least-loaded placement)
    const stricken = await sfu.openRoom('consultation-a');
    const bystander = await sfu.openRoom('consultation-b');
    expect(stricken.workerPid).not.toBe(bystander.workerPid);
    for (const roomId of ['consultation-a', 'consultation-b']) {
      await sfu.join(roomId, 'cart', { rtpCapabilities: stricken.routerRtpCapabilities });
      await sfu.join(roomId, 'specialist', { rtpCapabilities: stricken.routerRtpCapabilities });
    }
    const before = track(await connectMedia(sfu, 'consultation-a', 31313131));
    const other = track(await connectMedia(sfu, 'consultation-b', 41414141));

    const reconnects: ReconnectRequired[] = [];
    sfu.on('reconnectRequired', (e) => reconnects.push(e));
    const reconnect = nextEvent<ReconnectRequired>(sfu, 'reconnectRequired', 15_000);
    const died = nextEvent<{ pid: number }>(sfu, 'workerDied', 15_000);

    process.kill(stricken.workerPid, 'SIGKILL');

    expect((await died).pid).toBe(stricken.workerPid);
    const event = await reconnect;
    expect(event).toMatchObject({ roomId: 'consultation-a', reason: 'worker-died' });
    expect(event.peerIds.sort()).toEqual(['cart', 'specialist']);
    expect(event.routerRtpCapabilities.codecs!.length).toBeGreaterThan(0);

    const room = sfu.room('consultation-a');
    expect(room.workerPid).not.toBe(stricken.workerPid);
    expect(sfu.pool.workers.map((w) => w.pid)).not.toContain(stricken.workerPid);
    // the peers stay, their media objects went with the worker
    expect(sfu.roomCounts('consultation-a')).toEqual({ peers: 2, transports: 0, producers: 0, consumers: 0 });
    await expect(sfu.peerStats('consultation-a', 'cart')).resolves.toMatchObject({ producers: [] });

    // a replacement worker is started, so the pool is back to two
    await eventually(() => sfu.pool.workers.length, (n) => n === 2, 15_000, 'a replacement worker');

    // the other room was not touched and still forwards
    const otherBefore = other.sink.packets(other.ssrcOut);
    await other.sink.waitFor(() => other.sink.packets(other.ssrcOut) > otherBefore + 30, 5_000, 'the other room to keep forwarding');
    expect(sfu.room('consultation-b').workerPid).toBe(bystander.workerPid);

    // the old stream is dead
    await before.ffmpeg.stop();
    const stale = before.sink.packets(before.ssrcOut);
    await sleep(300);
    expect(before.sink.packets(before.ssrcOut)).toBe(stale);

    // clients reconnect: new transports, produce again, consume again
    const after = track(await connectMedia(sfu, 'consultation-a', 51515151));
    expect(after.sink.packets(after.ssrcOut)).toBeGreaterThan(60);
    const stats = await sfu.peerStats('consultation-a', 'cart');
    expect(stats.producers[0].packetCount).toBeGreaterThan(60);
    expect(stats.uplinkLoss).toBe(0);

    expect(reconnects.map((e) => e.roomId)).toEqual(['consultation-a']);
  });

  test('with a single worker, the room waits for the replacement worker', async () => {
    const solo = await startTestSfu({ workers: { numWorkers: 1 } });
    cleanup.push(() => solo.close());
    const room = await solo.openRoom('consultation-solo');
    await solo.join('consultation-solo', 'gp', { rtpCapabilities: room.routerRtpCapabilities });
    await solo.createWebRtcTransport('consultation-solo', 'gp', { direction: 'send' });
    const reconnect = nextEvent<ReconnectRequired>(solo, 'reconnectRequired', 15_000);

    process.kill(room.workerPid, 'SIGKILL');

    expect(await reconnect).toMatchObject({ roomId: 'consultation-solo', peerIds: ['gp'] });
    const [replacement] = solo.pool.workers;
    expect(replacement.pid).not.toBe(room.workerPid);
    expect(solo.room('consultation-solo').workerPid).toBe(replacement.pid);
    // after the move, calls work on the new router
    const t = await solo.createWebRtcTransport('consultation-solo', 'gp', { direction: 'send' });
    expect(t.iceCandidates.length).toBeGreaterThan(0);
    expect(solo.counts().workers).toEqual([{ pid: replacement.pid, routers: 1, transports: 1, producers: 0, consumers: 0 }]);
  });
});

