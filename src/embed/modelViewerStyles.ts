import type { Plugin } from 'vite';

/** model-viewer's module whose shadow template carries a `<style>` element. */
const TEMPLATE = /[\\/]@google[\\/]model-viewer[\\/]lib[\\/]template\.js$/;
/** model-viewer's base element class, which renders that template. */
const BASE = /[\\/]@google[\\/]model-viewer[\\/]lib[\\/]model-viewer-base\.js$/;

const TEMPLATE_IMPORT = "import { makeTemplate } from './template.js';";
const BASE_CLASS = 'export default class ModelViewerElementBase extends ReactiveElement {';

/**
 * A Vite plugin for the embed's 3D viewer file: model-viewer renders its shadow root from a lit
 * template that starts with a `<style>` element, which a strict `style-src 'self'` page refuses
 * (`style-src-elem inline`: the viewer then has no layout of its own). This moves that sheet's
 * text out of the template into the element's lit `static styles`, which lit adopts into each
 * shadow root as a constructable style sheet (`adoptedStyleSheets`, not governed by CSP). The
 * viewer's other styling goes through the CSSOM (`element.style.x = …`), which CSP allows too.
 *
 * Transforms only model-viewer's `lib/template.js` and `lib/model-viewer-base.js`; fails the build
 * when either is no longer the shape this knows (an upgrade must then look at it again).
 *
 * @example
 * await build({ plugins: [modelViewerStylesAdopted()], … });
 */
export function modelViewerStylesAdopted(): Plugin {
  const seen = new Set<string>();
  return {
    name: 'madeto-model-viewer-styles-adopted',
    transform(code, id) {
      if (TEMPLATE.test(id)) {
        seen.add('template');
        return templateWithoutStyle(code, id);
      }
      if (BASE.test(id)) {
        seen.add('base');
        return baseWithStyles(code, id);
      }
      return null;
    },
    buildEnd(error) {
      if (!error && seen.size !== 2)
        this.error(
          "model-viewer's lib/template.js or lib/model-viewer-base.js was not in the build: its <style> would stay inline",
        );
    },
  };
}

/**
 * model-viewer's `lib/template.js` source `code` without its `<style>` element, exporting that
 * sheet as `madetoTemplateStyles` (a lit `CSSResult`). Throws naming `id` when the source has not
 * exactly one `<style>` element, or one with `${…}` parts.
 */
export function templateWithoutStyle(code: string, id = 'lib/template.js'): string {
  const styles = [...code.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  const [element, css] = [styles[0]?.[0] ?? '', styles[0]?.[1] ?? ''];
  if (styles.length !== 1 || /<style[\s>]/.test(code.replace(element, '')))
    throw new Error(`${id}: expected exactly one <style> element, found ${styles.length}`);
  if (css.includes('${')) throw new Error(`${id}: its <style> has \${…} parts`);
  return (
    "import { unsafeCSS as madetoUnsafeCss } from 'lit';\n" +
    code.replace(element, '') +
    `\nexport const madetoTemplateStyles = madetoUnsafeCss(${JSON.stringify(css)});\n`
  );
}

/**
 * model-viewer's `lib/model-viewer-base.js` source `code` with `static get styles()` returning the
 * template's sheet. Throws naming `id` when the class or its template import is not found, or the
 * class already has styles.
 */
export function baseWithStyles(code: string, id = 'lib/model-viewer-base.js'): string {
  for (const part of [TEMPLATE_IMPORT, BASE_CLASS])
    if (code.split(part).length !== 2) throw new Error(`${id}: expected one \`${part}\``);
  if (/static (get )?styles\b/.test(code)) throw new Error(`${id}: the class has styles already`);
  return code
    .replace(TEMPLATE_IMPORT, "import { makeTemplate, madetoTemplateStyles } from './template.js';")
    .replace(BASE_CLASS, `${BASE_CLASS}\n    static get styles() { return madetoTemplateStyles; }`);
}
