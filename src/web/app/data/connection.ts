import { Client as WsClient, createClient as createWsClient } from 'graphql-ws';
import { cacheExchange, Client, CombinedError, fetchExchange, makeOperation, mapExchange, Operation, subscriptionExchange } from 'urql';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The hub's API for one signed-in session: urql over HTTP, graphql-ws for subscriptions. */
export interface HubConnection {
  urql: Client;
  ws: WsClient;
  state(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  dispose(): void;
  /**
   * Reads every query on screen again from the hub (what is shown stays until the answer comes):
   * the hub's own sentences (rule refusals, unmet-demand reasons…) come in the person's language,
   * which just changed.
   */
  rereadQueries(): void;
}

export interface ConnectionOptions {
  token: string | null;
  /** The UI language, sent as Accept-Language (HTTP) and connectionParams.language (WebSocket). */
  language(): string;
  /** The server refused the token (expired, revoked, forged): the shell signs out. */
  onUnauthenticated(message: string): void;
}

const graphqlUrl = () => '/graphql';
const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

const isUnauthenticated = (error: CombinedError) =>
  error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || error.response?.status === 401;

/** Builds the clients; with no token (the sign-in screen) there is no WebSocket. */
export function createHubConnection({ token, language, onUnauthenticated }: ConnectionOptions): HubConnection {
  let state: ConnectionState = 'connecting';
  const listeners = new Set<(state: ConnectionState) => void>();
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };
  let everConnected = false;

  const ws = createWsClient({
    url: wsUrl(),
    // Opened at once and kept open, so the header's indicator tells the truth before any screen subscribes.
    lazy: !token,
    connectionParams: () => ({ authorization: `Bearer ${token}`, language: language() }),
    retryAttempts: Number.MAX_SAFE_INTEGER,
    // 4401: the hub refused the token; retrying cannot help, the person must sign in again.
    shouldRetry: (event) => (event as CloseEvent | undefined)?.code !== 4401,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 10_000) * (0.75 + Math.random() / 2)));
    },
    keepAlive: 15_000,
    on: {
      connecting: () => setState(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        setState('connected');
      },
      closed: (event) => {
        const close = event as CloseEvent | undefined;
        if (close?.code === 4401) {
          setState('offline');
          onUnauthenticated(close.reason);
        } else setState(everConnected ? 'reconnecting' : 'connecting');
      },
    },
  });

  // The queries asked so far, by key; re-executing one no screen watches any more does nothing.
  const queries = new Map<number, Operation>();
  const urql = new Client({
    url: graphqlUrl(),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: { 'accept-language': language(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
    exchanges: [
      mapExchange({
        onOperation(operation) {
          if (operation.kind === 'query') queries.set(operation.key, operation);
        },
        onError(error) {
          if (token && isUnauthenticated(error)) onUnauthenticated(error.graphQLErrors[0]?.message ?? '');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
        },
      }),
    ],
  });

  return {
    urql,
    ws,
    state: () => state,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rereadQueries() {
      for (const operation of queries.values()) {
        urql.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));
      }
    },
    dispose() {
      listeners.clear();
      // graphql-ws's dispose waits for the last connection attempt, and rejects when the hub refused
      // it (a revoked or expired token): nothing is left to close then, so that is not an error.
      ws.dispose()?.catch?.(() => {});
    },
  };
}
