import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/availability';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/translate';

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
export function databaseUnavailableError(language: Language): GraphQLError {
  return new GraphQLError(translate(language, 'common.databaseUnavailable', { seconds: DATABASE_RETRY_AFTER_SECONDS }), {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', String(DATABASE_RETRY_AFTER_SECONDS)]]) } },
  });
}
