import type { MessageKey } from './i18n/catalogue';
import type { Language } from './i18n/language';
import { message, MessageParams, translate } from './i18n/translate';

/**
 * Domain errors: every rule a service enforces fails with one of these. The server maps the
 * code to GraphQL `extensions.code` in one place (server/format-error.ts) and says the
 * message in the reader's language: a throw site names a sentence of the catalogue
 * (i18n/messages/) and its values, e.g. `new DomainError('CONFLICT', 'consult.alreadyClaimed', { by })`.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** The input field at fault, when there is one (e.g. "input.tier"). */
    readonly field?: string,
    /** More for the client, e.g. `retryAfter` seconds with TOO_MANY_REQUESTS. */
    readonly extensions?: Record<string, unknown>,
  ) {
    // English in logs and stack traces; clients get their own language from localized().
    // NOTE: only catalogue keys: a sentence that is not in the catalogue (in every language) cannot reach a person.
    super(translate('en', key, params));
    this.name = 'DomainError';
  }

  localized(language: Language): string {
    return translate(language, this.key, this.params);
  }
}

export const badInput = (field: string, key: MessageKey, params?: MessageParams) => new DomainError('BAD_USER_INPUT', key, params, field);
/** `what` names the kind of thing (entity.consultation, ...). */
export const notFound = (what: MessageKey, id: string | number) => new DomainError('NOT_FOUND', 'common.notFound', { what: message(what), id });
export const conflict = (key: MessageKey, params?: MessageParams, field?: string) => new DomainError('CONFLICT', key, params, field);
export const forbidden = (key: MessageKey, params?: MessageParams) => new DomainError('FORBIDDEN', key, params);
export const unauthenticated = (key: MessageKey = 'auth.signInFirst', params?: MessageParams) => new DomainError('UNAUTHENTICATED', key, params);
