import type { ProductModel } from '../model/types.ts';
import type { PlanState, SnapshotContext, SupplyDelays } from './context.ts';
import { planLine, type LineInput } from './planLine.ts';
import type { AtpPoint, Suggestion } from './result.ts';
import { dateOf } from './time.ts';

/**
 * The quantity curve of a line (C14): for growing quantities, the earliest delivery of that many
 * units, listed as steps — the largest quantity delivered by each distinct date. Found by
 * bisection on the (non-decreasing) delivery of q units, so it costs a few plans per step, not
 * one per unit. Quantities that cannot be delivered at all are left out.
 *
 * @example
 * atpCurve(ctx, desk, line, now, state, delays) // [{ quantity: 3, deliveryDate: '2026-03-06' }, { quantity: 5, … }]
 */
export function atpCurve(
  ctx: SnapshotContext,
  model: ProductModel,
  line: LineInput,
  now: string,
  state: PlanState,
  delays: SupplyDelays,
): AtpPoint[] {
  const memo = new Map<number, number>();
  const delivery = (q: number): number => {
    let d = memo.get(q);
    if (d === undefined) {
      d =
        planLine(ctx, model, { ...line, quantity: q }, now, state, delays).deliveryDay ?? Infinity;
      memo.set(q, d);
    }
    return d;
  };
  const lastOfDay = new Map<number, number>();
  const note = (q: number) => {
    const d = delivery(q);
    if (d !== Infinity) lastOfDay.set(d, Math.max(lastOfDay.get(d) ?? 0, q));
  };
  const fill = (lo: number, hi: number): void => {
    // Invariant: delivery(lo) and delivery(hi) are known; equal ends mean a flat stretch.
    if (delivery(lo) === delivery(hi) || hi - lo <= 1) {
      note(lo);
      note(hi);
      return;
    }
    const mid = Math.floor((lo + hi) / 2);
    fill(lo, mid);
    fill(mid, hi);
  };
  fill(1, line.quantity);
  return [...lastOfDay]
    .sort((a, b) => a[0] - b[0])
    .map(([day, quantity]) => ({ quantity, deliveryDate: dateOf(day) }));
}

/**
 * The `split` suggestion of a curve (C14): one shipment per step, each with the units that step
 * adds; none when everything arrives on one date.
 *
 * @example
 * splitSuggestion([{ quantity: 3, deliveryDate: '2026-03-06' }, { quantity: 5, deliveryDate: '2026-03-24' }])
 * // { type: 'split', shipments: [{ quantity: 3, … }, { quantity: 2, deliveryDate: '2026-03-24' }] }
 */
export function splitSuggestion(curve: readonly AtpPoint[]): Suggestion | undefined {
  if (curve.length < 2) return undefined;
  let before = 0;
  const shipments = curve.map((p) => {
    const s = { quantity: p.quantity - before, deliveryDate: p.deliveryDate };
    before = p.quantity;
    return s;
  });
  return { type: 'split', shipments };
}
