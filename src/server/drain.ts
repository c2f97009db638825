import { Server, ServerResponse } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';
import type { Logger } from '../graphql/logger';

/** A kept-alive connection that has had no request in flight for this long is idle and may be closed. */
const IDLE_GRACE_MS = 150;
/**
 * A connection accepted but without its first request yet: its client has connected in order
 * to send one, which may simply not have arrived (a loaded client, a slow link). It gets this
 * long (within the deadline) before it counts as idle.
 */
const FIRST_REQUEST_GRACE_MS = 2_000;
/**
 * The listener closes once no connection has arrived for this long (at most BACKLOG_MAX_MS):
 * connections the kernel has already completed but a busy Node has not accepted yet would be
 * reset by closing it at once. Readiness says 503 meanwhile, so balancers send no new ones.
 */
const BACKLOG_QUIET_MS = 50;
const BACKLOG_MAX_MS = 1_000;

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

  /** Stops accepting, answers what was received, closes idle connections; resolves when none is left. */
  async drain(deadlineMs: number): Promise<{ answered: number; cut: number }> {
    const started = Date.now();
    this.#draining = true;
    const inFlightAtStart = this.inFlight;
    const connectionsAtStart = this.#connections.size;
    let closedIdle = 0;
    // Answers still to be written say Connection: close, so no client sends another request here.
    for (const c of this.#connections.values()) for (const res of c.responses) if (!res.headersSent) res.shouldKeepAlive = false;
    while (Date.now() - started < BACKLOG_MAX_MS && Date.now() - Math.max(this.#lastAccepted, started) < BACKLOG_QUIET_MS) await sleep(10);
    if (this.#server.listening) NetServer.prototype.close.call(this.#server);
    let cut = 0;
    for (;;) {
      const now = Date.now();
      for (const [socket, c] of this.#connections) {
        if (c.inFlight === 0 && now - c.lastActive >= (c.requests ? IDLE_GRACE_MS : FIRST_REQUEST_GRACE_MS)) {
          closedIdle++;
          socket.destroy();
        }
      }
      if (this.#connections.size === 0) break;
      if (now - started >= deadlineMs) {
        cut = this.inFlight;
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
