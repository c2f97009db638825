/**
 * SFU capacity: how many video consumers one mediasoup worker forwards before packet loss
 * passes 0.5% or its core saturates.
 *
 *   node -r @swc-node/register bench/media/run.ts [--rooms=10] [--step=100] [--max-seconds=240]
 *        [--srtp=AES_CM_128_HMAC_SHA1_80|AEAD_AES_128_GCM|none] [--sample=4] [--loss-limit=0.005]
 *
 *        [--max-consumers=4000] [--no-tcc]
 *
 * Setup (all on this machine, over loopback):
 * - `--rooms` consultation rooms on ONE SFU worker, each fed by an ffmpeg sending a
 *   pre-encoded ~700 kbps VP8 clip (stream copy, so ffmpeg costs next to no CPU).
 * - Consumers are added in steps, round-robin over the rooms, each on its own plain
 *   transport with SRTP (what WebRTC costs the SFU: one encryption per packet per consumer).
 * - Every `--sample`th consumer goes to a second mediasoup worker (the "viewer" side) that
 *   decrypts it, so loss is measured on real SRTP streams from sequence numbers; the others
 *   go to a closed UDP port (the kernel drops them). NOTE: sampling keeps the receiving side
 *   from competing with the SFU for the machine's cores; the SFU does the full work for all.
 * - After each step: settle, then measure the SFU worker's CPU (getrusage via mediasoup),
 *   the sampled streams' loss, and the whole machine's CPU.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { types } from 'mediasoup';
import pino from 'pino';

import { roomMediaCodecs, Sfu, useWorkerBinary } from '../../media';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

const ROOMS = Number(arg('rooms', '10'));
const FIRST_STEP = Number(arg('step', '100'));
const MAX_SECONDS = Number(arg('max-seconds', '240'));
const SRTP = arg('srtp', 'AES_CM_128_HMAC_SHA1_80');
const SAMPLE = Number(arg('sample', '4'));
const LOSS_LIMIT = Number(arg('loss-limit', '0.005'));
const MAX_CONSUMERS = Number(arg('max-consumers', '4000'));
/** --no-tcc: viewers without transport-wide congestion control (fewer per-packet steps) */
const TCC = !process.argv.includes('--no-tcc');
const SETTLE_MS = 2500;
const WINDOW_MS = 5000;
const VP8_PT = 101;
const BLACKHOLE_PORT = 9; // discard: nothing listens on loopback

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function requireFfmpeg(): void {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('the media bench needs ffmpeg: apt-get install -y --no-install-recommends ffmpeg');
  }
}

/** A 10 s, ~700 kbps VP8 clip (noise keeps the encoder at its target), made once. */
function clip(): string {
  const dir = join(tmpdir(), 'consortium-hub-bench');
  const file = join(dir, 'vp8-640x360-700k.webm');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  console.log('encoding the test clip once (about 15 s)...');
  const tmp = `${file}.${process.pid}.webm`;
  const res = spawnSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '10',
    '-vf', 'noise=alls=12:allf=t', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8',
    '-b:v', '700k', '-minrate', '700k', '-maxrate', '700k', '-bufsize', '700k', '-g', '60', '-an', tmp,
  ], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('could not encode the test clip');
  renameSync(tmp, file);
  return file;
}

/** Busy share of all cores, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

interface Sampled {
  producer: types.Producer;
}

interface Row {
  consumers: number;
  sfuCpu: number;
  /** share of sfuCpu spent in the kernel (sending UDP; on loopback this includes the receive path) */
  sfuSys: number;
  sinkCpu: number;
  machineCpu: number;
  loss: number;
  inputLoss: number;
  sampledPackets: number;
  mbpsOut: number;
}

async function main(): Promise<void> {
  requireFfmpeg();
  const clipFile = clip();
  const started = Date.now();
  const hardStop = setTimeout(() => {
    console.error(`bench exceeded ${MAX_SECONDS + 90} s; aborting`);
    process.exit(2);
  }, (MAX_SECONDS + 90) * 1000);
  hardStop.unref();

  const srtp = SRTP !== 'none';
  const cryptoSuite = srtp ? (SRTP as types.SrtpCryptoSuite) : undefined;
  const sfu = await Sfu.create({
    workers: { numWorkers: 1, logLevel: 'error', rtcMinPort: 20000, rtcMaxPort: 59999 },
    listenIp: '127.0.0.1',
    maxIncomingBitrate: 0,
    emptyRoomTimeoutMs: 3_600_000,
    logger: pino({ level: 'warn' }),
  });
  const sfuWorker = sfu.pool.workers[0];

  // the viewers' side: a separate worker that receives (and decrypts) the sampled consumers
  useWorkerBinary();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mediasoup = require('mediasoup') as typeof import('mediasoup');
  const sinkWorker = await mediasoup.createWorker({ logLevel: 'error', rtcMinPort: 20000, rtcMaxPort: 59999 });
  const sinkRouter = await sinkWorker.createRouter({ mediaCodecs: roomMediaCodecs });

  const ffmpegs: ChildProcess[] = [];
  const cleanup = () => {
    for (const f of ffmpegs) f.kill('SIGKILL');
    sfu.close();
    sinkWorker.close();
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  console.log(
    `mediasoup-worker SFU pid ${sfuWorker.pid}, viewer-side worker pid ${sinkWorker.pid}; ${cpus().length} cores ` +
      `(${cpus()[0]?.model ?? 'unknown'}); ${ROOMS} rooms; SRTP ${SRTP}; transport-cc ${TCC ? 'on' : 'off'}; ` +
      `loss measured on 1 in ${SAMPLE} consumers`,
  );

  const roomIds: string[] = [];
  const producers: string[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const roomId = `bench-consultation-${i}`;
    const room = await sfu.openRoom(roomId);
    await sfu.join(roomId, 'cart', { rtpCapabilities: room.routerRtpCapabilities });
    const input = await sfu.createPlainTransport(roomId, 'cart', { direction: 'send', comedia: true, rtcpMux: false });
    const ssrc = 100000 + i;
    const producer = await sfu.produce(roomId, 'cart', input.transportId, {
      kind: 'video',
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }], encodings: [{ ssrc }] },
    });
    ffmpegs.push(
      spawn('ffmpeg', [
        '-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-stream_loop', '-1', '-i', clipFile, '-c:v', 'copy',
        '-ssrc', String(ssrc), '-payload_type', String(VP8_PT), '-f', 'rtp',
        `rtp://${input.ip}:${input.port}?rtcpport=${input.rtcpPort}&pkt_size=1200`,
      ], { stdio: 'ignore' }),
    );
    roomIds.push(roomId);
    producers.push(producer.producerId);
  }

  const sourceStats = async () => {
    let packets = 0;
    let lost = 0;
    let bitrate = 0;
    for (const roomId of roomIds) {
      for (const p of (await sfu.peerStats(roomId, 'cart')).producers) {
        packets += p.packetCount;
        lost += p.packetsLost;
        bitrate += p.bitrate;
      }
    }
    return { packets, lost, bitrate };
  };
  for (let i = 0; ; i++) {
    const s = await sourceStats();
    if (s.packets > ROOMS * 100) {
      await sleep(1500);
      console.log(`sources running: ${ROOMS} x ~${Math.round((await sourceStats()).bitrate / ROOMS / 1000)} kbps VP8`);
      break;
    }
    if (i > 100) throw new Error('the ffmpeg sources do not reach the SFU');
    await sleep(200);
  }

  const sampled: Sampled[] = [];
  let consumers = 0;

  async function addConsumer(k: number): Promise<void> {
    const roomId = roomIds[k % ROOMS];
    const peerId = `viewer-${k}`;
    const routerCaps = sfu.room(roomId).rtpCapabilities;
    const caps: types.RtpCapabilities = TCC
      ? routerCaps
      : {
          codecs: routerCaps.codecs?.map((c) => ({ ...c, rtcpFeedback: c.rtcpFeedback?.filter((f) => f.type !== 'transport-cc') })),
          headerExtensions: routerCaps.headerExtensions?.filter((h) => !/transport-wide-cc/.test(h.uri)),
        };
    await sfu.join(roomId, peerId, { rtpCapabilities: caps });
    const out = await sfu.createPlainTransport(roomId, peerId, {
      direction: 'recv', comedia: false, rtcpMux: true, enableSrtp: srtp, srtpCryptoSuite: cryptoSuite,
    });
    const isSampled = k % SAMPLE === 0;
    let sinkTransport: types.PlainTransport | undefined;
    if (isSampled) {
      sinkTransport = await sinkRouter.createPlainTransport({
        listenIp: '127.0.0.1', rtcpMux: true, comedia: false, enableSrtp: srtp, srtpCryptoSuite: cryptoSuite,
      });
      await sinkTransport.connect({ ip: '127.0.0.1', port: out.port, srtpParameters: out.srtpParameters });
      await sfu.connectTransport(roomId, peerId, out.transportId, {
        ip: '127.0.0.1', port: sinkTransport.tuple.localPort, srtpParameters: sinkTransport.srtpParameters,
      });
    } else {
      await sfu.connectTransport(roomId, peerId, out.transportId, {
        ip: '127.0.0.1', port: BLACKHOLE_PORT, srtpParameters: out.srtpParameters,
      });
    }
    const consumer = await sfu.consume(roomId, peerId, out.transportId, producers[k % ROOMS]);
    if (sinkTransport) {
      const producer = await sinkTransport.produce({ kind: 'video', rtpParameters: consumer.rtpParameters });
      sampled.push({ producer });
    }
    await sfu.resumeConsumer(roomId, peerId, consumer.consumerId);
  }

  async function addConsumers(n: number): Promise<void> {
    const target = consumers + n;
    while (consumers < target) {
      const batch = Math.min(25, target - consumers);
      await Promise.all(Array.from({ length: batch }, (_, i) => addConsumer(consumers + i)));
      consumers += batch;
    }
  }

  async function sampledCounters() {
    let packets = 0;
    let lost = 0;
    for (const s of sampled) {
      for (const st of await s.producer.getStats()) {
        packets += st.packetCount;
        lost += st.packetsLost;
      }
    }
    return { packets, lost };
  }

  /** CPU (user, system ms) of both workers with the wall time of the reading */
  async function cpuSnapshot() {
    const [a, b] = await Promise.all([sfuWorker.getResourceUsage(), sinkWorker.getResourceUsage()]);
    return { at: Date.now(), sfu: a.ru_utime + a.ru_stime, sfuSys: a.ru_stime, sink: b.ru_utime + b.ru_stime, machine: machineCpu() };
  }

  async function measure(): Promise<Row> {
    const [rx0, src0] = [await sampledCounters(), await sourceStats()];
    const c0 = await cpuSnapshot();
    await sleep(WINDOW_MS);
    const c1 = await cpuSnapshot();
    const [rx1, src1] = [await sampledCounters(), await sourceStats()];
    const ms = c1.at - c0.at;
    const dPackets = rx1.packets - rx0.packets;
    const dLost = Math.max(0, rx1.lost - rx0.lost);
    const stats = (await sfu.peerStats(roomIds[0], 'cart')).producers[0];
    return {
      consumers,
      sfuCpu: (c1.sfu - c0.sfu) / ms,
      sfuSys: (c1.sfuSys - c0.sfuSys) / Math.max(1, c1.sfu - c0.sfu),
      sinkCpu: (c1.sink - c0.sink) / ms,
      machineCpu: (c1.machine.busy - c0.machine.busy) / (c1.machine.total - c0.machine.total),
      loss: dPackets + dLost > 0 ? dLost / (dPackets + dLost) : 0,
      inputLoss: (src1.lost - src0.lost) / Math.max(1, src1.packets - src0.packets + src1.lost - src0.lost),
      sampledPackets: dPackets,
      mbpsOut: (consumers * (stats?.bitrate ?? 0)) / 1e6,
    };
  }

  const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
  console.log('\nconsumers  SFU-worker-CPU (kernel share)  viewer-worker-CPU  machine-CPU  loss(sampled)  input-loss  sampled-pkts  ~Mbit/s-out');
  const rows: Row[] = [];
  let step = FIRST_STEP;
  let stopReason = `time budget (${MAX_SECONDS} s) used`;
  while ((Date.now() - started) / 1000 < MAX_SECONDS - (SETTLE_MS + WINDOW_MS) / 1000) {
    if (consumers + step > MAX_CONSUMERS) {
      stopReason = `reached --max-consumers=${MAX_CONSUMERS}`;
      break;
    }
    await addConsumers(step);
    await sleep(SETTLE_MS);
    const row = await measure();
    rows.push(row);
    console.log(
      `${String(row.consumers).padStart(9)}  ${pct(row.sfuCpu).padStart(14)} (${pct(row.sfuSys, 0).padStart(4)})${' '.repeat(7)}  ${pct(row.sinkCpu).padStart(17)}  ${pct(row.machineCpu).padStart(11)}  ` +
        `${pct(row.loss, 3).padStart(13)}  ${pct(row.inputLoss, 3).padStart(10)}  ${String(row.sampledPackets).padStart(12)}  ${row.mbpsOut.toFixed(0).padStart(11)}`,
    );
    if (row.loss > LOSS_LIMIT) {
      stopReason = `loss ${pct(row.loss, 2)} passed ${pct(LOSS_LIMIT, 1)}`;
      break;
    }
    if (row.sfuCpu > 0.97) {
      stopReason = 'the SFU worker saturated its core';
      break;
    }
    if (row.sinkCpu > 0.97) {
      stopReason = 'the viewer-side worker saturated (bench limit, not the SFU)';
      break;
    }
    if (row.sfuCpu > 0.7 || row.loss > 0.001) step = Math.max(25, Math.floor(step / 2));
  }

  const good = rows.filter((r) => r.loss <= LOSS_LIMIT && r.sfuCpu <= 0.97);
  const best = good.at(-1);
  console.log(`\nstopped: ${stopReason} after ${Math.round((Date.now() - started) / 1000)} s`);
  if (best) {
    console.log(
      `capacity (1 worker = 1 core, SRTP ${SRTP}, ~700 kbps VP8 per consumer): ${best.consumers} consumers ` +
        `with ${pct(best.loss, 3)} loss at ${pct(best.sfuCpu)} of a core`,
    );
    const perConsumer = good.filter((r) => r.consumers >= 100).map((r) => r.sfuCpu / r.consumers);
    console.log(
      `CPU per consumer: ${(best.sfuCpu / best.consumers * 100).toFixed(3)}% of a core at ${best.consumers}` +
        (perConsumer.length > 1 ? ` (range over steps ${(Math.min(...perConsumer) * 100).toFixed(3)}-${(Math.max(...perConsumer) * 100).toFixed(3)}%)` : ''),
    );
    const last = rows.at(-1)!;
    if (last !== best) {
      console.log(`first failing step: ${last.consumers} consumers, loss ${pct(last.loss, 2)}, SFU CPU ${pct(last.sfuCpu)}`);
    }
  } else {
    console.log('no step stayed under the loss limit');
  }
  cleanup();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
