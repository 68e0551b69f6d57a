// ESLint for the three packages: typescript-eslint's recommended rules everywhere, and the
// type-aware ones (floating promises, explicit any) on shipped sources in packages/*/src.
// Formatting is Prettier's job (eslint-config-prettier switches off the rules that overlap).
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const SOURCES = ['packages/*/src/**/*.ts'];
const TESTS = ['packages/*/src/**/*.test.ts', 'packages/*/src/testing/**', 'packages/*/test/**', 'test/**', 'bench/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'docs/api/**', 'coverage/**', '**/*.d.ts', '.shoptag/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: SOURCES,
    ignores: TESTS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, arguments: false } },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: TESTS,
    rules: {
      // Test doubles and fixtures sometimes need loose types; shipped code may not.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Scripts run in Node; pages, examples and browser test support run in a browser.
  { files: ['**/*.mjs', '**/*.js', '**/*.cjs'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['examples/**/*.js', 'packages/*/src/testing/**/*.js', 'docs/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
