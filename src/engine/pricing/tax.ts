import { allocate } from './allocate.ts';
import {
  dec,
  fromMinor,
  ONE,
  round,
  roundQuotient,
  toMinor,
  ZERO,
  type Decimal,
  type RoundingMode,
} from './money.ts';

/** An amount to tax: a line or a one-time charge, after its document discount share. */
export interface Taxable {
  /** Net for an exclusive book; gross (tax included) for a tax-inclusive book. */
  amount: Decimal;
  inclusive: boolean;
  taxId?: string | undefined;
  rate: Decimal;
}

/** The tax of one taxable: `net` + `tax` = the gross the buyer pays. */
export interface TaxSplit {
  net: Decimal;
  tax: Decimal;
}

/**
 * Tax (pricing.md step 10). Exclusive: tax = rate × net, rounded per line (`perLine`) or once on
 * the sum of the lines with the same tax (`global`). Inclusive: net = round(gross ÷ (1 + rate)) on
 * the line (never per unit), tax = gross − net; `global` back-calculates once on the sum. A global
 * tax is then split over the lines by largest remainder so the lines add up to it.
 *
 * @example
 * splitTax([{ amount: dec('1190.00'), inclusive: true, rate: dec('0.19') }], 'perLine', 'halfUp', 'EUR');
 * // [{ net: 1000.00, tax: 190.00 }]
 */
export function splitTax(
  items: readonly Taxable[],
  rounding: 'perLine' | 'global',
  mode: RoundingMode,
  currency: string,
  dp: number,
): TaxSplit[] {
  const perLine = (t: Taxable): TaxSplit => {
    if (t.inclusive) {
      const net = roundQuotient(t.amount, ONE.plus(t.rate), dp, mode);
      return { net, tax: t.amount.minus(net) };
    }
    return { net: t.amount, tax: round(t.amount.times(t.rate), dp, mode) };
  };
  if (rounding === 'perLine') return items.map(perLine);
  const out: TaxSplit[] = items.map((t) => ({ net: t.amount, tax: ZERO }));
  const groups = new Map<string, number[]>();
  items.forEach((t, i) => {
    const key = `${t.taxId ?? ''}|${t.rate.toFixed()}|${t.inclusive}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indices of groups.values()) {
    const first = items[indices[0]!]!;
    const sum = indices.reduce((s, i) => s.plus(items[i]!.amount), ZERO);
    const total = perLine({ ...first, amount: sum }).tax;
    const shares = allocate(
      toMinor(total, currency),
      indices.map((i) => toMinor(items[i]!.amount, currency)),
    );
    indices.forEach((i, k) => {
      const tax = fromMinor(shares[k]!, currency);
      out[i] = { net: first.inclusive ? items[i]!.amount.minus(tax) : items[i]!.amount, tax };
    });
  }
  return out;
}

/**
 * The rate of a tax id as a decimal (0 when there is no tax).
 *
 * @example
 * taxRate([{ id: 'DE19', rate: '0.19' }], 'DE19').toFixed(); // '0.19'
 */
export function taxRate(
  taxes: readonly { id: string; rate: string }[],
  id: string | undefined,
): Decimal {
  const tax = id === undefined ? undefined : taxes.find((t) => t.id === id);
  return tax ? dec(tax.rate) : ZERO;
}
