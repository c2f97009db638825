import type { GqlResult } from './hub';

/** The data of a GraphQL answer, or a failure that shows the server's errors. */
export function ok<T = any>(r: GqlResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The first error's code, message and field, as a refused call shows them to a client. */
export interface Refusal {
  code?: string;
  message: string;
  field?: string;
}

/**
 * The one way tests look at a refusal: the call must have been refused (a call that returned data
 * fails the test here, with that data), and the first error's code, message and field come back
 * for `expect`, e.g. `expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' })`.
 */
export function refusal(r: GqlResult<unknown>): Refusal {
  if (!r.errors?.length) throw new Error(`expected a refusal, got data ${JSON.stringify(r.data)}`);
  const [error] = r.errors;
  return { code: error.extensions?.code, message: error.message ?? '', field: error.extensions?.field };
}
