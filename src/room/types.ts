import type { MessageKey } from '../i18n/catalogue';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Title } from '../auth/roles';
import { Change } from '../graphql/subscribe';

export enum TransportDirection {
  SEND = 'send',
  RECV = 'recv',
}
registerEnumType(TransportDirection, { name: 'TransportDirection', description: 'SEND: this client produces; RECV: it consumes' });

export enum RoomRole {
  REQUESTING_DOCTOR = 'REQUESTING_DOCTOR',
  SPECIALIST = 'SPECIALIST',
  INVITED = 'INVITED',
}
registerEnumType(RoomRole, { name: 'RoomRole', description: "A participant's part in the consultation: who asked, who answers, or a colleague one of them invited" });

@ObjectType({ description: 'Someone who may be in a consultation\'s video room, named for the others to see' })
export class RoomParticipant {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => Title, { nullable: true }) title: Title | null;
  @Field() hospitalName: string;
  @Field(() => RoomRole) role: RoomRole;
  @Field({ description: 'In the room now (joined, and neither left nor lost)' }) inRoom: boolean;
}

@ObjectType({ description: 'A media track someone in the room sends' })
export class RoomProducer {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'Person sending it' }) personId: string;
  @Field({ description: 'audio or video' }) kind: string;
  @Field() paused: boolean;
}

@ObjectType()
export class RoomJoin {
  @Field(() => ID) consultationId: string;
  @Field(() => GraphQLJSONObject, { description: "The router's RTP capabilities: load them into mediasoup-client's Device" }) routerRtpCapabilities: object;
  @Field(() => [RoomProducer], { description: 'Tracks already in the room, to consume' }) producers: RoomProducer[];
  @Field(() => [ID], { description: 'Persons in the room, including you' }) personIds: string[];
  @Field(() => ID, { description: 'Subscribe to roomEvents with after = this, to miss nothing from here on' }) cursor: string;
}

@ObjectType()
export class RoomTransport {
  @Field(() => ID) id: string;
  @Field(() => TransportDirection) direction: TransportDirection;
  @Field(() => GraphQLJSONObject) iceParameters: object;
  @Field(() => [GraphQLJSONObject]) iceCandidates: object[];
  @Field(() => GraphQLJSONObject) dtlsParameters: object;
}

@ObjectType()
export class RoomConsumer {
  @Field(() => ID) id: string;
  @Field(() => ID) producerId: string;
  @Field(() => ID) personId: string;
  @Field() kind: string;
  @Field(() => GraphQLJSONObject) rtpParameters: object;
  @Field({ description: 'Created paused: resume it once the local receiver is ready' }) paused: boolean;
  @Field() producerPaused: boolean;
}

@ObjectType({ description: "One person's link to the SFU, for the UI to advise (e.g. switch to audio only)" })
export class LinkQuality {
  @Field(() => ID) personId: string;
  @Field(() => Int, { description: 'bits/s the SFU receives from this person' }) sendBitrate: number;
  @Field(() => Int, { description: 'bits/s the SFU sends to this person' }) recvBitrate: number;
  @Field(() => Float, { description: 'Share of packets lost on the way up, 0..1' }) uplinkLoss: number;
  @Field(() => Float, { description: 'Share of packets lost on the way down, 0..1' }) downlinkLoss: number;
  @Field(() => Float, { nullable: true, description: 'Round-trip time in ms, once measured' }) rttMs: number | null;
  @Field() lowBandwidth: boolean;
  @Field() audioOnly: boolean;
  @Field({ description: 'GOOD, POOR or BAD' }) rating: string;
  /** What to suggest; said in the reader's language by the `advice` field (room/resolver.ts). */
  adviceKey: MessageKey;
}

@ObjectType()
export class RoomEvent extends Change {
  @Field(() => ID) consultationId: string;
  @Field(() => ID, { nullable: true }) personId: string | null;
  @Field(() => RoomProducer, { nullable: true, description: 'For NEW_PRODUCER' }) producer: RoomProducer | null;
  @Field(() => ID, { nullable: true, description: 'For PRODUCER_CLOSED' }) producerId: string | null;
  @Field(() => String, { nullable: true, description: 'For RECONNECT_REQUIRED and CLOSED; for PEER_LEFT: left, timeout (its page stopped its heartbeats) or disconnected (its browser closed the connection)' }) reason: string | null;
}
