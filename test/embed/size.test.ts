import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CEILING,
  APP_TARGET,
  BUDGETS,
  FORM_CEILING,
  PREVIEW_CEILING,
  REP_CEILING,
  buildEmbed,
  formatSizes,
  zodMembersCalled,
  type EmbedBuild,
} from '../../src/embed/build.ts';
import { FORM_ZOD_MEMBERS } from '../../src/embed/form/sharedIds.ts';

const out = mkdtempSync(join(tmpdir(), 'madeto-size-'));
let result: EmbedBuild;

beforeAll(async () => {
  result = await buildEmbed(out);
  console.log(formatSizes(result));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('embed build outputs', () => {
  it('the loader is within its 2 kB gzipped budget', () => {
    expect(result.loader.gzip).toBeLessThanOrEqual(BUDGETS.loader);
  });

  // The 110 kB budget is retired (issue 14) for a 175 kB target, which the app met once the quote
  // form left it (168.9 kB), missed after the merges of 2026-12-07 (177.2 kB), met on branch
  // `size` (173.8 kB), missed after main's later merges (176.9 kB) and met again (173.2 kB; 173.6 after
  // merging main) once what sends a quote request came with the form's file: the ceiling (+ 0.9 kB) holds
  // the app where it is, and `npm run size` names any gap to the target. How fast it loads is the
  // embed benchmark's (`madeto bench embed`).
  it('the shop app stays under its regression ceiling (its target is 175 kB)', () => {
    expect(APP_TARGET).toBe(175 * 1024);
    expect(result.app.gzip).toBeLessThanOrEqual(APP_CEILING);
  });

  it('the quote form file stays under its regression ceiling', () => {
    expect(result.form.gzip).toBeLessThanOrEqual(FORM_CEILING);
  });

  // A react-hook-form option name (kept by the minifier) and React's error URL: the form file holds
  // the first and not the second (it runs on the app's React); the shop app the second only.
  it.each([
    ['the shop app', () => result.app.file, [false, true]],
    ['the quote form file', () => result.form.file, [true, false]],
    ['the rep app (its editor uses react-hook-form)', () => result.rep.file, [true, true]],
  ])('%s holds (react-hook-form, React): %s', (_name, file, expected) => {
    const code = readFileSync(file(), 'utf8');
    expect([/\bshouldUnregister\b/.test(code), /react\.dev\/errors\//.test(code)]).toEqual(
      expected,
    );
  });

  it('the quote form file is content-hashed, named by the shop app, and asks the app for React', () => {
    const name = result.form.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-form\.[0-9a-f]{10}\.js$/);
    expect(readFileSync(result.app.file, 'utf8')).toContain(name);
    expect(readFileSync(result.rep.file, 'utf8')).not.toContain(name);
    const code = readFileSync(result.form.file, 'utf8');
    expect(code).toContain('require("react")');
    expect(code).toContain('"madeto-form"');
    expect(code).not.toMatch(/\beval\(|new Function\(/);
  });

  it('the product picture file is content-hashed, named by the shop app only, under its ceiling', () => {
    expect(result.preview.gzip).toBeLessThanOrEqual(PREVIEW_CEILING);
    const name = result.preview.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-preview\.[0-9a-f]{10}\.js$/);
    expect(readFileSync(result.app.file, 'utf8')).toContain(name);
    expect(readFileSync(result.rep.file, 'utf8')).not.toContain(name);
    const code = readFileSync(result.preview.file, 'utf8');
    expect(code).toContain('require("react")');
    expect(code).toContain('require("src/react/components/WidgetContext.tsx")');
    expect(code).toContain('"madeto-preview"');
    expect(code).not.toMatch(/\beval\(|new Function\(|react\.dev\/errors\//);
  });

  it('the insights file is content-hashed, named by the shop app only, takes dayOf from the app, holds the popular fetch', () => {
    const name = result.insights.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-insights\.[0-9a-f]{10}\.js$/);
    expect(readFileSync(result.app.file, 'utf8')).toContain(name);
    expect(readFileSync(result.rep.file, 'utf8')).not.toContain(name);
    const code = readFileSync(result.insights.file, 'utf8');
    expect(code).toContain('require("src/engine/leadtime/time.ts")');
    expect(code).toContain('"madeto-insights"');
    expect(code).toContain('abandoned');
    // The popular values' fetch and reading too: in the file, not in the shop app.
    expect(code).toContain('needs attributeId and value');
    expect(readFileSync(result.app.file, 'utf8')).not.toContain('needs attributeId and value');
  });

  // The SAT fallback (the CDCL solver's own errors, the fallback's count budget): in its file and
  // in the engine worker (which answers big models by itself), in neither app.
  it('the SAT fallback file is content-hashed, named by both apps, takes SolverError from them, and holds the solver alone', () => {
    const name = result.sat.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-sat\.[0-9a-f]{10}\.js$/);
    const code = readFileSync(result.sat.file, 'utf8');
    expect(code).toContain('"madeto-sat"');
    expect(code).toContain('require("src/engine/solver/SolverError.ts")');
    for (const sat of ['names no variable', 'COUNT_UNAVAILABLE']) {
      expect(code).toContain(sat);
      for (const app of [result.app.file, result.rep.file])
        expect(readFileSync(app, 'utf8')).not.toContain(sat);
    }
    for (const app of [result.app.file, result.rep.file])
      expect(readFileSync(app, 'utf8')).toContain(name);
    expect(code).not.toMatch(/\beval\(|new Function\(|react/);
  });

  // The exact "Cheapest" / "Fastest" search (its input errors, its branch and bound): in its own
  // file, in neither app, which name the file and hand it SolverError, Temporal and Big.
  it('the cheapest / fastest search is its own file, named by both apps and in neither', () => {
    const name = result.optimise.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-optimise\.[0-9a-f]{10}\.js$/);
    const code = readFileSync(result.optimise.file, 'utf8');
    expect(code).toContain('"madeto-optimise"');
    for (const id of ['src/engine/solver/SolverError.ts', 'temporal-polyfill', 'big.js'])
      expect(code).toContain(`require("${id}")`);
    const own = '"fastest" needs availability';
    expect(code).toContain(own);
    for (const app of [result.app.file, result.rep.file]) {
      expect(readFileSync(app, 'utf8')).not.toContain(own);
      expect(readFileSync(app, 'utf8')).toContain(name);
    }
    expect(code).not.toMatch(/\beval\(|new Function\(|react/);
  });

  // The value extras (the core's valueOutlook and the badges' words): in their own file, which the
  // shop app names and hands the engine's deltas and promise, the messages and the formats; the rep
  // app keeps them.
  it('the value extras are their own file, named by the shop app and not in it', () => {
    const name = result.outlook.file.split('/').pop()!;
    expect(name).toMatch(/^madeto-outlook\.[0-9a-f]{10}\.js$/);
    const code = readFileSync(result.outlook.file, 'utf8');
    expect(code).toContain('"madeto-outlook"');
    for (const id of [
      'src/engine/pricing/optionDeltas.ts',
      'src/engine/leadtime/promise.ts',
      'src/react/i18n/messages.ts',
      'temporal-polyfill',
    ])
      expect(code).toContain(`require("${id}")`);
    const own = /\(["`]badge\.onOrder["`]\)/;
    expect(code).toMatch(own);
    const app = readFileSync(result.app.file, 'utf8');
    expect(app).not.toMatch(own);
    expect(app).toContain(name);
    expect(readFileSync(result.rep.file, 'utf8')).toMatch(own);
    // No eval, and no React of its own (it asks the app for its modules by their src/ paths).
    expect(code).not.toMatch(/\beval\(|new Function\(|require\("react|react-dom/);
  });

  // An attribute only the picture's frames have: in the picture file and the rep app, not the shop app.
  it.each([
    ['the shop app', () => result.app.file, false],
    ['the product picture file', () => result.preview.file, true],
    ['the rep app', () => result.rep.file, true],
  ])('%s holds the picture itself: %s', (_name, file, expected) => {
    expect(readFileSync(file(), 'utf8').includes('"data-frame"')).toBe(expected);
  });

  // The floor's figure (printed above) only means "the fixed stack alone" if no Madeto code and no
  // development React got into it.
  it('the stack floor is production React with no Madeto code', () => {
    const code = readFileSync(result.floor.file, 'utf8');
    expect(code).toMatch(/react\.dev\/errors\//);
    expect(code).not.toMatch(/madeto/i);
    expect(code).toContain('/orders');
  });

  it('the rep app stays under its regression ceiling', () => {
    expect(result.rep.gzip).toBeLessThanOrEqual(REP_CEILING);
  });

  // Words only the rep's editor, its English catalogue and its stylesheet have.
  it.each([
    ['the shop app', () => result.app.file, false],
    ['the rep app', () => result.rep.file, true],
  ])('%s holds the rep editor: %s', (_name, file, expected) => {
    const code = readFileSync(file(), 'utf8');
    for (const words of ['Accept this quote', '.madeto-quote-document{'])
      expect(code.includes(words), words).toBe(expected);
  });

  // A field only the rep backend's wire schemas have (`src/engine/quotes/wire.ts`): the engine
  // modules the shop app does not use are left out, top-level zod schemas included.
  it.each([
    ['the shop app', () => result.app.file, false],
    ['the rep app', () => result.rep.file, true],
  ])('%s holds the rep wire schemas: %s', (_name, file, expected) => {
    expect(readFileSync(file(), 'utf8').includes('authenticatedBy')).toBe(expected);
  });

  // SHA-256's first round constant: the model hash of the quote request's payload, built only when
  // the buyer sends, comes with the quote form's file (`quotePayload`), not in the shop app.
  it.each([
    ['the shop app', () => result.app.file, false],
    ['the quote form file', () => result.form.file, true],
    ['the rep app', () => result.rep.file, true],
  ])('%s holds the payload builder: %s', (_name, file, expected) => {
    expect(/1116352408|0x428a2f98/i.test(readFileSync(file(), 'utf8'))).toBe(expected);
  });

  // The outbox's own failure, the order payload schema's idempotency key message and the http
  // adapter's timeout: what sends a quote request comes with the quote form's file (only the form
  // sends; `deferredOutbox.ts` fetches the file at mount only when a payload was left unsent).
  it.each([
    ['the shop app', () => result.app.file, false],
    ['the quote form file', () => result.form.file, true],
    ['the rep app', () => result.rep.file, true],
  ])(
    '%s holds the outbox, the order payload schema and the http adapter: %s',
    (_name, file, expected) => {
      const code = readFileSync(file(), 'utf8');
      const found = ['no storage', '8 to 128 characters', 'no answer within'].map((w) =>
        code.includes(w),
      );
      expect(found).toEqual([expected, expected, expected]);
    },
  );

  // The form file takes the app's `z` as the functions it calls only (the whole namespace would
  // keep all of zod in the app): the build fails on any other, `z` itself included.
  it('the quote form file calls only the zod functions the app hands over', () => {
    const body = 'var v=require("src/engine/zod.ts"),w=1;v.z.string(),v.z.email(),v.z.string()';
    expect(zodMembersCalled(body)).toEqual(['string', 'email']);
    expect(zodMembersCalled('const t=require("src/engine/zod.ts");f(t.z)')).toEqual(['z']);
    expect(zodMembersCalled('g(require("src/engine/zod.ts").z.array)')).toEqual(['array']);
    const called = zodMembersCalled(readFileSync(result.form.file, 'utf8'));
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((m) => !(FORM_ZOD_MEMBERS as readonly string[]).includes(m))).toEqual([]);
  });

  // TanStack Query's infinite-query paging (`pageParams`): no widget uses it, so the apps have
  // `noInfiniteQueries.ts` in its place.
  it.each([
    ['the shop app', () => result.app.file],
    ['the rep app', () => result.rep.file],
  ])('%s leaves out infinite-query paging', (_name, file) => {
    expect(readFileSync(file(), 'utf8')).not.toContain('pageParams');
  });

  // German words of the widget's catalogue and of the rep mode's: the apps leave them to their
  // German files (madeto-de.<hash>.js, madeto-rep-de.<hash>.js), fetched only for German widgets.
  it.each([
    ['the shop app', () => result.app.file, [false, false]],
    ['the rep app', () => result.rep.file, [false, false]],
    ["the shop app's German file", () => result.german.file, [true, false]],
    ["the rep app's German file", () => result.repGerman.file, [true, true]],
  ])('%s holds the German catalogues (widget, rep): %s', (_name, file, expected) => {
    const code = readFileSync(file(), 'utf8');
    const found = ['Preise werden geladen', 'Dieses Angebot annehmen'].map((w) => code.includes(w));
    expect(found).toEqual(expected);
  });

  it.each([
    ['production React (minified error codes)', /react\.dev\/errors\//, true],
    [
      'no development React (no dev-only warnings)',
      /Each child in a list should have a unique/,
      false,
    ],
    ['no eval or new Function', /\beval\(|new Function\(/, false],
    ['not UMD (no define.amd probe)', /define\.amd/, false],
    ['the worker resolved against the page, not the app', /new Worker\([^)]*baseURI/, false],
  ])('the shop and rep apps are IIFEs with %s', (_name, pattern, expected) => {
    for (const file of [result.app.file, result.rep.file])
      expect(pattern.test(readFileSync(file, 'utf8')), file).toBe(expected);
  });

  // Strings only the polyfill has (its ISO calendar id and `Date.prototype.toTemporalInstant`).
  const polyfillCode = /iso8601|toTemporalInstant/;
  it.each([
    ['the polyfill file', () => result.polyfill.file, true],
    ['the app (native Temporal, the polyfill is its own file)', () => result.app.file, false],
    ['the loader', () => result.loader.file, false],
  ])('%s holds the Temporal polyfill: %s', (_name, file, expected) => {
    expect(polyfillCode.test(readFileSync(file(), 'utf8'))).toBe(expected);
  });

  it('the polyfill file is content-hashed and both the loader and the app name it', () => {
    const name = result.polyfill.file.split('/').pop()!;
    expect(name).toMatch(/^temporal-polyfill\.[0-9a-f]{10}\.js$/);
    expect(readFileSync(result.loader.file, 'utf8')).toContain(name);
    expect(readFileSync(result.app.file, 'utf8')).toContain(name);
  });

  it.each([
    ['madeto-app', () => result.app.file],
    ['madeto-rep', () => result.rep.file],
  ])('the %s file name is content-hashed and the loader points at it', (stem, file) => {
    const name = file().split('/').pop()!;
    expect(name).toMatch(new RegExp(`^${stem}\\.[0-9a-f]{10}\\.js$`));
    expect(readFileSync(result.loader.file, 'utf8')).toContain(name);
  });
});
