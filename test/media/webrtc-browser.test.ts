import { createServer, type Server } from 'node:http';

import type { Browser, Page } from 'playwright-core';

import type { Sfu } from '../../media';
import { launchChromium, mediasoupClientBundle } from './support/browser';
import { eventually, sleep, startTestSfu } from './support/sfu';

const ROOM = 'consultation-webrtc';

/** The Sfu operations the page may call, as the GraphQL layer would relay them. */
const RELAYED = new Set([
  'join', 'createWebRtcTransport', 'connectTransport', 'produce', 'consume', 'resumeConsumer', 'pauseConsumer',
]);

interface InboundStats {
  video?: { frameWidth?: number; frameHeight?: number; framesDecoded: number; bytesReceived: number; packetsLost: number };
  audio?: { bytesReceived: number; packetsLost: number };
}

describe('WebRTC from a real browser (Chromium + mediasoup-client)', () => {
  let sfu: Sfu;
  let browser: Browser;
  let page: Page;
  let server: Server;

  const inbound = () => page.evaluate(() => (window as any).inboundStats() as Promise<InboundStats>);

  beforeAll(async () => {
    sfu = await startTestSfu({ workers: { numWorkers: 1 }, enableTcp: false });
    browser = await launchChromium();
    // getUserMedia needs a secure context: http://localhost is one, about:blank is not
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>consultation</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    page = await browser.newPage();
    await page.goto(`http://localhost:${(server.address() as { port: number }).port}/`);
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.exposeFunction('sfu', (method: string, args: unknown[]) => {
      if (!RELAYED.has(method)) throw new Error(`${method} is not relayed`);
      return (sfu as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
    });
    await page.addScriptTag({ content: await mediasoupClientBundle() });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    sfu?.close();
  });

  test('simulcast camera and microphone go up, come back down, and follow low-bandwidth and audio-only modes', async () => {
    const room = await sfu.openRoom(ROOM);

    // in the page: a doctor sending (2 simulcast encodings) and a patient receiving, each
    // with its own mediasoup-client Device, talking to the SFU only through window.sfu
    const setup = await page.evaluate(async ({ roomId, routerRtpCapabilities }) => {
      const w = window as any;
      const { Device } = w.mediasoupClient;
      const call = (method: string, ...args: unknown[]) => w.sfu(method, args);

      async function peer(peerId: string, direction: 'send' | 'recv') {
        // headless Chromium's user agent is not recognised; it is Chrome's WebRTC stack
        const device = new Device({ handlerName: 'Chrome111' });
        await device.load({ routerRtpCapabilities });
        await call('join', roomId, peerId, { rtpCapabilities: device.rtpCapabilities });
        const t = await call('createWebRtcTransport', roomId, peerId, { direction });
        const options = { id: t.transportId, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters };
        const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
        transport.on('connect', ({ dtlsParameters }: any, done: () => void, fail: (e: Error) => void) => {
          call('connectTransport', roomId, peerId, t.transportId, { dtlsParameters }).then(done, fail);
        });
        transport.on('produce', ({ kind, rtpParameters }: any, done: (r: { id: string }) => void, fail: (e: Error) => void) => {
          call('produce', roomId, peerId, t.transportId, { kind, rtpParameters }).then((p: any) => done({ id: p.producerId }), fail);
        });
        return { transport, transportId: t.transportId };
      }

      const doctor = await peer('doctor', 'send');
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360, frameRate: 15 } });
      const video = await doctor.transport.produce({
        track: stream.getVideoTracks()[0],
        encodings: [{ scaleResolutionDownBy: 2, maxBitrate: 250_000 }, { scaleResolutionDownBy: 1, maxBitrate: 900_000 }],
      });
      const audio = await doctor.transport.produce({ track: stream.getAudioTracks()[0] });

      const patient = await peer('patient', 'recv');
      const consumers: Record<string, any> = {};
      for (const producerId of [video.id, audio.id]) {
        const c = await call('consume', roomId, 'patient', patient.transportId, producerId);
        consumers[c.kind] = await patient.transport.consume({ id: c.consumerId, producerId, kind: c.kind, rtpParameters: c.rtpParameters });
        await call('resumeConsumer', roomId, 'patient', c.consumerId);
      }

      w.inboundStats = async () => {
        const out: Record<string, unknown> = {};
        for (const kind of ['video', 'audio']) {
          (await consumers[kind].getStats()).forEach((s: any) => {
            if (s.type === 'inbound-rtp') {
              out[kind] = { frameWidth: s.frameWidth, frameHeight: s.frameHeight, framesDecoded: s.framesDecoded ?? 0, bytesReceived: s.bytesReceived, packetsLost: s.packetsLost };
            }
          });
        }
        return out;
      };
      return { videoProducerId: video.id, videoConsumerId: consumers.video.id, audioConsumerId: consumers.audio.id };
    }, { roomId: ROOM, routerRtpCapabilities: room.routerRtpCapabilities });

    // ICE + DTLS up on both transports, simulcast accepted
    const doctor = await eventually(() => sfu.peerStats(ROOM, 'doctor'), (s) => s.transports[0]?.dtlsState === 'connected', 20_000, 'DTLS on the send transport');
    expect(['connected', 'completed']).toContain(doctor.transports[0].iceState);
    const patient = await eventually(() => sfu.peerStats(ROOM, 'patient'), (s) => s.transports[0]?.dtlsState === 'connected', 20_000, 'DTLS on the recv transport');
    expect(patient.consumers.find((c) => c.consumerId === setup.videoConsumerId)).toMatchObject({ kind: 'video', paused: false });

    // the top layer reaches the browser and is decoded
    const full = await eventually(inbound, (s) => s.video?.frameWidth === 640 && s.video.framesDecoded > 20, 30_000, '640x360 decoded in the browser');
    expect(full.video!.frameHeight).toBe(360);
    expect(full.audio!.bytesReceived).toBeGreaterThan(1000);

    // server-side view: packets, no loss, an RTT from the browser's receiver reports
    const videoOf = (s: Awaited<ReturnType<Sfu['peerStats']>>) => s.consumers.find((c) => c.consumerId === setup.videoConsumerId)!;
    const down = await eventually(
      () => sfu.peerStats(ROOM, 'patient'),
      (s) => s.rttMs !== undefined && videoOf(s).packetCount > 100,
      15_000,
      'packets and an RTT from the browser',
    );
    const vc = videoOf(down);
    expect(down.downlinkLoss).toBeLessThan(0.01);
    expect(down.recvBitrate).toBeGreaterThan(50_000);
    const up = await sfu.peerStats(ROOM, 'doctor');
    expect(up.producers.find((p) => p.producerId === setup.videoProducerId)!.packetCount).toBeGreaterThan(50);
    expect(up.uplinkLoss).toBeLessThan(0.01);

    // low-bandwidth: the browser now decodes the lower encoding; off restores the top one
    await sfu.setLowBandwidth(ROOM, 'patient', true);
    await eventually(inbound, (s) => s.video?.frameWidth === 320, 20_000, 'the 320x180 encoding in the browser');
    await sfu.setLowBandwidth(ROOM, 'patient', false);
    await eventually(inbound, (s) => s.video?.frameWidth === 640, 20_000, 'the 640x360 encoding again');

    // audio-only: video stops being decoded, audio keeps arriving
    await sfu.setAudioOnly(ROOM, 'patient', true);
    await sleep(1000);
    const paused = await inbound();
    await sleep(2000);
    const later = await inbound();
    expect(later.video!.framesDecoded).toBe(paused.video!.framesDecoded);
    expect(later.audio!.bytesReceived).toBeGreaterThan(paused.audio!.bytesReceived + 2000);
    await sfu.setAudioOnly(ROOM, 'patient', false);
    await eventually(inbound, (s) => s.video!.framesDecoded > later.video!.framesDecoded + 10, 20_000, 'video decoding again');

    console.log(
      `webrtc: browser decoded ${full.video!.framesDecoded} frames at ${full.video!.frameWidth}x${full.video!.frameHeight}; ` +
        `consumer ${vc.packetCount} packets, rtt ${down.rttMs?.toFixed(1)} ms, downlink loss ${down.downlinkLoss}`,
    );
  });
});
