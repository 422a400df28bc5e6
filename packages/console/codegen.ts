import type { CodegenConfig } from '@graphql-codegen/cli';

// `pnpm codegen` first writes the API schema (codegen/write-schema.ts), then types every
// operation under src/ with the client preset: typed documents Apollo's hooks infer from.
const config: CodegenConfig = {
  schema: 'node_modules/.schema/api.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
