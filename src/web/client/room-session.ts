import { Device } from 'mediasoup-client';
import type { types } from 'mediasoup-client';
import type { HubApi } from './api';

type Consumer = types.Consumer;
type Producer = types.Producer;
type Transport = types.Transport;

const ROOM_EVENTS = `subscription($id: ID!, $after: ID) { roomEvents(consultationId: $id, after: $after) {
  cursor action personId producerId reason producer { id personId kind paused } } }`;
const PARTICIPANTS = 'query($id: ID!) { roomParticipants(consultationId: $id) { personId name title hospitalName role inRoom } }';

/** How often the page tells the hub it is alive; the hub drops a peer silent for MEDIA_PEER_HEARTBEAT_TIMEOUT_MS (6 s). */
const HEARTBEAT_MS = 2_000;
/** A transport that stays disconnected this long gets an ICE restart. */
const ICE_GRACE_MS = 2_000;
/** An ICE restart that has not reconnected by then gives way to a full rejoin. */
const ICE_RESTART_TIMEOUT_MS = 10_000;

/** mediasoup-client detects the browser by its user agent; headless Chromium's is not recognised. */
function createDevice(): Device {
  try {
    return new Device();
  } catch {
    return new Device({ handlerName: 'Chrome111' });
  }
}

export type RoomRole = 'REQUESTING_DOCTOR' | 'SPECIALIST' | 'INVITED';

export interface RoomPerson {
  personId: string;
  name: string;
  title: string | null;
  hospitalName: string;
  role: RoomRole;
}

/** Another participant as the page shows them: a tile with their tracks, while they are in the room. */
export interface RemoteParticipant extends RoomPerson {
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
}

/** What this page could capture: a missing camera or microphone still lets one join. */
export type DeviceNotice = 'noCamera' | 'noMicrophone' | 'noDevices' | null;
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed' | 'left';

export interface RoomSnapshot {
  status: RoomStatus;
  me: RoomPerson | null;
  /** Others in the room now, in the order they came; empty: "waiting for the other side". */
  remote: RemoteParticipant[];
  local: MediaStream | null;
  notice: DeviceNotice;
}

/** Asks for camera and microphone, then for what exists: a missing device does not keep anyone out. */
async function captureLocal(): Promise<{ stream: MediaStream | null; notice: DeviceNotice }> {
  const video = { width: 640, height: 360 };
  const attempts: [MediaStreamConstraints, DeviceNotice][] = [
    [{ audio: true, video }, null],
    [{ audio: true }, 'noCamera'],
    [{ video }, 'noMicrophone'],
  ];
  for (const [constraints, notice] of attempts) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia(constraints), notice };
    } catch {
      /* the next, smaller request */
    }
  }
  return { stream: null, notice: 'noDevices' };
}

/**
 * One visit to a consultation's video room: a mediasoup-client Device with a send and a
 * receive transport, signalled through the hub's GraphQL API, following room events. It
 * consumes only the OTHER participants' tracks (modelled on mediasoup-demo's RoomClient).
 * It keeps itself in the room: heartbeats every 2 s; a broken network path gets an ICE
 * restart, and when that fails or the hub dropped it, a full rejoin. When the SFU moves the
 * room to another worker (RECONNECT_REQUIRED) it builds everything anew.
 * UI-agnostic: a page reads snapshot() and re-renders on onChange().
 */
export class RoomSession {
  #device: Device | null = null;
  #send: Transport | null = null;
  #recv: Transport | null = null;
  #producers: Producer[] = [];
  #consumers = new Map<string, { consumer: Consumer; personId: string }>();
  /** Producers announced while there was no receive transport (the call being rebuilt): consumed once there is one. */
  #announced = new Set<string>();
  #unsubscribe: (() => void) | null = null;
  #lastCursor = 0n;
  #local: MediaStream | null = null;
  #notice: DeviceNotice = null;
  #status: RoomStatus = 'connecting';
  #people = new Map<string, RoomPerson>();
  /** Others in the room, in arrival order (presence comes from join and room events, not from tracks). */
  #present: string[] = [];
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #rebuilding: Promise<void> | null = null;
  #iceRestarts = new Set<Transport>();
  #listeners = new Set<() => void>();
  #snapshot: RoomSnapshot | null = null;
  #closed = false;
  /** How many times the room was rebuilt (SFU moved it, or the network came back): shown to support staff, watched by tests. */
  reconnects = 0;
  /** ICE restarts that brought a transport back without a rejoin. */
  iceRestarts = 0;

  constructor(private readonly api: HubApi, readonly consultationId: string, readonly myPersonId: string) {}

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The same object until something changes (for React's useSyncExternalStore). */
  snapshot(): RoomSnapshot {
    this.#snapshot ??= {
      status: this.#status,
      me: this.#people.get(this.myPersonId) ?? null,
      remote: this.#present.filter((id) => this.#people.has(id)).map((id) => ({ ...this.#people.get(id)!, ...this.#tracksOf(id) })),
      local: this.#local,
      notice: this.#notice,
    };
    return this.#snapshot;
  }

  nameOf(personId: string): string {
    return this.#people.get(personId)?.name ?? '…';
  }

  #changed(): void {
    this.#snapshot = null;
    for (const listener of this.#listeners) listener();
  }

  #setStatus(status: RoomStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#changed();
  }

  #tracksOf(personId: string): { video: MediaStreamTrack | null; audio: MediaStreamTrack | null } {
    let video: MediaStreamTrack | null = null;
    let audio: MediaStreamTrack | null = null;
    for (const { consumer, personId: owner } of this.#consumers.values()) {
      if (owner !== personId || consumer.closed) continue;
      if (consumer.kind === 'video') video = consumer.track;
      else audio = consumer.track;
    }
    return { video, audio };
  }

  async start(): Promise<void> {
    const { stream, notice } = await captureLocal();
    this.#local = stream;
    this.#notice = notice;
    this.#changed();
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
    this.#present = (joined.personIds as string[]).filter((p) => p !== this.myPersonId);
    // Beating from the moment we are in: a tab closed while still connecting is dropped too.
    this.#heartbeat ??= setInterval(() => void this.#beat(), HEARTBEAT_MS);
    void this.#beat();
    await this.#loadPeople();
    this.#send = await this.#transport('SEND');
    this.#recv = await this.#transport('RECV');
    if (!this.#unsubscribe) {
      this.#lastCursor = BigInt(joined.cursor);
      this.#unsubscribe = this.api.subscribe(ROOM_EVENTS, { id, after: joined.cursor }, (d) => this.#onEvent(d.roomEvents), (e) => console.error('room events', e));
    }
    for (const track of this.#local?.getTracks() ?? []) {
      const encodings = track.kind === 'video' ? [{ maxBitrate: 150_000, scaleResolutionDownBy: 4 }, { maxBitrate: 700_000 }] : undefined;
      // stopTracks: false keeps the camera running when the room is rebuilt.
      this.#producers.push(await this.#send.produce({ track, encodings, stopTracks: false }));
    }
    for (const p of joined.producers) if (p.personId !== this.myPersonId) await this.#consume(p.id);
    // NOTE: the others rebuild too after a worker died; what they produced between our join and our
    // receive transport came as events we could not consume then. One that has gone since is skipped.
    const announced = [...this.#announced];
    this.#announced.clear();
    for (const id of announced) await this.#consume(id).catch(() => {});
    this.#setStatus('connected');
    this.#changed();
  }

  /** Names, titles, hospitals and parts of everyone who may be in the room. */
  async #loadPeople(): Promise<void> {
    const { roomParticipants } = await this.api.request(PARTICIPANTS, { id: this.consultationId });
    for (const p of roomParticipants as RoomPerson[]) this.#people.set(p.personId, p);
    this.#changed();
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
    transport.on('connectionstatechange', (state) => {
      if (state === 'disconnected' || state === 'failed') void this.#restartIce(transport);
    });
    return transport;
  }

  /** A network path broke: new ICE credentials first; a full rejoin when that does not bring it back. */
  async #restartIce(transport: Transport): Promise<void> {
    if (this.#iceRestarts.has(transport) || this.#closed) return;
    this.#iceRestarts.add(transport);
    try {
      await new Promise((r) => setTimeout(r, ICE_GRACE_MS));
      if (transport.closed || transport.connectionState === 'connected') return;
      this.#setStatus('reconnecting');
      const { restartRoomTransportIce: iceParameters } = await this.api.request(
        'mutation($id: ID!, $t: ID!) { restartRoomTransportIce(consultationId: $id, transportId: $t) }', { id: this.consultationId, t: transport.id },
      );
      await transport.restartIce({ iceParameters });
      const deadline = Date.now() + ICE_RESTART_TIMEOUT_MS;
      // (read through a function: TypeScript would otherwise keep the narrowing from the check above)
      const connected = () => transport.connectionState === 'connected';
      while (!transport.closed && !connected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      if (transport.closed) return;
      if (!connected()) throw new Error('ICE restart did not reconnect');
      this.iceRestarts++;
      this.#setStatus('connected');
    } catch (error) {
      if (transport.closed || this.#closed) return;
      console.warn('ICE restart failed; rejoining', error);
      void this.#rejoin();
    } finally {
      this.#iceRestarts.delete(transport);
    }
  }

  /**
   * The page is alive. NOTE: beats go on while the call is being rebuilt: the hub watches a rejoined
   * peer from its join, and a rebuild on a slow machine may take longer than its timeout.
   */
  async #beat(): Promise<void> {
    if (this.#closed) return;
    try {
      const { roomHeartbeat: inRoom } = await this.api.request('mutation($id: ID!) { roomHeartbeat(consultationId: $id) }', { id: this.consultationId });
      // The hub dropped us (our beats stopped while the network was gone): join again.
      if (!inRoom && !this.#closed && !this.#rebuilding) void this.#rejoin();
    } catch {
      /* offline: the next beat tries again */
    }
  }

  async #consume(producerId: string): Promise<void> {
    if (!this.#recv) {
      this.#announced.add(producerId);
      return;
    }
    if ([...this.#consumers.values()].some((c) => c.consumer.producerId === producerId)) return;
    const { consumeInRoom: c } = await this.api.request(
      'mutation($id: ID!, $t: ID!, $p: ID!) { consumeInRoom(consultationId: $id, transportId: $t, producerId: $p) { id producerId personId kind rtpParameters } }',
      { id: this.consultationId, t: this.#recv.id, p: producerId },
    );
    const consumer = await this.#recv.consume({ id: c.id, producerId: c.producerId, kind: c.kind, rtpParameters: c.rtpParameters });
    this.#consumers.set(consumer.id, { consumer, personId: c.personId });
    consumer.on('trackended', () => this.#dropConsumer(consumer.id));
    consumer.on('transportclose', () => this.#dropConsumer(consumer.id));
    if (!this.#present.includes(c.personId)) this.#present.push(c.personId);
    if (!this.#people.has(c.personId)) await this.#loadPeople();
    this.#changed();
    await this.api.request('mutation($id: ID!, $c: ID!) { resumeRoomConsumer(consultationId: $id, consumerId: $c) }', { id: this.consultationId, c: c.id });
  }

  #dropConsumer(consumerId: string): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry) return;
    entry.consumer.close();
    this.#consumers.delete(consumerId);
    this.#changed();
  }

  #onEvent(e: { cursor: string; action: string; personId?: string | null; producer?: { id: string; personId: string }; producerId?: string }): void {
    const cursor = BigInt(e.cursor);
    if (cursor <= this.#lastCursor) return; // a resubscription replays from the first cursor
    this.#lastCursor = cursor;
    const other = e.personId && e.personId !== this.myPersonId ? e.personId : null;
    switch (e.action) {
      case 'PEER_JOINED':
        if (other && !this.#present.includes(other)) {
          this.#present.push(other);
          if (!this.#people.has(other)) this.#loadPeople().catch((err) => console.error('participants', err));
          this.#changed();
        }
        break;
      case 'PEER_LEFT':
        if (other) {
          this.#present = this.#present.filter((p) => p !== other);
          for (const [id, c] of this.#consumers) if (c.personId === other) this.#dropConsumer(id);
          this.#changed();
        }
        break;
      case 'NEW_PRODUCER':
        if (e.producer && e.producer.personId !== this.myPersonId) this.#consume(e.producer.id).catch((err) => console.error('consume', err));
        break;
      case 'PRODUCER_CLOSED':
        if (e.producerId) this.#announced.delete(e.producerId);
        for (const [id, c] of this.#consumers) if (c.consumer.producerId === e.producerId) this.#dropConsumer(id);
        break;
      case 'RECONNECT_REQUIRED':
        void this.#rejoin();
        break;
      case 'CLOSED':
        this.#setStatus('closed');
        this.#teardown();
        break;
    }
  }

  /** Everything anew (transports, producers, consumers), keeping the camera and the event subscription. */
  #rejoin(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#rebuilding ??= (async () => {
      this.#setStatus('reconnecting');
      for (let attempt = 0; !this.#closed; attempt++) {
        this.#teardown(false);
        try {
          await this.#connect();
          this.reconnects++;
          return;
        } catch (error) {
          if ((error as { code?: string }).code === 'CONFLICT' || (error as { code?: string }).code === 'FORBIDDEN') {
            this.#setStatus('closed');
            this.#teardown();
            return;
          }
          console.warn('rejoin failed; trying again', error);
          await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** attempt, 8000)));
        }
      }
    })().finally(() => {
      this.#rebuilding = null;
    });
    return this.#rebuilding;
  }

  #teardown(final = true): void {
    for (const { consumer } of this.#consumers.values()) consumer.close();
    this.#consumers.clear();
    this.#producers.forEach((p) => p.close());
    this.#producers = [];
    this.#send?.close();
    this.#recv?.close();
    this.#send = this.#recv = null;
    if (final) {
      this.#closed = true;
      this.#present = [];
      if (this.#heartbeat) clearInterval(this.#heartbeat);
      this.#unsubscribe?.();
      this.#local?.getTracks().forEach((t) => t.stop());
    }
    this.#changed();
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
    return (await this.#inbound('video')).reduce((n, s) => n + (s.framesDecoded ?? 0), 0);
  }

  /** Audio bytes received so far (an audio-only participant's voice arriving). */
  async audioBytesReceived(): Promise<number> {
    return (await this.#inbound('audio')).reduce((n, s) => n + (s.bytesReceived ?? 0), 0);
  }

  async #inbound(kind: 'audio' | 'video'): Promise<any[]> {
    if (!this.#recv || this.#recv.closed) return [];
    const found: any[] = [];
    (await this.#recv.getStats()).forEach((s: any) => {
      if (s.type === 'inbound-rtp' && s.kind === kind) found.push(s);
    });
    return found;
  }

  async leave(): Promise<void> {
    if (this.#closed) return;
    this.#status = 'left';
    this.#teardown();
    await this.#sayLeaving();
  }

  /**
   * The tab is closing (or reloading): say so while the page still can, so the others see us go at
   * once rather than when our heartbeats are missed. A reload joins again by itself.
   */
  leaveAsPageHides(): void {
    if (!this.#closed) void this.#sayLeaving({ keepalive: true });
  }

  #sayLeaving(options: { keepalive?: boolean } = {}): Promise<unknown> {
    return this.api.request('mutation($id: ID!) { leaveConsultationRoom(consultationId: $id) }', { id: this.consultationId }, options).catch(() => {});
  }
}
