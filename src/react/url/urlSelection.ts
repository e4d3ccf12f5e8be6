import type { ProductModel, Selection } from '../../engine/index.ts';
import { decodeSelection, encodeSelection, type SavedSelection } from './selectionParam.ts';

/** The query parameter of a widget instance: `madeto` or `madeto-<key>`. */
export function paramName(key: string): string {
  return key === '' ? 'madeto' : `madeto-${key}`;
}

/** The selection saved in the page's URL under `key`, if any. */
export function readUrlSelection(key: string): SavedSelection | undefined {
  const param = new URLSearchParams(window.location.search).get(paramName(key));
  return param === null ? undefined : decodeSelection(param);
}

/**
 * The page URL `href` with the selection under `key` (an empty selection removes the parameter):
 * the link that `writeUrlSelection` keeps in the address bar and "Share" hands out.
 */
export function urlWithSelection(
  href: string,
  key: string,
  model: ProductModel,
  selection: Selection,
  quantity: number,
): string {
  const url = new URL(href);
  const name = paramName(key);
  if (Object.keys(selection).length === 0 && quantity === 1) url.searchParams.delete(name);
  else url.searchParams.set(name, encodeSelection(model, selection, quantity));
  return url.href;
}

/**
 * Writes the selection into the page's URL under `key` (replacing the history entry, so the back
 * button is not flooded); an empty selection removes the parameter.
 */
export function writeUrlSelection(
  key: string,
  model: ProductModel,
  selection: Selection,
  quantity: number,
): void {
  const href = urlWithSelection(window.location.href, key, model, selection, quantity);
  if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
}
