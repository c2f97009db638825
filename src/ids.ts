import { badInput } from './errors';

/** GraphQL IDs are strings; the database's are integers. Bad ones are the user's input error. */
export function parseId(value: string | number, field: string): number {
  const id = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw badInput(field, 'common.badId', { field, value: String(value) });
  }
  return id;
}

export const parseIds = (values: readonly (string | number)[], field: string) => values.map((v, i) => parseId(v, `${field}[${i}]`));
