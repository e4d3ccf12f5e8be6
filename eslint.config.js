// ESLint: typescript-eslint, react-hooks, and the layering rule of shared/STYLE.md:
// engine ← react ← embed; engine ← server, cli. The engine imports no UI, no DOM, no fetch, no clock.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiPackages = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  '@tanstack/*',
  'react-hook-form',
  '@hookform/*',
];
// Browser code ships zod/mini (embed.md: full zod adds ≈ 18 kB to the app): src imports `z` from
// src/engine/zod.ts, which also loads zod's English messages.
const zodPath = {
  name: 'zod',
  message: "import { z } from src/engine/zod.ts (zod/mini with English messages), not 'zod'.",
};
const restrict = (groups, message) => ({
  'no-restricted-imports': [
    'error',
    { paths: [zodPath], patterns: groups.length ? [{ group: groups, message }] : [] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'storybook-static', 'coverage', '.vitest-results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests edit JSON fixtures freely to build invalid variants.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/react/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      ...restrict(
        [
          ...uiPackages,
          '**/react/**',
          '**/embed/**',
          '**/server/**',
          '**/cli/**',
          'node:*',
          'fs',
          'path',
        ],
        'src/engine is pure TypeScript: no React, zustand, TanStack, DOM, Node APIs or other layers.',
      ),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'XMLHttpRequest',
          'performance',
        ].map((name) => ({
          name,
          message: 'src/engine may not use the DOM, fetch or the clock: take it as a parameter.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'src/engine has no clock: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/engine has no clock: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/engine is deterministic: take a seed.',
        },
      ],
    },
  },
  {
    files: ['src/embed/**/*.{ts,tsx}'],
    rules: restrict([], ''),
  },
  {
    files: ['src/react/**/*.{ts,tsx}'],
    rules: restrict(
      ['**/embed/**', '**/server/**', '**/cli/**'],
      'src/react may import only the engine.',
    ),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict(
      [...uiPackages, '**/react/**', '**/embed/**', '**/cli/**'],
      'the server builds on the engine only.',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(
      [...uiPackages, '**/react/**', '**/embed/**'],
      'the cli builds on the engine (and starts the server).',
    ),
  },
);
