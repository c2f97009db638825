import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import { translate } from '../i18n/translate';
import { roomEvent } from './events';
import type { HubContext } from '../graphql/context';
import { LinkQuality, RoomConsumer, RoomEvent, RoomJoin, RoomParticipant, RoomProducer, RoomTransport, TransportDirection } from './types';

/**
 * Signalling for a consultation's video room, in the order a mediasoup-client uses it:
 * join -> createRoomTransport (SEND, RECV) -> connectRoomTransport -> produceInRoom /
 * consumeInRoom -> resumeRoomConsumer; roomEvents tells about others joining and producing.
 */
/** Link advice in the reader's language (saved, else Accept-Language). */
@Resolver(() => LinkQuality)
export class LinkQualityResolver {
  @FieldResolver(() => String, { description: "What the UI could suggest, in the reader's language; clients may also choose by rating" })
  advice(@Root() link: LinkQuality, @Ctx() ctx: HubContext): string {
    return translate(ctx.language, link.adviceKey);
  }
}

@Resolver()
export class RoomResolver {
  @Mutation(() => GraphQLJSONObject, { description: "Opens the room (participants only, while the session runs) and returns the router's RTP capabilities" })
  openConsultationRoom(@Arg('consultationId', () => ID) consultationId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.open(ctx.actor, consultationId);
  }

  @Mutation(() => RoomJoin, { description: 'Participants only, while the session runs; rtpCapabilities are the loaded Device\'s' })
  joinConsultationRoom(@Arg('consultationId', () => ID) consultationId: string, @Arg('rtpCapabilities', () => GraphQLJSONObject) rtpCapabilities: any, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.join(ctx.actor, consultationId, rtpCapabilities);
  }

  @Mutation(() => RoomTransport)
  createRoomTransport(@Arg('consultationId', () => ID) consultationId: string, @Arg('direction', () => TransportDirection) direction: TransportDirection, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.createTransport(ctx.actor, consultationId, direction);
  }

  @Mutation(() => Boolean)
  connectRoomTransport(@Arg('consultationId', () => ID) consultationId: string, @Arg('transportId', () => ID) transportId: string, @Arg('dtlsParameters', () => GraphQLJSONObject) dtlsParameters: any, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.connectTransport(ctx.actor, consultationId, transportId, dtlsParameters);
  }

  @Mutation(() => RoomProducer)
  produceInRoom(
    @Arg('consultationId', () => ID) consultationId: string,
    @Arg('transportId', () => ID) transportId: string,
    @Arg('kind', { description: 'audio or video' }) kind: string,
    @Arg('rtpParameters', () => GraphQLJSONObject) rtpParameters: any,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.services.rooms.produce(ctx.actor, consultationId, transportId, kind as 'audio' | 'video', rtpParameters);
  }

  @Mutation(() => RoomConsumer, { description: 'The consumer starts paused: resume it when the local track is attached' })
  consumeInRoom(@Arg('consultationId', () => ID) consultationId: string, @Arg('transportId', () => ID) transportId: string, @Arg('producerId', () => ID) producerId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.consume(ctx.actor, consultationId, transportId, producerId);
  }

  @Mutation(() => Boolean, { description: 'Returns whether the consumer is still paused (e.g. its producer is paused)' })
  resumeRoomConsumer(@Arg('consultationId', () => ID) consultationId: string, @Arg('consumerId', () => ID) consumerId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.setConsumerPaused(ctx.actor, consultationId, consumerId, false);
  }

  @Mutation(() => Boolean)
  pauseRoomConsumer(@Arg('consultationId', () => ID) consultationId: string, @Arg('consumerId', () => ID) consumerId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.setConsumerPaused(ctx.actor, consultationId, consumerId, true);
  }

  @Mutation(() => Boolean, { description: 'Mute (true) or unmute (false) one of your tracks' })
  setRoomProducerPaused(@Arg('consultationId', () => ID) consultationId: string, @Arg('producerId', () => ID) producerId: string, @Arg('paused') paused: boolean, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.setProducerPaused(ctx.actor, consultationId, producerId, paused);
  }

  @Mutation(() => Boolean)
  closeRoomProducer(@Arg('consultationId', () => ID) consultationId: string, @Arg('producerId', () => ID) producerId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.closeProducer(ctx.actor, consultationId, producerId);
  }

  @Mutation(() => Boolean, { description: 'Choose a simulcast layer of a video you receive (0 = lowest)' })
  setRoomConsumerLayers(
    @Arg('consultationId', () => ID) consultationId: string,
    @Arg('consumerId', () => ID) consumerId: string,
    @Arg('spatialLayer', () => Int) spatialLayer: number,
    @Arg('temporalLayer', () => Int, { nullable: true }) temporalLayer: number | null,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.services.rooms.setConsumerLayers(ctx.actor, consultationId, consumerId, spatialLayer, temporalLayer);
  }

  @Mutation(() => LinkQuality, { description: 'Low-bandwidth mode (lowest layer, capped bitrate) and/or audio only, for a weak township link' })
  setRoomLinkMode(
    @Arg('consultationId', () => ID) consultationId: string,
    @Arg('lowBandwidth', () => Boolean, { nullable: true }) lowBandwidth: boolean | null,
    @Arg('audioOnly', () => Boolean, { nullable: true }) audioOnly: boolean | null,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.services.rooms.setLinkMode(ctx.actor, consultationId, { lowBandwidth, audioOnly });
  }

  @Mutation(() => Boolean)
  leaveConsultationRoom(@Arg('consultationId', () => ID) consultationId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.leave(ctx.actor, consultationId);
  }

  @Mutation(() => Boolean, {
    description: 'The page is alive: send every 2 s while in the room. Once a client has sent one, silence for MEDIA_PEER_HEARTBEAT_TIMEOUT_MS drops it (the others see PEER_LEFT). False: you are not in the room any more; join again',
  })
  roomHeartbeat(@Arg('consultationId', () => ID) consultationId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.heartbeat(ctx.actor, consultationId);
  }

  @Mutation(() => GraphQLJSONObject, { description: "New ICE parameters for one of your transports after the network path broke: pass them to the client transport's restartIce" })
  restartRoomTransportIce(@Arg('consultationId', () => ID) consultationId: string, @Arg('transportId', () => ID) transportId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.restartIce(ctx.actor, consultationId, transportId);
  }

  @Query(() => [RoomParticipant], { description: 'Who may be in the room (requesting doctor, specialist, invited colleagues), named, and who is in it now' })
  roomParticipants(@Arg('consultationId', () => ID) consultationId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.participants(ctx.actor, consultationId);
  }

  @Mutation(() => Boolean, { description: 'A participant invites a colleague into the room' })
  inviteToConsultationRoom(@Arg('consultationId', () => ID) consultationId: string, @Arg('personId', () => ID) personId: string, @Ctx() ctx: HubContext) {
    return ctx.services.roomInvitations.invite(ctx.actor, consultationId, personId);
  }

  @Query(() => [LinkQuality], { description: "Each participant's link: bitrate, loss, round-trip time and advice" })
  roomLinkQuality(@Arg('consultationId', () => ID) consultationId: string, @Ctx() ctx: HubContext) {
    return ctx.services.rooms.linkQuality(ctx.actor, consultationId);
  }

  @Subscription(() => RoomEvent, {
    subscribe: subscribe<'room', { consultationId: string; after?: string | null }>(['room'], {
      where: (args) => (e) => String(e.payload.consultationId) === args.consultationId,
    }),
    description: 'Room events of one consultation: PEER_JOINED, PEER_LEFT, NEW_PRODUCER, PRODUCER_CLOSED, RECONNECT_REQUIRED, CLOSED',
  })
  roomEvents(@Root() event: TopicEvent<'room'>, @Arg('consultationId', () => ID) _consultationId: string, @Arg('after', () => ID, { nullable: true }) _after?: string): RoomEvent {
    return roomEvent(event);
  }
}
