import { ValidationError, validateOrReject } from 'class-validator';
import {
  GraphQLInputObjectType, GraphQLInputType, GraphQLResolveInfo, GraphQLSchema, isInputObjectType, isListType, isNonNullType,
} from 'graphql';
import { ArgumentValidationError, ResolverData, ValidatorFn } from 'type-graphql';
import { badInput } from '../errors';

/**
 * Input hygiene, in one place, for every argument of every field (HTTP and WebSocket alike):
 *
 * - No string may carry NUL or another control character except tab, line feed and carriage
 *   return: PostgreSQL cannot store NUL in text, and none of them belongs in a name or a note.
 * - In an `UpdateX` input, `null` means "clear this field": allowed only for fields that `CreateX`
 *   also leaves optional. Everything else (a name, a latitude, roles) cannot be cleared.
 * - Then the class-validator rules of the input classes, as type-graphql would run them, except
 *   on values that are not input classes: a JSON literal written inline (`{}`) arrives as an
 *   object without a prototype, which class-validator cannot read, so it must behave exactly as
 *   the same JSON sent as a variable does.
 *
 * Each refusal is BAD_USER_INPUT naming the field the way the class-validator messages do: the
 * path inside an input object (`name`, `consortiumIds[1]`), or the argument itself (`nameContains`).
 */

// Tab (09), line feed (0A) and carriage return (0D) are text; the rest of C0 and DEL are not.
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const checkedArgs = new WeakSet<object>();

export const validateArguments: ValidatorFn = async (argValue, _argType, resolverData) => {
  const data = resolverData as ResolverData;
  // type-graphql calls this once per parameter; the field's arguments are inspected once.
  if (data.args && !checkedArgs.has(data.args)) {
    checkedArgs.add(data.args);
    inspectArguments(data.args, data.info);
  }
  await validateInputClasses(argValue);
};

function inspectArguments(args: Record<string, unknown>, info: GraphQLResolveInfo): void {
  const field = info.parentType.getFields()[info.fieldName];
  if (!field) return;
  for (const arg of field.args) {
    if (!(arg.name in args)) continue;
    const value = args[arg.name];
    const insideInput = isInputObjectType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
    inspect(value, arg.type, insideInput ? '' : arg.name, info.schema);
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function inspect(value: unknown, type: GraphQLInputType, path: string, schema: GraphQLSchema): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return inspect(value, type.ofType, path, schema);
  if (typeof value === 'string') return checkText(value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => inspect(item, type.ofType, `${path}[${i}]`, schema));
    return;
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    const fields = type.getFields();
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[key];
      if (!f) continue;
      if (inner === null && !clearable(type, key, schema)) {
        throw badInput(join(path, key), 'common.notClearable', { field: join(path, key) });
      }
      inspect(inner, f.type, join(path, key), schema);
    }
    return;
  }
  // Custom scalars (JSON objects): no schema inside, but still no control characters in text.
  if (typeof value === 'object') inspectJson(value, path);
}

function checkText(value: string, path: string): void {
  const found = DISALLOWED.exec(value);
  if (found) {
    const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw path ? badInput(path, 'common.controlCharacter', { field: path, code }) : badInput('input', 'common.controlCharacterInput', { code });
  }
}

function inspectJson(value: unknown, path: string): void {
  if (typeof value === 'string') return checkText(value, path);
  if (Array.isArray(value)) value.forEach((item, i) => inspectJson(item, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) inspectJson(v, join(path, k));
}

/** Whether `null` may be given for this field: not in an UpdateX input unless CreateX lets it be absent. */
function clearable(type: GraphQLInputObjectType, key: string, schema: GraphQLSchema): boolean {
  const match = /^Update(.+)Input$/.exec(type.name);
  if (!match) return true;
  const create = schema.getType(`Create${match[1]}Input`);
  const counterpart = isInputObjectType(create) ? create.getFields()[key] : undefined;
  return Boolean(counterpart && !isNonNullType(counterpart.type));
}

/** class-validator on instances of the input classes (plain and prototype-less objects are JSON). */
async function validateInputClasses(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const proto = Object.getPrototypeOf(item);
    if (proto === null || proto === Object.prototype) continue;
    try {
      await validateOrReject(item, { skipMissingProperties: true, forbidUnknownValues: false });
    } catch (errors) {
      throw new ArgumentValidationError(errors as ValidationError[]);
    }
  }
}
