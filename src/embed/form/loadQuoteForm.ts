import type { ComponentType } from 'react';
import type { QuoteFormProps } from '../../react/panels/QuoteForm.tsx';
import type { newIdempotencyKey, quotePayload } from '../../react/panels/quotePayload.ts';
import type { createEventAdapter } from '../../react/submit/eventAdapter.ts';
import type { createHttpAdapter } from '../../react/submit/httpAdapter.ts';
import type { createOutbox } from '../../react/submit/outbox.ts';
import { splitFileLoader } from '../split/loadSplitFile.ts';
import { formModules } from './formModules.ts';

declare const __MADETO_FORM__: string | undefined;

/** What the shop app takes from its quote form file (`formEntry.ts`): the form and what sends. */
export interface FormFile {
  QuoteForm: ComponentType<QuoteFormProps>;
  quotePayload: typeof quotePayload;
  newIdempotencyKey: typeof newIdempotencyKey;
  createOutbox: typeof createOutbox;
  createHttpAdapter: typeof createHttpAdapter;
  createEventAdapter: typeof createEventAdapter;
}

const FORM_EXPORTS = [
  'QuoteForm',
  'quotePayload',
  'newIdempotencyKey',
  'createOutbox',
  'createHttpAdapter',
  'createEventAdapter',
] as const satisfies readonly (keyof FormFile)[];

/**
 * The shop app's quote form file, `madeto-form.<hash>.js` (the form, the quote request's payload
 * builder, the outbox and the adapters it sends with), loaded once per page by whichever needs it first.
 */
export const formFile = splitFileLoader<FormFile>({
  // The quote form file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_FORM__ === 'string' ? __MADETO_FORM__ : undefined,
  event: 'madeto-form',
  what: 'the quote form',
  modules: formModules,
  pick: (exports) =>
    FORM_EXPORTS.every((name) => typeof exports[name] === 'function')
      ? (exports as unknown as FormFile)
      : undefined,
});

/** The quote form, once its file has run (else `undefined`). */
export const loadedQuoteForm = (): ComponentType<QuoteFormProps> | undefined =>
  formFile.loaded()?.QuoteForm;

/**
 * Loads the shop app's quote form file (`madeto-form.<hash>.js`) from beside the app, with the
 * app script's nonce, once per page; its code runs on the app's React and messages. A file that
 * does not load (or hands over no form) rejects, is removed, and the next call tries again.
 *
 * @example
 * const QuoteForm = loadedQuoteForm() ?? (await loadQuoteForm());
 */
export const loadQuoteForm = (): Promise<ComponentType<QuoteFormProps>> =>
  formFile.load().then((file) => file.QuoteForm);
