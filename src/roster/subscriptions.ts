import { allowsEvent } from '../auth/policy';
import { unauthenticated } from '../errors';
import type { EventRecord } from '../events/entities';
import type { HubContext } from '../server/context';

/**
 * Like events/subscription.ts `subscribeTopics`, narrowed by the subscription's own arguments
 * (one job, one session, one host): replay after the cursor, then live, each event filtered by
 * the policy first and by the arguments second.
 */
export function subscribeWhere<A extends { after?: string | null }>(
  topics: string[],
  matches: (args: A, payload: Record<string, any>) => boolean,
  options: { validate?: (args: A) => void; endsWith?: (payload: Record<string, any>) => boolean } = {},
) {
  return ({ args, context }: { args: A; context: HubContext }) => {
    const actor = context.actor;
    if (!actor) throw unauthenticated();
    options.validate?.(args);
    const events = context.bus.subscribe({
      topics,
      after: args.after,
      accept: (e: EventRecord) => allowsEvent(actor, e.topic, e.payload) && matches(args, e.payload),
    });
    return options.endsWith ? until(events, options.endsWith) : events;
  };
}

/** Passes events on and completes the subscription after the one that ends the story (a finished job). */
async function* until(events: AsyncIterableIterator<EventRecord>, last: (payload: Record<string, any>) => boolean): AsyncGenerator<EventRecord> {
  try {
    for await (const event of events) {
      yield event;
      if (last(event.payload)) return;
    }
  } finally {
    await events.return?.();
  }
}
