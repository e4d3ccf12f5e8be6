import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed, buildTypes } from '../../src/embed/build.ts';

// Built inside the repo's node_modules/.cache so the library's bare imports (react, zod) resolve to
// the project's own packages, as they would in an app that installs madeto.
const cache = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'madeto-lib-'));
beforeAll(() => buildEmbed(out), 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the npm library build', () => {
  it.each([
    ['react', /from ['"]react['"]/],
    ['react-dom/client', /from ['"]react-dom\/client['"]/],
    ['zod (or zod/mini)', /from ['"]zod(\/mini)?['"]/],
  ])('is ESM and imports %s instead of bundling it', (_name, external) => {
    const dir = join(out, 'lib');
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(code).toMatch(external);
    expect(code).not.toMatch(/react\.dev\/errors|__CLIENT_INTERNALS|ReactSharedInternals/);
  });

  it('the main entry imports and server-renders without a DOM', async () => {
    const lib = (await import(pathToFileURL(join(out, 'lib/index.js')).href)) as Record<
      string,
      unknown
    >;
    expect(typeof lib.Configurator).toBe('function');
    expect(typeof lib.BuyerConfigurator).toBe('function');
    expect(typeof lib.price).toBe('function');
    expect(typeof lib.RepQuote).toBe('function');
    expect(typeof lib.SharedQuoteView).toBe('function');
    expect(typeof lib.priceQuote).toBe('function');
    const html = renderToString(
      createElement(lib.Configurator as (p: { model: string }) => null, { model: '/m.json' }),
    );
    expect(html).toContain('data-state="loading"');
  });

  // A React app that needs no rep mode imports `BuyerConfigurator`, and its bundler (Vite's here)
  // leaves the rep's editor out. The component constants are also marked `/* @__PURE__ */` for
  // bundlers that cannot tell on their own; Vite's can (this passes without the marks).
  it.each([
    ['BuyerConfigurator', false],
    ['Configurator', true],
  ])('an app importing only %s from madeto bundles the rep editor: %s', async (name, expected) => {
    const entry = join(out, `consumer-${name}.js`);
    writeFileSync(entry, `import { ${name} } from './lib/index.js';\nconsole.log(${name});\n`);
    const outDir = join(out, `consumer-${name}`);
    await build({
      configFile: false,
      root: out,
      logLevel: 'error',
      build: {
        outDir,
        minify: false,
        lib: { entry, formats: ['es'], fileName: () => 'app.js' },
        rollupOptions: { external: [/^[^./]/] },
      },
    });
    // Every file the consumer's build wrote: the library's dynamic imports (the SAT fallback, the
    // cheapest / fastest search) become chunks of their own beside `app.js`.
    const code = readdirSync(outDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    expect(code).toContain('function createConfigurator(');
    for (const words of ['Accept this quote', 'madeto-rep-form'])
      expect(code.includes(words), words).toBe(expected);
  });

  // `npm run build` emits the declarations with stricter-than-nothing flags of its own; a type
  // error there once broke the build while the project's own typecheck stayed green.
  it('emits the type declarations that package.json exports name', () => {
    buildTypes(out);
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      exports: Record<string, { types?: string }>;
    };
    for (const entry of ['.', './element']) {
      const types = pkg.exports[entry]!.types!.replace(/^\.\/dist\//, '');
      expect(existsSync(join(out, types)), types).toBe(true);
    }
  }, 120_000);
});
