import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the app from the hub's SDL (`npm run codegen`); the output in gql/ is
 * checked in and test/web/codegen.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['src/web/app/**/*.{ts,tsx}', '!src/web/app/gql/**', '!src/web/app/codegen.ts', '!src/web/app/vite.config.mts'],
  ignoreNoDocuments: true,
  generates: {
    'src/web/app/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>', ID: 'string' },
      },
    },
  },
};
export default config;
