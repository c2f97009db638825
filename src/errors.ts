/**
 * Domain errors: every rule a service enforces fails with one of these. The server maps the
 * code to GraphQL `extensions.code` in one place (server/format-error.ts).
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, when there is one (e.g. "input.tier"). */
    readonly field?: string,
    /** More for the client, e.g. `retryAfter` seconds with TOO_MANY_REQUESTS. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string, id: string | number) => new DomainError('NOT_FOUND', `${what} ${id} does not exist or is not visible to you`);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first: send "Authorization: Bearer <token>" from the signIn mutation') =>
  new DomainError('UNAUTHENTICATED', message);
