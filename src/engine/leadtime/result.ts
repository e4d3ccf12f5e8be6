import type { SelectionValue } from '../model/types.ts';
import type { AcceptanceReason } from './acceptance.ts';
import { itemSlack, lineDrivers, type Driver } from './drivers.ts';
import type { ItemSource, LinePlan } from './planLine.ts';
import { dateOf, formatMinute } from './time.ts';

export type { Driver, MaterialCause } from './drivers.ts';

/** The acceptance of the order (C4): the date D0, why, and the local instant work may start. */
export interface Acceptance {
  date: string;
  reason: AcceptanceReason;
  /** Plant-local `YYYY-MM-DDTHH:MM`. */
  at: string;
}

/** One component of a line (aggregated per item, C8), with its slack (C12). */
export interface ComponentPromise {
  item: string;
  need: number;
  /** Plant-local `YYYY-MM-DDTHH:MM`; absent when unavailable. */
  availableAt?: string;
  source: ItemSource;
  slackWorkingDays?: number;
  /** Low-level code: 0 = the product's own BOM. */
  level: number;
  /** Consumers: item ids, or the product id. */
  usedBy: string[];
  fromStock: number;
  purchase?: {
    supplierId: string;
    quantity: number;
    orderDate: string;
    receiptDate: string;
    usableDate: string;
  };
  po?: string;
  build?: { quantity: number };
}

/** One event of a line's plan, in time order. `at` is a date or a plant-local date-time. */
export interface TimelineEvent {
  kind:
    | 'accept'
    | 'purchase'
    | 'receipt'
    | 'usable'
    | 'operation-start'
    | 'operation-end'
    | 'production-end'
    | 'ship'
    | 'delivery';
  at: string;
  item?: string;
  op?: string;
  workCenter?: string;
  supplierId?: string;
  po?: string;
}

/** Delivery quantiles of the whole promise (C16). */
export interface Confidence {
  /** `exact`: enumeration of every joint delay; `monte-carlo`: seeded sampling; `none`: nothing uncertain. */
  method: 'exact' | 'monte-carlo' | 'none';
  p50: string;
  p90: string;
  /** Every requested quantile, keyed `p10`, `p50`, … */
  quantiles: Record<string, string>;
  /** Joint outcomes enumerated, or samples drawn. */
  outcomes: number;
  seed?: number;
  /** Supplies whose delay histograms were used: `po:<id>` or `supplier:<item>:<supplierId>`. */
  sources: string[];
}

/** One point of the quantity curve (C14): the earliest delivery of `quantity` units. */
export interface AtpPoint {
  quantity: number;
  deliveryDate: string;
}

/** A way to be faster (C14, C15). */
export type Suggestion =
  | {
      type: 'optionSwap';
      change: Record<string, SelectionValue>;
      deliveryDate: string;
      /** Calendar days earlier than the current promise; absent when the line is unavailable. */
      daysSaved?: number;
      priceDeltaPerUnit?: string;
      lineId?: string;
    }
  | { type: 'split'; shipments: { quantity: number; deliveryDate: string }[]; lineId?: string };

/** Something the buyer or planner should know (an overdue PO, an unknown item). */
export interface PromiseWarning {
  code: string;
  message: string;
  item?: string;
  po?: string;
  lineId?: string;
}

/** The promise of one line (lead-time.md, "Result"). */
export interface LinePromise {
  lineId: string;
  productId: string;
  quantity: number;
  status: 'ok' | 'unavailable';
  accepted: Acceptance;
  productionEnd?: string;
  /** The line's own ship date; with `shipPolicy: "complete"` `shipDate` may be later. */
  readyDate?: string;
  shipDate?: string;
  deliveryDate?: string;
  confidence?: Confidence;
  drivers: Driver[];
  components: ComponentPromise[];
  timeline: TimelineEvent[];
  atpCurve?: AtpPoint[];
  suggestions: Suggestion[];
  warnings: PromiseWarning[];
}

/**
 * The JSON promise of one planned line, without the extras (curve, suggestions, confidence) that
 * `promise` adds.
 *
 * @example
 * lineResult(planLine(ctx, desk, line, now, EMPTY_STATE, new Map())).deliveryDate // '2026-03-24'
 */
export function lineResult(plan: LinePlan): LinePromise {
  const slack = plan.status === 'ok' ? itemSlack(plan) : new Map<string, number>();
  const components: ComponentPromise[] = [];
  const timeline: TimelineEvent[] = [{ kind: 'accept', at: formatMinute(plan.acceptance.minute) }];
  const ordered = [...plan.items.values()].sort((a, b) => a.level - b.level);
  for (const p of ordered) {
    const s = slack.get(p.item);
    components.push({
      item: p.item,
      need: p.need,
      ...(p.availableAt === undefined ? {} : { availableAt: formatMinute(p.availableAt) }),
      source: p.source,
      ...(s === undefined ? {} : { slackWorkingDays: s }),
      level: p.level,
      usedBy: p.parents.map((x) => (x === '' ? plan.productId : x)),
      fromStock: p.fromStock,
      ...(p.purchase
        ? {
            purchase: {
              supplierId: p.purchase.supplierId,
              quantity: p.purchase.qty,
              orderDate: dateOf(p.purchase.orderDay),
              receiptDate: dateOf(p.purchase.receiptDay),
              usableDate: dateOf(p.purchase.usableDay),
            },
          }
        : {}),
      ...(p.inbound ? { po: p.inbound.po } : {}),
      ...(p.build ? { build: { quantity: p.build.qty } } : {}),
    });
    if (p.purchase) {
      const { supplierId } = p.purchase;
      timeline.push({
        kind: 'purchase',
        at: dateOf(p.purchase.orderDay),
        item: p.item,
        supplierId,
      });
      timeline.push({
        kind: 'receipt',
        at: dateOf(p.purchase.receiptDay),
        item: p.item,
        supplierId,
      });
      timeline.push({ kind: 'usable', at: dateOf(p.purchase.usableDay), item: p.item, supplierId });
    }
    if (p.inbound)
      timeline.push({
        kind: 'usable',
        at: dateOf(p.inbound.usableDay),
        item: p.item,
        po: p.inbound.po,
      });
  }
  const ops = [...[...plan.items.values()].flatMap((p) => p.build?.ops ?? []), ...plan.productOps];
  for (const o of ops) {
    const who = o.owner === '' ? {} : { item: o.owner };
    timeline.push({
      kind: 'operation-start',
      at: formatMinute(o.start),
      op: o.op,
      workCenter: o.workCenter,
      ...who,
    });
    timeline.push({
      kind: 'operation-end',
      at: formatMinute(o.end),
      op: o.op,
      workCenter: o.workCenter,
      ...who,
    });
  }
  const out: LinePromise = {
    lineId: plan.lineId,
    productId: plan.productId,
    quantity: plan.quantity,
    status: plan.status,
    accepted: {
      date: dateOf(plan.acceptance.day),
      reason: plan.acceptance.reason,
      at: formatMinute(plan.acceptance.minute),
    },
    drivers: lineDrivers(plan),
    components,
    timeline,
    suggestions: [],
    warnings: plan.warnings.map((w) => ({ ...w, lineId: plan.lineId })),
  };
  if (plan.status === 'ok') {
    out.productionEnd = formatMinute(plan.productionEnd!);
    out.readyDate = dateOf(plan.shipDay!);
    out.shipDate = dateOf(plan.shipDay!);
    out.deliveryDate = dateOf(plan.deliveryDay!);
    timeline.push({ kind: 'production-end', at: out.productionEnd });
    timeline.push({ kind: 'ship', at: out.shipDate });
    timeline.push({ kind: 'delivery', at: out.deliveryDate });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}
