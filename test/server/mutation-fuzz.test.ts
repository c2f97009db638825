import fc from 'fast-check';
import {
  GraphQLArgument, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, getNamedType, isCompositeType,
} from 'graphql';
import { hubSchema } from '../../src/server/schema';
import { startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13, item 7: no input yields INTERNAL_SERVER_ERROR or a 5xx. Property-based: every
 * mutation of the schema, with arguments generated from its input types (hostile strings with
 * control characters and lone surrogates, extreme numbers, nulls where the type allows them,
 * ids of records that exist and don't), sent as variables by every role and anonymously.
 * Bounded (FUZZ_RUNS, default 400 requests) so it takes well under a minute.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let t: TestHub;
let schema: GraphQLSchema;
const tokens: Record<string, string | undefined> = { anonymous: undefined };
beforeAll(async () => {
  t = await startTestHub();
  schema = await hubSchema();
  for (const user of ['admin', 'scheduler', 'specialist', 'doctor.a', 'doctor.b']) tokens[user] = await t.signIn(user);
});
afterAll(async () => { await t.stop(); });

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', 'a\u0000b', '\u0001', '\u007f', '\ud800', '名'.repeat(300), '2026-12-01', '2026-02-30T25:00:00Z', '%00', '\\', "'; DROP TABLE person; --"),
);
const id = fc.oneof(fc.constantFrom('1', '2', '3', '4', '5', '6', '0', '-1', '99999999999999999999', '1e3', 'abc', '', ' 1'), fc.integer({ min: -5, max: 50 }).map(String), fc.string({ maxLength: 6 }));
const scalars: Record<string, fc.Arbitrary<unknown>> = {
  String: text,
  ID: id,
  Int: fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31))),
  Float: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 90.0001, -180, 1e308)),
  Boolean: fc.boolean(),
  DateTimeISO: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  JSONObject: fc.oneof(fc.object({ maxDepth: 2 }), fc.constant({}), fc.dictionary(text, text, { maxKeys: 3 })),
};

function arbitraryOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryOf(type.ofType, depth);
  const inner = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(arbitraryOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 4 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value));
    if (isScalarType(type)) return scalars[type.name] ?? text;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const shape = Object.fromEntries(fields.map((f) => [f.name, arbitraryOf(f.type, depth + 1)]));
      return fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name) });
    }
    throw new Error(`no arbitrary for ${String(type)}`);
  })();
  // Nullable: sometimes null (a clear request), which the hub must handle or refuse as bad input.
  return isNonNullType(type) ? inner : fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function operationOf(name: string, args: readonly GraphQLArgument[], returnsComposite: boolean): string {
  const vars = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${vars ? `(${vars})` : ''} { ${name}${call ? `(${call})` : ''}${returnsComposite ? ' { __typename }' : ''} }`;
}

describe('every mutation, every role, generated input', () => {
  it('never answers INTERNAL_SERVER_ERROR or a 5xx', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(50);
    const cases = fc.oneof(...mutations.map((field) => fc.record({
      field: fc.constant(field.name),
      query: fc.constant(operationOf(field.name, field.args, isCompositeType(getNamedType(field.type)))),
      variables: fc.record(Object.fromEntries(field.args.map((a) => [a.name, arbitraryOf(a.type)])), {
        requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
      }),
      role: fc.constantFrom(...Object.keys(tokens)),
    })));
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(cases, async ({ field, query, variables, role }) => {
      seen.add(field);
      const r = await t.gql(query, variables as Record<string, unknown>, tokens[role]);
      const internal = (r.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
      if (r.status >= 500 || internal.length) {
        throw new Error(`${field} as ${role}: HTTP ${r.status} ${JSON.stringify(r.errors)}`);
      }
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    // The runs spread over the mutations, not a handful of them.
    expect(seen.size).toBeGreaterThan(Math.min(40, mutations.length - 10));
  }, 120_000);
});
