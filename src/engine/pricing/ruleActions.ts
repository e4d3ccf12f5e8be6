import { holds, type RuleFacts } from './conditions.ts';
import { dec, lessPercent, ONE, type Decimal } from './money.ts';
import type { PriceRule } from './schema.ts';

/** A price rule action that changes the unit (all but `setOptionAmount`). */
export type UnitAction = Exclude<PriceRule['then'][number], { setOptionAmount: unknown }>;

/**
 * How an action reads in the waterfall.
 *
 * @example
 * actionLabel({ discountPercent: { percent: '10' } }); // '−10 %'
 */
export function actionLabel(action: UnitAction): string {
  if ('setUnitPrice' in action) return `unit price ${action.setUnitPrice.amount}`;
  if ('discountPercent' in action) return `−${action.discountPercent.percent} %`;
  return `${action.addAmount.amount.startsWith('-') ? '' : '+'}${action.addAmount.amount} per unit`;
}

/**
 * A rule's unit action on `amount` (a unit, or a line of `q` units); amounts convert at `rate`.
 *
 * @example
 * applyAction({ discountPercent: { percent: '10' } }, dec('200'), ONE); // 180
 */
export function applyAction(
  action: UnitAction,
  amount: Decimal,
  rate: Decimal,
  q: Decimal = ONE,
): Decimal {
  if ('setUnitPrice' in action) return dec(action.setUnitPrice.amount).times(rate).times(q);
  if ('discountPercent' in action) return lessPercent(amount, dec(action.discountPercent.percent));
  return amount.plus(dec(action.addAmount.amount).times(rate).times(q));
}

/**
 * The price rules of `stage` that fire for a line, by priority (lower first; ties in file order).
 *
 * @example
 * applicableRules(pricing.priceRules, 'beforeVolume', { productId: 'DESK', quantity: 20,
 *   selection: { top: 'oak' } }).map((r) => r.id); // ['OAK-20']
 */
export function applicableRules(
  rules: readonly PriceRule[],
  stage: PriceRule['stage'],
  facts: RuleFacts,
): PriceRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .filter(
      ({ rule }) =>
        rule.stage === stage &&
        (!rule.products || rule.products.includes(facts.productId)) &&
        holds(rule.when, facts),
    )
    .sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}
