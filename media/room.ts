import { EventEmitter } from 'node:events';

import type { types } from 'mediasoup';
import type { Logger } from 'pino';

import { roomMediaCodecs } from './codecs';
import { MediaError, mediaNotFound } from './errors';
import { Peer, type BitratePolicy, type LowBandwidthPolicy, type PeerCounts, type PeerStats, type TransportDirection } from './peer';
import type { WorkerPool } from './worker-pool';

export interface RoomSettings {
  /** IP the transports listen on, e.g. '0.0.0.0' or the host's private address. */
  listenIp: string;
  /**
   * Public address put in ICE candidates and plain-transport tuples when the SFU sits
   * behind NAT, so a township hospital's clients reach it.
   */
  announcedIp?: string;
  enableTcp: boolean;
  /** A room nobody has been in for this long closes itself. */
  emptyTimeoutMs: number;
  /**
   * A peer that sends heartbeats and then falls silent this long is dropped (its tab was
   * closed or its network is gone), so the others stop waiting for it. 0 turns it off.
   */
  heartbeatTimeoutMs: number;
  initialAvailableOutgoingBitrate: number;
  bitrates: BitratePolicy;
  lowBandwidth: LowBandwidthPolicy;
}

export type RoomCloseReason = 'requested' | 'empty' | 'shutdown' | 'unrecoverable';
/** left: it said so; timeout: its heartbeats stopped; disconnected: its browser closed the DTLS connection. */
export type PeerLeftReason = 'left' | 'timeout' | 'disconnected';

export interface ProducerInfo {
  roomId: string;
  peerId: string;
  producerId: string;
  kind: types.MediaKind;
  paused: boolean;
  appData: Record<string, unknown>;
}

export interface JoinResult {
  roomId: string;
  peerId: string;
  routerRtpCapabilities: types.RtpCapabilities;
  /** Producers of the other peers, to consume. */
  producers: ProducerInfo[];
}

export interface WebRtcTransportInfo {
  transportId: string;
  direction: TransportDirection;
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  dtlsParameters: types.DtlsParameters;
}

export interface PlainTransportInfo {
  transportId: string;
  direction: TransportDirection;
  /** where to send RTP (the announced IP when one is configured) */
  ip: string;
  port: number;
  /** where to send RTCP; absent with rtcpMux */
  rtcpPort?: number;
  srtpParameters?: types.SrtpParameters;
}

export interface ConsumerInfo {
  consumerId: string;
  producerId: string;
  producerPeerId: string;
  kind: types.MediaKind;
  type: types.ConsumerType;
  rtpParameters: types.RtpParameters;
  /** always true: the client resumes it once its receiver is ready */
  paused: boolean;
  producerPaused: boolean;
}

export interface RoomCounts extends PeerCounts {
  peers: number;
}

export type RoomEvents = {
  peerJoined: [{ roomId: string; peerId: string; appData: Record<string, unknown> }];
  peerLeft: [{ roomId: string; peerId: string; reason: PeerLeftReason }];
  newProducer: [ProducerInfo];
  producerClosed: [{ roomId: string; peerId: string; producerId: string }];
  /**
   * The room's worker died and the room now lives on another one: every listed peer must
   * create new transports and produce/consume again (join() gives the capabilities).
   */
  reconnectRequired: [{ roomId: string; peerIds: string[]; reason: 'worker-died'; routerRtpCapabilities: types.RtpCapabilities }];
  closed: [{ roomId: string; reason: RoomCloseReason }];
};

function checkDirection(direction: unknown): asserts direction is TransportDirection {
  if (direction !== 'send' && direction !== 'recv') {
    throw new MediaError('BAD_USER_INPUT', `direction must be 'send' or 'recv', got ${JSON.stringify(direction)}`);
  }
}

/**
 * One consultation's media: a router on one worker and the peers in it (roomId =
 * consultation id). Modelled on mediasoup-demo's Room. When its worker dies it moves
 * itself to a live worker and asks its peers to reconnect.
 */
export class Room extends EventEmitter<RoomEvents> {
  readonly #id: string;
  readonly #pool: WorkerPool;
  readonly #settings: RoomSettings;
  readonly #logger: Logger;
  readonly #peers = new Map<string, Peer>();
  /** Peers (by id) whose client has sent heartbeats here: whenever they join again, they are watched from the start. */
  readonly #beaters = new Set<string>();
  #router: types.Router;
  /** resolves when the room has a live router again after its worker died */
  #recovery: Promise<void> | undefined;
  #emptyTimer: NodeJS.Timeout | undefined;
  #livenessTimer: NodeJS.Timeout | undefined;
  #closed = false;

  static async create(options: { roomId: string; pool: WorkerPool; settings: RoomSettings; logger: Logger }): Promise<Room> {
    // named after the room: every line carries it as a field and as a message prefix
    const logger = options.logger.child({ room: options.roomId }, { msgPrefix: `room ${options.roomId}: ` });
    const router = await Room.#createRouter(options.pool, options.roomId);
    const room = new Room(options.roomId, options.pool, options.settings, logger, router);
    logger.info({ workerPid: router.appData.workerPid }, 'room opened');
    return room;
  }

  static async #createRouter(pool: WorkerPool, roomId: string): Promise<types.Router> {
    const worker = await pool.acquireWorker();
    return worker.createRouter({ mediaCodecs: roomMediaCodecs, appData: { roomId, workerPid: worker.pid } });
  }

  private constructor(id: string, pool: WorkerPool, settings: RoomSettings, logger: Logger, router: types.Router) {
    super();
    this.#id = id;
    this.#pool = pool;
    this.#settings = settings;
    this.#logger = logger;
    this.#router = router;
    this.#watchRouter(router);
    this.#armEmptyTimer();
    this.#watchHeartbeats();
  }

  get id(): string {
    return this.#id;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** pid of the worker the room currently lives on */
  get workerPid(): number {
    return this.#router.appData.workerPid as number;
  }

  get peerIds(): string[] {
    return [...this.#peers.keys()];
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.#router.rtpCapabilities;
  }

  /**
   * Adds a peer (or replaces the one with the same id, e.g. after a page reload: its old
   * transports are closed) and tells it what there is to consume.
   */
  async join(peerId: string, options: { rtpCapabilities: types.RtpCapabilities; appData?: Record<string, unknown> }): Promise<JoinResult> {
    const router = await this.#liveRouter();
    if (!options.rtpCapabilities?.codecs?.length) {
      throw new MediaError('BAD_USER_INPUT', 'rtpCapabilities must list the codecs the device can receive');
    }
    const previous = this.#peers.get(peerId);
    if (previous) this.#dropPeer(previous, { emitLeft: false });
    const peer = Peer.create({
      id: peerId,
      rtpCapabilities: options.rtpCapabilities,
      appData: options.appData,
      bitrates: this.#settings.bitrates,
      lowBandwidth: this.#settings.lowBandwidth,
      logger: this.#logger,
    });
    // NOTE: a page that rejoins (after a worker died or its network broke) beats again only once it is
    // back in; a tab closed in between would otherwise leave a peer that is never dropped.
    if (this.#beaters.has(peerId)) peer.heartbeat();
    this.#peers.set(peerId, peer);
    this.#disarmEmptyTimer();
    this.#logger.info({ peerId, rejoin: Boolean(previous) }, 'peer joined');
    if (!previous) this.emit('peerJoined', { roomId: this.#id, peerId, appData: peer.appData });
    return {
      roomId: this.#id,
      peerId,
      routerRtpCapabilities: router.rtpCapabilities,
      producers: this.producers().filter((p) => p.peerId !== peerId),
    };
  }

  leave(peerId: string): void {
    const peer = this.#peer(peerId);
    this.#dropPeer(peer, { emitLeft: true, reason: 'left' });
    this.#logger.info({ peerId }, 'peer left');
  }

  /** The client is alive; false when the peer is no longer in the room (dropped: it must join again). */
  heartbeat(peerId: string): boolean {
    const peer = this.#closed ? undefined : this.#peers.get(peerId);
    peer?.heartbeat();
    if (peer) this.#beaters.add(peerId);
    return Boolean(peer);
  }

  /** New ICE credentials for a transport whose network path broke (the client calls restartIce with them). */
  async restartIce(peerId: string, transportId: string): Promise<types.IceParameters> {
    await this.#liveRouter();
    const transport = this.#peer(peerId).webRtcTransport(transportId);
    return this.#mediasoupCall(() => transport.restartIce());
  }

  producers(): ProducerInfo[] {
    return [...this.#peers.values()].flatMap((peer) => peer.producers.map((p) => this.#producerInfo(peer, p)));
  }

  async createWebRtcTransport(peerId: string, options: { direction: TransportDirection }): Promise<WebRtcTransportInfo> {
    checkDirection(options.direction);
    const router = await this.#liveRouter();
    const peer = this.#peer(peerId);
    const transport = await this.#mediasoupCall(() => router.createWebRtcTransport({
      listenIps: [{ ip: this.#settings.listenIp, announcedIp: this.#settings.announcedIp }],
      enableUdp: true,
      enableTcp: this.#settings.enableTcp,
      preferUdp: true,
      initialAvailableOutgoingBitrate: this.#settings.initialAvailableOutgoingBitrate,
      appData: { peerId, direction: options.direction },
    }));
    await this.#adopt(peer, transport, options.direction, 'webrtc');
    // NOTE: a browser that closes its connection (leaving the page, when it gets to say so)
    // sends a DTLS close alert: the peer is gone at once, without waiting for the heartbeats.
    transport.on('dtlsstatechange', (state) => {
      if (state === 'closed' || state === 'failed') this.#lose(peer, 'disconnected');
    });
    return {
      transportId: transport.id,
      direction: options.direction,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  /**
   * A plain RTP transport: for sources that are not browsers (an endoscope or ultrasound
   * cart's RTP output, ffmpeg, a gateway) or sinks such as a recorder. With comedia the
   * SFU learns the sender's address from its first packet.
   */
  async createPlainTransport(
    peerId: string,
    options: { direction: TransportDirection; comedia?: boolean; rtcpMux?: boolean; enableSrtp?: boolean; srtpCryptoSuite?: types.SrtpCryptoSuite },
  ): Promise<PlainTransportInfo> {
    checkDirection(options.direction);
    const router = await this.#liveRouter();
    const peer = this.#peer(peerId);
    const transport = await this.#mediasoupCall(() => router.createPlainTransport({
      listenIp: { ip: this.#settings.listenIp, announcedIp: this.#settings.announcedIp },
      comedia: options.comedia ?? options.direction === 'send',
      rtcpMux: options.rtcpMux ?? true,
      enableSrtp: options.enableSrtp ?? false,
      srtpCryptoSuite: options.srtpCryptoSuite,
      appData: { peerId, direction: options.direction },
    }));
    await this.#adopt(peer, transport, options.direction, 'plain');
    return {
      transportId: transport.id,
      direction: options.direction,
      ip: this.#settings.announcedIp ?? transport.tuple.localIp,
      port: transport.tuple.localPort,
      rtcpPort: transport.rtcpTuple?.localPort,
      srtpParameters: transport.srtpParameters,
    };
  }

  /**
   * WebRTC: `{ dtlsParameters }`. Plain: `{ ip, port, rtcpPort?, srtpParameters? }`, where
   * the SFU sends to (not needed for a comedia sender without SRTP).
   */
  async connectTransport(
    peerId: string,
    transportId: string,
    params: { dtlsParameters: types.DtlsParameters } | { ip?: string; port?: number; rtcpPort?: number; srtpParameters?: types.SrtpParameters },
  ): Promise<void> {
    await this.#liveRouter();
    const transport = this.#peer(peerId).transport(transportId);
    await this.#mediasoupCall(() => transport.connect(params));
  }

  async produce(
    peerId: string,
    transportId: string,
    options: { kind: types.MediaKind; rtpParameters: types.RtpParameters; paused?: boolean; appData?: Record<string, unknown> },
  ): Promise<ProducerInfo> {
    await this.#liveRouter();
    const peer = this.#peer(peerId);
    const transport = peer.transport(transportId, 'send');
    const producer = await this.#mediasoupCall(() =>
      transport.produce({
        kind: options.kind,
        rtpParameters: options.rtpParameters,
        paused: options.paused,
        appData: { ...options.appData, peerId },
      }),
    );
    peer.addProducer(producer);
    producer.observer.once('close', () => {
      // NOTE: the worker closes these consumers too, but tells the JS side only later (a
      // notification); closing them here keeps counts and stats exact the moment a peer leaves.
      for (const other of this.#peers.values()) other.closeConsumersOf(producer.id);
      this.emit('producerClosed', { roomId: this.#id, peerId, producerId: producer.id });
    });
    const info = this.#producerInfo(peer, producer);
    this.#logger.info({ peerId, producerId: producer.id, kind: producer.kind, type: producer.type }, 'new producer');
    this.emit('newProducer', info);
    return info;
  }

  closeProducer(peerId: string, producerId: string): void {
    this.#peer(peerId).producer(producerId).close();
  }

  async pauseProducer(peerId: string, producerId: string): Promise<void> {
    await this.#peer(peerId).producer(producerId).pause();
  }

  async resumeProducer(peerId: string, producerId: string): Promise<void> {
    await this.#peer(peerId).producer(producerId).resume();
  }

  /** Creates a paused consumer; the client resumes it (resumeConsumer) when ready to render. */
  async consume(peerId: string, transportId: string, producerId: string): Promise<ConsumerInfo> {
    const router = await this.#liveRouter();
    const peer = this.#peer(peerId);
    const transport = peer.transport(transportId, 'recv');
    const owner = [...this.#peers.values()].find((p) => p.producers.some((pr) => pr.id === producerId));
    if (!owner) throw mediaNotFound('producer', producerId);
    // NOTE: a participant's own camera and microphone never come back to it through the SFU
    // (that showed callers themselves as "the other side" and would echo their own voice).
    if (owner === peer) throw new MediaError('BAD_USER_INPUT', `peer ${peerId} cannot consume its own producer ${producerId}`);
    if (!router.canConsume({ producerId, rtpCapabilities: peer.rtpCapabilities })) {
      throw new MediaError('BAD_USER_INPUT', `peer ${peerId}'s device cannot receive producer ${producerId}'s codec`);
    }
    const consumer = await this.#mediasoupCall(() =>
      transport.consume({
        producerId,
        rtpCapabilities: peer.rtpCapabilities,
        ...peer.consumerOptions(),
        appData: { peerId, producerPeerId: owner.id },
      }),
    );
    peer.addConsumer(consumer);
    return {
      consumerId: consumer.id,
      producerId,
      producerPeerId: owner.id,
      kind: consumer.kind,
      type: consumer.type,
      rtpParameters: consumer.rtpParameters,
      paused: consumer.paused,
      producerPaused: consumer.producerPaused,
    };
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<{ paused: boolean }> {
    return this.#peer(peerId).setConsumerPaused(consumerId, false);
  }

  async pauseConsumer(peerId: string, consumerId: string): Promise<{ paused: boolean }> {
    return this.#peer(peerId).setConsumerPaused(consumerId, true);
  }

  async setPreferredLayers(peerId: string, consumerId: string, layers: types.ConsumerLayers): Promise<types.ConsumerLayers | undefined> {
    return this.#peer(peerId).setPreferredLayers(consumerId, layers);
  }

  async requestKeyFrame(peerId: string, consumerId: string): Promise<void> {
    await this.#peer(peerId).consumer(consumerId).requestKeyFrame();
  }

  async setLowBandwidth(peerId: string, enabled: boolean): Promise<void> {
    await this.#peer(peerId).setLowBandwidth(enabled);
  }

  async setAudioOnly(peerId: string, enabled: boolean): Promise<void> {
    await this.#peer(peerId).setAudioOnly(enabled);
  }

  async peerStats(peerId: string): Promise<PeerStats> {
    return this.#peer(peerId).stats();
  }

  counts(): RoomCounts {
    const counts: RoomCounts = { peers: this.#peers.size, transports: 0, producers: 0, consumers: 0 };
    for (const peer of this.#peers.values()) {
      const c = peer.counts();
      counts.transports += c.transports;
      counts.producers += c.producers;
      counts.consumers += c.consumers;
    }
    return counts;
  }

  close(reason: RoomCloseReason = 'requested'): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#disarmEmptyTimer();
    clearInterval(this.#livenessTimer);
    for (const peer of this.#peers.values()) peer.close();
    this.#peers.clear();
    // the router closes whatever transports are left
    this.#router.close();
    this.#logger.info({ reason }, 'room closed');
    this.emit('closed', { roomId: this.#id, reason });
  }

  #peer(peerId: string): Peer {
    if (this.#closed) throw mediaNotFound('room', this.#id);
    const peer = this.#peers.get(peerId);
    if (!peer) throw mediaNotFound(`peer in room ${this.#id}:`, peerId);
    return peer;
  }

  #producerInfo(peer: Peer, producer: types.Producer): ProducerInfo {
    const { peerId: _owner, ...appData } = producer.appData;
    return { roomId: this.#id, peerId: peer.id, producerId: producer.id, kind: producer.kind, paused: producer.paused, appData };
  }

  async #adopt(peer: Peer, transport: types.Transport, direction: TransportDirection, kind: 'webrtc' | 'plain'): Promise<void> {
    if (peer.closed) {
      // the peer left (or rejoined) while the transport was being created
      transport.close();
      throw mediaNotFound(`peer in room ${this.#id}:`, peer.id);
    }
    await peer.addTransport(transport, direction, kind);
  }

  /**
   * mediasoup rejects bad parameters with TypeError (also from the worker) or
   * UnsupportedError (e.g. a codec the router lacks): those are the caller's to fix. A
   * request caught in a worker's death fails as UNAVAILABLE; reconnectRequired follows.
   */
  async #mediasoupCall<T>(call: () => Promise<T>): Promise<T> {
    const router = this.#router;
    try {
      return await call();
    } catch (error) {
      if (router.closed && !this.#closed) {
        throw new MediaError('UNAVAILABLE', `room ${this.#id} is moving to another media worker; reconnect`);
      }
      if (error instanceof TypeError || (error instanceof Error && error.name === 'UnsupportedError')) {
        throw new MediaError('BAD_USER_INPUT', error.message);
      }
      throw error;
    }
  }

  #dropPeer(peer: Peer, options: { emitLeft: false } | { emitLeft: true; reason: PeerLeftReason }): void {
    this.#peers.delete(peer.id);
    peer.close();
    if (options.emitLeft) this.emit('peerLeft', { roomId: this.#id, peerId: peer.id, reason: options.reason });
    if (this.#peers.size === 0) this.#armEmptyTimer();
  }

  /** Drops a peer that vanished, unless it was already replaced (a reload rejoined first) or left. */
  #lose(peer: Peer, reason: PeerLeftReason): void {
    if (this.#closed || this.#peers.get(peer.id) !== peer) return;
    this.#logger.info({ peerId: peer.id, reason }, 'peer lost');
    this.#dropPeer(peer, { emitLeft: true, reason });
  }

  #watchHeartbeats(): void {
    const timeout = this.#settings.heartbeatTimeoutMs;
    if (!timeout) return;
    this.#livenessTimer = setInterval(() => {
      for (const peer of [...this.#peers.values()]) if (peer.silentFor(timeout)) this.#lose(peer, 'timeout');
    }, Math.min(1000, timeout / 4));
    this.#livenessTimer.unref();
  }

  async #liveRouter(): Promise<types.Router> {
    if (this.#recovery) await this.#recovery;
    if (this.#closed) throw mediaNotFound('room', this.#id);
    return this.#router;
  }

  #watchRouter(router: types.Router): void {
    router.once('workerclose', () => {
      if (this.#closed || this.#pool.closed) {
        this.close('shutdown');
        return;
      }
      this.#recovery = this.#moveToLiveWorker().finally(() => {
        this.#recovery = undefined;
      });
    });
  }

  /** The worker died with the router: everything but the peers themselves is gone. */
  async #moveToLiveWorker(): Promise<void> {
    const lostPid = this.workerPid;
    this.#logger.warn({ workerPid: lostPid, peers: this.#peers.size }, 'worker died; moving the room');
    for (const peer of this.#peers.values()) peer.forgetMedia();
    let router: types.Router;
    try {
      router = await Room.#createRouter(this.#pool, this.#id);
    } catch (error) {
      this.#logger.error({ err: error }, 'no live worker to move the room to');
      this.close('unrecoverable');
      return;
    }
    if (this.#closed) {
      router.close();
      return;
    }
    this.#router = router;
    this.#watchRouter(router);
    this.#logger.info({ from: lostPid, to: this.workerPid }, 'room moved to another worker');
    this.emit('reconnectRequired', {
      roomId: this.#id,
      peerIds: [...this.#peers.keys()],
      reason: 'worker-died',
      routerRtpCapabilities: router.rtpCapabilities,
    });
  }

  #armEmptyTimer(): void {
    if (this.#closed || this.#emptyTimer || this.#peers.size > 0) return;
    this.#emptyTimer = setTimeout(() => {
      this.#emptyTimer = undefined;
      if (this.#peers.size === 0) this.close('empty');
    }, this.#settings.emptyTimeoutMs);
    this.#emptyTimer.unref();
  }

  #disarmEmptyTimer(): void {
    clearTimeout(this.#emptyTimer);
    this.#emptyTimer = undefined;
  }
}
