import { Temporal } from 'temporal-polyfill';
import { isRealDate } from '../leadtime/time.ts';
import type { RepQuote } from './repQuote.ts';

/** How long a new draft stays valid by default, in calendar days. */
export const DRAFT_VALID_DAYS = 30;

/**
 * An empty rep quote: one line of `productId` (quantity 1, nothing chosen), priced on `today` in
 * `currency`, valid `validDays` calendar days from `today`. `today` is the rep's calendar date
 * (YYYY-MM-DD): the caller reads its clock; validity counts calendar days from that same date.
 *
 * @example
 * draftQuote('DESK', '2026-11-23', 'EUR').validUntil; // '2026-12-23'
 */
export function draftQuote(
  productId: string,
  today: string,
  currency: string,
  validDays = DRAFT_VALID_DAYS,
): RepQuote {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today))
    throw new RangeError(`draftQuote: today '${today}' is not a calendar date (YYYY-MM-DD)`);
  const validUntil = Temporal.PlainDate.from(today, { overflow: 'reject' })
    .add({ days: validDays })
    .toString();
  return {
    rep: '',
    validUntil,
    shipPolicy: 'complete',
    pricing: { date: today, currency },
    discounts: {},
    customer: { name: '', email: '' },
    notes: '',
    lines: [{ lineId: 'L1', productId, quantity: 1, selection: {} }],
  };
}
