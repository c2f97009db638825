import pino from 'pino';

import { resolveWorkerBinary, Sfu, type SfuSettings } from '../../../media';
import type { types } from 'mediasoup';

/** Fails (never skips) when the worker binary is missing, saying how to get it. */
export function requireWorkerBinary(): void {
  try {
    resolveWorkerBinary();
  } catch (error) {
    throw new Error(`the media tests need a real mediasoup worker: ${(error as Error).message}`);
  }
}

export async function startTestSfu(settings: SfuSettings = {}): Promise<Sfu> {
  requireWorkerBinary();
  return Sfu.create({
    listenIp: '127.0.0.1',
    logger: pino({ level: process.env.MEDIA_TEST_LOG_LEVEL ?? 'silent' }),
    ...settings,
    workers: { numWorkers: 2, logLevel: 'error', ...settings.workers },
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await probe();
  }
  return last;
}

export function nextEvent<T>(emitter: { once(event: string, listener: (arg: T) => void): unknown }, event: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${timeoutMs} ms`)), timeoutMs);
    emitter.once(event, (arg: T) => {
      clearTimeout(timer);
      resolve(arg);
    });
  });
}

export const VP8_PT = 101;
export const OPUS_PT = 100;

export function vp8Parameters(ssrc: number): types.RtpParameters {
  return {
    codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }],
    encodings: [{ ssrc }],
  };
}

export function opusParameters(ssrc: number): types.RtpParameters {
  return {
    codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2, parameters: { 'sprop-stereo': 1 } }],
    encodings: [{ ssrc }],
  };
}

/** Simulcast VP8: encodings from the lowest layer (spatial 0) to the highest. */
export function simulcastVp8Parameters(ssrcs: number[]): types.RtpParameters {
  return {
    codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }],
    encodings: ssrcs.map((ssrc) => ({ ssrc, scalabilityMode: 'L1T1' })),
  };
}

export const consumerSsrc = (info: { rtpParameters: types.RtpParameters }) => info.rtpParameters.encodings![0].ssrc!;

/**
 * What a plain RTP receiver can do: no transport-wide congestion control feedback and no
 * REMB. Without this, mediasoup would steer simulcast layers by a bandwidth estimate that
 * such a receiver never feeds (the WebRTC browser test covers that path).
 */
export function plainReceiverCapabilities(caps: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: caps.codecs?.map((c) => ({
      ...c,
      rtcpFeedback: c.rtcpFeedback?.filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb'),
    })),
    headerExtensions: caps.headerExtensions?.filter((h) => !/transport-wide-cc|abs-send-time/.test(h.uri)),
  };
}
