import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { useEffect, useRef } from 'react';
import type { Client } from 'urql';
import { graphql } from '../gql';
import { useHubConnection } from './HubConnectionContext';
import { describeError, type DescribedError } from './errors';

const EventCursorDocument = graphql(`
  query EventCursor {
    eventCursor
  }
`);

type CursorAnswer = { cursor: string | null; unauthenticated: boolean };
const cursorsInFlight = new WeakMap<Client, Promise<CursorAnswer>>();

/**
 * The hub's cursor of this moment; the screens' subscriptions that start together (a screen
 * mounting, the header's feeds) share one request for it.
 */
function cursorNow(urql: Client): Promise<CursorAnswer> {
  let answer = cursorsInFlight.get(urql);
  if (!answer) {
    answer = urql.query(EventCursorDocument, {}, { requestPolicy: 'network-only' }).toPromise().then((result) => ({
      cursor: result.data?.eventCursor ?? null,
      unauthenticated: describeError(result.error).code === 'UNAUTHENTICATED',
    }));
    cursorsInFlight.set(urql, answer);
    void answer.finally(() => cursorsInFlight.delete(urql));
  }
  return answer;
}

export interface ResumableOptions<TData, TVariables> {
  /** The subscription's variables other than `after`. */
  variables: Omit<TVariables, 'after'>;
  /** Where to start: the cursor the screen's query returned (null: from now, the hub's cursor of this moment). */
  after?: string | null;
  /** The event cursor in one event (the `cursor` field of the change). */
  cursorOf(data: TData): string | null | undefined;
  onData(data: TData): void;
  onError?(error: DescribedError): void;
  /** true: not subscribed (e.g. until the initial query has its cursor). */
  pause?: boolean;
}

/**
 * Subscribes to a resumable hub subscription (one with an `after: ID` argument) and keeps
 * following it across reconnects without losing or repeating events: after a reconnect the
 * subscription is sent again from the last cursor seen.
 * NOTE: graphql-ws re-sends the same payload object when it reconnects, so the payload's
 * `after` is updated in place on every event; a resubscription then resumes from there.
 * Without a cursor to start from, the hub's cursor of this moment (`eventCursor`) is asked
 * first: a stream that has seen no event yet still resumes from where it began, rather than
 * from the moment of the reconnect, losing what happened while the connection was down.
 */
export function useResumableSubscription<TData, TVariables extends { after?: string | null }>(
  document: TypedDocumentNode<TData, TVariables>,
  options: ResumableOptions<TData, TVariables>,
): void {
  const { ws, urql } = useHubConnection();
  const latest = useRef(options);
  latest.current = options;
  const variablesKey = JSON.stringify(options.variables);

  useEffect(() => {
    if (options.pause) return undefined;
    const payload = {
      query: print(document),
      variables: { ...(options.variables as object), after: options.after ?? null } as Record<string, unknown>,
    };
    let active = true;
    let unsubscribe: (() => void) | null = null;
    const start = () => {
      if (!active) return;
      unsubscribe = ws.subscribe<TData>(payload, {
        next(result) {
          if (!active) return;
          if (result.errors?.length) {
            latest.current.onError?.(describeError({ graphQLErrors: result.errors }));
            return;
          }
          if (!result.data) return;
          const cursor = latest.current.cursorOf(result.data as TData);
          if (cursor) payload.variables.after = cursor;
          latest.current.onData(result.data as TData);
        },
        error(error) {
          if (active) latest.current.onError?.(describeError(error));
        },
        complete() {},
      });
    };
    if (payload.variables.after != null) start();
    else {
      void cursorNow(urql).then(({ cursor, unauthenticated }) => {
        // Signed out meanwhile (the shell returns to sign-in): nothing to follow.
        if (unauthenticated) return;
        // Unreachable hub: start from now all the same (and resume from the first event seen).
        if (cursor) payload.variables.after = cursor;
        start();
      });
    }
    return () => {
      active = false;
      unsubscribe?.();
    };
    // The document and variables identify the stream; `after` only says where it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws, urql, document, variablesKey, options.after, options.pause]);
}
