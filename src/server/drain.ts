import type { NextFunction, Request, Response } from 'express';
import { Server, ServerResponse } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';
import type { Logger } from '../graphql/logger';
import { Language, languageFromHeader } from '../i18n/language';
import { translate } from '../i18n/translate';

/** What a request refused during a drain tells its client to wait before sending it again (to another hub). */
export const DRAIN_RETRY_AFTER_SECONDS = 2;

/** A kept-alive connection that has had no request in flight for this long is idle and may be closed. */
const IDLE_GRACE_MS = 150;
/**
 * A connection accepted but without its first request yet: its client has connected in order
 * to send one, which may simply not have arrived (a loaded client, a slow link). It gets this
 * long (within the deadline) before it counts as idle.
 */
const FIRST_REQUEST_GRACE_MS = 2_000;
/**
 * The listener closes once every request received is answered and no connection has arrived
 * for this long (or once half the deadline has passed): connections the kernel has completed but
 * Node has not accepted yet are reset when it closes, their requests already sent. Readiness
 * says 503 meanwhile, so balancers send no new ones.
 */
const BACKLOG_QUIET_MS = 100;

interface Connection {
  requests: number;
  inFlight: number;
  lastActive: number;
  responses: Set<ServerResponse>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The HTTP side of a clean shutdown. From the first moment of a drain the hub is "draining"
 * (readyz says 503, every answer carries Connection: close); then it stops accepting, answers
 * every request it has received, closes connections once they are idle, and cuts what is left
 * only at the deadline.
 *
 * NOTE: http.Server#close() would not do: since Node 19 it also closes every connection that
 * has no request *parsed* yet at that instant, which resets requests a client has just sent
 * (SIGTERM 40 ms into 50 mutations: about 30 resets, and writes committed whose client got a
 * socket error). So the listener is closed as a plain net.Server, and idle connections are
 * closed only once they have stayed idle for a moment.
 */
export class HttpDrain {
  readonly #server: Server;
  readonly #log: Logger;
  readonly #connections = new Map<Socket, Connection>();
  #draining = false;
  #lastAccepted = 0;
  #startedAt = 0;
  #deadlineMs = 0;

  constructor(server: Server, log: Logger) {
    this.#server = server;
    this.#log = log;
    server.on('connection', (socket: Socket) => {
      this.#lastAccepted = Date.now();
      this.#connections.set(socket, { requests: 0, inFlight: 0, lastActive: Date.now(), responses: new Set() });
      socket.once('close', () => this.#connections.delete(socket));
    });
    // First listener, so the request counts before any handler can answer it.
    server.prependListener('request', (req, res) => {
      const c = this.#connections.get(req.socket);
      if (!c) return;
      c.requests++;
      c.inFlight++;
      c.lastActive = Date.now();
      c.responses.add(res);
      if (this.#draining) res.shouldKeepAlive = false;
      res.once('close', () => {
        c.inFlight--;
        c.lastActive = Date.now();
        c.responses.delete(res);
      });
    });
    // An upgraded connection (graphql-ws) is no longer HTTP: the WebSocket side closes it.
    server.on('upgrade', (req) => this.#connections.delete(req.socket));
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Requests being answered right now (for the log and the metrics). */
  get inFlight(): number {
    let n = 0;
    for (const c of this.#connections.values()) n += c.inFlight;
    return n;
  }

  /**
   * During a drain, a request received once half the deadline has passed is refused with 503,
   * Retry-After and a sentence before anything runs: it might not finish before the deadline cuts
   * it, and a write committed after its connection was cut would leave its client unanswered.
   * The first handler of the app.
   */
  admission(defaultLanguage: Language) {
    return (req: Request, res: Response, next: NextFunction) => {
      if (!this.#draining || Date.now() - this.#startedAt < this.#deadlineMs / 2) return next();
      const language = languageFromHeader(req.headers['accept-language']) ?? defaultLanguage;
      res.shouldKeepAlive = false;
      res.status(503).set('retry-after', String(DRAIN_RETRY_AFTER_SECONDS))
        .json({ errors: [{ message: translate(language, 'common.shuttingDown', { seconds: DRAIN_RETRY_AFTER_SECONDS }), extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    };
  }

  /** Stops accepting, answers what was received, closes idle connections; resolves when none is left. */
  async drain(deadlineMs: number): Promise<{ answered: number; cut: number }> {
    const started = Date.now();
    this.#startedAt = started;
    this.#deadlineMs = deadlineMs;
    this.#draining = true;
    const inFlightAtStart = this.inFlight;
    const connectionsAtStart = this.#connections.size;
    let closedIdle = 0;
    // Answers still to be written say Connection: close, so no client sends another request here.
    for (const c of this.#connections.values()) for (const res of c.responses) if (!res.headersSent) res.shouldKeepAlive = false;
    // NOTE: every check runs just after an I/O poll (setImmediate), never straight from a timer:
    // a timer firing after a busy stretch of the event loop (a first mutation, a GC pause) runs
    // before the poll that accepts what the kernel queued meanwhile, so "nothing arrived" looked
    // true and closing the listener reset those connections, their requests already sent. And
    // the listener stays open while requests are being answered: on a loaded machine the kernel
    // may complete a client's handshake late (its request already on the way), and every
    // connection still half-open when the listener closes is reset.
    const afterPoll = () => new Promise<void>((resolve) => setImmediate(resolve));
    let cut = 0;
    for (;;) {
      await afterPoll();
      const now = Date.now();
      // At half the deadline it closes regardless: clients that keep coming (readyz says 503
      // by then) would otherwise hold the drain open until the deadline cuts everything.
      const quiet = now - Math.max(this.#lastAccepted, started) >= BACKLOG_QUIET_MS;
      if (this.#server.listening && ((quiet && this.inFlight === 0) || now - started >= deadlineMs / 2)) {
        NetServer.prototype.close.call(this.#server);
      }
      for (const [socket, c] of this.#connections) {
        if (c.inFlight === 0 && now - c.lastActive >= (c.requests ? IDLE_GRACE_MS : FIRST_REQUEST_GRACE_MS)) {
          closedIdle++;
          socket.destroy();
        }
      }
      if (this.#connections.size === 0 && !this.#server.listening) break;
      if (now - started >= deadlineMs) {
        cut = this.inFlight;
        if (this.#server.listening) NetServer.prototype.close.call(this.#server);
        for (const socket of this.#connections.keys()) socket.destroy();
        break;
      }
      await sleep(10);
    }
    if (cut) this.#log.warn({ cut, deadlineMs }, 'drain deadline reached: requests still running were cut');
    this.#log.info({ connectionsAtStart, inFlightAtStart, closedIdle, cut, ms: Date.now() - started }, 'HTTP drained');
    return { answered: inFlightAtStart - cut, cut };
  }
}
