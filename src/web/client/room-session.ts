import { Device } from 'mediasoup-client';
import type { types } from 'mediasoup-client';

type Consumer = types.Consumer;
type Producer = types.Producer;
type Transport = types.Transport;
import type { HubApi } from './api';

const ROOM_EVENTS = `subscription($id: ID!, $after: ID) { roomEvents(consultationId: $id, after: $after) {
  cursor action personId producerId reason producer { id personId kind paused } } }`;

/** mediasoup-client detects the browser by its user agent; headless Chromium's is not recognised. */
function createDevice(): Device {
  try {
    return new Device();
  } catch {
    return new Device({ handlerName: 'Chrome111' });
  }
}

export interface RoomView {
  showLocal(stream: MediaStream): void;
  addRemoteTrack(personId: string, track: MediaStreamTrack): void;
  removeRemoteTrack(track: MediaStreamTrack): void;
  status(key: 'reconnecting' | 'closed' | null): void;
}

/**
 * One visit to a consultation's video room: a mediasoup-client Device with a send and a
 * receive transport, signalled through the hub's GraphQL API, following room events.
 * When the SFU moves the room to another worker (RECONNECT_REQUIRED) it builds everything anew.
 */
export class RoomSession {
  #device: Device | null = null;
  #send: Transport | null = null;
  #recv: Transport | null = null;
  #producers: Producer[] = [];
  #consumers = new Map<string, Consumer>();
  #unsubscribe: (() => void) | null = null;
  #lastCursor = 0n;
  #local: MediaStream | null = null;
  #closed = false;
  /** How many times the room was rebuilt after the SFU moved it (shown to support staff, watched by tests). */
  reconnects = 0;

  constructor(private readonly api: HubApi, readonly consultationId: string, private readonly view: RoomView) {}

  async start(): Promise<void> {
    this.#local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
    this.view.showLocal(this.#local);
    await this.#connect();
  }

  async #connect(): Promise<void> {
    const id = this.consultationId;
    const { openConsultationRoom: caps } = await this.api.request('mutation($id: ID!) { openConsultationRoom(consultationId: $id) }', { id });
    this.#device = createDevice();
    await this.#device.load({ routerRtpCapabilities: caps });
    const { joinConsultationRoom: joined } = await this.api.request(
      'mutation($id: ID!, $caps: JSONObject!) { joinConsultationRoom(consultationId: $id, rtpCapabilities: $caps) { cursor personIds producers { id personId kind } } }',
      { id, caps: this.#device.rtpCapabilities },
    );
    this.#send = await this.#transport('SEND');
    this.#recv = await this.#transport('RECV');
    if (!this.#unsubscribe) {
      this.#lastCursor = BigInt(joined.cursor);
      this.#unsubscribe = this.api.subscribe(ROOM_EVENTS, { id, after: joined.cursor }, (d) => this.#onEvent(d.roomEvents), (e) => console.error('room events', e));
    }
    for (const track of this.#local!.getTracks()) {
      const encodings = track.kind === 'video' ? [{ maxBitrate: 150_000, scaleResolutionDownBy: 4 }, { maxBitrate: 700_000 }] : undefined;
      // stopTracks: false keeps the camera running when the room is rebuilt after a worker moved it.
      this.#producers.push(await this.#send.produce({ track, encodings, stopTracks: false }));
    }
    for (const p of joined.producers) await this.#consume(p.id);
  }

  async #transport(direction: 'SEND' | 'RECV'): Promise<Transport> {
    const id = this.consultationId;
    const { createRoomTransport: info } = await this.api.request(
      'mutation($id: ID!, $d: TransportDirection!) { createRoomTransport(consultationId: $id, direction: $d) { id iceParameters iceCandidates dtlsParameters } }',
      { id, d: direction },
    );
    const params = { id: info.id, iceParameters: info.iceParameters, iceCandidates: info.iceCandidates, dtlsParameters: info.dtlsParameters };
    const transport = direction === 'SEND' ? this.#device!.createSendTransport(params) : this.#device!.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, done, fail) => {
      this.api.request('mutation($id: ID!, $t: ID!, $d: JSONObject!) { connectRoomTransport(consultationId: $id, transportId: $t, dtlsParameters: $d) }', { id, t: info.id, d: dtlsParameters })
        .then(() => done(), fail);
    });
    if (direction === 'SEND') {
      transport.on('produce', ({ kind, rtpParameters }, done, fail) => {
        this.api.request('mutation($id: ID!, $t: ID!, $k: String!, $r: JSONObject!) { produceInRoom(consultationId: $id, transportId: $t, kind: $k, rtpParameters: $r) { id } }', { id, t: info.id, k: kind, r: rtpParameters })
          .then((d) => done({ id: d.produceInRoom.id }), fail);
      });
    }
    return transport;
  }

  async #consume(producerId: string): Promise<void> {
    if (!this.#recv || [...this.#consumers.values()].some((c) => c.producerId === producerId)) return;
    const { consumeInRoom: c } = await this.api.request(
      'mutation($id: ID!, $t: ID!, $p: ID!) { consumeInRoom(consultationId: $id, transportId: $t, producerId: $p) { id producerId personId kind rtpParameters } }',
      { id: this.consultationId, t: this.#recv.id, p: producerId },
    );
    const consumer = await this.#recv.consume({ id: c.id, producerId: c.producerId, kind: c.kind, rtpParameters: c.rtpParameters });
    this.#consumers.set(consumer.id, consumer);
    this.view.addRemoteTrack(c.personId, consumer.track);
    await this.api.request('mutation($id: ID!, $c: ID!) { resumeRoomConsumer(consultationId: $id, consumerId: $c) }', { id: this.consultationId, c: c.id });
  }

  #onEvent(e: { cursor: string; action: string; producer?: { id: string }; producerId?: string }): void {
    const cursor = BigInt(e.cursor);
    if (cursor <= this.#lastCursor) return; // a resubscription replays from the first cursor
    this.#lastCursor = cursor;
    switch (e.action) {
      case 'NEW_PRODUCER':
        this.#consume(e.producer!.id).catch((err) => console.error('consume', err));
        break;
      case 'PRODUCER_CLOSED':
        for (const c of this.#consumers.values()) {
          if (c.producerId === e.producerId) {
            this.view.removeRemoteTrack(c.track);
            c.close();
            this.#consumers.delete(c.id);
          }
        }
        break;
      case 'RECONNECT_REQUIRED':
        this.view.status('reconnecting');
        this.#rebuild().then(() => this.view.status(null), (err) => console.error('reconnect', err));
        break;
      case 'CLOSED':
        this.view.status('closed');
        this.#teardown();
        break;
    }
  }

  async #rebuild(): Promise<void> {
    this.#teardown(false);
    await this.#connect();
    this.reconnects++;
  }

  #teardown(final = true): void {
    for (const c of this.#consumers.values()) {
      this.view.removeRemoteTrack(c.track);
      c.close();
    }
    this.#consumers.clear();
    this.#producers.forEach((p) => p.close());
    this.#producers = [];
    this.#send?.close();
    this.#recv?.close();
    this.#send = this.#recv = null;
    if (final) {
      this.#closed = true;
      this.#unsubscribe?.();
      this.#local?.getTracks().forEach((t) => t.stop());
    }
  }

  async setLinkMode(mode: { lowBandwidth?: boolean; audioOnly?: boolean }) {
    const { setRoomLinkMode } = await this.api.request(
      'mutation($id: ID!, $l: Boolean, $a: Boolean) { setRoomLinkMode(consultationId: $id, lowBandwidth: $l, audioOnly: $a) { rating } }',
      { id: this.consultationId, l: mode.lowBandwidth ?? null, a: mode.audioOnly ?? null },
    );
    return setRoomLinkMode;
  }

  linkQuality() {
    return this.api.request('query($id: ID!) { roomLinkQuality(consultationId: $id) { personId sendBitrate recvBitrate uplinkLoss downlinkLoss rttMs rating lowBandwidth audioOnly } }', { id: this.consultationId })
      .then((d) => d.roomLinkQuality as any[]);
  }

  /** Video frames decoded so far from the browser's own inbound-rtp stats (what the UI and tests watch). */
  async framesDecoded(): Promise<number> {
    if (!this.#recv) return 0;
    let frames = 0;
    (await this.#recv.getStats()).forEach((s: any) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
    });
    return frames;
  }

  async leave(): Promise<void> {
    if (this.#closed) return;
    this.#teardown();
    await this.api.request('mutation($id: ID!) { leaveConsultationRoom(consultationId: $id) }', { id: this.consultationId }).catch(() => {});
  }
}
