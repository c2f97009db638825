import { Ctx, ID, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../errors';
import type { HubContext } from './context';

/**
 * Where the event log stands now. A client that subscribes "from now" has no cursor until the
 * first event arrives, so after a reconnect it could only start from the new now and lose what
 * happened while it was away; subscribing with `after` set to this instead, it resumes from
 * the start (and from every cursor it receives later) without losing anything.
 */
@Resolver()
export class EventCursorResolver {
  @Query(() => ID, { description: 'The event cursor now: pass it as `after` to a subscription to receive every change from this moment on, across reconnects' })
  eventCursor(@Ctx() ctx: HubContext): string {
    if (!ctx.actor) throw unauthenticated();
    return ctx.bus.cursor;
  }
}
