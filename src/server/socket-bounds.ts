import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { SocketConfig } from '../config';
import type { Logger } from '../graphql/logger';
import type { MessageKey } from '../i18n/catalogue';
import { closeReason } from '../i18n/close-reason';
import { Language, languageFromHeader } from '../i18n/language';
import { MessageParams, translate } from '../i18n/translate';

/** graphql-ws' own close code for "too many": its clients do not retry it. */
export const TOO_MANY_SOCKETS = 4429;

interface SocketState {
  ctx?: Context;
  personId?: number;
  lastMessage: number;
  alive: boolean;
  /** The language its close reasons and refusals are said in: the client's until the person is known, then theirs. */
  language: Language;
}

/**
 * Bounds on WebSocket use, so no one socket or user can take the hub's time from everyone
 * else (one socket with 1,000 replaying subscriptions raised a cheap query's p99 to 1.5 s):
 * - at most `maxSubscriptionsPerSocket` operations at once per socket (a clear error for more);
 * - at most `maxSocketsPerUser` signed-in sockets per person (the next one is closed with 4429);
 * - a ping every `pingIntervalMs`; a socket that did not answer the previous ping is dropped;
 * - a socket with no subscription and no message for `idleTimeoutMs` is closed (1000, a reason).
 * Reasons and refusals are catalogue sentences in the socket's language (close reasons cut to 123 bytes).
 */
export class SocketBounds {
  readonly #config: SocketConfig;
  readonly #log: Logger;
  readonly #sockets = new Map<WebSocket, SocketState>();
  readonly #byPerson = new Map<number, Set<WebSocket>>();
  readonly #timers: NodeJS.Timeout[];

  constructor(wss: WebSocketServer, config: SocketConfig, log: Logger, readonly defaultLanguage: Language = 'en') {
    this.#config = config;
    this.#log = log;
    wss.on('connection', (socket: WebSocket, request: { headers: Record<string, string | string[] | undefined> }) => {
      const language = languageFromHeader(request?.headers?.['accept-language']) ?? defaultLanguage;
      const state: SocketState = { lastMessage: Date.now(), alive: true, language };
      this.#sockets.set(socket, state);
      socket.on('pong', () => { state.alive = true; });
      socket.on('message', () => { state.lastMessage = Date.now(); });
      socket.once('close', () => this.#forget(socket));
    });
    this.#timers = [
      setInterval(() => this.#ping(), config.pingIntervalMs),
      setInterval(() => this.#closeIdle(), Math.max(50, Math.min(config.idleTimeoutMs / 4, 5_000))),
    ];
    for (const timer of this.#timers) timer.unref();
  }

  /** Called once the socket's person is known; false (and the socket closed) when they have too many. */
  admitSocket(ctx: Context, socket: WebSocket, personId: number, language?: Language): boolean {
    const state = this.#sockets.get(socket);
    if (state && language) state.language = language;
    const mine = this.#byPerson.get(personId) ?? new Set<WebSocket>();
    if (mine.size >= this.#config.maxSocketsPerUser) {
      this.#log.info({ personId, limit: this.#config.maxSocketsPerUser }, 'socket refused: too many for this person');
      socket.close(TOO_MANY_SOCKETS, this.#reason(socket, 'common.socketTooMany', { limit: this.#config.maxSocketsPerUser }));
      return false;
    }
    mine.add(socket);
    this.#byPerson.set(personId, mine);
    if (state) Object.assign(state, { ctx, personId });
    return true;
  }

  /** A close reason in the socket's language, cut to the 123 bytes a close frame allows. */
  #reason(socket: WebSocket, key: MessageKey, params?: MessageParams): string {
    return closeReason(translate(this.languageOf(socket), key, params));
  }

  languageOf(socket: WebSocket): Language {
    return this.#sockets.get(socket)?.language ?? this.defaultLanguage;
  }

  /** Closes every socket with a reason in its own language (the hub is draining). */
  closeAll(code: number, key: MessageKey): void {
    for (const socket of this.#sockets.keys()) socket.close(code, this.#reason(socket, key));
  }

  /** Errors for an operation beyond the socket's limit (the socket itself stays open). */
  admitOperation(ctx: Context, id: string): readonly GraphQLError[] | undefined {
    // graphql-ws has already reserved the new operation's id in ctx.subscriptions.
    const running = Object.keys(ctx.subscriptions).filter((other) => other !== id).length;
    if (running < this.#config.maxSubscriptionsPerSocket) return undefined;
    const language = (ctx.extra as { socket?: WebSocket } | undefined)?.socket ? this.languageOf((ctx.extra as { socket: WebSocket }).socket) : this.defaultLanguage;
    return [new GraphQLError(
      translate(language, 'common.socketSubscriptionLimit', { running }),
      { extensions: { code: 'LIMIT_EXCEEDED', limit: this.#config.maxSubscriptionsPerSocket } },
    )];
  }

  /** Subscriptions running on all sockets (for the metrics). */
  get subscriptions(): number {
    let n = 0;
    for (const state of this.#sockets.values()) n += state.ctx ? Object.keys(state.ctx.subscriptions).length : 0;
    return n;
  }

  get sockets(): number {
    return this.#sockets.size;
  }

  close(): void {
    for (const timer of this.#timers) clearInterval(timer);
  }

  #forget(socket: WebSocket): void {
    const state = this.#sockets.get(socket);
    this.#sockets.delete(socket);
    if (state?.personId === undefined) return;
    const mine = this.#byPerson.get(state.personId);
    mine?.delete(socket);
    if (mine && mine.size === 0) this.#byPerson.delete(state.personId);
  }

  #ping(): void {
    for (const [socket, state] of this.#sockets) {
      if (!state.alive) {
        this.#log.info({ personId: state.personId }, 'socket dropped: no answer to the last ping');
        socket.terminate();
        continue;
      }
      state.alive = false;
      socket.ping();
    }
  }

  #closeIdle(): void {
    const now = Date.now();
    for (const [socket, state] of this.#sockets) {
      const running = state.ctx ? Object.keys(state.ctx.subscriptions).length : 0;
      if (running === 0 && now - state.lastMessage >= this.#config.idleTimeoutMs) {
        socket.close(1000, this.#reason(socket, 'common.socketIdle', { seconds: Math.round(this.#config.idleTimeoutMs / 1000) }));
      }
    }
  }
}
