import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseWithStyles, templateWithoutStyle } from '../../src/embed/modelViewerStyles.ts';

/** The installed model-viewer's own sources, which the embed build rewrites. */
const lib = join(
  dirname(createRequire(import.meta.url).resolve('@google/model-viewer/package.json')),
  'lib',
);
const template = readFileSync(join(lib, 'template.js'), 'utf8');
const base = readFileSync(join(lib, 'model-viewer-base.js'), 'utf8');

describe("model-viewer's template style moved to lit's adopted styles", () => {
  it('the installed template loses its <style> element and exports its text', () => {
    const out = templateWithoutStyle(template);
    expect(template).toMatch(/<style>/);
    expect(out).not.toMatch(/<style/);
    expect(out).toContain("import { unsafeCSS as madetoUnsafeCss } from 'lit';");
    const exported = /export const madetoTemplateStyles = madetoUnsafeCss\((".*")\);/.exec(out);
    const css = JSON.parse(exported![1]!) as string;
    expect(css).toContain(':host {');
    expect(css).toContain('.screen-reader-only {');
    expect(template).toContain(css);
  });

  it("the installed base class gets `static get styles()` from the template's sheet", () => {
    const out = baseWithStyles(base);
    expect(out).toContain("import { makeTemplate, madetoTemplateStyles } from './template.js';");
    expect(out).toMatch(
      /class ModelViewerElementBase extends ReactiveElement \{\n {4}static get styles\(\) \{ return madetoTemplateStyles; \}/,
    );
  });

  it('refuses a source it does not know, naming the file', () => {
    expect(() => templateWithoutStyle('const t = html`<div></div>`;', 'x/template.js')).toThrow(
      'x/template.js: expected exactly one <style> element, found 0',
    );
    expect(() => templateWithoutStyle(template + '\nhtml`<style>a{}</style>`;')).toThrow(/found 2/);
    expect(() => templateWithoutStyle('html`<style>${x}</style>`')).toThrow(/\$\{…\} parts/);
    expect(() => baseWithStyles(base.replace('ReactiveElement {', 'LitElement {'))).toThrow(
      /expected one `export default class ModelViewerElementBase/,
    );
    expect(() =>
      baseWithStyles(base.replace(/(class ModelViewerElementBase.*\{)/, '$1 static styles = [];')),
    ).toThrow(/has styles already/);
  });
});
