/**
 * A child of bench/fanout/run.ts: opens one WebSocket per token it is sent (a lean client,
 * bench/support/lean-websocket.ts), speaks the graphql-transport-ws protocol on it
 * (connection_init, subscribe to `hospitalChanged`), and
 * reports to the parent (IPC) when they are all acknowledged and, per change, the wall-clock time
 * (ms since the epoch, sub-millisecond) each subscriber received it.
 *
 * NOTE: the protocol by hand rather than graphql-ws' client over ws: the subscribers share the
 * machine's two cores with the hub, and the libraries' own work per message (stream machinery,
 * validation, sinks) was CPU taken from what is measured. Each answer is still received and
 * parsed as JSON, as any client must.
 */
import { performance } from 'node:perf_hooks';
import { LeanWebSocket } from '../support/lean-websocket';

const CHANGES = 'subscription { hospitalChanged { cursor action hospital { id name county updatedAt } } }';
const now = () => performance.timeOrigin + performance.now();

type Command = { kind: 'connect'; url: string; tokens: string[]; lanes: number } | { kind: 'report'; name: string } | { kind: 'stop' };

const sockets: LeanWebSocket[] = [];
/** Arrival times by hospital name (each change in the bench gives the hospital a fresh name). */
const arrivals = new Map<string, number[]>();
let errors = 0;

/** One subscriber: acknowledged, then subscribed. */
async function open(url: string, token: string): Promise<void> {
  let acknowledged: () => void;
  let refused: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => { acknowledged = resolve; refused = reject; });
  let live = false;
  let socket: LeanWebSocket | null = null;
  const onText = (text: string) => {
    const at = now();
    const message = JSON.parse(text);
    if (message.type === 'next') {
      const name = message.payload?.data?.hospitalChanged?.hospital?.name;
      if (!name) { errors++; return; }
      (arrivals.get(name) ?? arrivals.set(name, []).get(name)!).push(at);
    } else if (message.type === 'connection_ack') {
      live = true;
      socket!.sendText(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: CHANGES } }));
      acknowledged();
    } else if (message.type === 'ping') {
      socket!.sendText('{"type":"pong"}');
    } else if (message.type === 'error' || message.type === 'complete') {
      errors++;
    }
  };
  const onClose = (code: number, reason: string) => {
    if (!live) refused(new Error(`closed ${code} ${reason}`));
    else errors++;
  };
  socket = await LeanWebSocket.open(new URL(url), 'graphql-transport-ws', onText, onClose);
  sockets.push(socket);
  socket.sendText(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await ready;
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
    for (const socket of sockets) socket.close();
    setTimeout(() => process.exit(0), 200);
  }
});
