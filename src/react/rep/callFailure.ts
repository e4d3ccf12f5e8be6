import { QuoteApiError } from './apiCall.ts';
import type { RepFormat } from './repFormat.ts';

/** A buyer's quote request number (`Q-2026-000001`), as the widget's requests are numbered. */
export const REQUEST_NUMBER = /^Q-\d{4}-\d{6}$/;
/** An order number (`O-2026-000001`). */
export const ORDER_NUMBER = /^O-\d{4}-\d{6}$/;

/**
 * Why opening, saving or duplicating a quote failed, in the rep's language: a number that is not
 * found, the backend's refusals it knows by code, an answer that is not a rep quote (never the
 * parser's dump); anything else with its own message.
 */
export function callFailure(e: Error, number: string | undefined, f: RepFormat): string {
  if (e instanceof QuoteApiError) {
    if (e.status === 401) return f.t('rep.open.signedOut');
    if (e.code === 'QUOTE_NOT_FOUND') return f.t('rep.open.notFound', { number: number ?? '' });
    return e.message;
  }
  // A parse failure of an answer: the number names something that is not a rep quote.
  if (e.name === 'ZodError' || e.name === '$ZodError')
    return f.t('rep.open.notAQuote', { number: number ?? '' });
  return e.message;
}
