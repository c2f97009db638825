import type { types } from 'mediasoup';
import type { Logger } from 'pino';

import { MediaError, mediaNotFound } from './errors';

export type TransportDirection = 'send' | 'recv';
export type TransportKind = 'webrtc' | 'plain';

/** Bitrate caps (bits/s) and layers applied to a peer on a poor link. */
export interface LowBandwidthPolicy {
  /** Cap on what the peer sends to the SFU (its uplink), via setMaxIncomingBitrate. */
  maxIncomingBitrate: number;
  /** Cap on what the SFU sends to the peer (its downlink), via setMaxOutgoingBitrate. */
  maxOutgoingBitrate: number;
  /** Layers its video consumers are asked for; spatial 0 is the lowest simulcast layer. */
  preferredLayers: types.ConsumerLayers;
}

/** The caps a peer gets when not in low-bandwidth mode (0 = unlimited). */
export interface BitratePolicy {
  maxIncomingBitrate: number;
  maxOutgoingBitrate: number;
}

export interface ProducerStats {
  producerId: string;
  kind: types.MediaKind;
  paused: boolean;
  /** bits/s received from the peer, summed over simulcast encodings */
  bitrate: number;
  packetCount: number;
  packetsLost: number;
  /** loss in the last RTCP interval, 0..1 */
  fractionLost: number;
  score: number;
}

export interface ConsumerStats {
  consumerId: string;
  producerId: string;
  kind: types.MediaKind;
  paused: boolean;
  producerPaused: boolean;
  preferredLayers?: types.ConsumerLayers;
  currentLayers?: types.ConsumerLayers;
  /** bits/s sent to the peer */
  bitrate: number;
  packetCount: number;
  /** as the peer reported in RTCP receiver reports */
  packetsLost: number;
  fractionLost: number;
  roundTripTimeMs?: number;
  score: number;
}

export interface TransportStats {
  transportId: string;
  direction: TransportDirection;
  kind: TransportKind;
  /** bits/s the SFU receives on this transport */
  recvBitrate: number;
  /** bits/s the SFU sends on this transport */
  sendBitrate: number;
  bytesReceived: number;
  bytesSent: number;
  /** cap on what the peer may send on this transport, when one is set */
  maxIncomingBitrate?: number;
  iceState?: string;
  dtlsState?: string;
}

export interface PeerStats {
  peerId: string;
  /** bits/s the SFU receives from the peer (its uplink) */
  sendBitrate: number;
  /** bits/s the SFU sends to the peer (its downlink) */
  recvBitrate: number;
  /** share of the peer's packets lost on the way to the SFU since it began producing, 0..1 */
  uplinkLoss: number;
  /** share of the SFU's packets to the peer that the peer reported lost, 0..1 */
  downlinkLoss: number;
  /** worst round-trip time (ms) among its consumers' RTCP reports; absent before the first report */
  rttMs?: number;
  lowBandwidth: boolean;
  audioOnly: boolean;
  transports: TransportStats[];
  producers: ProducerStats[];
  consumers: ConsumerStats[];
}

export interface PeerCounts {
  transports: number;
  producers: number;
  consumers: number;
}

interface PeerTransport {
  transport: types.Transport;
  direction: TransportDirection;
  kind: TransportKind;
}

interface PeerConsumer {
  consumer: types.Consumer;
  /** what the client asked for; audio-only mode may hold a video consumer paused regardless */
  clientPaused: boolean;
  clientLayers?: types.ConsumerLayers;
}

const layered = (consumer: types.Consumer) => consumer.type === 'simulcast' || consumer.type === 'svc';

/** Highest layers a simulcast/SVC consumer can get, from its scalability mode ("L3T3", "S3T3"). */
function maxLayers(consumer: types.Consumer): types.ConsumerLayers {
  const mode = consumer.rtpParameters.encodings?.[0]?.scalabilityMode ?? '';
  const m = mode.match(/^[LS](\d+)T(\d+)/);
  return m ? { spatialLayer: Number(m[1]) - 1, temporalLayer: Number(m[2]) - 1 } : { spatialLayer: 0 };
}

/**
 * One participant of a consultation room and the mediasoup objects it owns. Its per-peer
 * policies (low-bandwidth mode, audio-only) live here because they only touch its own
 * transports and consumers. close() cascades: transports close their producers/consumers.
 */
export class Peer {
  readonly #id: string;
  readonly #rtpCapabilities: types.RtpCapabilities;
  readonly #appData: Record<string, unknown>;
  readonly #logger: Logger;
  readonly #bitrates: BitratePolicy;
  readonly #lowBandwidthPolicy: LowBandwidthPolicy;
  readonly #transports = new Map<string, PeerTransport>();
  readonly #producers = new Map<string, types.Producer>();
  readonly #consumers = new Map<string, PeerConsumer>();
  #lowBandwidth = false;
  #audioOnly = false;
  #closed = false;
  /** When the client last said it is alive (ms since epoch); null until its first heartbeat. */
  #lastHeartbeat: number | null = null;

  static create(options: {
    id: string;
    rtpCapabilities: types.RtpCapabilities;
    appData?: Record<string, unknown>;
    bitrates: BitratePolicy;
    lowBandwidth: LowBandwidthPolicy;
    logger: Logger;
  }): Peer {
    return new Peer(options);
  }

  private constructor(options: {
    id: string;
    rtpCapabilities: types.RtpCapabilities;
    appData?: Record<string, unknown>;
    bitrates: BitratePolicy;
    lowBandwidth: LowBandwidthPolicy;
    logger: Logger;
  }) {
    this.#id = options.id;
    this.#rtpCapabilities = options.rtpCapabilities;
    this.#appData = options.appData ?? {};
    this.#bitrates = options.bitrates;
    this.#lowBandwidthPolicy = options.lowBandwidth;
    this.#logger = options.logger.child({ peer: options.id });
  }

  get id(): string {
    return this.#id;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.#rtpCapabilities;
  }

  get appData(): Record<string, unknown> {
    return this.#appData;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get lowBandwidth(): boolean {
    return this.#lowBandwidth;
  }

  get audioOnly(): boolean {
    return this.#audioOnly;
  }

  get producers(): types.Producer[] {
    return [...this.#producers.values()];
  }

  get consumers(): types.Consumer[] {
    return [...this.#consumers.values()].map((c) => c.consumer);
  }

  /** The client's heartbeat: from the first one on, silence longer than the room's timeout drops the peer. */
  heartbeat(now = Date.now()): void {
    this.#lastHeartbeat = now;
  }

  /** True when the peer sends heartbeats and the last one is older than timeoutMs. */
  silentFor(timeoutMs: number, now = Date.now()): boolean {
    return this.#lastHeartbeat !== null && now - this.#lastHeartbeat > timeoutMs;
  }

  counts(): PeerCounts {
    return { transports: this.#transports.size, producers: this.#producers.size, consumers: this.#consumers.size };
  }

  async addTransport(transport: types.Transport, direction: TransportDirection, kind: TransportKind): Promise<void> {
    this.#transports.set(transport.id, { transport, direction, kind });
    transport.observer.once('close', () => this.#transports.delete(transport.id));
    await this.#applyBitrateCaps(this.#transports.get(transport.id)!);
  }

  webRtcTransport(transportId: string): types.WebRtcTransport {
    const entry = this.#transports.get(transportId);
    if (!entry) throw mediaNotFound('transport', transportId);
    if (entry.kind !== 'webrtc') throw new MediaError('BAD_USER_INPUT', `transport ${transportId} is a plain RTP transport: it has no ICE`);
    return entry.transport as types.WebRtcTransport;
  }

  transport(transportId: string, direction?: TransportDirection): types.Transport {
    const entry = this.#transports.get(transportId);
    if (!entry) throw mediaNotFound('transport', transportId);
    if (direction && entry.direction !== direction) {
      throw new MediaError(
        'BAD_USER_INPUT',
        `transport ${transportId} was created to ${entry.direction === 'send' ? 'send' : 'receive'} media`,
      );
    }
    return entry.transport;
  }

  addProducer(producer: types.Producer): void {
    this.#producers.set(producer.id, producer);
    producer.observer.once('close', () => this.#producers.delete(producer.id));
  }

  producer(producerId: string): types.Producer {
    const producer = this.#producers.get(producerId);
    if (!producer) throw mediaNotFound('producer', producerId);
    return producer;
  }

  /** Options a new consumer of this peer starts with (it is always created paused). */
  consumerOptions(): { paused: true; preferredLayers?: types.ConsumerLayers } {
    return this.#lowBandwidth
      ? { paused: true, preferredLayers: this.#lowBandwidthPolicy.preferredLayers }
      : { paused: true };
  }

  addConsumer(consumer: types.Consumer): void {
    this.#consumers.set(consumer.id, { consumer, clientPaused: true });
    consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
  }

  closeConsumersOf(producerId: string): void {
    for (const { consumer } of [...this.#consumers.values()]) {
      if (consumer.producerId === producerId) consumer.close();
    }
  }

  consumer(consumerId: string): types.Consumer {
    return this.#consumerEntry(consumerId).consumer;
  }

  /** The client pauses/resumes a consumer; in audio-only mode video stays paused. */
  async setConsumerPaused(consumerId: string, paused: boolean): Promise<{ paused: boolean }> {
    const entry = this.#consumerEntry(consumerId);
    entry.clientPaused = paused;
    await this.#applyPause(entry);
    return { paused: entry.consumer.paused };
  }

  /** The client's wish; held back while low-bandwidth mode pins the layers. */
  async setPreferredLayers(consumerId: string, layers: types.ConsumerLayers): Promise<types.ConsumerLayers | undefined> {
    const entry = this.#consumerEntry(consumerId);
    if (!layered(entry.consumer)) {
      throw new MediaError('BAD_USER_INPUT', `consumer ${consumerId} is not simulcast or SVC: it has no layers`);
    }
    entry.clientLayers = layers;
    if (!this.#lowBandwidth) await entry.consumer.setPreferredLayers(layers);
    return entry.consumer.preferredLayers;
  }

  /**
   * Low-bandwidth mode for a participant on a poor link (a township clinic's uplink): caps
   * what it sends and receives, and asks its video consumers for the lowest layer.
   * Turning it off restores the caps and the layers the client had chosen (or the best).
   */
  async setLowBandwidth(enabled: boolean): Promise<void> {
    if (this.#lowBandwidth === enabled) return;
    this.#lowBandwidth = enabled;
    this.#logger.info({ enabled }, 'low-bandwidth mode');
    await Promise.all([
      ...[...this.#transports.values()].map((t) => this.#applyBitrateCaps(t)),
      ...[...this.#consumers.values()].map((c) => this.#applyLayers(c)),
    ]);
  }

  /** Audio-only: pauses every video consumer of this peer; off resumes those the client had resumed. */
  async setAudioOnly(enabled: boolean): Promise<void> {
    if (this.#audioOnly === enabled) return;
    this.#audioOnly = enabled;
    this.#logger.info({ enabled }, 'audio-only mode');
    await Promise.all([...this.#consumers.values()].map((c) => this.#applyPause(c)));
  }

  async stats(): Promise<PeerStats> {
    const [transports, producers, consumers] = await Promise.all([
      Promise.all([...this.#transports.values()].map((t) => transportStats(t))),
      Promise.all([...this.#producers.values()].map((p) => producerStats(p))),
      Promise.all([...this.#consumers.values()].map((c) => consumerStats(c.consumer))),
    ]);
    const sum = <T>(items: T[], f: (item: T) => number) => items.reduce((acc, item) => acc + f(item), 0);
    const lossShare = (lost: number, received: number) => (lost + received > 0 ? lost / (lost + received) : 0);
    const rtts = consumers.map((c) => c.roundTripTimeMs).filter((r): r is number => r !== undefined);
    return {
      peerId: this.#id,
      sendBitrate: sum(transports, (t) => t.recvBitrate),
      recvBitrate: sum(transports, (t) => t.sendBitrate),
      uplinkLoss: lossShare(sum(producers, (p) => p.packetsLost), sum(producers, (p) => p.packetCount)),
      downlinkLoss: lossShare(sum(consumers, (c) => c.packetsLost), sum(consumers, (c) => c.packetCount)),
      rttMs: rtts.length > 0 ? Math.max(...rtts) : undefined,
      lowBandwidth: this.#lowBandwidth,
      audioOnly: this.#audioOnly,
      transports,
      producers,
      consumers,
    };
  }

  /**
   * Forgets media objects that are already gone with their worker; the peer itself stays in
   * the room (and keeps its modes) so it can reconnect.
   */
  forgetMedia(): void {
    this.#transports.clear();
    this.#producers.clear();
    this.#consumers.clear();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // transports close their producers and consumers
    for (const { transport } of this.#transports.values()) transport.close();
    this.#transports.clear();
    this.#producers.clear();
    this.#consumers.clear();
  }

  #consumerEntry(consumerId: string): PeerConsumer {
    const entry = this.#consumers.get(consumerId);
    if (!entry) throw mediaNotFound('consumer', consumerId);
    return entry;
  }

  async #applyPause(entry: PeerConsumer): Promise<void> {
    const { consumer } = entry;
    if (consumer.closed) return;
    const paused = entry.clientPaused || (this.#audioOnly && consumer.kind === 'video');
    if (paused && !consumer.paused) await consumer.pause();
    else if (!paused && consumer.paused) await consumer.resume();
  }

  async #applyLayers(entry: PeerConsumer): Promise<void> {
    const { consumer } = entry;
    if (consumer.closed || consumer.kind !== 'video' || !layered(consumer)) return;
    const layers = this.#lowBandwidth
      ? this.#lowBandwidthPolicy.preferredLayers
      : (entry.clientLayers ?? maxLayers(consumer));
    await consumer.setPreferredLayers(layers);
  }

  async #applyBitrateCaps({ transport, direction }: PeerTransport): Promise<void> {
    if (transport.closed) return;
    const caps = this.#lowBandwidth ? this.#lowBandwidthPolicy : this.#bitrates;
    // NOTE: the SFU's incoming bitrate is the peer's uplink (its send transports), the
    // outgoing one its downlink; 0 lifts the cap.
    if (direction === 'send') await transport.setMaxIncomingBitrate(caps.maxIncomingBitrate);
    else await transport.setMaxOutgoingBitrate(caps.maxOutgoingBitrate);
  }
}

async function transportStats({ transport, direction, kind }: PeerTransport): Promise<TransportStats> {
  const [s] = (await transport.getStats()) as Array<{
    recvBitrate: number;
    sendBitrate: number;
    bytesReceived: number;
    bytesSent: number;
    maxIncomingBitrate?: number;
    iceState?: string;
    dtlsState?: string;
  }>;
  return {
    transportId: transport.id,
    direction,
    kind,
    recvBitrate: s?.recvBitrate ?? 0,
    sendBitrate: s?.sendBitrate ?? 0,
    bytesReceived: s?.bytesReceived ?? 0,
    bytesSent: s?.bytesSent ?? 0,
    maxIncomingBitrate: s?.maxIncomingBitrate,
    iceState: s?.iceState,
    dtlsState: s?.dtlsState,
  };
}

async function producerStats(producer: types.Producer): Promise<ProducerStats> {
  const streams = await producer.getStats();
  const sum = (f: (s: types.ProducerStat) => number) => streams.reduce((acc, s) => acc + f(s), 0);
  return {
    producerId: producer.id,
    kind: producer.kind,
    paused: producer.paused,
    bitrate: sum((s) => s.bitrate),
    packetCount: sum((s) => s.packetCount),
    packetsLost: sum((s) => s.packetsLost),
    fractionLost: streams.length > 0 ? Math.max(...streams.map((s) => s.fractionLost)) / 256 : 0,
    score: streams.length > 0 ? Math.min(...streams.map((s) => s.score)) : 0,
  };
}

async function consumerStats(consumer: types.Consumer): Promise<ConsumerStats> {
  const outbound = (await consumer.getStats()).find((s) => s.type === 'outbound-rtp') as
    | types.ConsumerStat
    | undefined;
  return {
    consumerId: consumer.id,
    producerId: consumer.producerId,
    kind: consumer.kind,
    paused: consumer.paused,
    producerPaused: consumer.producerPaused,
    preferredLayers: consumer.preferredLayers,
    currentLayers: consumer.currentLayers,
    bitrate: outbound?.bitrate ?? 0,
    packetCount: outbound?.packetCount ?? 0,
    packetsLost: outbound?.packetsLost ?? 0,
    fractionLost: (outbound?.fractionLost ?? 0) / 256,
    roundTripTimeMs: outbound?.roundTripTime || undefined,
    score: outbound?.score ?? 0,
  };
}
