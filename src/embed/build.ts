/**
 * Builds the embed outputs with Vite's JS API (Node only; run `node --import tsx
 * src/embed/build.ts [outDir]`): `embed/temporal-polyfill.<hash>.js` (fetched only by browsers
 * without `Temporal`), `embed/madeto-app.<hash>.js` (one IIFE, React bundled, production, native
 * `Temporal`; what shops load), `embed/madeto-form.<hash>.js` (the shop app's quote form with
 * react-hook-form, fetched by the app when the buyer nears the form), `embed/madeto-rep.<hash>.js`
 * (the shop app with its form bundled, plus the rep's quote editor,
 * for `mode="rep"`), `embed/madeto-de.<hash>.js` and `embed/madeto-rep-de.<hash>.js` (each app's
 * German messages, fetched only for a German widget), `embed/loader.js` (IIFE, knows the hashed
 * names) and `lib/` (ESM, React external).
 * Returns the files with their raw and gzipped sizes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig, type Plugin, type Rollup } from 'vite';
import { FORM_SHARED_IDS } from './form/sharedIds.ts';

/**
 * The loader's budget in bytes, gzipped (embed.md). The shop app's 110 kB budget is retired
 * (issue 14: the fixed stack alone is 94 kB); the app is held to a regression ceiling instead and
 * to the loading targets of the embed benchmark (`madeto bench embed`).
 */
export const BUDGETS = { loader: 2 * 1024 } as const;

/**
 * The shop app's target, gzipped (issue 14: ≤ 175 kB). Met since the quote form moved to its own
 * file (168.9 kB measured on 2026-12-07, 181.9 kB before): `npm run size` exits 1 above it.
 */
export const APP_TARGET = 175 * 1024;

/**
 * The shop app's regression ceiling (168.9 kB measured, plus 2 kB): growth above it fails
 * `npm test`. Lower it when the app shrinks, never raise it to hide growth.
 */
export const APP_CEILING = 171 * 1024;

/**
 * The shop app's quote form file's regression ceiling (14.8 kB measured: react-hook-form, its zod
 * resolver and the form; plus 2 kB). The app fetches it after it has started (`LazyQuoteForm`).
 */
export const FORM_CEILING = 17 * 1024;

/**
 * The rep app's regression ceiling (202.2 kB measured after sign-in, the pipeline and the
 * customer's document, plus 2 kB). It has no budget of its own: it is loaded by reps' pages only,
 * never by a shop's.
 */
export const REP_CEILING = 204 * 1024;

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
  /**
   * The shop app's quote form (react-hook-form, its zod resolver and the form), fetched by the shop
   * app when the buyer nears the form, when the page is idle, or on the first press.
   */
  form: BuiltFile;
  /** The rep app: the shop app plus the rep's quote editor, loaded only for `mode="rep"`. */
  rep: BuiltFile;
  /** The German catalogue, loaded beside the shop app only for a German widget. */
  german: BuiltFile;
  /** The German catalogues of the rep app (the widget's and the rep mode's), likewise. */
  repGerman: BuiltFile;
  /** The Temporal polyfill, loaded before the app only where the browser has no `Temporal`. */
  polyfill: BuiltFile;
  /** `<model-viewer>` and three.js, loaded by the apps only for a product with a `model3d`. */
  modelViewer: BuiltFile;
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

/** The German catalogues, which the apps leave to their own file, and what stands in for them. */
const GERMAN = new Map([
  [join(root, 'src/react/i18n/de.ts'), join(root, 'src/embed/i18n/deferredDe.ts')],
  [join(root, 'src/react/rep/i18n/de.ts'), join(root, 'src/embed/i18n/deferredRepDe.ts')],
]);

/**
 * Swaps the German catalogues for empty ones (`deferredDe.ts`, `deferredRepDe.ts`) that
 * `loadCatalogue` fills from `madeto-de.<hash>.js` (`madeto-rep-de.<hash>.js` in the rep app)
 * before a German widget renders: shops in other languages do not download German.
 */
const deferGerman: Plugin = {
  name: 'madeto-defer-german',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('de.ts') || !importer) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return (resolved && GERMAN.get(resolved.id)) ?? null;
  },
};

/** The quote form, which the shop app leaves to its own file, and what stands in for it. */
const QUOTE_FORM = join(root, 'src/react/panels/QuoteForm.tsx');
const LAZY_FORM = join(root, 'src/embed/form/LazyQuoteForm.tsx');

/**
 * Swaps the quote form for `LazyQuoteForm.tsx`, which loads it (with react-hook-form and its zod
 * resolver) from `madeto-form.<hash>.js` when the buyer nears it: the shop app's first load is
 * that much smaller.
 */
const deferForm: Plugin = {
  name: 'madeto-defer-form',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('QuoteForm.tsx') || !importer || importer === LAZY_FORM) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved?.id === QUOTE_FORM ? LAZY_FORM : null;
  },
};

const isShared = (id: string): boolean => (FORM_SHARED_IDS as readonly string[]).includes(id);

/**
 * Leaves React and the app modules the form shares with the app (`FORM_SHARED_IDS`) out of the
 * form file, as `require(id)` calls that the app answers (`formModules.ts`).
 */
const formShared: Plugin = {
  name: 'madeto-form-shared',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (isShared(source)) return { id: source, external: true };
    if (!importer) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    const path = resolved && relative(root, resolved.id).split(sep).join('/');
    return path && isShared(path) ? { id: path, external: true } : null;
  },
};

/** What the form file may hold besides the form itself: react-hook-form and its resolver. */
const FORM_OWN = /\/node_modules\/(react-hook-form|@hookform\/resolvers)\/|^\0/;

/**
 * Builds the shop app's quote form file, `madeto-form.<hash>.js`: the form's CommonJS body wrapped
 * so that, run as a classic script (nonce, no `eval`), it hands a factory to the app through a
 * `madeto-form` event on its own `<script>` element; the app runs it with its own `require`.
 * Throws if anything but the form, react-hook-form and its resolver got into it (a copy of React
 * or of the messages would break the form). Returns the file's name.
 */
async function buildFormFile(outDir: string): Promise<string> {
  const config = base(outDir, {});
  const result = (await build({
    ...config,
    plugins: [formShared, react()],
    build: {
      ...config.build,
      lib: {
        entry: join(root, 'src/embed/form/formEntry.ts'),
        formats: ['cjs'],
        fileName: () => 'madeto-form.cjs',
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = [result]
    .flat()
    .flatMap((r) => r.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('the quote form build produced no file');
  const own = [QUOTE_FORM, join(root, 'src/embed/form/formEntry.ts')];
  const strays = Object.keys(chunk.modules).filter((id) => !own.includes(id) && !FORM_OWN.test(id));
  if (strays.length)
    throw new Error(
      `the quote form file would bundle modules it must take from the app (add them to FORM_SHARED_IDS): ${strays.join(', ')}`,
    );
  const cjs = join(outDir, 'madeto-form.cjs');
  const body = readFileSync(cjs, 'utf8');
  rmSync(cjs);
  writeFileSync(
    join(outDir, 'madeto-form.js'),
    `(function(s){s&&s.dispatchEvent(new CustomEvent("madeto-form",{detail:function(require){"use strict";var module={exports:{}},exports=module.exports;\n${body}\nreturn module.exports}}))})(document.currentScript);\n`,
  );
  return contentHashed(outDir, 'madeto-form');
}

async function buildIife(
  outDir: string,
  entry: string,
  file: string,
  define = {},
  alias: Record<string, string> = {},
  plugins: Plugin[] = [],
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
    plugins: [...plugins, react()],
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
  await buildIife(embedDir, 'src/embed/i18n/germanEntry.ts', 'madeto-de.js');
  const germanName = contentHashed(embedDir, 'madeto-de');
  await buildIife(embedDir, 'src/embed/i18n/repGermanEntry.ts', 'madeto-rep-de.js');
  const repGermanName = contentHashed(embedDir, 'madeto-rep-de');
  await buildIife(
    embedDir,
    'src/embed/modelViewerEntry.ts',
    'madeto-model-viewer.js',
    {},
    {
      'three/examples/jsm/libs/meshopt_decoder.module.js': join(
        root,
        'src/embed/noMeshoptDecoder.ts',
      ),
    },
  );
  const modelViewerName = contentHashed(embedDir, 'madeto-model-viewer');
  const formName = await buildFormFile(embedDir);
  // The apps use the browser's Temporal; `temporal-polyfill` becomes a shim over the global. The
  // shop app leaves its quote form to its own file; the rep app (whose editor uses react-hook-form
  // anyway) keeps it.
  const app = async (entry: string, stem: string, german: string, form?: string) => {
    await buildIife(
      embedDir,
      entry,
      `${stem}.js`,
      {
        __MADETO_POLYFILL__: JSON.stringify(polyfillName),
        __MADETO_DE__: JSON.stringify(german),
        ...(form && { __MADETO_FORM__: JSON.stringify(form) }),
        __MADETO_MODEL_VIEWER__: JSON.stringify(modelViewerName),
      },
      { 'temporal-polyfill': join(root, 'src/embed/temporal/nativeTemporal.ts') },
      form ? [deferGerman, deferForm] : [deferGerman],
    );
    return contentHashed(embedDir, stem);
  };
  const appName = await app('src/embed/appEntry.ts', 'madeto-app', germanName, formName);
  const repName = await app('src/embed/repAppEntry.ts', 'madeto-rep', repGermanName);
  const loader = await buildIife(embedDir, 'src/embed/loader.ts', 'loader.js', {
    __MADETO_APP__: JSON.stringify(appName),
    __MADETO_REP__: JSON.stringify(repName),
    __MADETO_POLYFILL__: JSON.stringify(polyfillName),
    __MADETO_DE__: JSON.stringify(germanName),
    __MADETO_REP_DE__: JSON.stringify(repGermanName),
  });
  const floorDir = join(outDir, 'size-floor');
  rmSync(floorDir, { recursive: true, force: true });
  const floor = await buildIife(floorDir, 'src/embed/stackFloor.tsx', 'stack-floor.js');
  const lib = await buildLibrary(join(outDir, 'lib'));
  return {
    loader: sizeOf(loader),
    app: sizeOf(join(embedDir, appName)),
    form: sizeOf(join(embedDir, formName)),
    rep: sizeOf(join(embedDir, repName)),
    german: sizeOf(join(embedDir, germanName)),
    repGerman: sizeOf(join(embedDir, repGermanName)),
    polyfill: sizeOf(join(embedDir, polyfillName)),
    modelViewer: sizeOf(join(embedDir, modelViewerName)),
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
  /^@google\/model-viewer/,
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
    `app        ${kb(result.app.bytes)}  gzip ${kb(result.app.gzip)}  (target ${kb(APP_TARGET)}${over(result.app.gzip, APP_TARGET)}; ceiling ${kb(APP_CEILING)})`,
    `madeto-form  ${kb(result.form.bytes)}  gzip ${kb(result.form.gzip)}  (the shop app's quote form, fetched after the app; ceiling ${kb(FORM_CEILING)})`,
    `rep app    ${kb(result.rep.bytes)}  gzip ${kb(result.rep.gzip)}  (only for mode="rep"; ceiling ${kb(REP_CEILING)})`,
    `madeto-de  ${kb(result.german.bytes)}  gzip ${kb(result.german.gzip)}  (only for a German widget)`,
    `madeto-rep-de  ${kb(result.repGerman.bytes)}  gzip ${kb(result.repGerman.gzip)}  (the rep app's, only for a German widget)`,
    `stack floor  ${kb(result.floor.bytes)}  gzip ${kb(result.floor.gzip)}  (React, react-dom, react-hook-form, TanStack Query, zustand, zod/mini and no Madeto code: the floor under the shop app and its form file together)`,
    `temporal-polyfill  ${kb(result.polyfill.bytes)}  gzip ${kb(result.polyfill.gzip)}  (only where the browser has no Temporal)`,
    `model-viewer  ${kb(result.modelViewer.bytes)}  gzip ${kb(result.modelViewer.gzip)}  (only for a product with a 3D model)`,
    ...result.lib.map((f) => `lib ${f.file.split('/').pop()}  ${kb(f.bytes)}  gzip ${kb(f.gzip)}`),
  ].join('\n');
}

/** The budget and ceiling breaches of a build, as messages (empty when within them). */
export function overBudget(result: EmbedBuild): string[] {
  const limits = [
    ['loader', result.loader.gzip, BUDGETS.loader, 'budget'],
    ['app', result.app.gzip, APP_TARGET, 'target'],
    ['app', result.app.gzip, APP_CEILING, 'ceiling'],
    ['quote form', result.form.gzip, FORM_CEILING, 'ceiling'],
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
