import type { Sfu } from '../../media';
import { sendTestMedia, requireFfmpeg, type FfmpegSender } from './support/ffmpeg';
import { RtpSink } from './support/rtp-sink';
import {
  consumerSsrc, eventually, OPUS_PT, opusParameters, sleep, startTestSfu, VP8_PT, vp8Parameters,
} from './support/sfu';

const ROOM = 'consultation-flow';

describe('media flows from an RTP source through a room to a receiver', () => {
  let sfu: Sfu;
  let ffmpeg: FfmpegSender | undefined;
  let sink: RtpSink | undefined;

  beforeAll(async () => {
    requireFfmpeg();
    sfu = await startTestSfu();
  });

  afterAll(async () => {
    await ffmpeg?.stop();
    sink?.close();
    sfu?.close();
  });

  test('VP8 and Opus from ffmpeg reach the consumer, with stats showing forwarded packets and no loss', async () => {
    const room = await sfu.openRoom(ROOM);
    const caps = room.routerRtpCapabilities;
    await sfu.join(ROOM, 'endoscope-cart', { rtpCapabilities: caps });
    await sfu.join(ROOM, 'specialist', { rtpCapabilities: caps });

    // ffmpeg sends RTP and RTCP from different ports: rtcpMux off, comedia on
    const videoIn = await sfu.createPlainTransport(ROOM, 'endoscope-cart', { direction: 'send', comedia: true, rtcpMux: false });
    const audioIn = await sfu.createPlainTransport(ROOM, 'endoscope-cart', { direction: 'send', comedia: true, rtcpMux: false });
    expect(videoIn.rtcpPort).toBeGreaterThan(0);
    const video = await sfu.produce(ROOM, 'endoscope-cart', videoIn.transportId, { kind: 'video', rtpParameters: vp8Parameters(11111111) });
    const audio = await sfu.produce(ROOM, 'endoscope-cart', audioIn.transportId, { kind: 'audio', rtpParameters: opusParameters(22222222) });

    sink = await RtpSink.open();
    sink.startReceiverReports(500);
    const out = await sfu.createPlainTransport(ROOM, 'specialist', { direction: 'recv', comedia: false, rtcpMux: true });
    await sfu.connectTransport(ROOM, 'specialist', out.transportId, { ip: sink.ip, port: sink.port });
    const videoConsumer = await sfu.consume(ROOM, 'specialist', out.transportId, video.producerId);
    const audioConsumer = await sfu.consume(ROOM, 'specialist', out.transportId, audio.producerId);
    expect(videoConsumer).toMatchObject({ kind: 'video', paused: true, producerPeerId: 'endoscope-cart' });
    expect(audioConsumer).toMatchObject({ kind: 'audio', paused: true });

    ffmpeg = sendTestMedia({
      video: { ip: videoIn.ip, port: videoIn.port, rtcpPort: videoIn.rtcpPort, ssrc: 11111111, payloadType: VP8_PT },
      audio: { ip: audioIn.ip, port: audioIn.port, rtcpPort: audioIn.rtcpPort, ssrc: 22222222, payloadType: OPUS_PT },
    });

    // the producer receives while the paused consumers forward nothing
    await eventually(() => sfu.peerStats(ROOM, 'endoscope-cart'), (s) => s.producers.every((p) => p.packetCount > 20), 15_000, 'ffmpeg packets at the producers');
    await sleep(500);
    const videoSsrc = consumerSsrc(videoConsumer);
    const audioSsrc = consumerSsrc(audioConsumer);
    // (the SFU's bandwidth probation packets, SSRC 1234, may arrive: they are not media)
    expect(sink.packets(videoSsrc) + sink.packets(audioSsrc)).toBe(0);

    await sfu.resumeConsumer(ROOM, 'specialist', videoConsumer.consumerId);
    await sfu.resumeConsumer(ROOM, 'specialist', audioConsumer.consumerId);
    await sink.waitFor(() => sink!.packets(videoSsrc) > 150 && sink!.packets(audioSsrc) > 100, 20_000, 'forwarded video and audio');
    // let a few sender/receiver report rounds pass for loss and RTT
    await sleep(3000);

    const cart = await sfu.peerStats(ROOM, 'endoscope-cart');
    // RTT needs a sender report from the SFU answered by the receiver's report
    const specialist = await eventually(() => sfu.peerStats(ROOM, 'specialist'), (s) => s.rttMs !== undefined, 10_000, 'an RTT');
    // what the receiver got, read after the SFU's counters so it includes everything they count
    await sleep(200);
    const received = { video: sink.stream(videoSsrc)!, audio: sink.stream(audioSsrc)! };
    expect(received.video.payloadType).toBe(videoConsumer.rtpParameters.codecs[0].payloadType);
    expect(received.audio.payloadType).toBe(audioConsumer.rtpParameters.codecs[0].payloadType);
    expect(received.video.lost).toBe(0);
    expect(received.audio.lost).toBe(0);
    const producerOf = (id: string) => cart.producers.find((p) => p.producerId === id)!;
    const consumerOf = (id: string) => specialist.consumers.find((c) => c.consumerId === id)!;

    // uplink: what ffmpeg sent arrived whole
    expect(producerOf(video.producerId).packetCount).toBeGreaterThan(200);
    expect(producerOf(audio.producerId).packetCount).toBeGreaterThan(150);
    expect(cart.uplinkLoss).toBe(0);
    expect(producerOf(video.producerId).bitrate).toBeGreaterThan(30_000);
    expect(cart.sendBitrate).toBeGreaterThan(30_000);

    // downlink: forwarded, reported back by the receiver as not lost, with an RTT
    const vc = consumerOf(videoConsumer.consumerId);
    const ac = consumerOf(audioConsumer.consumerId);
    expect(vc.packetCount).toBeGreaterThan(150);
    expect(ac.packetCount).toBeGreaterThan(100);
    expect(vc.paused).toBe(false);
    expect(vc.bitrate).toBeGreaterThan(30_000);
    expect(specialist.recvBitrate).toBeGreaterThan(30_000);
    // everything the SFU says it sent arrived (packets in flight at most)
    expect(received.video.packets).toBeGreaterThanOrEqual(vc.packetCount * 0.98);
    expect(specialist.downlinkLoss).toBe(0);
    expect(vc.packetsLost).toBe(0);
    expect(specialist.rttMs).toBeDefined();
    expect(specialist.rttMs!).toBeLessThan(250); // loopback; generous for a loaded CI machine
    expect(sink.rtcpReceived).toBeGreaterThan(0);

    console.log(
      `media flow: producer video ${producerOf(video.producerId).packetCount} pkts ${Math.round(producerOf(video.producerId).bitrate / 1000)} kbps, ` +
        `audio ${producerOf(audio.producerId).packetCount} pkts; consumer video ${vc.packetCount} sent / ${received.video.packets} received, ` +
        `audio ${ac.packetCount} / ${received.audio.packets}; uplink loss ${cart.uplinkLoss}, downlink loss ${specialist.downlinkLoss}, rtt ${specialist.rttMs} ms`,
    );
  });
});
