import type { types } from 'mediasoup';
import { DataSource } from 'typeorm';
import type { MediaApi, ProducerInfo } from '../../media';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { conflict, notFound } from '../errors';
import { appendEvent, currentCursor } from '../events/event-log';
import { parseId } from '../ids';
import type { Logger } from '../graphql/logger';
import { ConsultationRooms, consultationIdOf, roomIdOf } from './access';
import type { RoomEventPayload } from './events';
import { rateLink } from './link-quality';
import { LinkQuality, RoomConsumer, RoomJoin, RoomParticipant, RoomProducer, RoomRole, RoomTransport, TransportDirection } from './types';

/** The SFU as the hub uses it: the media API plus its room events. */
export type HubMedia = MediaApi & { on(event: string, listener: (payload: any) => void): unknown };

const producerOf = (p: ProducerInfo) => Object.assign(new RoomProducer(), { id: p.producerId, personId: p.peerId, kind: p.kind, paused: p.paused });

/**
 * GraphQL signalling for a consultation's video room: every call is checked against the
 * policy ('room.join': participants only), then handed to the media API. A person is one
 * peer (peer id = person id); joining again replaces the old peer (a reloaded page).
 */
export class RoomSignalling {
  /** Participants per open room, for the events the room emits. */
  readonly #participants = new Map<string, number[]>();

  constructor(
    private readonly db: DataSource,
    private readonly media: MediaApi | null,
    private readonly consultations: ConsultationRooms,
    private readonly log: Logger,
  ) {}

  /** Forwards the SFU's room events into the event log, where subscribers (and other processes) read them. */
  attach(media: HubMedia): void {
    const record = (action: string, roomId: string, extra: Omit<RoomEventPayload, 'action' | 'consultationId' | 'participantIds'>) => {
      const participantIds = this.#participants.get(roomId);
      if (!participantIds) return;
      this.db.transaction((m) => appendEvent(m, 'room', { action, consultationId: consultationIdOf(roomId), participantIds, ...extra }))
        .catch((error) => this.log.error({ err: error, roomId, action }, 'could not record a room event'));
    };
    media.on('peerJoined', (e) => record('PEER_JOINED', e.roomId, { personId: e.peerId }));
    media.on('peerLeft', (e) => record('PEER_LEFT', e.roomId, { personId: e.peerId, reason: e.reason ?? 'left' }));
    media.on('newProducer', (p: ProducerInfo) => record('NEW_PRODUCER', p.roomId, { personId: p.peerId, producer: { id: p.producerId, personId: p.peerId, kind: p.kind, paused: p.paused } }));
    media.on('producerClosed', (e) => record('PRODUCER_CLOSED', e.roomId, { personId: e.peerId, producerId: e.producerId }));
    media.on('reconnectRequired', (e) => record('RECONNECT_REQUIRED', e.roomId, { reason: e.reason }));
    media.on('closed', (e) => {
      record('CLOSED', e.roomId, { reason: e.reason });
      this.#participants.delete(e.roomId);
    });
  }

  async #room(actor: Actor | null, consultationId: string, needSession = false) {
    const id = parseId(consultationId, 'consultationId');
    const access = await this.consultations.roomAccess(id);
    if (!access) throw notFound('entity.consultation', consultationId);
    const participant = authorize(actor, 'room.join', { participantIds: access.participantIds });
    if (!this.media) throw conflict('room.noVideo');
    if (needSession && !access.inSession) throw conflict('room.sessionNotRunning', { id });
    const roomId = roomIdOf(id);
    this.#participants.set(roomId, access.participantIds);
    return { id, roomId, access, peerId: String(participant.personId), media: this.media };
  }

  /** Opens (or finds) the room and gives the router's capabilities, to load a mediasoup-client Device before joining. */
  async open(actor: Actor | null, consultationId: string): Promise<object> {
    const { roomId, media } = await this.#room(actor, consultationId, true);
    return (await media.openRoom(roomId)).routerRtpCapabilities;
  }

  async join(actor: Actor | null, consultationId: string, rtpCapabilities: types.RtpCapabilities): Promise<RoomJoin> {
    const { id, roomId, peerId, media } = await this.#room(actor, consultationId, true);
    const cursor = await currentCursor(this.db);
    const info = await media.openRoom(roomId);
    if (info.peerIds.includes(peerId)) media.leave(roomId, peerId);
    const joined = await media.join(roomId, peerId, { rtpCapabilities, appData: { personId: peerId } });
    return Object.assign(new RoomJoin(), {
      consultationId: String(id),
      routerRtpCapabilities: joined.routerRtpCapabilities,
      producers: joined.producers.map(producerOf),
      personIds: [...new Set([...info.peerIds.filter((p) => p !== peerId), peerId])],
      cursor,
    });
  }

  async createTransport(actor: Actor | null, consultationId: string, direction: TransportDirection): Promise<RoomTransport> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    const t = await media.createWebRtcTransport(roomId, peerId, { direction });
    return Object.assign(new RoomTransport(), { id: t.transportId, direction, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters });
  }

  async connectTransport(actor: Actor | null, consultationId: string, transportId: string, dtlsParameters: types.DtlsParameters): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    await media.connectTransport(roomId, peerId, transportId, { dtlsParameters });
    return true;
  }

  async produce(actor: Actor | null, consultationId: string, transportId: string, kind: types.MediaKind, rtpParameters: types.RtpParameters): Promise<RoomProducer> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId, true);
    return producerOf(await media.produce(roomId, peerId, transportId, { kind, rtpParameters }));
  }

  async consume(actor: Actor | null, consultationId: string, transportId: string, producerId: string): Promise<RoomConsumer> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId, true);
    const c = await media.consume(roomId, peerId, transportId, producerId);
    return Object.assign(new RoomConsumer(), {
      id: c.consumerId, producerId: c.producerId, personId: c.producerPeerId, kind: c.kind, rtpParameters: c.rtpParameters, paused: c.paused, producerPaused: c.producerPaused,
    });
  }

  async setConsumerPaused(actor: Actor | null, consultationId: string, consumerId: string, paused: boolean): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    const result = paused ? await media.pauseConsumer(roomId, peerId, consumerId) : await media.resumeConsumer(roomId, peerId, consumerId);
    return result.paused;
  }

  async setProducerPaused(actor: Actor | null, consultationId: string, producerId: string, paused: boolean): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    await (paused ? media.pauseProducer(roomId, peerId, producerId) : media.resumeProducer(roomId, peerId, producerId));
    return paused;
  }

  async closeProducer(actor: Actor | null, consultationId: string, producerId: string): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    media.closeProducer(roomId, peerId, producerId);
    return true;
  }

  async setConsumerLayers(actor: Actor | null, consultationId: string, consumerId: string, spatialLayer: number, temporalLayer?: number | null): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    await media.setPreferredLayers(roomId, peerId, consumerId, { spatialLayer, ...(temporalLayer == null ? {} : { temporalLayer }) });
    return true;
  }

  async setLinkMode(actor: Actor | null, consultationId: string, mode: { lowBandwidth?: boolean | null; audioOnly?: boolean | null }): Promise<LinkQuality> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    if (mode.lowBandwidth != null) await media.setLowBandwidth(roomId, peerId, mode.lowBandwidth);
    if (mode.audioOnly != null) await media.setAudioOnly(roomId, peerId, mode.audioOnly);
    return rateLink(peerId, await media.peerStats(roomId, peerId));
  }

  async linkQuality(actor: Actor | null, consultationId: string): Promise<LinkQuality[]> {
    const { roomId, media } = await this.#room(actor, consultationId, true);
    const info = await media.openRoom(roomId);
    return Promise.all(info.peerIds.map(async (p) => rateLink(p, await media.peerStats(roomId, p))));
  }

  /** The page is alive (every 2 s); false: this person is not in the room any more and must join again. */
  async heartbeat(actor: Actor | null, consultationId: string): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    return media.heartbeat(roomId, peerId);
  }

  /** New ICE credentials for one of the caller's transports after its network path broke. */
  async restartIce(actor: Actor | null, consultationId: string, transportId: string): Promise<object> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId, true);
    return media.restartIce(roomId, peerId, transportId);
  }

  /** Everyone who may be in the room, with name, title, hospital and part, and whether they are in it now. */
  async participants(actor: Actor | null, consultationId: string): Promise<RoomParticipant[]> {
    const { roomId, access, media } = await this.#room(actor, consultationId);
    const present = new Set(access.inSession ? (await media.openRoom(roomId)).peerIds : []);
    const rows: { id: number; name: string; title: string | null; hospital_name: string }[] = await this.db.query(
      'SELECT p.id, p.name, p.title, h.name AS hospital_name FROM person p JOIN hospital h ON h.id = p.hospital_id WHERE p.id = ANY($1) ORDER BY p.id',
      [access.participantIds],
    );
    const roleOf = (id: number) => (id === access.requestingDoctorId ? RoomRole.REQUESTING_DOCTOR : id === access.specialistId ? RoomRole.SPECIALIST : RoomRole.INVITED);
    return rows.map((r) => Object.assign(new RoomParticipant(), {
      personId: String(r.id), name: r.name, title: r.title, hospitalName: r.hospital_name, role: roleOf(r.id), inRoom: present.has(String(r.id)),
    }));
  }

  async leave(actor: Actor | null, consultationId: string): Promise<boolean> {
    const { roomId, peerId, media } = await this.#room(actor, consultationId);
    media.leave(roomId, peerId);
    return true;
  }

  /** The session started: the room opens (false when this process runs no media). */
  async openRoomOf(consultationId: number, participantIds: number[]): Promise<boolean> {
    if (!this.media) return false;
    const roomId = roomIdOf(consultationId);
    this.#participants.set(roomId, participantIds);
    await this.media.openRoom(roomId);
    return true;
  }

  /** The consultation ended or was cancelled: the room closes with everyone in it. */
  closeRoomOf(consultationId: number): boolean {
    return this.media?.closeRoom(roomIdOf(consultationId)) ?? false;
  }
}
