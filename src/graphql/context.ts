import type { Actor } from '../auth/actor';
import type { EventBus } from '../events/event-bus';
import type { Language } from '../i18n/language';

/*
 * NOTE: this layer sits below the domains and names none of them. The composition root
 * (server/context.ts) fills `HubServices` and `HubLoaders` in by declaration merging, so a
 * resolver still sees every concrete service and loader, typed, while the arrows keep
 * pointing down (graphql/ -> auth/, events/ only).
 */

/** The hub's services (server/context.ts createServices). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HubServices {}

/** The per-request DataLoaders of every domain (server/context.ts createContext). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HubLoaders {}

/** What every resolver and subscription gets: who is asking, the services, the loaders, the event bus. */
export interface HubContext {
  actor: Actor | null;
  services: HubServices;
  loaders: HubLoaders;
  bus: EventBus;
  /** The language of this request's sentences: the actor's saved one, else the client's (Accept-Language, connectionParams.language). */
  language: Language;
}
