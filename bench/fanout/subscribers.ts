/**
 * A child of bench/fanout/run.ts: opens one graphql-ws client per token it is sent, subscribes
 * each to `hospitalChanged`, and reports to the parent (IPC) when they are all live and, per
 * change, the wall-clock time (ms since the epoch, sub-millisecond) each subscriber received it.
 * Run in its own process so that parsing 10,000 messages does not share the hub's CPU time.
 */
import { performance } from 'node:perf_hooks';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const CHANGES = 'subscription { hospitalChanged { cursor action hospital { id name county updatedAt } } }';
const now = () => performance.timeOrigin + performance.now();

type Command = { kind: 'connect'; url: string; tokens: string[]; lanes: number } | { kind: 'report'; name: string } | { kind: 'stop' };

const clients: Client[] = [];
/** Arrival times by hospital name (each change in the bench gives the hospital a fresh name). */
const arrivals = new Map<string, number[]>();
let errors = 0;

/** One client: connected (acknowledged) and subscribed. */
async function open(url: string, token: string) {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, keepAlive: 0, onNonLazyError: () => {} });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => { off(); resolve(); });
    client.on('closed', (e: any) => reject(new Error(`closed ${e?.code} ${e?.reason}`)));
  });
  client.subscribe({ query: CHANGES }, {
    next: (v: any) => {
      const at = now();
      const name = v.data?.hospitalChanged?.hospital?.name;
      if (!name) { errors++; return; }
      (arrivals.get(name) ?? arrivals.set(name, []).get(name)!).push(at);
    },
    error: () => { errors++; },
    complete: () => {},
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
    Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
  }
});
