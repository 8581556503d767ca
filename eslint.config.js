// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import importRules from './scripts/lint/import-rules.mjs';

// Exact module names (a relative './http' is fine), so a regular expression rather than a glob.
const nodeBuiltins =
  '^(node:.*|fs|fs/promises|path|os|crypto|child_process|http|https|net|url|util|stream|events|worker_threads)$';

const pattern = (group, message, allowTypeImports = false) =>
  typeof group === 'string'
    ? { regex: group, message, allowTypeImports }
    : { group, message, allowTypeImports };

// shared/ is pure (ARCHITECTURE.md). These imports fail `npm run check`.
const sharedForbidden = [
  pattern(
    ['react', 'react-dom', 'react/*', 'react-dom/*', '@mui/*', '@emotion/*'],
    'shared/ must not import React or UI libraries.',
  ),
  pattern(['electron', 'electron/*'], 'shared/ must not import electron.'),
  pattern(
    ['rxdb', 'rxdb/*'],
    'shared/ must not import the RxDB runtime (type-only imports are allowed).',
    true,
  ),
  pattern(
    ['dexie', 'pg', 'pg-*', '@electric-sql/*', 'better-sqlite3'],
    'shared/ must not import a database driver.',
  ),
  pattern(nodeBuiltins, 'shared/ must not import Node modules.'),
  pattern(
    ['**/renderer/**', '**/electron/**', '**/hub/**', '#resources/*'],
    'shared/ imports nothing from the other folders.',
  ),
];

// Time and randomness are passed into domain code, never read from the environment.
const noClockNoRandom = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'No clock in shared/: pass the time in.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'No clock in shared/: pass the time in.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'No randomness in shared/: pass ids or a seeded generator in.',
  },
  {
    selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
    message: 'No clock in shared/: pass the time in.',
  },
  {
    selector: "CallExpression[callee.object.name='crypto'][callee.property.name='randomUUID']",
    message: 'No randomness in shared/: pass ids in.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'node_modules/**',
      'coverage/**',
      'tests/artifacts/**',
      'tests/lint/fixtures/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // No import cycles anywhere; type-only imports do not count (they vanish at run time).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, yishi: importRules },
    settings: {
      // Without these the plugin skips .ts files when it follows imports, and finds no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'yishi/imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'tests/**/*.ts', 'hub/**/*.ts', 'electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/src/**/*.ts', 'resources/demo/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: sharedForbidden }],
      'no-restricted-syntax': ['error', ...noClockNoRandom],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'process',
        'require',
        'Buffer',
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use; useVirtualizer would trip it.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron', 'electron/*'],
              'renderer/ must not import electron: use renderer/src/platform/bridge.',
            ),
            pattern(nodeBuiltins, 'renderer/ runs in a browser: no Node modules.'),
            pattern(['**/hub/**', '**/electron/**'], 'renderer/ must not import hub/ or electron/.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['hub/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['react', 'react-dom', '@mui/*', 'electron', 'rxdb', 'rxdb/*', 'dexie'],
              'hub/ imports shared/ and its own server dependencies only.',
            ),
            pattern(['**/renderer/**', '**/electron/**'], 'hub/ must not import renderer/ or electron/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['react', 'react-dom', '@mui/*', 'rxdb', 'rxdb/*', 'dexie'],
              'electron/ stays thin: no UI or database code; documents never travel over IPC.',
            ),
            pattern(['**/renderer/**', '**/hub/**'], 'electron/ must not import renderer/ or hub/.'),
          ],
        },
      ],
    },
  },
);
