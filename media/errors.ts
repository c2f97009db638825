/**
 * Errors of the media API. The codes are the hub's domain error codes (src/errors.ts) plus
 * UNAVAILABLE for "no worker can serve this", so the GraphQL layer maps them in one place
 * without media importing from src/.
 */
export type MediaErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

export const mediaNotFound = (what: string, id: string) =>
  new MediaError('NOT_FOUND', `${what} ${id} does not exist (closed, or never created)`);
