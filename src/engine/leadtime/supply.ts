import { addWorkingDays, nextWorkingDay, type WorkCalendar } from './calendar.ts';
import type { PlanState, SnapshotContext, SupplyDelays } from './context.ts';
import type { Snapshot, SnapshotItem } from './schema.ts';
import { dayOf } from './time.ts';

/** An open purchase order as planned (C6): when it is usable, and whether it is overdue. */
export interface PlannedInbound {
  po: string;
  qty: number;
  usableDay: number;
  overdue: boolean;
  /** The source key for delays (`po:<id>`) and its histogram, if any (C16). */
  key: string;
  histogram: Readonly<Record<string, number>> | undefined;
}

/** Existing supply of an item: the first candidate day whose ATP covers the need (C7). */
export interface ExistingSupply {
  day: number;
  /** The purchase order whose arrival made the ATP sufficient; absent when stock covers it at D0. */
  inbound?: PlannedInbound;
  /** ATP at D0 (may be negative when stock is already promised to later orders). */
  atpAtD0: number;
}

/** A new purchase (C5). */
export interface PlannedPurchase {
  supplierId: string;
  orderDay: number;
  receiptDay: number;
  usableDay: number;
  key: string;
  histogram: Readonly<Record<string, number>> | undefined;
  leadTime: number;
  leadTimeUnit: 'calendarDays' | 'workingDays';
}

/**
 * Open purchase orders of an item with their usable days (C6): `expected` moved to the next
 * working day, or — when it is before D0 — D0 + `assumeArrivalWorkingDays` (overdue); then any
 * delay of the C16 enumeration, then `inspectionWorkingDays`.
 *
 * @example
 * plannedInbound(ctx, de, 'FRAME-AL', item, dayOf('2026-03-02'), new Map())
 * // [{ po: 'PO-4410', usableDay: dayOf('2026-03-17'), overdue: false, … }]
 */
export function plannedInbound(
  ctx: SnapshotContext,
  cal: WorkCalendar,
  itemId: string,
  item: SnapshotItem,
  d0: number,
  delays: SupplyDelays,
): PlannedInbound[] {
  const assume = ctx.snapshot.policies.overdueInbound?.assumeArrivalWorkingDays ?? 3;
  return (ctx.inboundByItem.get(itemId) ?? []).map((po) => {
    const expected = dayOf(po.expected);
    const overdue = expected < d0;
    const arrival = overdue ? addWorkingDays(cal, d0, assume) : nextWorkingDay(cal, expected);
    const key = `po:${po.id}`;
    const received = addWorkingDays(cal, arrival, delays.get(key) ?? 0);
    const supplier = item.suppliers.find((s) => s.id === po.supplierId);
    const inspection = supplier?.inspectionWorkingDays ?? item.inspectionWorkingDays;
    return {
      po: po.id,
      qty: po.qty,
      usableDay: addWorkingDays(cal, received, inspection),
      overdue,
      key,
      histogram: po.delayHistogram ?? supplier?.delayHistogram,
    };
  });
}

/**
 * Available-to-promise with look-ahead (C7): the projected balance P(t) = onHand − reserved −
 * safety stock + inbound usable by t − commitments (and earlier lines' consumption) due by t;
 * ATP(d) = min over t ≥ d of P(t). Returns the first candidate day (D0, then each inbound usable
 * day) whose ATP covers `need`, or undefined, together with ATP(D0).
 *
 * @example
 * // onHand 10, SO-77 takes 4 on 10 March: ATP(D0) = 6, so a need of 8 waits for an inbound PO.
 */
export function existingSupply(
  ctx: SnapshotContext,
  itemId: string,
  item: SnapshotItem,
  inbound: readonly PlannedInbound[],
  state: PlanState,
  d0: number,
  need: number,
): { supply: ExistingSupply | undefined; atpAtD0: number } {
  const stock: Snapshot['stock'][string] | undefined = ctx.snapshot.stock[itemId];
  const safety = stock?.safetyStock ?? item.safetyStock ?? 0;
  const base = (stock?.onHand ?? 0) - (stock?.reserved ?? 0) - safety;
  const events: { day: number; qty: number }[] = [];
  for (const po of inbound) events.push({ day: po.usableDay, qty: po.qty });
  for (const c of ctx.commitmentsByItem.get(itemId) ?? [])
    events.push({ day: dayOf(c.due), qty: -c.qty });
  for (const c of state.consumed) if (c.item === itemId) events.push({ day: c.day, qty: -c.qty });
  events.sort((a, b) => a.day - b.day);

  // P at each distinct event day ≥ d0, and P(d0) itself.
  const days: number[] = [d0];
  const balance: number[] = [];
  let p = base;
  let i = 0;
  for (; i < events.length && events[i]!.day <= d0; i++) p += events[i]!.qty;
  balance.push(p);
  while (i < events.length) {
    const day = events[i]!.day;
    for (; i < events.length && events[i]!.day === day; i++) p += events[i]!.qty;
    days.push(day);
    balance.push(p);
  }
  // ATP(days[k]) = min of balance[k..]
  const atp = new Array<number>(balance.length);
  let min = Infinity;
  for (let k = balance.length - 1; k >= 0; k--) {
    min = Math.min(min, balance[k]!);
    atp[k] = min;
  }
  const atpAt = (day: number): number => {
    let k = 0;
    while (k + 1 < days.length && days[k + 1]! <= day) k++;
    return atp[k]!;
  };
  const atpAtD0 = atp[0]!;
  if (atpAtD0 >= need - 1e-9) return { supply: { day: d0, atpAtD0 }, atpAtD0 };
  const candidates = [...inbound]
    .filter((po) => po.usableDay >= d0)
    .sort((a, b) => a.usableDay - b.usableDay);
  for (const po of candidates) {
    if (atpAt(po.usableDay) >= need - 1e-9)
      return { supply: { day: po.usableDay, inbound: po, atpAtD0 }, atpAtD0 };
  }
  return { supply: undefined, atpAtD0 };
}

/**
 * The earliest new purchase of a bought item (C5): order = D0 + `daysToPurchase` working days;
 * receipt = order + `leadTime` calendar days (moved to the next working day) or working days;
 * usable = receipt + inspection working days. Earliest usable wins; ties go to the lowest
 * `priority` (then the first listed). Undefined when the item has no supplier. A C16 delay of the
 * chosen supplier moves its receipt after the choice (a late supplier is not known in advance).
 *
 * @example
 * // D0 Mon 2 March, 21 calendar days → receipt Mon 23 March, 1 inspection day → usable 24 March
 */
export function bestPurchase(
  cal: WorkCalendar,
  itemId: string,
  item: SnapshotItem,
  d0: number,
  delays: SupplyDelays,
): PlannedPurchase | undefined {
  // The supplier is chosen on nominal dates; a C16 delay then moves the chosen one's receipt.
  let best: (PlannedPurchase & { priority: number; inspection: number }) | undefined;
  for (const s of item.suppliers) {
    const orderDay = addWorkingDays(cal, d0, s.daysToPurchase);
    const receiptDay =
      s.leadTimeUnit === 'workingDays'
        ? addWorkingDays(cal, orderDay, s.leadTime)
        : nextWorkingDay(cal, orderDay + s.leadTime);
    const inspection = s.inspectionWorkingDays ?? item.inspectionWorkingDays;
    const usableDay = addWorkingDays(cal, receiptDay, inspection);
    const priority = s.priority ?? Number.POSITIVE_INFINITY;
    if (
      !best ||
      usableDay < best.usableDay ||
      (usableDay === best.usableDay && priority < best.priority)
    ) {
      best = {
        supplierId: s.id,
        orderDay,
        receiptDay,
        usableDay,
        key: `supplier:${itemId}:${s.id}`,
        histogram: s.delayHistogram,
        leadTime: s.leadTime,
        leadTimeUnit: s.leadTimeUnit,
        priority,
        inspection,
      };
    }
  }
  if (!best) return undefined;
  const { priority: _priority, inspection, ...purchase } = best;
  const delay = delays.get(purchase.key) ?? 0;
  if (delay > 0) {
    purchase.receiptDay = addWorkingDays(cal, purchase.receiptDay, delay);
    purchase.usableDay = addWorkingDays(cal, purchase.receiptDay, inspection);
  }
  return purchase;
}
