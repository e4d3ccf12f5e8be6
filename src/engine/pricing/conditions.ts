import type { Selection } from '../model/types.ts';
import type { Condition } from './schema.ts';

/** What a price rule's `when` can test. */
export interface RuleFacts {
  productId: string;
  quantity: number;
  selection: Selection;
  customerId?: string | undefined;
  category?: string | undefined;
}

/**
 * Whether a price rule condition holds. An attribute that is not in the selection satisfies no
 * attribute test (like "none" in the rule language); `equals` on a multi attribute means "has".
 *
 * @example
 * holds({ all: [{ attribute: 'top', equals: 'oak' }, { quantity: { gte: 20 } }] },
 *   { productId: 'DESK', quantity: 20, selection: { top: 'oak' } }); // true
 */
export function holds(condition: Condition, facts: RuleFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  if ('quantity' in condition) return inRange(facts.quantity, condition.quantity);
  if ('product' in condition) return facts.productId === condition.product;
  if ('customerId' in condition) return facts.customerId === condition.customerId;
  if ('category' in condition) return facts.category === condition.category;
  const value = facts.selection[condition.attribute];
  if (value === undefined) return false;
  const values: readonly (string | number | boolean)[] = Array.isArray(value)
    ? value
    : [value as string];
  if (condition.equals !== undefined && !values.includes(condition.equals)) return false;
  if (condition.in !== undefined && !values.some((v) => condition.in!.includes(v))) return false;
  if (condition.has !== undefined && !values.includes(condition.has)) return false;
  const numeric = [condition.gte, condition.gt, condition.lte, condition.lt].some(
    (b) => b !== undefined,
  );
  if (numeric) return typeof value === 'number' && inRange(value, condition);
  return true;
}

function inRange(
  n: number,
  r: {
    gte?: number | undefined;
    gt?: number | undefined;
    lte?: number | undefined;
    lt?: number | undefined;
  },
): boolean {
  return (
    (r.gte === undefined || n >= r.gte) &&
    (r.gt === undefined || n > r.gt) &&
    (r.lte === undefined || n <= r.lte) &&
    (r.lt === undefined || n < r.lt)
  );
}
