import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed } from '../../src/embed/build.ts';

const out = mkdtempSync(join(tmpdir(), 'madeto-lib-'));
beforeAll(() => buildEmbed(out), 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the npm library build', () => {
  it.each([
    ['react', /from ['"]react['"]/],
    ['react-dom/client', /from ['"]react-dom\/client['"]/],
    ['zod', /from ['"]zod['"]/],
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
    expect(typeof lib.price).toBe('function');
    const html = renderToString(
      createElement(lib.Configurator as (p: { model: string }) => null, { model: '/m.json' }),
    );
    expect(html).toContain('data-state="loading"');
  });
});
