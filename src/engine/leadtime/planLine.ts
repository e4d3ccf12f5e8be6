import { evaluate } from '../model/evaluate.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import { accept, type AcceptancePlan } from './acceptance.ts';
import { addWorkingDays, shiftStartOf } from './calendar.ts';
import type { Interval } from './capacity.ts';
import type { PlanState, PlantContext, SnapshotContext, SupplyDelays } from './context.ts';
import { explode, roundNeed } from './explode.ts';
import { scheduleRouting, type Bound, type OpPlan } from './routing.ts';
import {
  bestPurchase,
  existingSupply,
  plannedInbound,
  type PlannedInbound,
  type PlannedPurchase,
} from './supply.ts';
import { MINUTES_PER_DAY } from './time.ts';

const NO_DELAYS: SupplyDelays = new Map();

/** How an item is supplied for a line. */
export type ItemSource = 'stock' | 'inbound' | 'overdue' | 'purchase' | 'make' | 'none';

/** The plan of one item for one line (aggregated over every BOM line that needs it, C8). */
export interface ItemPlan {
  item: string;
  /** Low-level code: 0 for the product's own BOM, deeper for make items' components. */
  level: number;
  need: number;
  source: ItemSource;
  /** The available instant (plant-local minute); undefined when unavailable. */
  availableAt: number | undefined;
  fromStock: number;
  atpAtD0: number;
  inbound?: PlannedInbound;
  purchase?: PlannedPurchase & { qty: number };
  /** Make items: the shortfall built and its operations (C9). */
  build?: { qty: number; ops: OpPlan[] };
  /** Items (or `''` for the product) that consume this one. */
  parents: string[];
  /** Attributes of the product whose values brought the item in (top level only). */
  attributes: string[];
  /** Set when the item is unknown to the snapshot. */
  unknown?: true;
}

/** Everything planned for one line; turned into the JSON result by `lineResult`. */
export interface LinePlan {
  lineId: string;
  productId: string;
  quantity: number;
  /** The product's model and the line's selection (for the buyer's words of the drivers). */
  model: ProductModel;
  selection: Selection;
  plant: PlantContext;
  acceptance: AcceptancePlan;
  status: 'ok' | 'unavailable';
  items: Map<string, ItemPlan>;
  productOps: OpPlan[];
  /** The instant the product's own routing could start (all components there). */
  componentsReady: number | undefined;
  productionEnd: number | undefined;
  shipDay: number | undefined;
  deliveryDay: number | undefined;
  warnings: { code: string; message: string; item?: string; po?: string }[];
  /** The state after this line (C13). */
  state: PlanState;
}

/** The inputs of `planLine`. */
export interface LineInput {
  lineId: string;
  productId: string;
  quantity: number;
  selection: Selection;
}

/**
 * Plans one line (C4–C11): acceptance at the model's plant, BOM explosion aggregated per item,
 * available-to-promise or a new purchase for bought items, own stock then a build for make items
 * (recursively, by low-level code), the product's routing after all components, then shipping.
 * `state` carries stock and capacity taken by earlier lines (C13); it is not modified.
 *
 * @example
 * const plan = planLine(ctx, desk, { lineId: '1', productId: 'DESK', quantity: 2, selection }, '2026-03-02T09:55:00Z', EMPTY_STATE, new Map());
 * plan.deliveryDay // a day number
 */
export function planLine(
  ctx: SnapshotContext,
  model: ProductModel,
  line: LineInput,
  now: string,
  state: PlanState,
  delays: SupplyDelays,
): LinePlan {
  const plant = ctx.plants.get(model.plantId);
  if (!plant)
    throw new Error(`product '${model.id}': plant '${model.plantId}' is not in the snapshot`);
  const cal = plant.calendar;
  const acceptance = accept(plant, now);
  const d0 = acceptance.day;
  const dayStart = (day: number) => Math.max(acceptance.minute, shiftStartOf(cal, day));
  const warnings: LinePlan['warnings'] = [];
  const consumed = [...state.consumed];
  // Copy on write: scheduleRouting replaces a centre's list, never appends in place.
  const taken = new Map<string, readonly Interval[]>(state.taken);

  // Pass 1, top-down by low-level code: needs, stock, purchases, build quantities.
  const top = explode(model, line.selection, line.quantity);
  const raw = new Map<string, number>();
  const parents = new Map<string, string[]>();
  for (const [item, r] of top) {
    raw.set(item, r.qty);
    parents.set(item, ['']);
  }
  const levels = lowLevelCodes(ctx, [...top.keys()]);
  const order = [...levels.keys()].sort((a, b) => levels.get(a)! - levels.get(b)!);
  const items = new Map<string, ItemPlan>();
  for (const id of order) {
    // A component of a make item taken from stock is not needed at all.
    if ((raw.get(id) ?? 0) <= 0) continue;
    const item = ctx.snapshot.items[id];
    const base = {
      item: id,
      level: levels.get(id)!,
      parents: parents.get(id) ?? [],
      attributes: top.get(id)?.attributes ?? [],
    };
    if (!item) {
      const need = roundNeed(raw.get(id) ?? 0, false);
      warnings.push({
        code: 'unknown-item',
        item: id,
        message: `item '${id}' is not in the snapshot`,
      });
      items.set(id, {
        ...base,
        need,
        source: 'none',
        availableAt: undefined,
        fromStock: 0,
        atpAtD0: 0,
        unknown: true,
      });
      continue;
    }
    const need = roundNeed(raw.get(id) ?? 0, item.discrete);
    // Decisions use nominal dates; C16 delays then move the chosen purchase order (C6).
    const inbound = plannedInbound(ctx, cal, id, item, d0, NO_DELAYS);
    const { supply, atpAtD0 } = existingSupply(ctx, id, item, inbound, state, d0, need);
    const delayedPo = (po: PlannedInbound): PlannedInbound =>
      delays.has(po.key)
        ? plannedInbound(ctx, cal, id, item, d0, delays).find((p) => p.po === po.po)!
        : po;
    const stockPart = Math.min(need, Math.max(0, atpAtD0));
    if (supply && supply.day === d0) {
      consumed.push({ item: id, qty: need, day: d0 });
      items.set(id, {
        ...base,
        need,
        source: 'stock',
        availableAt: acceptance.minute,
        fromStock: need,
        atpAtD0,
      });
      continue;
    }
    if (item.makeOrBuy === 'make') {
      const qty = need - stockPart;
      if (stockPart > 0) consumed.push({ item: id, qty: stockPart, day: d0 });
      for (const b of item.bom) {
        raw.set(b.item, (raw.get(b.item) ?? 0) + qty * b.qtyPer * (1 + (b.scrap ?? 0)));
        const p = parents.get(b.item) ?? [];
        if (!p.includes(id)) parents.set(b.item, [...p, id]);
      }
      items.set(id, {
        ...base,
        need,
        source: 'make',
        availableAt: undefined,
        fromStock: stockPart,
        atpAtD0,
        build: { qty, ops: [] },
      });
      continue;
    }
    const nominal = bestPurchase(cal, id, item, d0, NO_DELAYS);
    if (nominal && (!supply || nominal.usableDay < supply.day)) {
      const purchase = delays.has(nominal.key) ? bestPurchase(cal, id, item, d0, delays)! : nominal;
      if (stockPart > 0) consumed.push({ item: id, qty: stockPart, day: d0 });
      items.set(id, {
        ...base,
        need,
        source: 'purchase',
        availableAt: dayStart(purchase.usableDay),
        fromStock: stockPart,
        atpAtD0,
        purchase: { ...purchase, qty: need - stockPart },
      });
    } else if (supply) {
      consumed.push({ item: id, qty: need, day: supply.day });
      const po = delayedPo(supply.inbound!);
      if (po.overdue)
        warnings.push({
          code: 'overdue-inbound',
          item: id,
          po: po.po,
          message: `purchase order ${po.po} for '${id}' is overdue; assumed to arrive ${ctx.snapshot.policies.overdueInbound?.assumeArrivalWorkingDays ?? 3} working days after acceptance`,
        });
      items.set(id, {
        ...base,
        need,
        source: po.overdue ? 'overdue' : 'inbound',
        availableAt: dayStart(Math.max(supply.day, po.usableDay)),
        fromStock: 0,
        atpAtD0,
        inbound: po,
      });
    } else {
      items.set(id, {
        ...base,
        need,
        source: 'none',
        availableAt: undefined,
        fromStock: 0,
        atpAtD0,
      });
    }
  }

  // Pass 2, bottom-up: build make items after their components (C9, C10).
  const moveMinutes = Math.round((ctx.snapshot.policies.subassemblyMoveHours ?? 0) * 60);
  let status: LinePlan['status'] = 'ok';
  const readyOf = (ids: readonly string[]): { at: number; bound: Bound } | undefined => {
    let at = acceptance.minute;
    let bound: Bound = { kind: 'acceptance' };
    for (const c of ids) {
      const a = items.get(c)?.availableAt;
      if (a === undefined) return undefined;
      if (a > at) {
        at = a;
        bound = { kind: 'item', item: c };
      }
    }
    return { at, bound };
  };
  for (const id of [...order].reverse()) {
    const plan = items.get(id);
    if (!plan?.build) continue;
    const item = ctx.snapshot.items[id]!;
    const ready = readyOf(item.bom.map((b) => b.item));
    if (!ready) continue;
    const routed = scheduleRouting(
      ctx,
      cal,
      id,
      item.routing,
      plan.build.qty,
      ready.at,
      ready.bound,
      taken,
    );
    if ('unknownWorkCenter' in routed) {
      warnings.push({
        code: 'unknown-work-center',
        item: id,
        message: `item '${id}': work centre '${routed.unknownWorkCenter}' is not in the snapshot`,
      });
      continue;
    }
    plan.build.ops = routed.ops;
    const end = routed.ops.reduce((m, o) => Math.max(m, o.end), ready.at);
    plan.availableAt = end + moveMinutes;
  }

  // The product's own routing after every component (C10), then shipping (C11).
  const ready = readyOf([...top.keys()]);
  let productOps: OpPlan[] = [];
  let productionEnd: number | undefined;
  if (ready) {
    const ops = model.routing.filter((o) => !o.condition || evaluate(o.condition, line.selection));
    const routed = scheduleRouting(ctx, cal, '', ops, line.quantity, ready.at, ready.bound, taken);
    if ('unknownWorkCenter' in routed)
      warnings.push({
        code: 'unknown-work-center',
        message: `product '${model.id}': work centre '${routed.unknownWorkCenter}' is not in the snapshot`,
      });
    else {
      productOps = routed.ops;
      productionEnd = routed.ops.reduce((m, o) => Math.max(m, o.end), ready.at);
    }
  }
  let shipDay: number | undefined;
  let deliveryDay: number | undefined;
  if (productionEnd === undefined) status = 'unavailable';
  else {
    // Work that ends exactly at midnight (a shift ending 24:00) completes on the day before.
    const endDay = Math.floor((productionEnd - (productOps.length > 0 ? 1 : 0)) / MINUTES_PER_DAY);
    shipDay = addWorkingDays(cal, endDay, plant.handlingWorkingDays);
    deliveryDay = addWorkingDays(plant.carrierCalendar, shipDay, plant.transitWorkingDays);
  }
  return {
    lineId: line.lineId,
    productId: line.productId,
    quantity: line.quantity,
    model,
    selection: line.selection,
    plant,
    acceptance,
    status,
    items,
    productOps,
    componentsReady: ready?.at,
    productionEnd,
    shipDay,
    deliveryDay,
    warnings,
    state: { consumed, taken },
  };
}

/** Low-level codes: the deepest level at which each item appears under the product (C9). */
function lowLevelCodes(ctx: SnapshotContext, top: readonly string[]): Map<string, number> {
  const levels = new Map<string, number>();
  const visit = (id: string, level: number, depth: number) => {
    if ((levels.get(id) ?? -1) >= level || depth > 64) return;
    levels.set(id, level);
    const item = ctx.snapshot.items[id];
    if (item?.makeOrBuy === 'make') for (const b of item.bom) visit(b.item, level + 1, depth + 1);
  };
  for (const id of top) visit(id, 0, 0);
  return levels;
}
