/**
 * The typed map from event topic to payload. `appendEvent`, the event bus, the policy's
 * `allowsEvent` and each area's payload -> view mappers all go through it, so a payload is read
 * back with the type it was written with, and a topic nobody declared cannot be appended.
 *
 * NOTE: each area declares its own topics here by declaration merging, in its `events.ts`
 * (consortium/, consult/, referral/, roster/, booking/, room/): payloads carry the area's enums,
 * and events/ sits below the areas and imports none of them. `grep -rn "interface TopicPayloads"
 * src` lists every topic.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TopicPayloads {}

export type Topic = keyof TopicPayloads & string;

/** What every payload carries: the change, shown to subscribers as `Change.action`. */
export interface EventPayload {
  action: string;
}

/** An event of the log as subscribers and mappers see it; `topic` narrows `payload`. */
export type TopicEvent<T extends Topic = Topic> = { [K in T]: { id: string; topic: K; payload: TopicPayloads[K]; occurredAt: Date } }[T];
