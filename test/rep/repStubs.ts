import { priceQuote } from '../../src/engine/quotes/priceQuote.ts';
import { quotedFigures, type QuoteChange } from '../../src/engine/quotes/quoteChanges.ts';
import { parseRepQuote, type RepQuote } from '../../src/engine/quotes/repQuote.ts';
import type { QuoteView } from '../../src/react/rep/quoteApi.ts';
import type { RepQuoteApi } from '../../src/react/rep/RepQuote.tsx';
import type { SharedQuoteApi } from '../../src/react/rep/SharedQuoteView.tsx';
import { data, models } from './repFixtures.ts';

/**
 * Stand-ins for the reference backend, for the `Rep*` stories and the rep browser tests: answers
 * made by the same engine the backend uses (`priceQuote`, `quotedFigures`), no network.
 */

/** The backend's answer for `quote` stored as `number`/`revision`, with `changes` since quoted. */
export function quoteAnswer(
  quote: RepQuote,
  over: Partial<Omit<QuoteView, 'quote'>> = {},
  changes: QuoteChange[] = [],
): QuoteView {
  const priced = priceQuote(quote, data);
  const revision = over.revision ?? 1;
  return {
    number: 'RQ-2026-000001',
    revision,
    revisions: Array.from({ length: revision }, (_, i) => i + 1),
    createdAt: '2026-11-23T08:30:00.000Z',
    quote,
    quoted: quotedFigures(quote, priced, models),
    price: priced.price,
    promise: priced.promise ?? null,
    approvalRequired: priced.approvalRequired,
    changes,
    shareToken: 'tok_story',
    approval: null,
    ...over,
  };
}

/**
 * A rep API that stores quotes in memory: `save` answers revision 1 of a new number, or the next
 * revision of `number`; `open` answers what was saved. `calls` records every call.
 */
export function memoryRepApi(): RepQuoteApi & { calls: { what: string; args: unknown[] }[] } {
  const calls: { what: string; args: unknown[] }[] = [];
  const stored = new Map<string, QuoteView[]>();
  const store = (quote: RepQuote, number: string) => {
    const revisions = stored.get(number) ?? [];
    const view = quoteAnswer(quote, { number, revision: revisions.length + 1 });
    stored.set(number, [...revisions, view]);
    return view;
  };
  return {
    calls,
    me: async () => {
      calls.push({ what: 'me', args: [] });
      return { name: 'Rita Rep', role: 'rep' };
    },
    save: async (input, number) => {
      calls.push({ what: 'save', args: [input, number] });
      const parsed = parseRepQuote(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return store(parsed.quote, number ?? `RQ-2026-${String(stored.size + 1).padStart(6, '0')}`);
    },
    open: async (number, revision) => {
      calls.push({ what: 'open', args: [number, revision] });
      const revisions = stored.get(number);
      const view = revisions?.[(revision ?? revisions.length) - 1];
      if (!view) throw new Error(`quote ${number} does not exist`);
      return view;
    },
    // As the backend: a copy of the revision (default: the latest) as a new quote, priced today.
    duplicate: async (number, revision) => {
      calls.push({ what: 'duplicate', args: [number, revision] });
      const revisions = stored.get(number);
      const view = revisions?.[(revision ?? revisions.length) - 1];
      if (!view) throw new Error(`quote ${number} does not exist`);
      const quote = {
        ...view.quote,
        pricing: { ...view.quote.pricing, date: data.now.slice(0, 10) },
      };
      return store(quote, `RQ-2026-${String(stored.size + 1).padStart(6, '0')}`);
    },
    approve: async (number, revision) => {
      calls.push({ what: 'approve', args: [number, revision] });
      return {
        number,
        revision: revision ?? 1,
        approvedBy: 'Mara Klein',
        approvedAt: '2026-11-23T09:15:00.000Z',
      };
    },
  };
}

/** A shared-quote API answering `view` (or failing / never answering), accepting as an order. */
export function sharedApi(view: QuoteView | 'error' | 'pending'): SharedQuoteApi {
  return {
    get: () =>
      view === 'pending'
        ? new Promise<QuoteView>(() => {})
        : view === 'error'
          ? Promise.reject(new Error('GET /api/shared/quotes/tok_story answered 404'))
          : Promise.resolve(view),
    accept: async () => ({ number: 'O-2026-000042', kind: 'order' }),
  };
}
