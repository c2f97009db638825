import { EventEmitter } from 'node:events';

import type { types } from 'mediasoup';
import pino, { type Logger } from 'pino';

import { MediaError, mediaNotFound } from './errors';
import type { LowBandwidthPolicy, PeerStats, TransportDirection } from './peer';
import {
  Room,
  type ConsumerInfo,
  type JoinResult,
  type PlainTransportInfo,
  type ProducerInfo,
  type RoomCounts,
  type RoomEvents,
  type RoomSettings,
  type WebRtcTransportInfo,
} from './room';
import { WorkerPool, type WorkerCounts, type WorkerDumpCounts, type WorkerPoolSettings } from './worker-pool';

export interface SfuSettings {
  workers?: WorkerPoolSettings;
  /** Default 127.0.0.1. With 0.0.0.0 / :: an announcedIp is required. */
  listenIp?: string;
  /** Public IP for ICE candidates when behind NAT. */
  announcedIp?: string;
  /** Offer ICE over TCP too (for hospital networks that block UDP). Default true. */
  enableTcp?: boolean;
  /** Default 60 s. */
  emptyRoomTimeoutMs?: number;
  /** A peer whose heartbeats (once begun) stop this long is dropped. Default 6 s; 0 = off. */
  heartbeatTimeoutMs?: number;
  /** bits/s. Default 600 kbps. */
  initialAvailableOutgoingBitrate?: number;
  /** Cap on each peer's uplink, bits/s, 0 = none. Default 1.5 Mbps. */
  maxIncomingBitrate?: number;
  /** Cap on each peer's downlink, bits/s, 0 = none. Default none. */
  maxOutgoingBitrate?: number;
  lowBandwidth?: Partial<LowBandwidthPolicy>;
  logger?: Logger;
}

export interface RoomInfo {
  roomId: string;
  workerPid: number;
  routerRtpCapabilities: types.RtpCapabilities;
  peerIds: string[];
}

export interface SfuCounts {
  rooms: number;
  workers: WorkerCounts[];
}

export type SfuEvents = RoomEvents & {
  workerDied: [{ pid: number; error: Error }];
};

/**
 * The media API the hub's GraphQL layer calls. Every operation takes ids and plain data
 * and returns plain data, so this class can later be replaced by a client of media nodes
 * running elsewhere without changing its callers. Room events are re-emitted here.
 */
export interface MediaApi {
  openRoom(roomId: string): Promise<RoomInfo>;
  closeRoom(roomId: string): boolean;
  join(roomId: string, peerId: string, options: { rtpCapabilities: types.RtpCapabilities; appData?: Record<string, unknown> }): Promise<JoinResult>;
  leave(roomId: string, peerId: string): void;
  /** The client is alive; false when the peer is not in the room (it must join again). */
  heartbeat(roomId: string, peerId: string): boolean;
  restartIce(roomId: string, peerId: string, transportId: string): Promise<types.IceParameters>;
  createWebRtcTransport(roomId: string, peerId: string, options: { direction: TransportDirection }): Promise<WebRtcTransportInfo>;
  createPlainTransport(roomId: string, peerId: string, options: Parameters<Room['createPlainTransport']>[1]): Promise<PlainTransportInfo>;
  connectTransport(roomId: string, peerId: string, transportId: string, params: Parameters<Room['connectTransport']>[2]): Promise<void>;
  produce(roomId: string, peerId: string, transportId: string, options: Parameters<Room['produce']>[2]): Promise<ProducerInfo>;
  closeProducer(roomId: string, peerId: string, producerId: string): void;
  pauseProducer(roomId: string, peerId: string, producerId: string): Promise<void>;
  resumeProducer(roomId: string, peerId: string, producerId: string): Promise<void>;
  consume(roomId: string, peerId: string, transportId: string, producerId: string): Promise<ConsumerInfo>;
  resumeConsumer(roomId: string, peerId: string, consumerId: string): Promise<{ paused: boolean }>;
  pauseConsumer(roomId: string, peerId: string, consumerId: string): Promise<{ paused: boolean }>;
  setPreferredLayers(roomId: string, peerId: string, consumerId: string, layers: types.ConsumerLayers): Promise<types.ConsumerLayers | undefined>;
  requestKeyFrame(roomId: string, peerId: string, consumerId: string): Promise<void>;
  setLowBandwidth(roomId: string, peerId: string, enabled: boolean): Promise<void>;
  setAudioOnly(roomId: string, peerId: string, enabled: boolean): Promise<void>;
  peerStats(roomId: string, peerId: string): Promise<PeerStats>;
  counts(): SfuCounts;
}

const ROOM_EVENTS = ['peerJoined', 'peerLeft', 'newProducer', 'producerClosed', 'reconnectRequired', 'closed'] as const;

export class Sfu extends EventEmitter<SfuEvents> implements MediaApi {
  readonly #pool: WorkerPool;
  readonly #roomSettings: RoomSettings;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  readonly #opening = new Map<string, Promise<Room>>();
  #closed = false;

  static async create(settings: SfuSettings = {}): Promise<Sfu> {
    const logger = settings.logger ?? pino({ name: 'media', level: 'info' });
    const roomSettings = Sfu.#parseRoomSettings(settings);
    const pool = await WorkerPool.create(settings.workers ?? {}, logger.child({ component: 'media-workers' }));
    return new Sfu(pool, roomSettings, logger);
  }

  static #parseRoomSettings(settings: SfuSettings): RoomSettings {
    const listenIp = settings.listenIp ?? '127.0.0.1';
    if ((listenIp === '0.0.0.0' || listenIp === '::') && !settings.announcedIp) {
      throw new MediaError(
        'BAD_USER_INPUT',
        `listening on ${listenIp} needs an announcedIp: clients cannot send to ${listenIp}`,
      );
    }
    const positive = (name: string, value: number) => {
      if (!Number.isFinite(value) || value < 0) throw new MediaError('BAD_USER_INPUT', `${name} must be >= 0, got ${value}`);
      return value;
    };
    return {
      listenIp,
      announcedIp: settings.announcedIp,
      enableTcp: settings.enableTcp ?? true,
      emptyTimeoutMs: positive('emptyRoomTimeoutMs', settings.emptyRoomTimeoutMs ?? 60_000),
      heartbeatTimeoutMs: positive('heartbeatTimeoutMs', settings.heartbeatTimeoutMs ?? 6_000),
      initialAvailableOutgoingBitrate: positive('initialAvailableOutgoingBitrate', settings.initialAvailableOutgoingBitrate ?? 600_000),
      bitrates: {
        maxIncomingBitrate: positive('maxIncomingBitrate', settings.maxIncomingBitrate ?? 1_500_000),
        maxOutgoingBitrate: positive('maxOutgoingBitrate', settings.maxOutgoingBitrate ?? 0),
      },
      lowBandwidth: {
        maxIncomingBitrate: positive('lowBandwidth.maxIncomingBitrate', settings.lowBandwidth?.maxIncomingBitrate ?? 200_000),
        maxOutgoingBitrate: positive('lowBandwidth.maxOutgoingBitrate', settings.lowBandwidth?.maxOutgoingBitrate ?? 250_000),
        preferredLayers: settings.lowBandwidth?.preferredLayers ?? { spatialLayer: 0 },
      },
    };
  }

  private constructor(pool: WorkerPool, roomSettings: RoomSettings, logger: Logger) {
    super();
    this.#pool = pool;
    this.#roomSettings = roomSettings;
    this.#logger = logger;
    pool.on('workerDied', (event) => this.emit('workerDied', event));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The worker processes (for tests, benchmarks and health checks). */
  get pool(): WorkerPool {
    return this.#pool;
  }

  /** Opens the room of a consultation, or returns the open one. */
  async openRoom(roomId: string): Promise<RoomInfo> {
    const room = await this.#openRoom(roomId);
    return { roomId, workerPid: room.workerPid, routerRtpCapabilities: room.rtpCapabilities, peerIds: room.peerIds };
  }

  /** Closes the room; false when it was not open. */
  closeRoom(roomId: string): boolean {
    const room = this.#rooms.get(roomId);
    if (!room) return false;
    room.close('requested');
    return true;
  }

  /** The live Room object (in-process callers and tests). */
  room(roomId: string): Room {
    const room = this.#rooms.get(roomId);
    if (!room) throw mediaNotFound('room', roomId);
    return room;
  }

  rooms(): Room[] {
    return [...this.#rooms.values()];
  }

  join(roomId: string, peerId: string, options: { rtpCapabilities: types.RtpCapabilities; appData?: Record<string, unknown> }) {
    return this.room(roomId).join(peerId, options);
  }

  leave(roomId: string, peerId: string): void {
    this.room(roomId).leave(peerId);
  }

  heartbeat(roomId: string, peerId: string): boolean {
    return this.#rooms.get(roomId)?.heartbeat(peerId) ?? false;
  }

  restartIce(roomId: string, peerId: string, transportId: string) {
    return this.room(roomId).restartIce(peerId, transportId);
  }

  createWebRtcTransport(roomId: string, peerId: string, options: { direction: TransportDirection }) {
    return this.room(roomId).createWebRtcTransport(peerId, options);
  }

  createPlainTransport(roomId: string, peerId: string, options: Parameters<Room['createPlainTransport']>[1]) {
    return this.room(roomId).createPlainTransport(peerId, options);
  }

  connectTransport(roomId: string, peerId: string, transportId: string, params: Parameters<Room['connectTransport']>[2]) {
    return this.room(roomId).connectTransport(peerId, transportId, params);
  }

  produce(roomId: string, peerId: string, transportId: string, options: Parameters<Room['produce']>[2]) {
    return this.room(roomId).produce(peerId, transportId, options);
  }

  closeProducer(roomId: string, peerId: string, producerId: string): void {
    this.room(roomId).closeProducer(peerId, producerId);
  }

  pauseProducer(roomId: string, peerId: string, producerId: string) {
    return this.room(roomId).pauseProducer(peerId, producerId);
  }

  resumeProducer(roomId: string, peerId: string, producerId: string) {
    return this.room(roomId).resumeProducer(peerId, producerId);
  }

  consume(roomId: string, peerId: string, transportId: string, producerId: string) {
    return this.room(roomId).consume(peerId, transportId, producerId);
  }

  resumeConsumer(roomId: string, peerId: string, consumerId: string) {
    return this.room(roomId).resumeConsumer(peerId, consumerId);
  }

  pauseConsumer(roomId: string, peerId: string, consumerId: string) {
    return this.room(roomId).pauseConsumer(peerId, consumerId);
  }

  setPreferredLayers(roomId: string, peerId: string, consumerId: string, layers: types.ConsumerLayers) {
    return this.room(roomId).setPreferredLayers(peerId, consumerId, layers);
  }

  requestKeyFrame(roomId: string, peerId: string, consumerId: string) {
    return this.room(roomId).requestKeyFrame(peerId, consumerId);
  }

  setLowBandwidth(roomId: string, peerId: string, enabled: boolean) {
    return this.room(roomId).setLowBandwidth(peerId, enabled);
  }

  setAudioOnly(roomId: string, peerId: string, enabled: boolean) {
    return this.room(roomId).setAudioOnly(peerId, enabled);
  }

  peerStats(roomId: string, peerId: string) {
    return this.room(roomId).peerStats(peerId);
  }

  roomCounts(roomId: string): RoomCounts {
    return this.room(roomId).counts();
  }

  /** Live routers/transports/producers/consumers per worker, from mediasoup's observers. */
  counts(): SfuCounts {
    return { rooms: this.#rooms.size, workers: this.#pool.counts() };
  }

  /** The same counts as the worker processes report them. */
  dumpCounts(): Promise<WorkerDumpCounts[]> {
    return this.#pool.dumpCounts();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const room of this.#rooms.values()) room.close('shutdown');
    this.#rooms.clear();
    this.#pool.close();
    this.#logger.info('SFU closed');
  }

  async #openRoom(roomId: string): Promise<Room> {
    if (this.#closed) throw new MediaError('UNAVAILABLE', 'the SFU is shut down');
    if (!roomId) throw new MediaError('BAD_USER_INPUT', 'roomId must not be empty');
    const open = this.#rooms.get(roomId);
    if (open) return open;
    let opening = this.#opening.get(roomId);
    if (!opening) {
      opening = Room.create({ roomId, pool: this.#pool, settings: this.#roomSettings, logger: this.#logger })
        .then((room) => {
          if (this.#closed) {
            room.close('shutdown');
            throw new MediaError('UNAVAILABLE', 'the SFU is shut down');
          }
          this.#adopt(room);
          return room;
        })
        .finally(() => this.#opening.delete(roomId));
      this.#opening.set(roomId, opening);
    }
    return opening;
  }

  #adopt(room: Room): void {
    this.#rooms.set(room.id, room);
    // first, so that listeners of 'closed' below can already open a new room with this id
    room.once('closed', () => {
      if (this.#rooms.get(room.id) === room) this.#rooms.delete(room.id);
    });
    const forward = this.emit.bind(this) as (event: string, ...args: unknown[]) => boolean;
    for (const name of ROOM_EVENTS) {
      (room as EventEmitter).on(name, (...args: unknown[]) => forward(name, ...args));
    }
  }
}
