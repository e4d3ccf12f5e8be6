import type { ProductModel } from '../model/types.ts';
import { addWorkingDays } from './calendar.ts';
import { EMPTY_STATE, type PlanState, type SnapshotContext, type SupplyDelays } from './context.ts';
import { planLine, type LineInput, type LinePlan } from './planLine.ts';

/** Thrown for a request that cannot be planned at all (a product without a model). */
export class PromiseInputError extends Error {
  readonly code = 'PROMISE_INPUT';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'PromiseInputError';
  }
}

/** Every line planned in order, with the state before each line (for re-planning one line). */
export interface OrderPlan {
  lines: LinePlan[];
  statesBefore: PlanState[];
  /** Per line: the ship and delivery day after the ship policy (C13). */
  shipDays: (number | undefined)[];
  deliveryDays: (number | undefined)[];
}

/**
 * Re-plans of the same order under other supply delays (C16) reuse a line's plan when the delays
 * it depends on are the same: its own uncertain supplies and those of earlier lines that share a
 * work centre with it (stock consumption is booked on nominal days, so only capacity carries
 * delays from line to line).
 */
export interface LineMemo {
  cache: Map<string, LinePlan>;
  /** Per line: the source keys its plan depends on. */
  deps: string[][];
  /** Per line: the work centres its plan schedules on. */
  workCenters: string[][];
}

/**
 * Finds the model of a product id.
 *
 * @example
 * modelOf(ctx, new Map([['DESK', desk]]), 'DESK', 0) // desk; 'SOFA' throws PromiseInputError at $.lines[0].productId
 */
export function modelOf(
  ctx: SnapshotContext,
  models: ReadonlyMap<string, ProductModel>,
  productId: string,
  index: number,
): ProductModel {
  const model = models.get(productId);
  if (model && !ctx.plants.has(model.plantId))
    throw new PromiseInputError(
      `$.lines[${index}].productId`,
      `product '${productId}' is made at plant '${model.plantId}', which the snapshot does not know (plants: ${[...ctx.plants.keys()].join(', ') || 'none'})`,
    );
  if (!model)
    throw new PromiseInputError(
      `$.lines[${index}].productId`,
      `no product model for '${productId}' (models: ${[...models.keys()].join(', ') || 'none'})`,
    );
  return model;
}

/**
 * Plans the lines of a request in order (C13): earlier lines consume stock and capacity first.
 * With `complete`, every line ships on the latest line's ship date (its delivery follows from
 * its plant's carrier); with `asap` each line keeps its own. `memo` lets C16's re-plans reuse lines.
 *
 * @example
 * planOrder(ctx, models, lines, now, 'complete', new Map()).deliveryDays // [day, day]
 */
export function planOrder(
  ctx: SnapshotContext,
  models: ReadonlyMap<string, ProductModel>,
  lines: readonly LineInput[],
  now: string,
  shipPolicy: 'complete' | 'asap',
  delays: SupplyDelays,
  memo?: LineMemo,
): OrderPlan {
  const plans: LinePlan[] = [];
  const statesBefore: PlanState[] = [];
  let state = EMPTY_STATE;
  lines.forEach((line, i) => {
    statesBefore.push(state);
    const key = memo && `${i}|${memo.deps[i]!.map((k) => delays.get(k) ?? 0).join(',')}`;
    const hit = key === undefined ? undefined : memo!.cache.get(key);
    if (hit) {
      // The hit's own work centres come from the hit; every other centre from this order's state.
      const taken = new Map(state.taken);
      for (const wc of memo!.workCenters[i]!) {
        const t = hit.state.taken.get(wc);
        if (t) taken.set(wc, t);
      }
      const reused = { ...hit, state: { consumed: hit.state.consumed, taken } };
      plans.push(reused);
      state = reused.state;
      return;
    }
    const plan = planLine(ctx, modelOf(ctx, models, line.productId, i), line, now, state, delays);
    if (key !== undefined) memo!.cache.set(key, plan);
    plans.push(plan);
    state = plan.state;
  });
  let shipDays = plans.map((p) => p.shipDay);
  let deliveryDays = plans.map((p) => p.deliveryDay);
  if (shipPolicy === 'complete') {
    const unavailable = plans.some((p) => p.status !== 'ok');
    const latest = Math.max(...plans.map((p) => p.shipDay ?? -Infinity));
    shipDays = plans.map(() => (unavailable ? undefined : latest));
    deliveryDays = plans.map((p) =>
      unavailable
        ? undefined
        : addWorkingDays(p.plant.carrierCalendar, latest, p.plant.transitWorkingDays),
    );
  }
  return { lines: plans, statesBefore, shipDays, deliveryDays };
}

/**
 * The day the whole order is delivered (the latest line), or undefined when a line is unavailable.
 *
 * @example
 * orderDeliveryDay(planOrder(ctx, models, lines, now, 'asap', new Map())) // the latest line's day
 */
export function orderDeliveryDay(plan: OrderPlan): number | undefined {
  let latest: number | undefined;
  for (const d of plan.deliveryDays) {
    if (d === undefined) return undefined;
    latest = latest === undefined ? d : Math.max(latest, d);
  }
  return latest;
}

/**
 * The memo for re-planning `plan` under delays (C16): each line depends on its own uncertain
 * supplies and, through shared work centres, on those of earlier lines.
 *
 * @example
 * planOrder(ctx, models, lines, now, 'asap', delays, lineMemo(base, ['po:PO-1']))
 */
export function lineMemo(plan: OrderPlan, uncertain: readonly string[]): LineMemo {
  const keys = new Set(uncertain);
  const workCenters = plan.lines.map((l) => [
    ...new Set([
      ...l.productOps.map((o) => o.workCenter),
      ...[...l.items.values()].flatMap((p) => (p.build?.ops ?? []).map((o) => o.workCenter)),
    ]),
  ]);
  const deps: string[][] = [];
  plan.lines.forEach((l, i) => {
    const own = [...l.items.values()]
      .map((p) => (p.purchase ?? p.inbound)?.key)
      .filter((k): k is string => k !== undefined && keys.has(k));
    const set = new Set(own);
    for (let j = 0; j < i; j++)
      if (workCenters[j]!.some((wc) => workCenters[i]!.includes(wc)))
        for (const k of deps[j]!) set.add(k);
    deps.push([...set].sort());
  });
  return { cache: new Map(), deps, workCenters };
}
