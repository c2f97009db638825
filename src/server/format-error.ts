import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/availability';
import { translateConstraintError } from '../db/constraint-errors';
import { DomainError } from '../errors';
import type { Logger } from '../graphql/logger';
import { MediaError } from '../../media';
import type { MessageKey } from '../i18n/catalogue';
import { currentLanguage, Language } from '../i18n/language';
import { translate } from '../i18n/translate';
import { saidBy } from '../i18n/validation';

function firstViolation(errors: ValidationError[], language: Language, prefix = ''): { field: string; message: string } | null {
  if (!Array.isArray(errors)) return null; // a validator that threw rather than reported
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = error.constraints && Object.values(error.constraints)[0];
    const said = constraint ? saidBy(constraint) : null;
    if (said) return { field, message: translate(language, said.key, { field: error.property, ...said.params }) };
    if (constraint) {
      const text = constraint.startsWith(error.property) ? constraint : `${field}: ${constraint}`;
      return { field, message: language === 'en' ? `Invalid input: ${text}` : translate(language, 'validation.invalid', { field }) };
    }
    const nested = firstViolation(error.children ?? [], language, field);
    if (nested) return nested;
  }
  return null;
}

/**
 * graphql-js reports a badly typed variable as `... at "i.roles[0]"; ...` or, for a missing
 * one, `Field "name" of required type ...`: lift the field out so clients need not parse prose.
 */
function coercedField(message: string): string | null {
  const at = /got invalid value .* at "[^".]+\.([^"]+)"/.exec(message);
  if (at) return at[1];
  const missing = /Field "([^"]+)" of required type/.exec(message);
  return missing ? missing[1] : null;
}

/**
 * The SFU's codes are the hub's, plus UNAVAILABLE: no worker can serve the room right now (it
 * is moving to another worker, or media is shutting down). That one is worth retrying, so it
 * says so, to the client code (`retryable`) and to the person (reconnect). The SFU speaks
 * English to developers: its words go in `extensions.detail`, the person reads a catalogue
 * sentence in their language.
 */
const MEDIA_SENTENCE: Record<MediaError['code'], MessageKey> = {
  UNAVAILABLE: 'room.mediaUnavailable', NOT_FOUND: 'room.mediaGone', BAD_USER_INPUT: 'room.mediaRefused', CONFLICT: 'room.mediaRefused',
};
function mediaError(error: MediaError, language: Language): Pick<GraphQLFormattedError, 'message' | 'extensions'> {
  const message = translate(language, MEDIA_SENTENCE[error.code] ?? 'room.mediaRefused');
  return { message, extensions: { code: error.code, detail: error.message, ...(error.code === 'UNAVAILABLE' ? { retryable: true } : {}) } };
}

/**
 * The one mapping from what went wrong to what the client sees: domain errors keep their code
 * and field, database verdicts are translated, anything unexpected is logged and hidden.
 */
export function createErrorFormatter(log: Logger, defaultLanguage: Language = 'en') {
  // NOTE: Apollo passes no context here: over HTTP the language comes from the request's
  // async scope (app.ts); graphql-ws passes the connection's language explicitly.
  return (formatted: GraphQLFormattedError, error: unknown, language: Language = currentLanguage(defaultLanguage)): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    const domain = original instanceof DomainError ? original : translateConstraintError(original);
    if (domain) {
      return { ...formatted, message: domain.localized(language), extensions: { code: domain.code, ...(domain.field ? { field: domain.field } : {}), ...domain.extensions } };
    }
    if (original instanceof MediaError) return { ...formatted, ...mediaError(original, language) };
    if (original instanceof ArgumentValidationError) {
      const violation = firstViolation(original.extensions.validationErrors as ValidationError[], language);
      return {
        ...formatted,
        message: violation ? violation.message : translate(language, 'validation.invalidGeneric'),
        extensions: { code: 'BAD_USER_INPUT', ...(violation ? { field: violation.field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'BAD_USER_INPUT' && !formatted.extensions?.field) {
      const field = coercedField(formatted.message);
      return field ? { ...formatted, extensions: { ...formatted.extensions, field } } : formatted;
    }
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (error instanceof GraphQLError && !error.originalError) return formatted; // graphql-js' own (parse, coercion)
    if (isDatabaseUnavailable(original)) {
      log.warn({ err: original, path: formatted.path }, 'database unavailable');
      return { message: translate(language, 'common.databaseUnavailable', { seconds: DATABASE_RETRY_AFTER_SECONDS }), path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: translate(language, 'common.internal' satisfies MessageKey), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
