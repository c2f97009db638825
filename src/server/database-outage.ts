import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/availability';

/**
 * While PostgreSQL is away, GraphQL over HTTP answers 503 with Retry-After (a proxy or client
 * may retry) rather than 500; the error itself says so in a sentence (format-error.ts).
 * Recovery needs nothing: the pool reconnects on the next request once the database is back.
 */
export function databaseOutagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // NOTE: at willSendResponse, not didEncounterErrors: Apollo sets the status of an answer
        // with execution errors after the latter, and would put 200 back.
        async willSendResponse({ errors, response }) {
          if (!errors?.some((e) => isDatabaseUnavailable(e.originalError ?? e))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** The same answer when the outage shows while the request's context is built (signing in the actor). */
export function databaseUnavailableError(): GraphQLError {
  return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', String(DATABASE_RETRY_AFTER_SECONDS)]]) } },
  });
}
