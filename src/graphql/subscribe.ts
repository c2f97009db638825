import { Field, ID, ObjectType } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { allowsEvent } from '../auth/policy';
import { unauthenticated } from '../errors';
import type { Topic, TopicEvent } from '../events/topics';
import type { HubContext } from './context';

/** Fields every change pushed to a subscriber carries. */
@ObjectType()
export abstract class Change {
  @Field(() => ID, { description: 'Event cursor: pass as `after` when resubscribing to miss nothing' }) cursor: string;
  @Field() action: string;
  @Field() occurredAt: Date;
}

export const changeFields = (e: TopicEvent) => ({ cursor: e.id, action: e.payload.action, occurredAt: new Date(e.occurredAt) });

export interface SubscribeOptions<T extends Topic, A> {
  /**
   * Runs once, when the client subscribes: checks the arguments (BAD_USER_INPUT, FORBIDDEN up
   * front rather than a silent stream) and returns what narrows the events to those the
   * arguments ask for (one job, one session, one queue). The policy has had its say first.
   */
  where?: (args: A, actor: Actor) => ((event: TopicEvent<T>) => boolean) | void;
  /** Completes the subscription after the event that ends the story (a finished job). */
  endsWith?: (event: TopicEvent<T>) => boolean;
}

/**
 * The `subscribe` of every resumable subscription: signed in, replay after the `after` cursor,
 * then live; each event passes the policy (the same permission as the query that would read
 * the thing) and then the subscription's own arguments.
 */
export function subscribe<T extends Topic, A extends { after?: string | null } = { after?: string | null }>(topics: T[], options: SubscribeOptions<T, A> = {}) {
  return ({ args, context }: { args: A; context: HubContext }): AsyncIterableIterator<TopicEvent<T>> => {
    const actor = context.actor;
    if (!actor) throw unauthenticated();
    const matches = options.where?.(args, actor) ?? (() => true);
    const events = context.bus.subscribe({ topics, after: args.after, accept: (e) => allowsEvent(actor, e) && matches(e) });
    return options.endsWith ? until(events, options.endsWith) : events;
  };
}

/** Passes events on and completes after the one that ends the story. */
async function* until<E>(events: AsyncIterableIterator<E>, last: (event: E) => boolean): AsyncGenerator<E> {
  try {
    for await (const event of events) {
      yield event;
      if (last(event)) return;
    }
  } finally {
    await events.return?.();
  }
}
