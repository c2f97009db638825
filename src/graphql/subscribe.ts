import { Field, ID, ObjectType } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { allowsEvent, eventAudience } from '../auth/policy';
import { badInput, unauthenticated } from '../errors';
import type { EventBus } from '../events/event-bus';
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
    const accept = (e: TopicEvent<T>) => allowsEvent(actor, e) && matches(e);
    const audience = options.endsWith ? null : eventAudience(actor, topics);
    if (audience !== null) return new SharedEvents(context.bus, topics, args.after ?? null, actor, audience, accept);
    const events = context.bus.subscribe({ topics, after: args.after, accept });
    return options.endsWith ? until(events, options.endsWith) : events;
  };
}

/**
 * The events of a subscription whose audience (auth/policy.ts eventAudience) is shared: the
 * server's fan-out (server/fanout.ts) recognises it and serves every subscriber of one audience,
 * operation and arguments from one decision, one execution and one serialization per event.
 * Iterated directly (anywhere else), it is the plain bus subscription it describes.
 */
export class SharedEvents<T extends Topic = Topic> implements AsyncIterableIterator<TopicEvent<T>> {
  #inner: AsyncIterableIterator<TopicEvent<T>> | null = null;

  constructor(
    private readonly bus: EventBus,
    readonly topics: T[],
    /** The cursor to resume after (checked here, as the bus would), or null for live events only. */
    readonly after: string | null,
    readonly actor: Actor,
    /** Actors with equal audiences get the same verdict and the same answer. */
    readonly audience: string,
    /** The policy's verdict and the subscription's own arguments, for one event. */
    readonly accepts: (event: TopicEvent<T>) => boolean,
  ) {
    if (after !== null && !/^\d{1,19}$/.test(after)) throw badInput('after', 'common.badCursor', { after });
  }

  #events(): AsyncIterableIterator<TopicEvent<T>> {
    return (this.#inner ??= this.bus.subscribe({ topics: this.topics, after: this.after, accept: this.accepts }));
  }

  next(): Promise<IteratorResult<TopicEvent<T>>> {
    return this.#events().next();
  }

  async return(): Promise<IteratorResult<TopicEvent<T>>> {
    await this.#inner?.return?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TopicEvent<T>> {
    return this;
  }
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
