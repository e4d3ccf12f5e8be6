/**
 * Builds the embed outputs with Vite's JS API (Node only; run `node --import tsx
 * src/embed/build.ts [outDir]`): `embed/temporal-polyfill.<hash>.js` (fetched only by browsers
 * without `Temporal`), `embed/madeto-app.<hash>.js` (one IIFE, React bundled, production, native
 * `Temporal`; what shops load), `embed/madeto-rep.<hash>.js` (the same plus the rep's quote editor,
 * for `mode="rep"`), `embed/loader.js` (IIFE, knows the hashed names) and `lib/` (ESM, React
 * external).
 * Returns the files with their raw and gzipped sizes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig } from 'vite';

/**
 * The loader's budget in bytes, gzipped (embed.md). The shop app's 110 kB budget is retired
 * (issue 14: the fixed stack alone is 94 kB); the app is held to a regression ceiling instead and
 * to the loading targets of the embed benchmark (`madeto bench embed`).
 */
export const BUDGETS = { loader: 2 * 1024 } as const;

/**
 * The shop app's regression ceiling, gzipped (issue 14: 175 kB): growth above it fails
 * `npm test` and `npm run size`. Lower it when the app shrinks; it never rises to hide growth.
 */
export const APP_CEILING = 175 * 1024;

/**
 * The rep app's regression ceiling (186.0 kB measured, plus 5 kB). It has no budget of its own:
 * it is loaded by reps' pages only, never by a shop's.
 */
export const REP_CEILING = 191 * 1024;

/** One built file and its sizes. */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** What `buildEmbed` produced. */
export interface EmbedBuild {
  loader: BuiltFile;
  /** The shop app (buyer mode): what shops load. */
  app: BuiltFile;
  /** The rep app: the shop app plus the rep's quote editor, loaded only for `mode="rep"`. */
  rep: BuiltFile;
  /** The Temporal polyfill, loaded before the app only where the browser has no `Temporal`. */
  polyfill: BuiltFile;
  /** The fixed stack alone, built like the app (`stackFloor.tsx`): the floor under the app. */
  floor: BuiltFile;
  lib: BuiltFile[];
}

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

function sizeOf(file: string): BuiltFile {
  const content = readFileSync(file);
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function base(outDir: string, define: Record<string, string>): InlineConfig {
  return {
    configFile: false,
    root,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    define: {
      'process.env.NODE_ENV': '"production"',
      __MADETO_VERSION__: JSON.stringify(version),
      ...define,
    },
    build: { outDir, emptyOutDir: false, copyPublicDir: false, minify: true, sourcemap: false },
  };
}

// An IIFE has no `import.meta.url`: the app's own URL (for the engine worker) is read while the
// script runs, before anything else, and used instead.
const scriptUrl =
  'var __madetoScriptUrl=document.currentScript&&document.currentScript.src||location.href;';

async function buildIife(
  outDir: string,
  entry: string,
  file: string,
  define = {},
  alias: Record<string, string> = {},
) {
  const config = base(outDir, { 'import.meta.url': '__madetoScriptUrl', ...define });
  await build({
    ...config,
    resolve: {
      alias: Object.entries(alias).map(([find, replacement]) => ({
        find: new RegExp(`^${find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        replacement,
      })),
    },
    plugins: [react()],
    worker: { format: 'es' },
    // The worker file sits beside the app: resolve it against the app's URL, not the page's.
    experimental: {
      renderBuiltUrl: (filename) => ({
        runtime: `new URL(${JSON.stringify(filename)}, __madetoScriptUrl).href`,
      }),
    },
    build: {
      ...config.build,
      assetsDir: '',
      lib: {
        entry: join(root, entry),
        formats: ['iife'],
        name: 'MadetoBundle',
        fileName: () => file,
      },
      rollupOptions: { output: { intro: scriptUrl } },
    },
  });
  return join(outDir, file);
}

/** Builds the app, then the loader pointing at it, then the npm library. */
export async function buildEmbed(outDir = join(root, 'dist')): Promise<EmbedBuild> {
  // Vite (and plugin-react's JSX transform) read `NODE_ENV`: under a test runner it says `test`,
  // which would compile `jsxDEV` calls that production React does not have.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildAll(outDir);
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** Renames a built file to `<stem>.<content hash>.js`; returns the new name. */
function contentHashed(dir: string, stem: string): string {
  const plain = join(dir, `${stem}.js`);
  const hash = createHash('sha256').update(readFileSync(plain)).digest('hex').slice(0, 10);
  const name = `${stem}.${hash}.js`;
  renameSync(plain, join(dir, name));
  return name;
}

async function buildAll(outDir: string): Promise<EmbedBuild> {
  const embedDir = join(outDir, 'embed');
  rmSync(embedDir, { recursive: true, force: true });
  await buildIife(embedDir, 'src/embed/temporal/polyfillEntry.ts', 'temporal-polyfill.js');
  const polyfillName = contentHashed(embedDir, 'temporal-polyfill');
  // The apps use the browser's Temporal; `temporal-polyfill` becomes a shim over the global.
  const app = async (entry: string, stem: string) => {
    await buildIife(
      embedDir,
      entry,
      `${stem}.js`,
      { __MADETO_POLYFILL__: JSON.stringify(polyfillName) },
      { 'temporal-polyfill': join(root, 'src/embed/temporal/nativeTemporal.ts') },
    );
    return contentHashed(embedDir, stem);
  };
  const appName = await app('src/embed/appEntry.ts', 'madeto-app');
  const repName = await app('src/embed/repAppEntry.ts', 'madeto-rep');
  const loader = await buildIife(embedDir, 'src/embed/loader.ts', 'loader.js', {
    __MADETO_APP__: JSON.stringify(appName),
    __MADETO_REP__: JSON.stringify(repName),
    __MADETO_POLYFILL__: JSON.stringify(polyfillName),
  });
  const floorDir = join(outDir, 'size-floor');
  rmSync(floorDir, { recursive: true, force: true });
  const floor = await buildIife(floorDir, 'src/embed/stackFloor.tsx', 'stack-floor.js');
  const lib = await buildLibrary(join(outDir, 'lib'));
  return {
    loader: sizeOf(loader),
    app: sizeOf(join(embedDir, appName)),
    rep: sizeOf(join(embedDir, repName)),
    polyfill: sizeOf(join(embedDir, polyfillName)),
    floor: sizeOf(floor),
    lib,
  };
}

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^zustand/,
  /^zod/,
  /^big\.js/,
  /^temporal-polyfill/,
  /^react-hook-form/,
  /^@hookform\//,
];

async function buildLibrary(outDir: string): Promise<BuiltFile[]> {
  rmSync(outDir, { recursive: true, force: true });
  const config = base(outDir, {});
  await build({
    ...config,
    define: { __MADETO_VERSION__: JSON.stringify(version) },
    plugins: [react()],
    build: {
      ...config.build,
      minify: false,
      lib: {
        entry: {
          index: join(root, 'src/embed/lib/index.ts'),
          element: join(root, 'src/embed/lib/element.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: { external },
    },
  });
  return ['index.js', 'element.js'].map((f) => sizeOf(join(outDir, f)));
}

/**
 * Emits the library's type declarations (`lib/types/`) with the project's compiler; slow (≈ 15 s),
 * so the CLI runs it and the tests do not.
 */
export function buildTypes(outDir: string): void {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const flags = ['--declaration', '--emitDeclarationOnly', '--outDir', join(outDir, 'lib/types')];
  const options = ['--rootDir', 'src', '--jsx', 'react-jsx', '--module', 'esnext'];
  const more = [
    '--moduleResolution',
    'bundler',
    '--target',
    'es2022',
    '--skipLibCheck',
    '--strict',
  ];
  const ts = ['--allowImportingTsExtensions', '--verbatimModuleSyntax', '--resolveJsonModule'];
  const env = ['--types', 'node,vite/client', '--lib', 'es2023,dom,dom.iterable'];
  const entries = ['src/embed/lib/index.ts', 'src/embed/lib/element.ts'];
  const args = [tsc, ...entries, ...flags, ...options, ...more, ...ts, ...env];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc (declarations) failed with exit ${result.status}`);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const over = (size: number, budget: number) =>
  size > budget ? `: OVER by ${kb(size - budget)}` : '';

/** `size` lines: name, raw kB, gzipped kB, budget (and by how much a file is over it). */
export function formatSizes(result: EmbedBuild): string {
  return [
    `loader.js  ${kb(result.loader.bytes)}  gzip ${kb(result.loader.gzip)}  (budget ${kb(BUDGETS.loader)}${over(result.loader.gzip, BUDGETS.loader)})`,
    `app        ${kb(result.app.bytes)}  gzip ${kb(result.app.gzip)}  (ceiling ${kb(APP_CEILING)}${over(result.app.gzip, APP_CEILING)})`,
    `rep app    ${kb(result.rep.bytes)}  gzip ${kb(result.rep.gzip)}  (only for mode="rep"; ceiling ${kb(REP_CEILING)})`,
    `stack floor  ${kb(result.floor.bytes)}  gzip ${kb(result.floor.gzip)}  (React, react-dom, react-hook-form, TanStack Query, zustand, zod/mini and no Madeto code: the app's floor)`,
    `temporal-polyfill  ${kb(result.polyfill.bytes)}  gzip ${kb(result.polyfill.gzip)}  (only where the browser has no Temporal)`,
    ...result.lib.map((f) => `lib ${f.file.split('/').pop()}  ${kb(f.bytes)}  gzip ${kb(f.gzip)}`),
  ].join('\n');
}

/** The budget and ceiling breaches of a build, as messages (empty when within them). */
export function overBudget(result: EmbedBuild): string[] {
  const limits = [
    ['loader', result.loader.gzip, BUDGETS.loader, 'budget'],
    ['app', result.app.gzip, APP_CEILING, 'ceiling'],
    ['rep app', result.rep.gzip, REP_CEILING, 'ceiling'],
  ] as const;
  return limits
    .filter(([, size, limit]) => size > limit)
    .map(
      ([name, size, limit, kind]) => `${name} is ${size} B gzipped, over its ${limit} B ${kind}`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node --import tsx src/embed/build.ts [outDir] [--check]`: --check exits 1 over a budget or ceiling.
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const outDir = dir ? resolve(dir) : join(root, 'dist');
  const result = await buildEmbed(outDir);
  console.log(formatSizes(result));
  if (!args.includes('--check')) buildTypes(outDir);
  const breaches = overBudget(result);
  for (const b of breaches) console.error(`size: ${b}`);
  if (args.includes('--check') && breaches.length) process.exit(1);
}
