import { deferredCatalogues } from './deferred.ts';

declare const __MADETO_DE__: string | undefined;

/** The app's German file's content-hashed name (set by the app build; absent unbundled). */
const GERMAN = typeof __MADETO_DE__ === 'string' ? __MADETO_DE__ : undefined;

// The app's own script (read while it runs), whose nonce the German file's script gets.
const appScript =
  typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);
let loading: Promise<void> | undefined;
let loaded = false;

const isGerman = (locale: string) => /^de(?:$|[-_])/i.test(locale);

/**
 * Whether a widget in `locale` can render now: always, except in an embed app built without its
 * German catalogues (`build.ts` puts them in their own file) before that file has arrived.
 *
 * @example
 * catalogueReady('en-GB'); // true
 */
export function catalogueReady(locale: string): boolean {
  return loaded || GERMAN === undefined || !isGerman(locale);
}

/**
 * Loads the app's German file from beside the app (its nonce, once per page; the loader has
 * usually preloaded it) into the catalogues the app's messages read. If it does not load, the
 * widget carries on in English and the console says why.
 *
 * @example
 * if (!catalogueReady(locale)) await loadCatalogue(document);
 */
export function loadCatalogue(doc: Document = document): Promise<void> {
  if (GERMAN === undefined || loaded) return Promise.resolve();
  loading ??= new Promise<void>((resolve) => {
    const script = doc.createElement('script');
    script.src = new URL(GERMAN, import.meta.url).href;
    if (appScript?.nonce) script.nonce = appScript.nonce;
    const fill = (given: Readonly<Record<string, object | undefined>>) => {
      for (const [name, { target, fallback }] of deferredCatalogues)
        Object.assign(target, Object.hasOwn(given, name) ? given[name] : fallback);
      loaded = true;
      resolve();
    };
    script.addEventListener('madeto-catalogue', (e) =>
      fill((e as CustomEvent<Record<string, object>>).detail),
    );
    const fail = (why: string) => {
      if (loaded) return;
      console.error(`Madeto: the German messages ${script.src} ${why}; showing English`);
      fill({});
    };
    script.onload = () => fail('ran but handed over no catalogue');
    script.onerror = () => fail('could not be loaded');
    doc.head.append(script);
  });
  return loading;
}
