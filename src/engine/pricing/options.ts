import type { Selection, SelectionValue } from '../model/types.ts';
import { dec, decNumber, percentOf, ZERO, type Decimal } from './money.ts';
import type { PriceBook } from './schema.ts';

/**
 * One priced option of a line, per unit, in the book's currency: an absolute amount (`amount`, or
 * `amountTimesValue` already multiplied by the attribute's value) or a percentage of the
 * configured list (base + absolute options). `source` says who set it last.
 */
export interface OptionPrice {
  attribute: string;
  /** The value priced (absent for `amountTimesValue`, which prices the attribute's number). */
  value?: string | number | boolean;
  kind: 'amount' | 'percent';
  /** Per unit (amount kinds); for `amountTimesValue`, amount × value. */
  amount: Decimal;
  /** For percent kinds. */
  percent: Decimal;
  source: string;
}

/** A one-time charge from a `per: "order"` adjustment, in the book's currency (step 9). */
export interface OrderCharge {
  attribute: string;
  value?: string | number | boolean;
  amount: Decimal;
}

/**
 * Whether `selected` (the selection's value of an attribute) includes `value`.
 *
 * @example
 * selects(['rack', 'light'], 'rack'); // true
 */
export function selects(
  selected: SelectionValue | undefined,
  value: string | number | boolean,
): boolean {
  if (selected === undefined) return false;
  if (Array.isArray(selected)) return (selected as readonly string[]).includes(value as string);
  return selected === value;
}

/**
 * The options of a book that a selection picks, split into per-unit prices and one-time charges.
 * Adjustments with a `product` apply to that product only.
 *
 * @example
 * selectedOptions(book, 'DESK', { frame: 'aluminium' }).unit[0].amount.toFixed(2); // '120.00'
 */
export function selectedOptions(
  book: PriceBook,
  productId: string,
  selection: Selection,
): { unit: OptionPrice[]; order: OrderCharge[] } {
  const unit: OptionPrice[] = [];
  const order: OrderCharge[] = [];
  for (const adj of book.adjustments) {
    if (adj.product !== undefined && adj.product !== productId) continue;
    const selected = selection[adj.attribute];
    let price: OptionPrice;
    switch (adj.type) {
      case 'amount':
        if (!selects(selected, adj.value)) continue;
        price = {
          attribute: adj.attribute,
          value: adj.value,
          kind: 'amount',
          amount: dec(adj.amount),
          percent: ZERO,
          source: book.id,
        };
        break;
      case 'percent':
        if (!selects(selected, adj.value)) continue;
        price = {
          attribute: adj.attribute,
          value: adj.value,
          kind: 'percent',
          amount: ZERO,
          percent: dec(adj.percent),
          source: book.id,
        };
        break;
      case 'amountTimesValue':
        if (typeof selected !== 'number') continue;
        price = {
          attribute: adj.attribute,
          kind: 'amount',
          amount: dec(adj.amount).times(decNumber(selected)),
          percent: ZERO,
          source: book.id,
        };
        break;
      default:
        adj satisfies never;
        continue;
    }
    if (adj.per === 'order') {
      order.push({
        attribute: price.attribute,
        ...(price.value !== undefined && { value: price.value }),
        amount: price.amount,
      });
    } else unit.push(price);
  }
  return { unit, order };
}

/**
 * Replaces the price of option `attribute = value` (when selected): every per-unit price of that
 * option is dropped and one absolute amount put in its place (contract overrides, rule actions).
 *
 * @example
 * overrideOption(opts, { top: 'oak' }, 'top', 'oak', dec('150.00'), 'contract:ACME'); // oak now 150.00
 */
export function overrideOption(
  options: readonly OptionPrice[],
  selection: Selection,
  attribute: string,
  value: string | number | boolean,
  amount: Decimal,
  source: string,
): OptionPrice[] {
  if (!selects(selection[attribute], value)) return [...options];
  const at = options.findIndex((o) => o.attribute === attribute && o.value === value);
  const replacement: OptionPrice = {
    attribute,
    value,
    kind: 'amount',
    amount,
    percent: ZERO,
    source,
  };
  const rest = options.filter((o) => !(o.attribute === attribute && o.value === value));
  if (at < 0) return [...rest, replacement];
  rest.splice(Math.min(at, rest.length), 0, replacement);
  return rest;
}

/**
 * The configured list unit (pricing.md step 2): base + absolute options, then each percentage on
 * that sum (percentages do not compound).
 *
 * @example
 * configuredList(dec('1000'), [{ kind: 'amount', amount: dec('120') }, { kind: 'percent', percent: dec('8') }]);
 * // 1120 + 8 % of 1120 = 1209.6
 */
export function configuredList(
  base: Decimal,
  options: readonly Pick<OptionPrice, 'kind' | 'amount' | 'percent'>[],
): Decimal {
  const absolute = options
    .filter((o) => o.kind === 'amount')
    .reduce((sum, o) => sum.plus(o.amount), base);
  return options
    .filter((o) => o.kind === 'percent')
    .reduce((sum, o) => sum.plus(percentOf(absolute, o.percent)), absolute);
}

/**
 * The contribution of one option to the configured list whose absolute part is `absolute`.
 *
 * @example
 * contribution({ kind: 'percent', percent: dec('8'), … }, dec('1120')).toFixed(); // '89.6'
 */
export function contribution(option: OptionPrice, absolute: Decimal): Decimal {
  return option.kind === 'amount' ? option.amount : percentOf(absolute, option.percent);
}
