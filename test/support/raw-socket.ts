import WebSocket from 'ws';

/**
 * A graphql-ws socket driven by hand, so a test sees exactly what the server sent and how it
 * closed the socket (code and reason), with no client library retrying or hiding anything.
 */
export interface RawSocket {
  /** Every `next` payload per subscription id, in arrival order. */
  nexts: Map<string, any[]>;
  errors: Map<string, any[]>;
  closed: Promise<{ code: number; reason: string }>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  /** Stops subscription `id` (the client's `complete`). */
  complete(id: string): void;
  /** Resolves when subscription `id` has received `count` payloads. */
  waitFor(id: string, count: number, timeoutMs?: number): Promise<any[]>;
  close(): void;
}

export function openRawSocket(url: string, token: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const nexts = new Map<string, any[]>();
    const errors = new Map<string, any[]>();
    const waiters = new Set<() => void>();
    const closed = new Promise<{ code: number; reason: string }>((done) => {
      socket.on('close', (code, reason) => {
        done({ code, reason: String(reason) });
        waiters.forEach((w) => w());
        reject(new Error(`closed before acknowledged: ${code} ${reason}`));
      });
    });
    const raw: RawSocket = {
      nexts, errors, closed,
      subscribe(id, query, variables = {}) {
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      },
      complete(id) {
        socket.send(JSON.stringify({ id, type: 'complete' }));
      },
      async waitFor(id, count, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        while ((nexts.get(id)?.length ?? 0) < count) {
          if (errors.get(id)?.length) throw new Error(`subscription ${id} failed: ${JSON.stringify(errors.get(id))}`);
          if (Date.now() > deadline || socket.readyState === WebSocket.CLOSED) {
            throw new Error(`expected ${count} payloads on ${id}, got ${JSON.stringify(nexts.get(id) ?? [])}`);
          }
          await new Promise<void>((r) => {
            waiters.add(r);
            setTimeout(() => { waiters.delete(r); r(); }, 50);
          });
        }
        return nexts.get(id)!;
      },
      close: () => socket.close(1000),
    };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.type === 'connection_ack') resolve(raw);
      else if (m.type === 'next') nexts.set(m.id, [...(nexts.get(m.id) ?? []), m.payload]);
      else if (m.type === 'error') errors.set(m.id, [...(errors.get(m.id) ?? []), m.payload]);
      else if (m.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      waiters.forEach((w) => w());
    });
    socket.on('error', reject);
  });
}
