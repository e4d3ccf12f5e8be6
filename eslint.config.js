// ESLint: typescript-eslint, react-hooks, and the layering rule of shared/STYLE.md:
// engine ← core ← react ← embed; engine ← server, cli. The engine imports no UI, no DOM, no fetch,
// no clock. Each layer enters the one below through its index only (madeto/layer-entry).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');
// The layers entered only through their index, and the files besides it others may import.
const entries = [
  { dir: path.join(src, 'engine'), also: [path.join(src, 'engine', 'zod.ts')] },
  { dir: path.join(src, 'core'), also: [] },
];
/** Other layers import src/engine and src/core only through their index.ts (TanStack's rule). */
const layerEntry = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      entry:
        "import '{{ layer }}' through {{ layer }}/index.ts, not {{ file }} (export it there if it is missing)",
    },
  },
  create(context) {
    const from = context.filename;
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(from), spec);
      for (const { dir, also } of entries) {
        if (from.startsWith(dir + path.sep) || !target.startsWith(dir + path.sep)) continue;
        if (target === path.join(dir, 'index.ts') || also.includes(target)) continue;
        context.report({
          node: node.source,
          messageId: 'entry',
          data: {
            layer: path.relative(path.dirname(src), dir),
            file: path.relative(path.dirname(src), target),
          },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { madeto: { rules: { 'layer-entry': layerEntry } } },
    rules: { 'madeto/layer-entry': 'error' },
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
          'crypto',
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
          selector: "MemberExpression[object.name='Temporal'][property.name='Now']",
          message: 'src/engine has no clock: take `now` as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='globalThis'][property.name='crypto']",
          message: 'src/engine is deterministic: no crypto (take ids and keys as parameters).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/engine is deterministic: take a seed.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [
        'react',
        'react-dom',
        'react-dom/*',
        '@tanstack/*',
        'react-hook-form',
        '@hookform/*',
        '**/react/**',
        '**/embed/**',
        '**/server/**',
        '**/cli/**',
        'node:*',
      ],
      'src/core is the framework-free session: the engine (and zustand/vanilla) only.',
    ),
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
