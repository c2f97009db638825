import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConnectionState, HubConnection } from './connection';

export const HubConnectionContext = createContext<HubConnection | null>(null);

/** The signed-in session's connection (urql and graphql-ws clients). */
export function useHubConnection(): HubConnection {
  const connection = useContext(HubConnectionContext);
  if (!connection) throw new Error('useHubConnection outside a signed-in session');
  return connection;
}

/** The live-connection state, re-rendering on change (the header's indicator). */
export function useConnectionState(): ConnectionState {
  const connection = useHubConnection();
  return useSyncExternalStore((onChange) => connection.onStateChange(onChange), () => connection.state());
}
