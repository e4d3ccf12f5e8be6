import type { QuoteChange } from '../../engine/quotes/quoteChanges.ts';
import type { RepQuote } from '../../engine/quotes/repQuote.ts';
import type { RepFormat } from './repFormat.ts';

/**
 * A change since a revision was quoted, in the reader's language with figures formatted: prices
 * and dates before → after. The customer is told the fact (the price of line L1 changed), never
 * the seller's internals (a constraint id, a guardrail, an approval rule): those changes read as
 * "changed since it was quoted" to them; the rep also gets the engine's own wording of them.
 */
export function changeText(
  c: QuoteChange,
  quote: RepQuote,
  f: RepFormat,
  audience: 'customer' | 'rep',
): string {
  const index = /^\$\.lines\[(\d+)\]/.exec(c.path)?.[1];
  const line = index === undefined ? '' : (quote.lines[Number(index)]?.lineId ?? '');
  const before = c.before ?? '—';
  const after = c.after ?? '—';
  switch (c.kind) {
    case 'line-price':
      return f.t('rep.change.linePrice', {
        line,
        before: f.money(before),
        after: f.money(after),
      });
    case 'total':
      return f.t('rep.change.total', { before: f.money(before), after: f.money(after) });
    case 'delivery-date':
      return f.t('rep.change.delivery', {
        before: c.before === undefined ? f.t('rep.change.none') : f.date(c.before),
        after: c.after === undefined ? f.t('rep.change.unavailable') : f.date(c.after),
      });
    case 'model-changed':
    case 'model-missing':
    case 'selection-invalid':
    case 'approval':
      return audience === 'rep' ? c.message : f.t('rep.change.other');
    default:
      return c.kind satisfies never;
  }
}
