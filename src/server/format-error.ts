import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/availability';
import { translateConstraintError } from '../db/constraint-errors';
import { DomainError } from '../errors';
import type { Logger } from '../graphql/logger';
import { MediaError } from '../../media';

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  if (!Array.isArray(errors)) return null; // a validator that threw rather than reported
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = error.constraints && Object.values(error.constraints)[0];
    if (constraint) return { field, message: constraint.startsWith(error.property) ? constraint : `${field}: ${constraint}` };
    const nested = firstViolation(error.children ?? [], field);
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
 * says so, to the client code (`retryable`) and to the person (reconnect).
 */
function mediaError(error: MediaError): Pick<GraphQLFormattedError, 'message' | 'extensions'> {
  if (error.code !== 'UNAVAILABLE') return { message: error.message, extensions: { code: error.code } };
  return { message: `The video service is briefly unavailable (${error.message}): reconnect and join the room again`, extensions: { code: 'UNAVAILABLE', retryable: true } };
}

/**
 * The one mapping from what went wrong to what the client sees: domain errors keep their code
 * and field, database verdicts are translated, anything unexpected is logged and hidden.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    const domain = original instanceof DomainError ? original : translateConstraintError(original);
    if (domain) {
      return { ...formatted, message: domain.message, extensions: { code: domain.code, ...(domain.field ? { field: domain.field } : {}), ...domain.extensions } };
    }
    if (original instanceof MediaError) return { ...formatted, ...mediaError(original) };
    if (original instanceof ArgumentValidationError) {
      const violation = firstViolation(original.extensions.validationErrors as ValidationError[]);
      return {
        ...formatted,
        message: violation ? `Invalid input: ${violation.message}` : 'Invalid input',
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
      return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal error; it has been logged', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
