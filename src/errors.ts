import type { MessageKey } from './i18n/catalogue';
import type { Language } from './i18n/language';
import { message, MessageParams, translate } from './i18n/translate';

/**
 * Domain errors: every rule a service enforces fails with one of these. The server maps the
 * code to GraphQL `extensions.code` in one place (server/format-error.ts) and says the
 * message in the reader's language: a throw site names a sentence of the catalogue
 * (i18n/messages/) and its values, e.g. `new DomainError('CONFLICT', 'consult.alreadyClaimed', { by })`.
 */
/** TRANSITION: sentences not yet in the catalogue pass through as they are (removed once all sites are converted). */
type Key = MessageKey | (string & {});

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: Key,
    params: MessageParams | string = {},
    /** The input field at fault, when there is one (e.g. "input.tier"). */
    field?: string,
  ) {
    // English in logs and stack traces; clients get their own language from localized().
    super(translate('en', key as MessageKey, typeof params === 'string' ? {} : params));
    this.name = 'DomainError';
    // TRANSITION: (code, message, field) from before the catalogue.
    this.params = typeof params === 'string' ? {} : params;
    this.field = typeof params === 'string' ? params : field;
  }

  readonly params: MessageParams;
  readonly field?: string;

  localized(language: Language): string {
    return translate(language, this.key as MessageKey, this.params);
  }
}

export const badInput = (field: string, key: Key, params?: MessageParams) => new DomainError('BAD_USER_INPUT', key, params, field);
/** `what` names the kind of thing (entity.consultation, ...). */
export const notFound = (what: Key, id: string | number) => new DomainError('NOT_FOUND', 'common.notFound', { what: message(what as MessageKey), id });
export const conflict = (key: Key, params?: MessageParams | string, field?: string) => new DomainError('CONFLICT', key, params, field);
export const forbidden = (key: Key, params?: MessageParams) => new DomainError('FORBIDDEN', key, params);
export const unauthenticated = (key: Key = 'auth.signInFirst', params?: MessageParams) => new DomainError('UNAUTHENTICATED', key, params);
