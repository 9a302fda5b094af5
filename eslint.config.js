// Lint, including the layering rules from DESIGN.md:
//  - src-shared imports nothing of ours, nor Node or Electron (it runs in every layer);
//  - src-renderer never imports src-main, Node built-ins, Electron or better-sqlite3;
//  - only the Electron edge (src-main/electron) imports `electron`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/**', '**/src-renderer/**', '@main/*', '@renderer/*'], message: 'src-shared imports nothing from other layers.' },
            { group: ['electron', ...nodeBuiltins], message: 'src-shared must stay free of Node and Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/**', '@main/*'], message: 'The renderer reaches the main process only through the IPC contract.' },
            { group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', ...nodeBuiltins], message: 'The renderer runs sandboxed: no Node, Electron or database modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A regex, not a glob: the glob 'electron/*' would also match our own './electron/main'.
            { regex: '^electron(/.*)?$', message: 'Only src-main/electron (the Electron edge) may import electron; the rest runs in plain Node.' },
            { group: ['**/src-renderer/**', '@renderer/*'], message: 'The main process never imports renderer code.' },
          ],
        },
      ],
    },
  },
);
