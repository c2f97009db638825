import type { ComponentType } from 'react';
import { Provider } from 'urql';
import { useHubConnection } from '../../data/HubConnectionContext';

/**
 * NOTE: the shell hands out its urql client through useHubConnection() rather than urql's
 * Provider; the scheduler's screens use urql's hooks, so each gets the session's client here.
 */
export function withUrql<P extends object>(Screen: ComponentType<P>): ComponentType<P> {
  return function WithUrql(props: P) {
    const { urql } = useHubConnection();
    return <Provider value={urql}><Screen {...props} /></Provider>;
  };
}

export const screen = (load: () => Promise<{ default: ComponentType }>) => () => load().then((m) => ({ default: withUrql(m.default) }));
