import Big from 'big.js';
import type { ProductModel, Selection, SelectionValue } from '../model/types.ts';
import type { PlanState, SnapshotContext, SupplyDelays } from './context.ts';
import { planLine, type LineInput, type LinePlan } from './planLine.ts';
import type { Driver, Suggestion } from './result.ts';
import { attributesBehind } from './drivers.ts';
import { dateOf } from './time.ts';
import { fallbackAlternatives, satisfiesAssigned } from './validity.ts';

/** The price change per unit of a selection change, as a decimal string (from the pricing engine). */
export type PriceDelta = (
  productId: string,
  from: Selection,
  to: Selection,
  quantity: number,
) => string | undefined;

/** The valid alternative values of an attribute under a selection (from the solver). */
export type ValidAlternatives = (
  productId: string,
  selection: Selection,
  attribute: string,
) => readonly SelectionValue[];

/** At most this many what-if re-promises per line beyond the driving attribute's values. */
const EXTRA_BUDGET = 12;

/**
 * For a multi attribute: the selection without each one of its chosen values, when the count
 * stays at or above `min` and no assigned constraint breaks (`satisfiesAssigned`).
 */
function multiRemovals(
  model: ProductModel,
  selection: Selection,
  attribute: string,
): SelectionValue[] {
  const attr = model.attributes.find((a) => a.id === attribute);
  const chosen = selection[attribute];
  if (attr?.type !== 'multi' || !Array.isArray(chosen)) return [];
  if (chosen.length - 1 < (attr.min ?? 0)) return [];
  return chosen
    .map((v) => chosen.filter((x) => x !== v))
    .filter((rest) => satisfiesAssigned(model, { ...selection, [attribute]: rest }));
}

/**
 * What-if suggestions of a line (C15): re-promises each alternative *valid* value of the driving
 * attributes (those whose values brought in a material driver; for a multi attribute, dropping
 * one of its chosen values), then of other choice
 * and boolean attributes that carry BOM lines while a small budget lasts, and reports every swap
 * that delivers earlier, with the calendar days saved and the price change per unit. Ranked by
 * days saved (most first, i.e. earliest date), then price change (cheapest first; unknown prices
 * last). For an unavailable line, every swap that makes it available is listed, without
 * `daysSaved`.
 *
 * @example
 * optionSwaps(ctx, desk, line, now, state, delays, plan, drivers, {})
 * // [{ type: 'optionSwap', change: { top: 'laminate' }, deliveryDate: '2026-03-06', daysSaved: 18, priceDeltaPerUnit: '-180.00' }]
 */
export function optionSwaps(
  ctx: SnapshotContext,
  model: ProductModel,
  line: LineInput,
  now: string,
  state: PlanState,
  delays: SupplyDelays,
  plan: LinePlan,
  drivers: readonly Driver[],
  hooks: { priceDelta?: PriceDelta | undefined; validAlternatives?: ValidAlternatives | undefined },
): Suggestion[] {
  // An unavailable line: any swap that makes it available is worth showing.
  const current = plan.deliveryDay ?? Infinity;
  const driving = [
    ...new Set(
      drivers.flatMap((d) => (d.kind === 'material' ? attributesBehind(plan, d.item) : [])),
    ),
  ];
  const others = model.attributes
    .filter((a) => !driving.includes(a.id))
    .filter(
      (a) =>
        (a.type === 'choice' && a.values.some((v) => v.bom && v.bom.length > 0)) ||
        (a.type === 'boolean' && (a.bom?.length ?? 0) > 0),
    )
    .map((a) => a.id);
  const alternatives = (attribute: string): readonly SelectionValue[] =>
    model.attributes.find((a) => a.id === attribute)?.type === 'multi'
      ? multiRemovals(model, line.selection, attribute)
      : hooks.validAlternatives
        ? hooks
            .validAlternatives(model.id, line.selection, attribute)
            .filter((v) => v !== line.selection[attribute])
        : fallbackAlternatives(model, line.selection, attribute);

  const out: (Suggestion & { type: 'optionSwap' })[] = [];
  let budget = EXTRA_BUDGET;
  for (const [index, attribute] of [...driving, ...others].entries()) {
    const extra = index >= driving.length;
    if (line.selection[attribute] === undefined) continue;
    for (const value of alternatives(attribute)) {
      if (extra && budget-- <= 0) break;
      const selection = { ...line.selection, [attribute]: value };
      const alt = planLine(ctx, model, { ...line, selection }, now, state, delays);
      if (alt.deliveryDay === undefined || alt.deliveryDay >= current) continue;
      const price = hooks.priceDelta?.(model.id, line.selection, selection, line.quantity);
      out.push({
        type: 'optionSwap',
        change: { [attribute]: value },
        deliveryDate: dateOf(alt.deliveryDay),
        ...(current === Infinity ? {} : { daysSaved: current - alt.deliveryDay }),
        ...(price === undefined ? {} : { priceDeltaPerUnit: price }),
      });
    }
  }
  return out.sort((a, b) => {
    if (a.deliveryDate !== b.deliveryDate) return a.deliveryDate < b.deliveryDate ? -1 : 1;
    if (a.priceDeltaPerUnit === undefined) return b.priceDeltaPerUnit === undefined ? 0 : 1;
    if (b.priceDeltaPerUnit === undefined) return -1;
    return new Big(a.priceDeltaPerUnit).cmp(new Big(b.priceDeltaPerUnit));
  });
}
