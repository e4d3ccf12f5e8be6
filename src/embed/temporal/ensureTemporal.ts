import { emit, EVENT_DETAIL_VERSION, STATE_ATTRIBUTE } from '../events.ts';
import { globalTemporal } from './nativeTemporal.ts';

declare const __MADETO_POLYFILL__: string | undefined;

/** The polyfill file's content-hashed name (set by the app build; absent in unbundled code). */
const POLYFILL = typeof __MADETO_POLYFILL__ === 'string' ? __MADETO_POLYFILL__ : undefined;

function fail(doc: Document, message: string): void {
  console.error(`Madeto: ${message}`);
  const elements = [...doc.querySelectorAll('madeto-configurator')];
  // The widgets will not start: the space reserved for them (the loader's, the page's) goes.
  for (const el of elements) el.setAttribute(STATE_ATTRIBUTE, 'failed');
  for (const target of elements.length > 0 ? elements : [doc])
    emit(target, 'madeto-error', { version: EVENT_DETAIL_VERSION, code: 'polyfill', message });
}

/**
 * Calls `start` once `globalThis.Temporal` exists: at once where the browser ships it (or the
 * loader already fetched the polyfill); otherwise after loading the polyfill file from beside
 * the app (same nonce), so the app also works without the loader. If that fails, every widget
 * on the page gets a `madeto-error` with `code: 'polyfill'` and the app does not start.
 * Must be called while the app's script runs (it reads `document.currentScript`).
 *
 * @example
 * ensureTemporal(() => startApp());
 */
export function ensureTemporal(start: () => void, doc: Document = document): void {
  if (globalTemporal()) return start();
  const current = doc.currentScript as HTMLScriptElement | null;
  if (!POLYFILL) return fail(doc, 'this browser has no Temporal and the build names no polyfill');
  const script = doc.createElement('script');
  script.src = new URL(POLYFILL, current?.src || doc.baseURI).href;
  if (current?.nonce) script.nonce = current.nonce;
  script.onload = () =>
    globalTemporal() ? start() : fail(doc, `${script.src} ran but did not install Temporal`);
  script.onerror = () =>
    fail(doc, `this browser has no Temporal and the polyfill ${script.src} could not be loaded`);
  doc.head.append(script);
}
