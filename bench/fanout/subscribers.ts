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

type Command = { kind: 'connect'; url: string; tokens: string[]; spreadMs: number } | { kind: 'report'; name: string } | { kind: 'stop' };

const clients: Client[] = [];
/** Arrival times by hospital name (each change in the bench gives the hospital a fresh name). */
const arrivals = new Map<string, number[]>();
let errors = 0;

async function connect(url: string, tokens: string[], spreadMs: number) {
  const started = now();
  await Promise.all(tokens.map(async (token, i) => {
    await new Promise((r) => setTimeout(r, Math.floor((i * spreadMs) / tokens.length)));
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, keepAlive: 0 });
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
  }));
  process.send!({ kind: 'connected', count: tokens.length, ms: now() - started });
}

process.on('message', (command: Command) => {
  if (command.kind === 'connect') {
    connect(command.url, command.tokens, command.spreadMs).catch((error) => process.send!({ kind: 'failed', error: String(error) }));
  } else if (command.kind === 'report') {
    process.send!({ kind: 'arrivals', name: command.name, times: arrivals.get(command.name) ?? [], errors });
    arrivals.delete(command.name);
  } else {
    Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
  }
});
