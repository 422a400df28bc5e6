import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const GENERATED = '**/src/generated/**';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '**/.data/**'],
  },
  {
    // Written by graphql-codegen; `pnpm codegen:check` keeps it in step with the SDL. Parsed with
    // no rules rather than ignored: naming an ignored file, as a change's list of files does
    // (/work/wt/land.sh, `--max-warnings 0`), is itself a warning.
    files: [`${GENERATED}/*.ts`],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    ignores: [GENERATED],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
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
