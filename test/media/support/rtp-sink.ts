import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';

/** What one SSRC's packets looked like at the receiver. */
export interface ReceivedStream {
  ssrc: number;
  payloadType: number;
  packets: number;
  bytes: number;
  /** sequence numbers missing from what arrived (gaps), extended over wrap-around */
  lost: number;
  firstArrival: number;
  lastArrival: number;
}

interface StreamState extends ReceivedStream {
  baseSeq: number;
  maxSeq: number;
  cycles: number;
  // for RTCP receiver reports
  expectedPrior: number;
  receivedPrior: number;
  lastSrMiddle: number;
  lastSrArrival: number;
}

/**
 * Width and height of a VP8 key frame starting in this RTP packet (RFC 7741 payload
 * descriptor, then the VP8 frame header of RFC 6386 section 9.1), or undefined.
 */
function vp8KeyFrameSize(packet: Buffer): { width: number; height: number } | undefined {
  const csrcCount = packet[0] & 0x0f;
  let o = 12 + 4 * csrcCount;
  if (packet[0] & 0x10) o += 4 + packet.readUInt16BE(o + 2) * 4; // header extension
  const first = packet[o];
  const startOfPartition = (first & 0x10) !== 0 && (first & 0x07) === 0;
  if (!startOfPartition) return undefined;
  o += 1;
  if (first & 0x80) {
    const x = packet[o++];
    if (x & 0x80) o += packet[o] & 0x80 ? 2 : 1; // PictureID
    if (x & 0x40) o += 1; // TL0PICIDX
    if (x & 0x30) o += 1; // TID / KEYIDX
  }
  const keyFrame = (packet[o] & 0x01) === 0;
  if (!keyFrame || packet[o + 3] !== 0x9d || packet[o + 4] !== 0x01 || packet[o + 5] !== 0x2a) return undefined;
  return { width: packet.readUInt16LE(o + 6) & 0x3fff, height: packet.readUInt16LE(o + 8) & 0x3fff };
}

const isRtcp = (b: Buffer) => b.length >= 2 && b[1] >= 192 && b[1] <= 223;

/**
 * A UDP receiver standing in for a viewer: counts RTP per SSRC (packets, bytes, sequence
 * gaps) and, like a real receiver, answers with RTCP receiver reports (loss and LSR/DLSR),
 * so mediasoup computes a consumer's packet loss and round-trip time from them.
 */
export class RtpSink {
  readonly #socket: Socket;
  readonly #streams = new Map<number, StreamState>();
  readonly #ssrc = randomInt(1, 2 ** 31);
  #remote: RemoteInfo | undefined;
  #rrTimer: NodeJS.Timeout | undefined;
  #rtcpReceived = 0;
  readonly #vp8PayloadTypes = new Set<number>();
  readonly #vp8KeyFrames = new Map<number, Array<{ width: number; height: number }>>();

  static async open(ip = '127.0.0.1'): Promise<RtpSink> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, ip, () => resolve());
    });
    socket.setRecvBufferSize(4 * 1024 * 1024);
    return new RtpSink(socket);
  }

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('message', (msg, rinfo) => this.#onPacket(msg, rinfo));
  }

  get ip(): string {
    return this.#socket.address().address;
  }

  get port(): number {
    return this.#socket.address().port;
  }

  get rtcpReceived(): number {
    return this.#rtcpReceived;
  }

  streams(): ReceivedStream[] {
    return [...this.#streams.values()].map(({ ssrc, payloadType, packets, bytes, lost, firstArrival, lastArrival }) => ({
      ssrc, payloadType, packets, bytes, lost, firstArrival, lastArrival,
    }));
  }

  stream(ssrc: number): ReceivedStream | undefined {
    return this.streams().find((s) => s.ssrc === ssrc);
  }

  /** Total RTP packets received (optionally of one SSRC). */
  packets(ssrc?: number): number {
    return this.streams()
      .filter((s) => ssrc === undefined || s.ssrc === ssrc)
      .reduce((n, s) => n + s.packets, 0);
  }

  async waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Decode VP8 key frame headers of this payload type (to see which resolution arrives). */
  parseVp8(payloadType: number): void {
    this.#vp8PayloadTypes.add(payloadType);
  }

  /** Resolutions of the VP8 key frames received on an SSRC, oldest first. */
  vp8KeyFrames(ssrc: number): Array<{ width: number; height: number }> {
    return [...(this.#vp8KeyFrames.get(ssrc) ?? [])];
  }

  /** Sends RTCP receiver reports for every stream every `intervalMs`, as a viewer would. */
  startReceiverReports(intervalMs = 500): void {
    this.#rrTimer ??= setInterval(() => this.#sendReceiverReport(), intervalMs);
  }

  close(): void {
    clearInterval(this.#rrTimer);
    this.#socket.close();
  }

  #onPacket(msg: Buffer, rinfo: RemoteInfo): void {
    this.#remote = rinfo;
    if (isRtcp(msg)) {
      this.#rtcpReceived++;
      this.#onRtcp(msg);
      return;
    }
    if (msg.length < 12 || msg[0] >> 6 !== 2) return;
    const payloadType = msg[1] & 0x7f;
    const seq = msg.readUInt16BE(2);
    const ssrc = msg.readUInt32BE(8);
    const now = Date.now();
    let s = this.#streams.get(ssrc);
    if (!s) {
      s = {
        ssrc, payloadType, packets: 0, bytes: 0, lost: 0, firstArrival: now, lastArrival: now,
        baseSeq: seq, maxSeq: seq, cycles: 0, expectedPrior: 0, receivedPrior: 0, lastSrMiddle: 0, lastSrArrival: 0,
      };
      this.#streams.set(ssrc, s);
    }
    s.packets++;
    s.bytes += msg.length;
    s.lastArrival = now;
    s.payloadType = payloadType;
    const delta = (seq - s.maxSeq + 0x10000) % 0x10000;
    if (delta > 0 && delta < 0x8000) {
      if (seq < s.maxSeq) s.cycles += 0x10000;
      s.maxSeq = seq;
    }
    const expected = s.cycles + s.maxSeq - s.baseSeq + 1;
    s.lost = Math.max(0, expected - s.packets);
    if (this.#vp8PayloadTypes.has(payloadType)) {
      const frame = vp8KeyFrameSize(msg);
      if (frame) {
        const frames = this.#vp8KeyFrames.get(ssrc) ?? [];
        frames.push(frame);
        this.#vp8KeyFrames.set(ssrc, frames);
      }
    }
  }

  #onRtcp(msg: Buffer): void {
    let offset = 0;
    while (offset + 8 <= msg.length) {
      const pt = msg[offset + 1];
      const length = (msg.readUInt16BE(offset + 2) + 1) * 4;
      if (pt === 200 && offset + 20 <= msg.length) {
        // sender report: remember the middle 32 bits of its NTP time for LSR
        const ssrc = msg.readUInt32BE(offset + 4);
        const s = this.#streams.get(ssrc);
        if (s) {
          s.lastSrMiddle = msg.readUInt32BE(offset + 10);
          s.lastSrArrival = Date.now();
        }
      }
      offset += length;
    }
  }

  #sendReceiverReport(): void {
    const remote = this.#remote;
    const streams = [...this.#streams.values()].slice(0, 31);
    if (!remote || streams.length === 0) return;
    const packet = Buffer.alloc(8 + 24 * streams.length);
    packet[0] = 0x80 | streams.length;
    packet[1] = 201;
    packet.writeUInt16BE(packet.length / 4 - 1, 2);
    packet.writeUInt32BE(this.#ssrc, 4);
    streams.forEach((s, i) => {
      const o = 8 + 24 * i;
      const expected = s.cycles + s.maxSeq - s.baseSeq + 1;
      const expectedInterval = expected - s.expectedPrior;
      const receivedInterval = s.packets - s.receivedPrior;
      s.expectedPrior = expected;
      s.receivedPrior = s.packets;
      const lostInterval = expectedInterval - receivedInterval;
      const fraction = expectedInterval > 0 && lostInterval > 0 ? Math.floor((lostInterval * 256) / expectedInterval) : 0;
      packet.writeUInt32BE(s.ssrc, o);
      packet[o + 4] = Math.min(fraction, 255);
      packet.writeUIntBE(Math.min(s.lost, 0x7fffff), o + 5, 3);
      packet.writeUInt32BE((s.cycles + s.maxSeq) >>> 0, o + 8);
      packet.writeUInt32BE(0, o + 12);
      packet.writeUInt32BE(s.lastSrMiddle >>> 0, o + 16);
      const dlsr = s.lastSrArrival ? Math.round(((Date.now() - s.lastSrArrival) / 1000) * 65536) : 0;
      packet.writeUInt32BE(dlsr >>> 0, o + 20);
    });
    this.#socket.send(packet, remote.port, remote.address);
  }
}
