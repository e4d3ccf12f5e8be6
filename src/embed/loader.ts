/**
 * The loader (≤ 2 kB gzipped): the one `<script async>` a shop adds. It reserves space for every
 * `<madeto-configurator>`, queues `Madeto(...)` calls, and loads the app (same directory, content-
 * hashed name set at build time) when a widget nears the viewport or on the first interaction,
 * passing its CSP nonce on, and preloads the documents the widgets' attributes name. A page that asks for rep mode (or says `data-app="rep"` on the
 * loader's script) gets the rep app, which adds the rep's quote editor. Browsers without
 * `Temporal` get the polyfill file first (scripts added with `async = false` run in order). An
 * app that does not load is reported on every widget (`madeto-error`, code `app`). A second copy
 * of the loader does nothing.
 *
 * Each widget's `data-madeto-state` says where it is: none (the loader has not run), `loading`
 * (from the app's request until the widget is usable), `ready`, `failed` (the app, the model or
 * the options failed: nothing to reserve space for). A page reserves the widget's height from its
 * first paint with its own CSS keyed on it (see the README's Styling section).
 */
import { VERSION } from './version.ts';

declare const __MADETO_APP__: string;
declare const __MADETO_REP__: string;
declare const __MADETO_POLYFILL__: string;
declare const __MADETO_DE__: string;
declare const __MADETO_REP_DE__: string;

interface LoaderGlobal {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  version?: string;
  load?: () => void;
}

const w = window as unknown as { Madeto?: LoaderGlobal; Temporal?: unknown };
const TAG = 'madeto-configurator';
const STATE = 'data-madeto-state'; // events.ts STATE_ATTRIBUTE (the loader stays tiny)

if (!w.Madeto?.version) {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = new URL('.', script?.src || location.href).href;
  const nonce = script?.nonce ?? '';
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    document.querySelectorAll(TAG).forEach((el) => el.setAttribute(STATE, 'loading'));
    io?.disconnect();
    mo.disconnect();
    for (const type of events) removeEventListener(type, load, true);
    const add = (file: string) => {
      const script = document.createElement('script');
      script.src = base + file;
      script.async = false;
      if (nonce) script.nonce = nonce;
      document.head.append(script);
      return script;
    };
    // A polyfill that fails is the app's to report (`polyfill`: it tries once more itself).
    if (!w.Temporal) add(__MADETO_POLYFILL__);
    const rep = script?.dataset.app === 'rep' || wantsRep();
    const app = add(rep ? __MADETO_REP__ : __MADETO_APP__);
    app.onerror = () => failed(app.src);
    // The documents the widgets name in attributes download with the app, not after it (on a
    // slow network that is one round trip and their transfer less before the widget is usable).
    // So is the German catalogue (its own file) for a widget whose attribute, or the page,
    // says German: the app adds its script when it renders that widget.
    const urls = new Set<string>();
    let german = false;
    document.querySelectorAll(TAG).forEach((el) => {
      ['model', 'pricing', 'availability'].forEach((name) => {
        const url = el.getAttribute(name);
        if (url) urls.add(url);
      });
      german ||= /^de\b/i.test(
        el.getAttribute('locale') || document.documentElement.lang || navigator.language,
      );
    });
    const preload = (url: string, as: string) => {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = as;
      if (as === 'fetch') link.crossOrigin = 'anonymous';
      link.href = url;
      if (nonce) link.nonce = nonce;
      document.head.append(link);
    };
    urls.forEach((url) => preload(url, 'fetch'));
    if (german) preload(base + (rep ? __MADETO_REP_DE__ : __MADETO_DE__), 'script');
  };
  // The app did not load: every widget says so with `madeto-error` (code `app`) and its state
  // (`failed`: the reserved space, the loader's and the page's, is given back), and
  // `Madeto.load()` tries again.
  const failed = (url: string) => {
    loaded = false;
    document.querySelectorAll(TAG).forEach((el) => {
      el.setAttribute(STATE, 'failed');
      el.dispatchEvent(
        new CustomEvent('madeto-error', {
          bubbles: true,
          composed: true,
          detail: { version: 1, code: 'app', message: `the Madeto app did not load: ${url}` },
        }),
      );
    });
  };
  const queue: ArrayLike<unknown>[] = w.Madeto?.q ?? [];
  // Rep mode asked for by a queued mount, an attribute, a `config` set early or the JSON child:
  // load the rep app (the shop app leaves the rep's editor out).
  const isRep = (options: unknown) => (options as { mode?: unknown } | undefined)?.mode === 'rep';
  const wantsRep = () =>
    queue.some((call) => isRep(call[2])) ||
    [...document.querySelectorAll(TAG)].some(
      (el) =>
        el.getAttribute('mode') === 'rep' ||
        isRep((el as { config?: unknown }).config) ||
        /"mode"\s*:\s*"rep"/.test(
          el.querySelector('script[type="application/json"]')?.textContent ?? '',
        ),
    );
  const api: LoaderGlobal = function (...args: unknown[]) {
    queue.push(args);
    load();
  };
  api.q = queue;
  api.version = VERSION;
  api.load = load;
  w.Madeto = api;

  // Space reserved before the app (and its styles) arrive: a constructable sheet, CSP-safe; given
  // back when the widget failed. (A page's own CSS does the same from its first paint.)
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `${TAG}:not(:defined):not([${STATE}=failed]){display:block;min-height:var(--madeto-reserve,480px)}`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // very old browsers: no reservation
  }

  const io =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
          rootMargin: '300px',
        })
      : undefined;
  const watch = (root: ParentNode) => {
    const found = root.querySelectorAll(TAG);
    if (!io && found.length) load();
    found.forEach((el) => io?.observe(el));
  };
  const mo = new MutationObserver((records) =>
    records.forEach((r) =>
      r.addedNodes.forEach((n) => {
        if (n instanceof Element) {
          if (n.localName !== TAG) watch(n);
          else if (io) io.observe(n);
          else load();
        }
      }),
    ),
  );
  const events = ['pointerdown', 'keydown', 'touchstart'];
  for (const type of events) addEventListener(type, load, { capture: true, passive: true });
  const start = () => {
    watch(document);
    mo.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
  if (queue.length) load();
}
