import { dec, decInt, minorUnits, ZERO } from '../../engine/pricing/money.ts';
import type { LineResult, PriceResult } from '../../engine/pricing/price.ts';

/** What a quote document says about one line's price: list, discount granted, net. */
export interface LineFigures {
  /** The list unit price (with the chosen options), before any discount. */
  listUnit: string;
  /** The unit price after every line discount (volume, contract, the rep's). */
  netUnit: string;
  /** listUnit − netUnit (0 when none, never negative: a surcharge shows as no discount). */
  discountUnit: string;
  /** The discount as a share of the list price, in percent points ("22" for 22 %), 2 decimals. */
  discountPercent: string;
  /** netUnit × quantity as priced (before the document discount and tax). */
  net: string;
}

/** The totals a customer's document shows: list, the discounts granted, net, tax, total. */
export interface DocumentFigures {
  lines: Map<string, LineFigures>;
  /** Σ list unit × quantity of the product lines (one-time charges are added as they are). */
  listTotal: string;
  /** The discounts granted on the lines: Σ (list − net) × quantity. */
  lineDiscounts: string;
  /** Every discount granted: the lines' and the document discount. */
  discountsTotal: string;
}

const places = (currency: string) => minorUnits(currency);

/**
 * The figures of a customer's quote document from a price result: per line the list price, the
 * discount granted and the net price; and the document's list total and discounts granted (line
 * discounts plus the document discount). Exact decimals; money in `price.currency`.
 *
 * @example
 * documentFigures(price).discountsTotal; // '1234.00'
 */
export function documentFigures(price: PriceResult): DocumentFigures {
  const dp = places(price.currency);
  const lines = new Map<string, LineFigures>();
  let listTotal = ZERO;
  let lineDiscounts = ZERO;
  for (const l of price.lines) {
    const f = lineFigures(l, dp);
    lines.set(l.lineId, f);
    listTotal = listTotal.plus(dec(f.listUnit).times(decInt(l.quantity)));
    lineDiscounts = lineDiscounts.plus(dec(f.listUnit).times(decInt(l.quantity)).minus(dec(f.net)));
  }
  for (const c of price.charges) listTotal = listTotal.plus(dec(c.amount));
  const discounts = lineDiscounts.plus(dec(price.documentDiscount));
  return {
    lines,
    listTotal: listTotal.toFixed(dp),
    lineDiscounts: (lineDiscounts.lt(ZERO) ? ZERO : lineDiscounts).toFixed(dp),
    discountsTotal: (discounts.lt(ZERO) ? ZERO : discounts).toFixed(dp),
  };
}

function lineFigures(l: LineResult, dp: number): LineFigures {
  const list = dec(l.listUnit);
  const net = dec(l.unit);
  const off = list.minus(net);
  const discount = off.gt(ZERO) ? off : ZERO;
  return {
    listUnit: list.toFixed(dp),
    netUnit: net.toFixed(dp),
    discountUnit: discount.toFixed(dp),
    discountPercent: list.gt(ZERO) ? discount.times(decInt(100)).div(list).toFixed(2) : '0.00',
    net: dec(l.extended).toFixed(dp),
  };
}
