import type { SelectionValue } from '../model/types.ts';
import { dec, minorUnits } from '../pricing/money.ts';
import { priceQuote, type QuoteData } from './priceQuote.ts';
import type { RepQuote, RepQuoteLine } from './repQuote.ts';

/** Two configurations side by side: price, delivery date and the options that differ. */
export interface ConfigurationComparison {
  sides: [ComparedSide, ComparedSide];
  /** right − left, in the quote's currency (negative: the right one is cheaper). */
  totalDifference: string;
  /** Attributes whose values differ (or that only one side sets), in a stable order. */
  differingOptions: { attribute: string; left?: SelectionValue; right?: SelectionValue }[];
}

/** One side of a comparison. */
export interface ComparedSide {
  line: RepQuoteLine;
  unit: string;
  total: string;
  deliveryDate?: string;
  approvalRequired: boolean;
}

const show = (v: SelectionValue | undefined): string =>
  v === undefined ? '' : Array.isArray(v) ? [...v].sort().join(',') : String(v);

/**
 * Prices and promises two configurations each on its own (with the quote's pricing context,
 * discounts and ship policy) and lists what differs: the total, the delivery date and the options.
 *
 * @example
 * compareConfigurations(quote, quote.lines[0], quote.lines[1], data).differingOptions
 * // [{ attribute: 'top', left: 'oak', right: 'glass' }]
 */
export function compareConfigurations(
  quote: RepQuote,
  left: RepQuoteLine,
  right: RepQuoteLine,
  data: QuoteData,
): ConfigurationComparison {
  const side = (line: RepQuoteLine): ComparedSide => {
    const priced = priceQuote({ ...quote, lines: [line] }, data);
    const l = priced.price.lines[0];
    const deliveryDate = priced.promise?.deliveryDate;
    return {
      line,
      unit: l?.unit ?? '0',
      total: priced.price.total,
      ...(deliveryDate !== undefined && { deliveryDate }),
      approvalRequired: priced.approvalRequired,
    };
  };
  const a = side(left);
  const b = side(right);
  const attributes = [
    ...new Set([...Object.keys(left.selection), ...Object.keys(right.selection)]),
  ].sort();
  const differingOptions = attributes.flatMap((attribute) => {
    const l = left.selection[attribute];
    const r = right.selection[attribute];
    if (show(l) === show(r)) return [];
    return [
      { attribute, ...(l !== undefined && { left: l }), ...(r !== undefined && { right: r }) },
    ];
  });
  return {
    sides: [a, b],
    totalDifference: dec(b.total).minus(dec(a.total)).toFixed(minorUnits(quote.pricing.currency)),
    differingOptions,
  };
}
