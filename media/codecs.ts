import type { types } from 'mediasoup';

/**
 * What every consultation room's router offers. Opus for voice; VP8 (what most browsers
 * simulcast best) and H264 constrained baseline 3.1 with packetization-mode 1, which
 * Safari/iOS and hardware encoders on the hospitals' carts require. Simulcast needs no
 * extra codec entries: producers send several encodings and the router accepts them.
 */
export const roomMediaCodecs: types.RtpCodecCapability[] = [
  {
    kind: 'audio',
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
  },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 600 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 600,
    },
  },
];
