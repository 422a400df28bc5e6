import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '**/.data/**',
      // Written by graphql-codegen; `pnpm codegen:check` keeps it in step with the SDL.
      '**/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the env.ts of the deployable.',
        },
      ],
    },
  },
  {
    files: [
      '**/env.ts',
      '**/*.test.ts',
      '**/*.int.test.ts',
      '**/*.e2e.ts',
      'scripts/**',
      '**/bench/**',
      'vitest.config.ts',
      '**/testkit/**',
      'e2e/harness/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
