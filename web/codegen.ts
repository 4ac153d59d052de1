import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed api/schema.gql, never from a running server: the build needs no
// network and a schema change shows up as a diff in review. Run from the repository root:
//   npx graphql-codegen --config web/codegen.ts
const config: CodegenConfig = {
  schema: 'api/schema.gql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // String unions instead of TypeScript enums: no runtime code, and the values equal the stored codes.
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
