/**
 * A child of bench/fanout/run.ts: opens one WebSocket per token it is sent, speaks the
 * graphql-transport-ws protocol on it (connection_init, subscribe to `hospitalChanged`), and
 * reports to the parent (IPC) when they are all acknowledged and, per change, the wall-clock time
 * (ms since the epoch, sub-millisecond) each subscriber received it.
 *
 * NOTE: the protocol by hand over `ws` rather than graphql-ws' client: the subscribers share the
 * machine's two cores with the hub, and the client library's own work per message (validation,
 * sinks, the operation's bookkeeping) was CPU taken from what is measured. Each answer is still
 * received and parsed as JSON, as any client must.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const CHANGES = 'subscription { hospitalChanged { cursor action hospital { id name county updatedAt } } }';
const now = () => performance.timeOrigin + performance.now();

type Command = { kind: 'connect'; url: string; tokens: string[]; lanes: number } | { kind: 'report'; name: string } | { kind: 'stop' };

const sockets: WebSocket[] = [];
/** Arrival times by hospital name (each change in the bench gives the hospital a fresh name). */
const arrivals = new Map<string, number[]>();
let errors = 0;

/** One subscriber: acknowledged, then subscribed. */
function open(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(socket);
    let acknowledged = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data: Buffer) => {
      const at = now();
      const message = JSON.parse(data.toString('utf8'));
      if (message.type === 'next') {
        const name = message.payload?.data?.hospitalChanged?.hospital?.name;
        if (!name) { errors++; return; }
        (arrivals.get(name) ?? arrivals.set(name, []).get(name)!).push(at);
      } else if (message.type === 'connection_ack') {
        acknowledged = true;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: CHANGES } }));
        resolve();
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error' || message.type === 'complete') {
        errors++;
      }
    });
    socket.on('close', (code, reason) => {
      if (!acknowledged) reject(new Error(`closed ${code} ${reason}`));
      else errors++;
    });
    socket.on('error', (error) => { if (!acknowledged) reject(error); });
  });
}

/** `lanes` connections in flight at a time: a storm of 10,000 at once measures the accept queue, not the fan-out. */
async function connect(url: string, tokens: string[], lanes: number) {
  const started = now();
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < tokens.length) await open(url, tokens[next++]);
  }));
  process.send!({ kind: 'connected', count: tokens.length, ms: now() - started });
}

process.on('message', (command: Command) => {
  if (command.kind === 'connect') {
    connect(command.url, command.tokens, command.lanes).catch((error) => process.send!({ kind: 'failed', error: String(error) }));
  } else if (command.kind === 'report') {
    process.send!({ kind: 'arrivals', name: command.name, times: arrivals.get(command.name) ?? [], errors });
    arrivals.delete(command.name);
  } else {
    for (const socket of sockets) socket.close(1000);
    setTimeout(() => process.exit(0), 200);
  }
});
