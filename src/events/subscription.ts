import { Field, ID, ObjectType } from 'type-graphql';
import { allowsEvent } from '../auth/policy';
import { unauthenticated } from '../errors';
import type { HubContext } from '../server/context';
import { EventRecord } from './entities';

/** Fields every change pushed to a subscriber carries. */
@ObjectType()
export abstract class Change {
  @Field(() => ID, { description: 'Event cursor: pass as `after` when resubscribing to miss nothing' }) cursor: string;
  @Field() action: string;
  @Field() occurredAt: Date;
}

/**
 * The `subscribe` of a resumable subscription: replay after the cursor, then live, each event
 * filtered by the same policy as the query that would read it.
 */
export function subscribeTopics<A extends { after?: string | null }>(topics: string[], matches?: (payload: Record<string, any>, args: A) => boolean) {
  return ({ args, context }: { args: A; context: HubContext }) => {
    const actor = context.actor;
    if (!actor) throw unauthenticated();
    return context.bus.subscribe({
      topics,
      after: args.after,
      accept: (e: EventRecord) => (!matches || matches(e.payload, args)) && allowsEvent(actor, e.topic, e.payload),
    });
  };
}

export const changeFields = (e: EventRecord) => ({ cursor: e.id, action: String(e.payload.action), occurredAt: new Date(e.occurredAt) });
