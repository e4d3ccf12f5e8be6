import type { ComponentType } from 'react';
import type { QuoteFormProps } from '../../react/panels/QuoteForm.tsx';
import { formModules } from './formModules.ts';

declare const __MADETO_FORM__: string | undefined;

/** The quote form file's content-hashed name (set by the shop app's build; absent unbundled). */
const FORM = typeof __MADETO_FORM__ === 'string' ? __MADETO_FORM__ : undefined;

// The app's own script (read while it runs), whose nonce the form file's script gets.
const appScript =
  typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);

/** What the form file hands over: a CommonJS body run with the app's `require`. */
type FormFactory = (require: (id: string) => object) => { QuoteForm?: unknown };

let loaded: ComponentType<QuoteFormProps> | undefined;
let loading: Promise<ComponentType<QuoteFormProps>> | undefined;

/** The quote form, once its file has run (else `undefined`). */
export function loadedQuoteForm(): ComponentType<QuoteFormProps> | undefined {
  return loaded;
}

/**
 * Loads the shop app's quote form file (`madeto-form.<hash>.js`) from beside the app, with the
 * app script's nonce, once per page; its code runs on the app's React and messages. A file that
 * does not load (or hands over no form) rejects, is removed, and the next call tries again.
 *
 * @example
 * const QuoteForm = loadedQuoteForm() ?? (await loadQuoteForm());
 */
export function loadQuoteForm(doc: Document = document): Promise<ComponentType<QuoteFormProps>> {
  if (loaded) return Promise.resolve(loaded);
  if (FORM === undefined) return Promise.reject(new Error('this build has no quote form file'));
  loading ??= new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = new URL(FORM, import.meta.url).href;
    if (appScript?.nonce) script.nonce = appScript.nonce;
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      loading = undefined;
      script.remove();
      const error = new Error(`the quote form ${script.src} ${why}`);
      console.error(`Madeto: ${error.message}`);
      reject(error);
    };
    script.addEventListener('madeto-form', (e) => {
      try {
        const exports = (e as CustomEvent<FormFactory>).detail((id) => {
          const found = (formModules as Readonly<Record<string, object>>)[id];
          if (!found) throw new Error(`asks for ${id}, which the app does not share`);
          return found;
        });
        if (typeof exports.QuoteForm !== 'function') return fail('handed over no form');
        loaded = exports.QuoteForm as ComponentType<QuoteFormProps>;
        settled = true;
        resolve(loaded);
      } catch (error) {
        fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    script.onload = () => fail('ran but handed over no form');
    script.onerror = () => fail('could not be loaded');
    doc.head.append(script);
  });
  return loading;
}
