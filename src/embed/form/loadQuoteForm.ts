import type { ComponentType } from 'react';
import type { QuoteFormProps } from '../../react/panels/QuoteForm.tsx';
import type { quotePayload } from '../../react/panels/quotePayload.ts';
import { splitFileLoader } from '../split/loadSplitFile.ts';
import { formModules } from './formModules.ts';

declare const __MADETO_FORM__: string | undefined;

// The payload builder the form file brings with the form (`deferredQuotePayload.ts` calls it).
let payload: typeof quotePayload | undefined;

const form = splitFileLoader<ComponentType<QuoteFormProps>>({
  // The quote form file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_FORM__ === 'string' ? __MADETO_FORM__ : undefined,
  event: 'madeto-form',
  what: 'the quote form',
  modules: formModules,
  pick: (exports) => {
    if (typeof exports.QuoteForm !== 'function' || typeof exports.quotePayload !== 'function')
      return undefined;
    payload = exports.quotePayload as typeof quotePayload;
    return exports.QuoteForm as ComponentType<QuoteFormProps>;
  },
});

/** The quote request's payload builder, once the form file has run (else `undefined`). */
export const loadedQuotePayload = (): typeof quotePayload | undefined => payload;

/** The quote form, once its file has run (else `undefined`). */
export const loadedQuoteForm: () => ComponentType<QuoteFormProps> | undefined = form.loaded;

/**
 * Loads the shop app's quote form file (`madeto-form.<hash>.js`) from beside the app, with the
 * app script's nonce, once per page; its code runs on the app's React and messages. A file that
 * does not load (or hands over no form) rejects, is removed, and the next call tries again.
 *
 * @example
 * const QuoteForm = loadedQuoteForm() ?? (await loadQuoteForm());
 */
export const loadQuoteForm: (doc?: Document) => Promise<ComponentType<QuoteFormProps>> = form.load;
