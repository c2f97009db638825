import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';

export function requireFfmpeg(): void {
  const res = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  if (res.status !== 0) {
    throw new Error('ffmpeg is required by the media tests: apt-get install -y --no-install-recommends ffmpeg');
  }
}

export interface RtpTarget {
  ip: string;
  port: number;
  /** omit with rtcp-mux: RTCP then goes to `port` too */
  rtcpPort?: number;
  ssrc: number;
  payloadType: number;
}

/** An ffmpeg process sending RTP; stop() ends it. */
export class FfmpegSender {
  readonly #child: ChildProcess;
  #stderr = '';
  #exited: Promise<number | null>;

  static start(args: string[]): FfmpegSender {
    requireFfmpeg();
    return new FfmpegSender(args);
  }

  private constructor(args: string[]) {
    this.#child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.#child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    this.#exited = new Promise((resolve) => this.#child.once('exit', (code) => resolve(code)));
  }

  get stderr(): string {
    return this.#stderr;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.running) this.#child.kill('SIGKILL');
    await this.#exited;
  }
}

const rtpUrl = (t: RtpTarget) =>
  `rtp://${t.ip}:${t.port}?rtcpport=${t.rtcpPort ?? t.port}&pkt_size=1200`;

const vp8 = (bitrate: string, gop: number) => [
  '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', bitrate, '-g', String(gop),
  '-pix_fmt', 'yuv420p',
];

/** VP8 (lavfi testsrc) and/or Opus (lavfi sine), each to its own RTP target. */
export function sendTestMedia(options: { video?: RtpTarget; audio?: RtpTarget; videoBitrate?: string }): FfmpegSender {
  const args = ['-re', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  if (options.video) {
    const v = options.video;
    args.push('-map', '0:v', ...vp8(options.videoBitrate ?? '400k', 30), '-ssrc', String(v.ssrc), '-payload_type', String(v.payloadType), '-f', 'rtp', rtpUrl(v));
  }
  if (options.audio) {
    const a = options.audio;
    args.push('-map', '1:a', '-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-b:a', '32k', '-ssrc', String(a.ssrc), '-payload_type', String(a.payloadType), '-f', 'rtp', rtpUrl(a));
  }
  return FfmpegSender.start(args);
}

export interface SimulcastLayer {
  width: number;
  height: number;
  bitrate: string;
  ssrc: number;
}

/**
 * Three VP8 simulcast encodings of one picture, as a browser would send them: ffmpeg
 * encodes each to a local relay socket, which forwards all of them (and their RTCP) from a
 * single address to the SFU, because a comedia plain transport accepts one source address.
 */
export class SimulcastSender {
  readonly #ffmpeg: FfmpegSender;
  readonly #relay: Socket;
  #forwarded = 0;

  static async start(target: { ip: string; port: number; payloadType: number }, layers: SimulcastLayer[]): Promise<SimulcastSender> {
    requireFfmpeg();
    const relay = createSocket('udp4');
    await new Promise<void>((resolve) => relay.bind(0, '127.0.0.1', () => resolve()));
    const relayPort = relay.address().port;
    const split = layers.map((_, i) => `[s${i}]`).join('');
    const scales = layers.map((l, i) => `[s${i}]scale=${l.width}:${l.height}[l${i}]`).join(';');
    const args = [
      '-re', '-f', 'lavfi', '-i', `testsrc=size=${layers.at(-1)!.width}x${layers.at(-1)!.height}:rate=15`,
      '-filter_complex', `[0:v]split=${layers.length}${split};${scales}`,
    ];
    layers.forEach((l, i) => {
      args.push(
        '-map', `[l${i}]`, ...vp8(l.bitrate, 15), '-ssrc', String(l.ssrc), '-payload_type', String(target.payloadType),
        '-f', 'rtp', `rtp://127.0.0.1:${relayPort}?rtcpport=${relayPort}&pkt_size=1200`,
      );
    });
    return new SimulcastSender(FfmpegSender.start(args), relay, target);
  }

  private constructor(ffmpeg: FfmpegSender, relay: Socket, target: { ip: string; port: number }) {
    this.#ffmpeg = ffmpeg;
    this.#relay = relay;
    relay.on('message', (msg, rinfo) => {
      // packets from ffmpeg go to the SFU; anything from the SFU (RTCP feedback) is dropped,
      // ffmpeg would ignore it anyway
      if (rinfo.port === target.port) return;
      this.#forwarded++;
      relay.send(msg, target.port, target.ip);
    });
  }

  get forwarded(): number {
    return this.#forwarded;
  }

  get stderr(): string {
    return this.#ffmpeg.stderr;
  }

  async stop(): Promise<void> {
    await this.#ffmpeg.stop();
    this.#relay.close();
  }
}
