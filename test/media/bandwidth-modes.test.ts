import type { Sfu } from '../../media';
import { requireFfmpeg, sendTestMedia, SimulcastSender, type FfmpegSender } from './support/ffmpeg';
import { RtpSink } from './support/rtp-sink';
import {
  consumerSsrc, eventually, OPUS_PT, opusParameters, plainReceiverCapabilities, simulcastVp8Parameters, sleep, startTestSfu,
  VP8_PT,
} from './support/sfu';

const ROOM = 'consultation-modes';
const LAYERS = [
  { width: 160, height: 90, bitrate: '80k', ssrc: 7001 },
  { width: 320, height: 180, bitrate: '250k', ssrc: 7002 },
  { width: 640, height: 360, bitrate: '700k', ssrc: 7003 },
];

describe('low-bandwidth and audio-only modes', () => {
  let sfu: Sfu;
  let simulcast: SimulcastSender | undefined;
  let audioSender: FfmpegSender | undefined;
  let sink: RtpSink | undefined;
  let video: { consumerId: string; ssrc: number };
  let audio: { consumerId: string; ssrc: number };
  let cartSendTransportId: string;

  /** bits/s of one SSRC at the receiver over `ms` */
  async function receivedBitrate(ssrc: number, ms = 2000): Promise<number> {
    const before = sink!.stream(ssrc)?.bytes ?? 0;
    await sleep(ms);
    return (((sink!.stream(ssrc)?.bytes ?? 0) - before) * 8 * 1000) / ms;
  }

  /** the resolution of the next VP8 key frame the receiver gets */
  async function nextKeyFrame(): Promise<{ width: number; height: number }> {
    const seen = sink!.vp8KeyFrames(video.ssrc).length;
    await sink!.waitFor(() => sink!.vp8KeyFrames(video.ssrc).length > seen, 10_000, 'a key frame');
    return sink!.vp8KeyFrames(video.ssrc)[seen];
  }

  const videoConsumer = async () =>
    (await sfu.peerStats(ROOM, 'township-gp')).consumers.find((c) => c.consumerId === video.consumerId)!;

  beforeAll(async () => {
    requireFfmpeg();
    sfu = await startTestSfu({
      workers: { numWorkers: 1 },
      lowBandwidth: { maxIncomingBitrate: 150_000, maxOutgoingBitrate: 200_000 },
    });
    const room = await sfu.openRoom(ROOM);
    await sfu.join(ROOM, 'cart', { rtpCapabilities: room.routerRtpCapabilities });
    await sfu.join(ROOM, 'township-gp', { rtpCapabilities: plainReceiverCapabilities(room.routerRtpCapabilities) });

    const videoIn = await sfu.createPlainTransport(ROOM, 'cart', { direction: 'send', comedia: true, rtcpMux: true });
    cartSendTransportId = videoIn.transportId;
    const videoProducer = await sfu.produce(ROOM, 'cart', videoIn.transportId, {
      kind: 'video',
      rtpParameters: simulcastVp8Parameters(LAYERS.map((l) => l.ssrc)),
    });
    const audioIn = await sfu.createPlainTransport(ROOM, 'cart', { direction: 'send', comedia: true, rtcpMux: false });
    const audioProducer = await sfu.produce(ROOM, 'cart', audioIn.transportId, { kind: 'audio', rtpParameters: opusParameters(8001) });

    sink = await RtpSink.open();
    sink.startReceiverReports(500);
    const out = await sfu.createPlainTransport(ROOM, 'township-gp', { direction: 'recv' });
    await sfu.connectTransport(ROOM, 'township-gp', out.transportId, { ip: sink.ip, port: sink.port });
    const vc = await sfu.consume(ROOM, 'township-gp', out.transportId, videoProducer.producerId);
    const ac = await sfu.consume(ROOM, 'township-gp', out.transportId, audioProducer.producerId);
    expect(vc.type).toBe('simulcast');
    video = { consumerId: vc.consumerId, ssrc: consumerSsrc(vc) };
    sink.parseVp8(vc.rtpParameters.codecs[0].payloadType);
    audio = { consumerId: ac.consumerId, ssrc: consumerSsrc(ac) };
    await sfu.resumeConsumer(ROOM, 'township-gp', vc.consumerId);
    await sfu.resumeConsumer(ROOM, 'township-gp', ac.consumerId);

    simulcast = await SimulcastSender.start({ ip: videoIn.ip, port: videoIn.port, payloadType: VP8_PT }, LAYERS);
    audioSender = sendTestMedia({ audio: { ip: audioIn.ip, port: audioIn.port, rtcpPort: audioIn.rtcpPort, ssrc: 8001, payloadType: OPUS_PT } });
    await sink.waitFor(() => sink!.packets(video.ssrc) > 50 && sink!.packets(audio.ssrc) > 50, 20_000, 'video and audio at the receiver');
  });

  afterAll(async () => {
    await simulcast?.stop();
    await audioSender?.stop();
    sink?.close();
    sfu?.close();
  });

  test('low-bandwidth mode drops the consumer to the lowest simulcast layer and caps bitrates; off restores', async () => {
    // all three encodings arrive; the consumer forwards the highest
    const producer = (await sfu.peerStats(ROOM, 'cart')).producers.find((p) => p.kind === 'video')!;
    expect(producer.packetCount).toBeGreaterThan(50);
    await eventually(videoConsumer, (c) => c.currentLayers?.spatialLayer === 2, 15_000, 'the top layer');
    expect(await nextKeyFrame()).toEqual({ width: 640, height: 360 });
    const high = await receivedBitrate(video.ssrc);

    await sfu.setLowBandwidth(ROOM, 'township-gp', true);
    const c = await eventually(videoConsumer, (s) => s.currentLayers?.spatialLayer === 0, 15_000, 'the lowest layer');
    expect(c.preferredLayers?.spatialLayer).toBe(0);
    // what reaches the receiver is the 160x90 encoding
    expect(await nextKeyFrame()).toEqual({ width: 160, height: 90 });
    const low = await receivedBitrate(video.ssrc);
    expect(low).toBeGreaterThan(10_000); // still video, just less of it
    expect((await sfu.peerStats(ROOM, 'township-gp')).lowBandwidth).toBe(true);

    // the client asks for the middle layer meanwhile: remembered, not applied
    await sfu.setPreferredLayers(ROOM, 'township-gp', video.consumerId, { spatialLayer: 1 });
    await sleep(1500);
    expect((await videoConsumer()).currentLayers?.spatialLayer).toBe(0);

    await sfu.setLowBandwidth(ROOM, 'township-gp', false);
    const chosen = await eventually(videoConsumer, (s) => s.currentLayers?.spatialLayer === 1, 15_000, 'the layer the client chose');
    expect(chosen.preferredLayers?.spatialLayer).toBe(1);
    expect(await nextKeyFrame()).toEqual({ width: 320, height: 180 });
    await sfu.setPreferredLayers(ROOM, 'township-gp', video.consumerId, { spatialLayer: 2 });
    await eventually(videoConsumer, (s) => s.currentLayers?.spatialLayer === 2, 15_000, 'the top layer again');
    expect(await nextKeyFrame()).toEqual({ width: 640, height: 360 });

    // a sender in low-bandwidth mode gets its uplink capped (what the SFU asks it to send)
    const capOf = async () =>
      (await sfu.room(ROOM).peerStats('cart')).transports.find((t) => t.transportId === cartSendTransportId)!.maxIncomingBitrate;
    expect(await capOf()).toBe(1_500_000);
    await sfu.setLowBandwidth(ROOM, 'cart', true);
    expect(await capOf()).toBe(150_000);
    await sfu.setLowBandwidth(ROOM, 'cart', false);
    expect(await capOf()).toBe(1_500_000);

    console.log(`low-bandwidth: top layer ${Math.round(high / 1000)} kbps -> lowest layer ${Math.round(low / 1000)} kbps at the receiver`);
  });

  test('audio-only pauses video consumers and keeps audio; off resumes only what the client had resumed', async () => {
    await sfu.setAudioOnly(ROOM, 'township-gp', true);
    expect((await videoConsumer()).paused).toBe(true);
    await sleep(300); // packets in flight
    const videoFrozen = sink!.packets(video.ssrc);
    const audioBefore = sink!.packets(audio.ssrc);
    await sleep(1500);
    expect(sink!.packets(video.ssrc)).toBe(videoFrozen);
    expect(sink!.packets(audio.ssrc)).toBeGreaterThan(audioBefore + 30);

    // the client resuming video does not override audio-only
    expect(await sfu.resumeConsumer(ROOM, 'township-gp', video.consumerId)).toEqual({ paused: true });

    await sfu.setAudioOnly(ROOM, 'township-gp', false);
    expect((await videoConsumer()).paused).toBe(false);
    await sink!.waitFor(() => sink!.packets(video.ssrc) > videoFrozen + 30, 10_000, 'video after audio-only');

    // a video consumer the client paused stays paused through audio-only on/off
    await sfu.pauseConsumer(ROOM, 'township-gp', video.consumerId);
    await sfu.setAudioOnly(ROOM, 'township-gp', true);
    await sfu.setAudioOnly(ROOM, 'township-gp', false);
    expect((await videoConsumer()).paused).toBe(true);
    expect((await sfu.peerStats(ROOM, 'township-gp')).audioOnly).toBe(false);
  });
});
