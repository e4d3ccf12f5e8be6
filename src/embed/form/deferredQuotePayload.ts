import type { OrderPayload } from '../../engine/index.ts';
import type { QuotePayloadInput } from '../../react/panels/quotePayload.ts';
import { formFile, type FormFile } from './loadQuoteForm.ts';

/** The form file's `name`, once it has run; throws before (never the widget's case: see below). */
function fromFormFile<K extends keyof FormFile>(name: K): FormFile[K] {
  const file = formFile.loaded();
  if (!file) throw new Error('the quote form file has not run yet: try again');
  return file[name];
}

/**
 * What the shop app has in place of `src/react/panels/quotePayload.ts` (swapped in by `build.ts`):
 * the same `quotePayload`, whose code (the engine's `buildOrderPayload` with the model hash, the
 * line's picture and production needs) comes with the quote form's file. Only the form sends, so
 * when a buyer presses Send the file has run: the call is answered at once, synchronously. Called
 * without it (never by the widget), it throws, and the form shows the failure with its retry.
 */
export function quotePayload(input: QuotePayloadInput): OrderPayload {
  return fromFormFile('quotePayload')(input);
}

/** A fresh idempotency key (`idempotencyKey.ts`), from the quote form's file like `quotePayload`. */
export function newIdempotencyKey(): string {
  return fromFormFile('newIdempotencyKey')();
}
