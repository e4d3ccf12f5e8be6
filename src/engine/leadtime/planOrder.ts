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
 * Finds the model of a product id.
 *
 * @example
 * modelOf(new Map([['DESK', desk]]), 'DESK', 0) // desk; 'SOFA' throws PromiseInputError at $.lines[0].productId
 */
export function modelOf(
  models: ReadonlyMap<string, ProductModel>,
  productId: string,
  index: number,
): ProductModel {
  const model = models.get(productId);
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
 * its plant's carrier); with `asap` each line keeps its own.
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
): OrderPlan {
  const plans: LinePlan[] = [];
  const statesBefore: PlanState[] = [];
  let state = EMPTY_STATE;
  lines.forEach((line, i) => {
    statesBefore.push(state);
    const plan = planLine(ctx, modelOf(models, line.productId, i), line, now, state, delays);
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
