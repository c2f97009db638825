import type { GqlResult } from './hub';

/** The data of a GraphQL answer, or a failure that shows the server's errors. */
export function ok<T = any>(r: GqlResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The first error's code, message and field (for asserting refusals with expect). */
export const refusal = (r: GqlResult<unknown>) => ({ code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message ?? '', field: r.errors?.[0]?.extensions?.field });

/** The call must fail with `code`; returns the error for further checks. */
export function fails(r: GqlResult<unknown>, code: string): { message: string; extensions?: { code?: string; field?: string } } {
  if (!r.errors?.length) throw new Error(`expected ${code}, got data ${JSON.stringify(r.data)}`);
  const [error] = r.errors;
  if (error.extensions?.code !== code) throw new Error(`expected ${code}, got ${error.extensions?.code}: ${error.message}`);
  return error;
}
