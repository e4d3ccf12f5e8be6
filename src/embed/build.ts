/**
 * Builds the embed outputs with Vite's JS API (Node only; run `node --import tsx
 * src/embed/build.ts [outDir]`): `embed/temporal-polyfill.<hash>.js` (fetched only by browsers
 * without `Temporal`), `embed/madeto-app.<hash>.js` (one IIFE, React bundled, production, native
 * `Temporal`; what shops load), `embed/madeto-form.<hash>.js` (the shop app's quote form with
 * react-hook-form, fetched by the app when the buyer nears the form), `embed/madeto-rep.<hash>.js`
 * (the shop app with its form bundled, plus the rep's quote editor,
 * for `mode="rep"`), `embed/madeto-de.<hash>.js` and `embed/madeto-rep-de.<hash>.js` (each app's
 * German messages, fetched only for a German widget), `embed/madeto-sat.<hash>.js` (both apps' SAT
 * fallback, fetched only for a model on the page past the node limit), `embed/loader.js` (IIFE, knows the hashed
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
import { FORM_SHARED_IDS, FORM_ZOD_MEMBERS } from './form/sharedIds.ts';
import { INSIGHTS_SHARED_IDS } from './insights/sharedIds.ts';
import { modelViewerStylesAdopted } from './modelViewerStyles.ts';
import { MODEL3D_SHARED_IDS } from './model3d/sharedIds.ts';
import { PREVIEW_SHARED_IDS } from './preview/sharedIds.ts';
import { OPTIMISE_SHARED_IDS } from './optimise/sharedIds.ts';
import { OUTLOOK_SHARED_IDS } from './outlook/sharedIds.ts';
import { SAT_SHARED_IDS } from './sat/sharedIds.ts';

/**
 * The loader's budget in bytes, gzipped (embed.md). The shop app's 110 kB budget is retired
 * (issue 14: the fixed stack alone is 94 kB); the app is held to a regression ceiling instead and
 * to the loading targets of the embed benchmark (`madeto bench embed`).
 */
export const BUDGETS = { loader: 2 * 1024 } as const;

/**
 * The shop app's target, gzipped (issue 14: ≤ 175 kB): `npm run size` exits 1 above it. Met when
 * the quote form moved to its own file (168.9 kB, 181.9 kB before), missed after the day's merges
 * of 2026-12-07 (177.2 kB), met on branch `size` (173.8 kB), NOT met again after merging main's
 * later merges of that day (176.9 kB), 175.3 kB once the cheapest / fastest search left it, met
 * again at 173.2 kB once what sends a quote request came with the form's file, 173.6 kB after
 * merging main (see `APP_CEILING`).
 */
export const APP_TARGET = 175 * 1024;

/**
 * The shop app's regression ceiling: 173.6 kB measured on 2026-12-07 19:30 UTC (177,723 B, after
 * merging main) once the outbox, the order payload's schema and the submit adapters came with the
 * quote form's file and the panels sent without a react-query mutation, plus 0.9 kB. Growth above it fails
 * `npm test`; never raise it to hide growth. On 2026-12-07 22:05 UTC the day's merges (the capacity
 * scan's skip over fully booked stretches, 0.45 kB; the picture peek's hover intent, 0.1 kB; the
 * quote picture's view labels; the compile's feature-tree order, 0.45 kB) took the app to 175.4
 * kB, over the target: zod's English messages written out for the formats Madeto uses (−0.4 kB,
 * `src/engine/zod.ts`) and the value extras in their own file, `madeto-outlook` (−0.8 kB), brought
 * it to 174.2 kB.
 */
export const APP_CEILING = 174.5 * 1024;

/**
 * The shop app's quote form file's regression ceiling (20.3 kB measured: react-hook-form, its zod
 * resolver, the form, the quote request's payload builder with the model hash, the line's picture
 * and, since 2026-12-07 19:30 UTC, the production needs, the idempotency key and what sends it —
 * the outbox with the order payload's schema, the http and event adapters: 2.9 kB that left the
 * app; plus 0.7 kB).
 * The app fetches it after it has started (`LazyQuoteForm`), or at mount when a payload was left
 * unsent.
 */
export const FORM_CEILING = 21 * 1024;

/**
 * The shop app's product picture file's regression ceiling (2.6 kB measured: the picture with
 * `composeView`, `previewText` and the image cache; plus 1.4 kB).
 */
export const PREVIEW_CEILING = 4 * 1024;

/**
 * The rep app's regression ceiling (212.9 kB measured on 2026-12-07 after the day's merges: the
 * picture, the insights reporter, the availability feed client, the 3D button, the value outlook;
 * plus 2 kB). It keeps bundling them (its editor uses react-hook-form anyway) and has no budget
 * of its own: it is loaded by reps' pages only, never by a shop's. Raised to 216 kB on 2026-12-07
 * 22:05 UTC at 215.6 kB (the same capacity scan and picture view labels as the shop app's), and to
 * 217 kB on 2026-12-08 00:45 UTC at 216.1 kB (the shop's idle minutes from the events answer,
 * the picture's ruled-out defaults and view-drawn names, the rep page's layout).
 */
export const REP_CEILING = 217 * 1024;

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
  /** The shop app's product picture (with `composeView`), fetched as soon as the app has rendered. */
  preview: BuiltFile;
  /** The shop app's configuration event reporter, fetched when the page is first idle. */
  insights: BuiltFile;
  /** The shop app's "View in 3D" button, fetched at idle or on its first press (`model3d` only). */
  model3d: BuiltFile;
  /**
   * Both apps' SAT fallback (the CDCL solver and its queries), fetched only when a model on the
   * page passes the diagram's node limit (the worker bundles its own).
   */
  sat: BuiltFile;
  /**
   * Both apps' "Cheapest" / "Fastest" search (`optimalCompletion` with its own copies of the
   * pricing, lead-time and solver code it runs), fetched as the buyer heads for those buttons.
   */
  optimise: BuiltFile;
  outlook: BuiltFile;
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
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: !!process.env.MADETO_ANALYZE,
    },
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

/**
 * Resolves TanStack Query's infinite-query paging (`infiniteQueryBehavior.js`, imported by every
 * `Query`) to `noInfiniteQueries.ts`: the widgets use no infinite query, and the bundler cannot
 * tell, because `Query` picks the behaviour at run time.
 */
const noInfiniteQueries: Plugin = {
  name: 'madeto-no-infinite-queries',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === './infiniteQueryBehavior.js' && importer?.includes('@tanstack/query-core')
      ? join(root, 'src/embed/noInfiniteQueries.ts')
      : null;
  },
};

/**
 * A file the shop app leaves out of itself and fetches after it has started: which module it
 * replaces (`original`) with what (`standIn`, which loads the file through `loadSplitFile.ts`), the
 * file's entry, the app modules it takes from the app instead of bundling (`shared`, see its
 * `sharedIds.ts`), and what else it may hold (`own`: its own modules and packages).
 */
interface SplitFileSpec {
  /** The file's stem (`madeto-form`): also the event its wrapper dispatches. */
  stem: string;
  what: string;
  original: string;
  standIn: string;
  entry: string;
  shared: readonly string[];
  own: (id: string) => boolean;
  /** Modules the file's build reads in place of others (absolute paths). */
  redirect?: Record<string, string>;
  /** The only functions the file may call on the app's `z` (`src/engine/zod.ts`, if shared). */
  zodMembers?: readonly string[];
}

/**
 * The quote form (react-hook-form, its zod resolver and the form), the quote request's payload
 * builder (`quotePayload` with the engine's `buildOrderPayload`, the model hash, the production
 * needs and the line's picture with `composeView`) and what sends it (the outbox with the order
 * payload's schema, the http and event adapters): only the form sends. Fetched when the buyer
 * nears the form, or at mount when the outbox holds a payload an earlier page left unsent.
 */
const FORM_FILE: SplitFileSpec = {
  stem: 'madeto-form',
  what: 'the quote form',
  original: join(root, 'src/react/panels/QuoteForm.tsx'),
  standIn: join(root, 'src/embed/form/LazyQuoteForm.tsx'),
  entry: join(root, 'src/embed/form/formEntry.ts'),
  shared: FORM_SHARED_IDS,
  zodMembers: FORM_ZOD_MEMBERS,
  redirect: {
    [join(root, 'src/engine/index.ts')]: join(root, 'src/embed/form/formEngine.ts'),
  },
  own: (id) =>
    [
      'src/react/panels/QuoteForm.tsx',
      'src/react/panels/quotePayload.ts',
      'src/react/panels/idempotencyKey.ts',
      'src/react/submit/outbox.ts',
      'src/react/submit/httpAdapter.ts',
      'src/react/submit/eventAdapter.ts',
      'src/embed/form/formEntry.ts',
      'src/embed/form/formEngine.ts',
      'src/engine/orders/buildOrder.ts',
      'src/engine/orders/contentHash.ts',
      'src/engine/orders/sha256.ts',
      'src/engine/orders/linePicture.ts',
      'src/engine/orders/schema.ts',
      'src/engine/orders/picture.ts',
      'src/engine/orders/needs.ts',
      'src/engine/visuals/composeView.ts',
    ].includes(relative(root, id).split(sep).join('/')) ||
    /\/node_modules\/(react-hook-form|@hookform\/resolvers)\/|^\0/.test(id),
};

/** The quote request's payload builder, which comes with the form's file (`deferredQuotePayload.ts`). */
const FORM_PAYLOAD = {
  stem: 'madeto-form-payload',
  original: join(root, 'src/react/panels/quotePayload.ts'),
  standIn: join(root, 'src/embed/form/deferredQuotePayload.ts'),
};

/**
 * The outbox (with the order payload's schema it checks stored entries with) and the http and
 * event adapters, which come with the form's file (`deferredOutbox.ts`, `deferredAdapters.ts`):
 * only the form sends, and a page with nothing left unsent never needs them before.
 */
const FORM_SENDING = [
  {
    stem: 'madeto-form-outbox',
    original: join(root, 'src/react/submit/outbox.ts'),
    standIn: join(root, 'src/embed/form/deferredOutbox.ts'),
  },
  {
    stem: 'madeto-form-http',
    original: join(root, 'src/react/submit/httpAdapter.ts'),
    standIn: join(root, 'src/embed/form/deferredAdapters.ts'),
  },
  {
    stem: 'madeto-form-event',
    original: join(root, 'src/react/submit/eventAdapter.ts'),
    standIn: join(root, 'src/embed/form/deferredAdapters.ts'),
  },
];

/** The product picture with `composeView` (issue 18), fetched as soon as the app has rendered. */
const PREVIEW_FILE: SplitFileSpec = {
  stem: 'madeto-preview',
  what: 'the product picture',
  original: join(root, 'src/react/preview/ProductPreview.tsx'),
  standIn: join(root, 'src/embed/preview/LazyProductPreview.tsx'),
  entry: join(root, 'src/embed/preview/previewEntry.ts'),
  shared: PREVIEW_SHARED_IDS,
  redirect: {
    [join(root, 'src/engine/index.ts')]: join(root, 'src/embed/preview/previewEngine.ts'),
  },
  own: (id) => {
    const path = relative(root, id).split(sep).join('/');
    return (
      /^src\/react\/preview\/(ProductPreview\.tsx|imageCache\.ts|peekStore\.ts|previewText\.ts)$/.test(
        path,
      ) ||
      path === 'src/engine/visuals/composeView.ts' ||
      path === 'src/embed/preview/previewEntry.ts' ||
      path === 'src/embed/preview/previewEngine.ts' ||
      id.startsWith('\0')
    );
  },
};

/**
 * The configuration event reporter (issue 20), fetched when the page is first idle, and the fetch
 * of the "Popular with buyers" values (`POPULAR_SWAP`), when a widget with hints on mounts.
 */
const INSIGHTS_FILE: SplitFileSpec = {
  stem: 'madeto-insights',
  what: 'the insights file',
  original: join(root, 'src/core/insightReporter.ts'),
  standIn: join(root, 'src/embed/insights/deferredInsightReporter.ts'),
  entry: join(root, 'src/embed/insights/insightsEntry.ts'),
  shared: INSIGHTS_SHARED_IDS,
  redirect: {
    [join(root, 'src/engine/index.ts')]: join(root, 'src/embed/insights/insightsEngine.ts'),
  },
  own: (id) =>
    [
      'src/core/insightReporter.ts',
      'src/embed/insights/insightsEntry.ts',
      'src/embed/insights/insightsEngine.ts',
      'src/react/insights/fetchPopularHints.ts',
    ].includes(relative(root, id).split(sep).join('/')) || id.startsWith('\0'),
};

/** The insights file's second module: the popular values' fetch, swapped for its stand-in. */
const POPULAR_SWAP: SplitFileSpec = {
  ...INSIGHTS_FILE,
  stem: 'madeto-insights-popular',
  original: join(root, 'src/react/insights/fetchPopularHints.ts'),
  standIn: join(root, 'src/embed/insights/deferredPopularHints.ts'),
};

/**
 * The "View in 3D" button and its viewer states, fetched when the page is first idle or on the
 * first press; the app renders its stand-in only for a product with a `model3d`.
 */
const MODEL3D_FILE: SplitFileSpec = {
  stem: 'madeto-model3d',
  what: 'the 3D view',
  original: join(root, 'src/react/components/ProductModel3D.tsx'),
  standIn: join(root, 'src/embed/model3d/LazyProductModel3D.tsx'),
  entry: join(root, 'src/embed/model3d/model3dEntry.ts'),
  shared: MODEL3D_SHARED_IDS,
  own: (id) =>
    ['src/react/components/ProductModel3D.tsx', 'src/embed/model3d/model3dEntry.ts'].includes(
      relative(root, id).split(sep).join('/'),
    ) || id.startsWith('\0'),
};

/**
 * The SAT fallback (issue 17), which both apps leave to `madeto-sat.<hash>.js`: fetched only when
 * a model answered on the page passes the diagram's node limit. Its engine modules are its own
 * copies (the apps keep what the diagram uses), except `SolverError`, which the app hands over.
 */
const SAT_FILE: SplitFileSpec = {
  stem: 'madeto-sat',
  what: 'the SAT fallback',
  original: join(root, 'src/react/engine/loadSatFallback.ts'),
  standIn: join(root, 'src/embed/sat/deferredSatFallback.ts'),
  entry: join(root, 'src/embed/sat/satEntry.ts'),
  shared: SAT_SHARED_IDS,
  own: (id) => {
    const path = relative(root, id).split(sep).join('/');
    return (
      path === 'src/embed/sat/satEntry.ts' ||
      (path.startsWith('src/engine/') && path !== 'src/engine/zod.ts') ||
      id.startsWith('\0')
    );
  },
};

/**
 * The exact "Cheapest" / "Fastest" completion (issue 14: branch and bound over the diagram, with
 * the price and the promise of each candidate), which both apps leave to
 * `madeto-optimise.<hash>.js`: fetched as the buyer heads for those buttons or on the first
 * press. Its engine modules are its own copies, except those the app hands over (`sharedIds.ts`).
 */
const OPTIMISE_FILE: SplitFileSpec = {
  stem: 'madeto-optimise',
  what: 'the cheapest / fastest search',
  original: join(root, 'src/react/engine/loadOptimiser.ts'),
  standIn: join(root, 'src/embed/optimise/deferredOptimiser.ts'),
  entry: join(root, 'src/embed/optimise/optimiseEntry.ts'),
  shared: OPTIMISE_SHARED_IDS,
  own: (id) => {
    const path = relative(root, id).split(sep).join('/');
    return (
      path === 'src/embed/optimise/optimiseEntry.ts' ||
      path.startsWith('src/engine/') ||
      path.startsWith('node_modules/zod/') ||
      id.startsWith('\0')
    );
  },
};

/**
 * The shop app's value extras (per value its price delta and availability badge: the core's
 * `valueOutlook` and `createValueExtras`), computed in idle time after the widget's paint, so
 * `madeto-outlook.<hash>.js` is fetched once the widget has rendered and the idle work waits for
 * it (`lazyValueExtras.ts`). The engine, messages and formats it calls are the app's.
 */
const OUTLOOK_FILE: SplitFileSpec = {
  stem: 'madeto-outlook',
  what: 'the value extras',
  original: join(root, 'src/react/panels/loadValueExtras.ts'),
  standIn: join(root, 'src/embed/outlook/deferredValueExtras.ts'),
  entry: join(root, 'src/embed/outlook/outlookEntry.ts'),
  shared: OUTLOOK_SHARED_IDS,
  redirect: {
    [join(root, 'src/engine/index.ts')]: join(root, 'src/embed/outlook/outlookEngine.ts'),
    [join(root, 'src/core/index.ts')]: join(root, 'src/embed/outlook/outlookCore.ts'),
  },
  own: (id) =>
    [
      'src/embed/outlook/outlookEntry.ts',
      'src/embed/outlook/outlookEngine.ts',
      'src/embed/outlook/outlookCore.ts',
      'src/core/valueOutlook.ts',
      'src/react/panels/valueExtras.ts',
    ].includes(relative(root, id).split(sep).join('/')) || id.startsWith('\0'),
};

/**
 * Swaps a split file's module for its stand-in (`LazyQuoteForm.tsx`, `LazyProductPreview.tsx`),
 * which loads it from its own file: the shop app's first load is that much smaller.
 */
function deferModule(spec: Pick<SplitFileSpec, 'stem' | 'original' | 'standIn'>): Plugin {
  const name = spec.original.split(sep).pop()!;
  return {
    name: `madeto-defer-${spec.stem}`,
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(name) || !importer || importer === spec.standIn) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === spec.original ? spec.standIn : null;
    },
  };
}

/**
 * Leaves React and the app modules a split file shares with the app out of it, as `require(id)`
 * calls that the app answers (`formModules.ts`, `previewModules.ts`).
 */
function sharedWithApp(shared: readonly string[], redirect: Record<string, string> = {}): Plugin {
  return {
    name: 'madeto-split-shared',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (shared.includes(source)) return { id: source, external: true };
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved && redirect[resolved.id]) return redirect[resolved.id];
      const path = resolved && relative(root, resolved.id).split(sep).join('/');
      return path && shared.includes(path) ? { id: path, external: true } : null;
    },
  };
}

/**
 * What a split file's CommonJS body does with the app's `z` (`require("src/engine/zod.ts")`): the
 * names of the functions it calls on it, or `'z'` where it uses `z` itself (which only the whole
 * namespace could answer).
 *
 * @example
 * zodMembersCalled('var v=require("src/engine/zod.ts");v.z.string(),v.z.email()'); // ['string', 'email']
 */
export function zodMembersCalled(body: string): string[] {
  const names = [...body.matchAll(/([\w$]+)=require\("src\/engine\/zod\.ts"\)/g)].map((m) => m[1]!);
  const used = new Set<string>();
  for (const m of body.matchAll(/require\("src\/engine\/zod\.ts"\)\.z\b(\.[\w$]+)?/g))
    used.add(m[1]?.slice(1) ?? 'z');
  for (const name of names) {
    const escaped = name.replace(/\$/g, '\\$');
    for (const m of body.matchAll(new RegExp(`(?<![\\w$.])${escaped}\\.z\\b(\\.[\\w$]+)?`, 'g')))
      used.add(m[1]?.slice(1) ?? 'z');
  }
  return [...used];
}

/**
 * Builds one of the shop app's split files, `<stem>.<hash>.js`: its CommonJS body wrapped so
 * that, run as a classic script (nonce, no `eval`), it hands a factory to the app through a
 * `<stem>` event on its own `<script>` element; the app runs it with its own `require`
 * (`loadSplitFile.ts`). Throws if anything but its own modules got into it (a copy of React, of
 * the widget's context or of the messages would break it). Returns the file's name.
 */
async function buildSplitFile(outDir: string, spec: SplitFileSpec): Promise<string> {
  const config = base(outDir, {});
  const result = (await build({
    ...config,
    plugins: [sharedWithApp(spec.shared, spec.redirect), react()],
    build: {
      ...config.build,
      lib: { entry: spec.entry, formats: ['cjs'], fileName: () => `${spec.stem}.cjs` },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = [result]
    .flat()
    .flatMap((r) => r.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error(`the ${spec.stem} build produced no file`);
  const strays = Object.entries(chunk.modules)
    .filter(([id, m]) => m.renderedLength > 0 && !spec.own(id))
    .map(([id]) => id);
  if (strays.length)
    throw new Error(
      `${spec.what}'s file would bundle modules it must take from the app (add them to its shared ids): ${strays.join(', ')}`,
    );
  const cjs = join(outDir, `${spec.stem}.cjs`);
  const body = readFileSync(cjs, 'utf8');
  rmSync(cjs);
  const zodCalls = zodMembersCalled(body);
  const unknownZod = zodCalls.filter((m) => !spec.zodMembers?.includes(m));
  if (unknownZod.length)
    throw new Error(
      `${spec.what}'s file uses the app's zod as ${unknownZod.join(', ')}, which the app does not hand over (add them to its zod members)`,
    );
  writeFileSync(
    join(outDir, `${spec.stem}.js`),
    `(function(s){s&&s.dispatchEvent(new CustomEvent(${JSON.stringify(spec.stem)},{detail:function(require){"use strict";var module={exports:{}},exports=module.exports;\n${body}\nreturn module.exports}}))})(document.currentScript);\n`,
  );
  return contentHashed(outDir, spec.stem);
}

/**
 * The engine is pure (no React, DOM, fetch or clock; its one top-level effect is `zod.ts`'s
 * locale): a module of it whose exports the bundle does not use is left out, top-level schemas
 * included. Without this the shop app carried the rep backend's wire schemas
 * (`quotes/wire.ts`, `repQuote.ts`, `sellerConfig.ts`: `z.object(…)` calls the bundler must
 * otherwise assume have effects), re-exported by `src/engine/index.ts` and never used.
 */
const engineDir = join(root, 'src/engine') + sep;
const pureEngine = (id: string): boolean | undefined =>
  id.startsWith(engineDir) && id !== join(root, 'src/engine/zod.ts') ? false : undefined;

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
      rollupOptions: { output: { intro: scriptUrl }, treeshake: { moduleSideEffects: pureEngine } },
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
    [modelViewerStylesAdopted()],
  );
  const modelViewerName = contentHashed(embedDir, 'madeto-model-viewer');
  const formName = await buildSplitFile(embedDir, FORM_FILE);
  const previewName = await buildSplitFile(embedDir, PREVIEW_FILE);
  const insightsName = await buildSplitFile(embedDir, INSIGHTS_FILE);
  const model3dName = await buildSplitFile(embedDir, MODEL3D_FILE);
  const satName = await buildSplitFile(embedDir, SAT_FILE);
  const optimiseName = await buildSplitFile(embedDir, OPTIMISE_FILE);
  const outlookName = await buildSplitFile(embedDir, OUTLOOK_FILE);
  // The apps use the browser's Temporal; `temporal-polyfill` becomes a shim over the global. The
  // shop app leaves its quote form to its own file; the rep app (whose editor uses react-hook-form
  // anyway) keeps it.
  const app = async (
    entry: string,
    stem: string,
    german: string,
    split?: { form: string; preview: string; insights: string; model3d: string; outlook: string },
  ) => {
    await buildIife(
      embedDir,
      entry,
      `${stem}.js`,
      {
        __MADETO_POLYFILL__: JSON.stringify(polyfillName),
        __MADETO_DE__: JSON.stringify(german),
        __MADETO_SAT__: JSON.stringify(satName),
        __MADETO_OPTIMISE__: JSON.stringify(optimiseName),
        ...(split && {
          __MADETO_FORM__: JSON.stringify(split.form),
          __MADETO_PREVIEW__: JSON.stringify(split.preview),
          __MADETO_INSIGHTS__: JSON.stringify(split.insights),
          __MADETO_MODEL3D__: JSON.stringify(split.model3d),
          __MADETO_OUTLOOK__: JSON.stringify(split.outlook),
        }),
        __MADETO_MODEL_VIEWER__: JSON.stringify(modelViewerName),
      },
      { 'temporal-polyfill': join(root, 'src/embed/temporal/nativeTemporal.ts') },
      split
        ? [
            deferGerman,
            noInfiniteQueries,
            ...[
              FORM_FILE,
              FORM_PAYLOAD,
              ...FORM_SENDING,
              PREVIEW_FILE,
              INSIGHTS_FILE,
              POPULAR_SWAP,
              MODEL3D_FILE,
              SAT_FILE,
              OPTIMISE_FILE,
              OUTLOOK_FILE,
            ].map(deferModule),
          ]
        : [deferGerman, noInfiniteQueries, deferModule(SAT_FILE), deferModule(OPTIMISE_FILE)],
    );
    return contentHashed(embedDir, stem);
  };
  const appName = await app('src/embed/appEntry.ts', 'madeto-app', germanName, {
    form: formName,
    preview: previewName,
    insights: insightsName,
    model3d: model3dName,
    outlook: outlookName,
  });
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
    preview: sizeOf(join(embedDir, previewName)),
    insights: sizeOf(join(embedDir, insightsName)),
    model3d: sizeOf(join(embedDir, model3dName)),
    sat: sizeOf(join(embedDir, satName)),
    optimise: sizeOf(join(embedDir, optimiseName)),
    outlook: sizeOf(join(embedDir, outlookName)),
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
    `madeto-preview  ${kb(result.preview.bytes)}  gzip ${kb(result.preview.gzip)}  (the shop app's product picture, fetched once the app has rendered; ceiling ${kb(PREVIEW_CEILING)})`,
    `madeto-insights  ${kb(result.insights.bytes)}  gzip ${kb(result.insights.gzip)}  (the shop app's event reporter and popular values' fetch, fetched at idle or when hints are on; events queue until it runs)`,
    `madeto-model3d  ${kb(result.model3d.bytes)}  gzip ${kb(result.model3d.gzip)}  (the shop app's "View in 3D" button, fetched at idle or on its first press, only for a product with a 3D model)`,
    `madeto-sat  ${kb(result.sat.bytes)}  gzip ${kb(result.sat.gzip)}  (both apps' SAT fallback, fetched only when a model on the page passes the diagram's node limit)`,
    `madeto-optimise  ${kb(result.optimise.bytes)}  gzip ${kb(result.optimise.gzip)}  (both apps' cheapest / fastest search, fetched as the buyer heads for those buttons or on the first press)`,
    `madeto-outlook  ${kb(result.outlook.bytes)}  gzip ${kb(result.outlook.gzip)}  (the shop app's price deltas and availability badges, fetched once the widget has rendered: they are computed in idle time)`,
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
    ['product picture', result.preview.gzip, PREVIEW_CEILING, 'ceiling'],
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
