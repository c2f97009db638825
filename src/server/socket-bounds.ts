import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { SocketConfig } from '../config';
import type { Logger } from '../graphql/logger';

/** graphql-ws' own close code for "too many": its clients do not retry it. */
export const TOO_MANY_SOCKETS = 4429;

interface SocketState {
  ctx?: Context;
  personId?: number;
  lastMessage: number;
  alive: boolean;
}

/**
 * Bounds on WebSocket use, so no one socket or user can take the hub's time from everyone
 * else (one socket with 1,000 replaying subscriptions raised a cheap query's p99 to 1.5 s):
 * - at most `maxSubscriptionsPerSocket` operations at once per socket (a clear error for more);
 * - at most `maxSocketsPerUser` signed-in sockets per person (the next one is closed with 4429);
 * - a ping every `pingIntervalMs`; a socket that did not answer the previous ping is dropped;
 * - a socket with no subscription and no message for `idleTimeoutMs` is closed (1000, a reason).
 */
export class SocketBounds {
  readonly #config: SocketConfig;
  readonly #log: Logger;
  readonly #sockets = new Map<WebSocket, SocketState>();
  readonly #byPerson = new Map<number, Set<WebSocket>>();
  readonly #timers: NodeJS.Timeout[];

  constructor(wss: WebSocketServer, config: SocketConfig, log: Logger) {
    this.#config = config;
    this.#log = log;
    wss.on('connection', (socket: WebSocket) => {
      const state: SocketState = { lastMessage: Date.now(), alive: true };
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
  admitSocket(ctx: Context, socket: WebSocket, personId: number): boolean {
    const mine = this.#byPerson.get(personId) ?? new Set<WebSocket>();
    if (mine.size >= this.#config.maxSocketsPerUser) {
      this.#log.info({ personId, limit: this.#config.maxSocketsPerUser }, 'socket refused: too many for this person');
      socket.close(TOO_MANY_SOCKETS, `Too many open connections for this user (limit ${this.#config.maxSocketsPerUser}): close another tab or device`);
      return false;
    }
    mine.add(socket);
    this.#byPerson.set(personId, mine);
    const state = this.#sockets.get(socket);
    if (state) Object.assign(state, { ctx, personId });
    return true;
  }

  /** Errors for an operation beyond the socket's limit (the socket itself stays open). */
  admitOperation(ctx: Context, id: string): readonly GraphQLError[] | undefined {
    // graphql-ws has already reserved the new operation's id in ctx.subscriptions.
    const running = Object.keys(ctx.subscriptions).filter((other) => other !== id).length;
    if (running < this.#config.maxSubscriptionsPerSocket) return undefined;
    return [new GraphQLError(
      `This connection already runs ${running} subscriptions, the limit: complete one you no longer need, or open another connection`,
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
        socket.close(1000, `Closed after ${Math.round(this.#config.idleTimeoutMs / 1000)} s without a subscription: reconnect when needed`);
      }
    }
  }
}
