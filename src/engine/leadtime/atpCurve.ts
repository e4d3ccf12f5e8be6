import type { ProductModel } from '../model/types.ts';
import type { PlanState, SnapshotContext, SupplyDelays } from './context.ts';
import { planLine, type LineInput } from './planLine.ts';
import type { AtpPoint, Suggestion } from './result.ts';
import { dateOf, dayOf } from './time.ts';

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

/** Up to this quantity every first-shipment size is tried; above it, the curve's steps only. */
const EVERY_SIZE_UP_TO = 64;

/**
 * The `split` suggestion of a line (C14). With at most two shipments (the default): of all ways
 * to send q₁ units on the first date the curve allows and the other q − q₁ on the earliest date
 * that second shipment can then be delivered (planned after the first, C13), the one bringing the
 * most unit-days forward (calendar days earlier than the complete delivery, summed over units);
 * ties go to the earlier first shipment, then the smaller one. First sizes: every q₁ < q up to
 * q = 64, else the curve's steps. With `maxShipments` ≥ 3: one shipment per curve step, the
 * steps past the last allowed shipment joined into it. None when nothing comes forward.
 *
 * @example
 * splitSuggestion(ctx, desk, line, now, state, delays, [{ quantity: 3, deliveryDate: '2026-03-06' }, { quantity: 5, deliveryDate: '2026-03-24' }])
 * // { type: 'split', shipments: [{ quantity: 3, deliveryDate: '2026-03-06' }, { quantity: 2, deliveryDate: '2026-03-24' }] }
 */
export function splitSuggestion(
  ctx: SnapshotContext,
  model: ProductModel,
  line: LineInput,
  now: string,
  state: PlanState,
  delays: SupplyDelays,
  curve: readonly AtpPoint[],
  maxShipments = 2,
): Suggestion | undefined {
  if (curve.length < 2 || maxShipments < 2) return undefined;
  if (maxShipments > 2) {
    let before = 0;
    const steps = curve.slice(0, maxShipments);
    const shipments = steps.map((p, k) => {
      const last = k === steps.length - 1;
      const quantity = (last ? curve[curve.length - 1]!.quantity : p.quantity) - before;
      const deliveryDate = last ? curve[curve.length - 1]!.deliveryDate : p.deliveryDate;
      before = p.quantity;
      return { quantity, deliveryDate };
    });
    return { type: 'split', shipments };
  }
  const q = line.quantity;
  const complete = dayOf(curve[curve.length - 1]!.deliveryDate);
  const sizes =
    q <= EVERY_SIZE_UP_TO
      ? Array.from({ length: q - 1 }, (_, k) => k + 1)
      : curve.map((p) => p.quantity).filter((x) => x < q);
  let best: { gain: number; first: number; q1: number; second: number } | undefined;
  for (const q1 of sizes) {
    const a = planLine(ctx, model, { ...line, quantity: q1 }, now, state, delays);
    if (a.deliveryDay === undefined) continue;
    const b = planLine(ctx, model, { ...line, quantity: q - q1 }, now, a.state, delays);
    if (b.deliveryDay === undefined) continue;
    const gain = q1 * (complete - a.deliveryDay) + (q - q1) * (complete - b.deliveryDay);
    if (!best || gain > best.gain || (gain === best.gain && a.deliveryDay < best.first))
      best = { gain, first: a.deliveryDay, q1, second: b.deliveryDay };
  }
  if (!best || best.gain <= 0) return undefined;
  return {
    type: 'split',
    shipments: [
      { quantity: best.q1, deliveryDate: dateOf(best.first) },
      { quantity: q - best.q1, deliveryDate: dateOf(best.second) },
    ],
  };
}
