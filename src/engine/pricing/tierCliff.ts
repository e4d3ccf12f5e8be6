import { money, type Decimal } from './money.ts';
import type { PricedLine } from './priceLine.ts';
import type { Condition, PriceRule } from './schema.ts';
import type { TierHint } from './waterfall.ts';

/**
 * Quantity thresholds of rules for the product above `quantity` (where a rule starts or stops).
 *
 * @example
 * ruleThresholds(rules, 'DESK', 12); // [20] for OAK-20 (quantity ≥ 20)
 */
export function ruleThresholds(
  rules: readonly PriceRule[],
  productId: string,
  quantity: number,
): number[] {
  const out: number[] = [];
  const walk = (c: Condition) => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('quantity' in c) {
      if (c.quantity.gte !== undefined) out.push(c.quantity.gte);
      if (c.quantity.gt !== undefined) out.push(c.quantity.gt + 1);
      if (c.quantity.lte !== undefined) out.push(c.quantity.lte + 1);
      if (c.quantity.lt !== undefined) out.push(c.quantity.lt);
    }
  };
  for (const r of rules) if (!r.products || r.products.includes(productId)) walk(r.when);
  return out.filter((n) => n > quantity);
}

/**
 * A tier cliff: the smallest of `quantities` (tier, block and rule thresholds above the line's
 * quantity) at which the same line, priced by `priceAt`, is cheaper than `line`.
 *
 * @example
 * findCliff((q) => priceLine(ctx, { ...input, quantity: q }, false), dec('52136.00'), [50]);
 * // { quantity: 50, line: '50400.00', saves: '1736.00' }
 */
export function findCliff(
  priceAt: (quantity: number) => PricedLine | string,
  line: Decimal,
  quantities: number[],
): TierHint | undefined {
  for (const quantity of [...new Set(quantities)].sort((a, b) => a - b)) {
    const other = priceAt(quantity);
    if (typeof other !== 'string' && other.extended.lt(line))
      return {
        quantity,
        line: money(other.extended, other.currency),
        saves: money(line.minus(other.extended), other.currency),
      };
  }
  return undefined;
}
