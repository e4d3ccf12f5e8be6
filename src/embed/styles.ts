import widgetCss from '../react/styles/madeto.css?inline';
import panelsCss from '../react/styles/panels.css?inline';
import { repStyles } from './repEditor.ts';

/**
 * The host reset: nothing of the page's CSS is inherited (`all: initial`), sizes in px/em only
 * (Shopify themes set `html { font-size: 62.5% }`), and a container for the widget's queries.
 * `.madeto-reserve` keeps the loader's reserved height on the widget's root until it is usable.
 */
const hostCss = `:host{all:initial;display:block;contain:layout;container-type:inline-size;font-family:var(--madeto-font,system-ui,sans-serif);font-size:var(--madeto-font-size,16px);line-height:1.4;color:var(--madeto-text,#1a1a1a);min-height:var(--madeto-min-height,0)}:host([hidden]){display:none}.madeto-reserve{min-height:var(--madeto-reserve,480px)}`;

let shared: CSSStyleSheet | undefined;

/**
 * The one constructable stylesheet every widget's shadow root adopts (works under a strict CSP,
 * where an injected `<style>` would be blocked); made on first use, with the rep editor's CSS in
 * builds that have rep mode.
 */
export function sharedStyleSheet(): CSSStyleSheet {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(`${hostCss}\n${widgetCss}\n${panelsCss}\n${repStyles()}`);
  }
  return shared;
}

/** Adopts the shared sheet into a shadow root (once). */
export function adoptStyles(root: ShadowRoot): void {
  const sheet = sharedStyleSheet();
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
