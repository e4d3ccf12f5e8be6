/**
 * Loads one of the shop app's own split files (the quote form's `madeto-form.<hash>.js`, the
 * picture's `madeto-preview.<hash>.js`): a CommonJS body that `build.ts` wraps so that, run as a
 * classic script (the app script's nonce, no `eval`), it hands a factory to the app through a
 * `<event>` event on its own `<script>` element (no global). The app runs the factory with its own
 * `require`, which answers only the modules the app shares with the file.
 */

// The app's own script (read while it runs, so before any split file is asked for), whose nonce
// each split file's script gets.
const appScript =
  typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);

/** What a split file hands over: a CommonJS body run with the app's `require`. */
type Factory = (require: (id: string) => object) => Record<string, unknown>;

/** One split file: its name beside the app, its event, what it may require, and what it gives. */
export interface SplitFile<T> {
  /** The content-hashed file name (set by the build; undefined unbundled). */
  file: string | undefined;
  /** The event name the wrapped file dispatches on its `<script>` (its stem, e.g. `madeto-form`). */
  event: string;
  /** Words for errors: "the quote form". */
  what: string;
  /** The app's modules the file may `require`, by id (see the file's `sharedIds.ts`). */
  modules: Readonly<Record<string, object>>;
  /** Picks what the app wants from the file's exports; `undefined` when it is not there. */
  pick: (exports: Record<string, unknown>) => T | undefined;
}

/**
 * A loader for one split file: `load()` fetches it once per page (concurrent calls share the
 * fetch), `loaded()` returns what it gave once it has run. A file that does not load, does not
 * start or hands over nothing usable rejects (logged as `Madeto: <what> <url> …`), its `<script>`
 * is removed, and the next `load()` tries again.
 *
 * @example
 * const form = splitFileLoader({ file: FORM, event: 'madeto-form', what: 'the quote form', modules, pick });
 * const QuoteForm = form.loaded() ?? (await form.load());
 */
export function splitFileLoader<T>(spec: SplitFile<T>): {
  load: (doc?: Document) => Promise<T>;
  loaded: () => T | undefined;
} {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = (doc: Document = document): Promise<T> => {
    if (loaded !== undefined) return Promise.resolve(loaded);
    const file = spec.file;
    if (file === undefined)
      return Promise.reject(new Error(`this build has no file for ${spec.what}`));
    loading ??= new Promise<T>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = new URL(file, import.meta.url).href;
      if (appScript?.nonce) script.nonce = appScript.nonce;
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        loading = undefined;
        script.remove();
        const error = new Error(`${spec.what} ${script.src} ${why}`);
        console.error(`Madeto: ${error.message}`);
        reject(error);
      };
      script.addEventListener(spec.event, (e) => {
        try {
          const exports = (e as CustomEvent<Factory>).detail((id) => {
            const found = spec.modules[id];
            if (!found) throw new Error(`asks for ${id}, which the app does not share`);
            return found;
          });
          const value = spec.pick(exports);
          if (value === undefined) return fail('handed over nothing usable');
          loaded = value;
          settled = true;
          resolve(value);
        } catch (error) {
          fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      script.onload = () => fail('ran but handed over nothing');
      script.onerror = () => fail('could not be loaded');
      doc.head.append(script);
    });
    return loading;
  };
  return { load, loaded: () => loaded };
}

/**
 * A loader for a split file whose one export the app wants is the function `name` (the SAT
 * fallback's `satFallbackEngine`, the search's `optimalCompletion`): `splitFileLoader` with that
 * pick. Returns `load`, which fetches the file once per page and resolves to the function.
 *
 * @example
 * const loadOptimiser = functionFileLoader<OptimalCompletion>({ file: OPTIMISE, event: 'madeto-optimise', what: 'the search', modules, name: 'optimalCompletion' });
 */
export function functionFileLoader<T>(
  spec: Omit<SplitFile<T>, 'pick'> & { name: string },
): () => Promise<T> {
  const { name, ...rest } = spec;
  const file = splitFileLoader<T>({
    ...rest,
    pick: (exports) => (typeof exports[name] === 'function' ? (exports[name] as T) : undefined),
  });
  return () => file.load();
}
