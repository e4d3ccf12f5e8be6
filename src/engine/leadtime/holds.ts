import { Temporal } from 'temporal-polyfill';
import type { ProductModel } from '../model/types.ts';
import { indexChanged, type Interval } from './capacity.ts';
import { bookedEntry, bookedIntervals, knownBookedIntervals, snapshotContext } from './context.ts';
import { modelOf, planOrder, type OrderPlan } from './planOrder.ts';
import {
  promisePlanned,
  type PromiseOptions,
  type PromiseRequestInput,
  type PromiseResult,
} from './promise.ts';
import type { Snapshot } from './schema.ts';
import { dayOf, formatMinute, localMinute } from './time.ts';

/**
 * What a quote or an order reserves of the snapshot until `expiresAt` (an ISO instant): stock of
 * an item, part of an open purchase order, or a work centre's capacity between two plant-local
 * date-times (`YYYY-MM-DDTHH:MM`, one job slot).
 */
export type Hold = HoldNeed & { expiresAt: string };

/** A hold without its expiry: what a promise consumes. */
export type HoldNeed =
  | { kind: 'stock'; item: string; qty: number }
  | { kind: 'po'; po: string; item: string; qty: number }
  | { kind: 'capacity'; workCenter: string; from: string; to: string };

const UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * An instant in epoch milliseconds. UTC instants written as `toISOString` writes them (what the
 * server stores) are read directly — a thousand holds are netted per promise, and Temporal's
 * parser would take most of that time; any other form goes through Temporal.
 */
function epoch(instant: string): number {
  const m = UTC.exec(instant);
  if (!m) return Temporal.Instant.from(instant).epochMilliseconds;
  const ms = Number((m[5] ?? '0').padEnd(3, '0').slice(0, 3));
  return (
    dayOf(m[1]!) * 86_400_000 +
    Number(m[2]) * 3_600_000 +
    Number(m[3]) * 60_000 +
    Number(m[4]) * 1000 +
    ms
  );
}

// Held pieces' date-times, read once: a thousand holds are netted again after every expiry, and
// adjacent pieces share their ends. Cleared when it grows past 100,000 entries.
const minutes = new Map<string, number>();
function heldMinute(dateTime: string): number {
  let m = minutes.get(dateTime);
  if (m === undefined) {
    if (minutes.size >= 100_000) minutes.clear();
    minutes.set(dateTime, (m = localMinute(dateTime)));
  }
  return m;
}

/**
 * A quantity without float noise (as `explode` cleans them): held quantities such as 6.15 litres
 * then sum to the same `reserved` whatever order the holds are netted in (one by one, as the
 * server keeps them, or all at once).
 */
const clean = (qty: number): number => Math.round(qty * 1e9) / 1e9;

/**
 * The holds still active at `now`: those whose `expiresAt` is after it (a hold expiring exactly
 * at `now` is released).
 *
 * @example
 * activeHolds([{ kind: 'stock', item: 'TOP-OAK', qty: 1, expiresAt: '2026-03-02T10:00:00Z' }], '2026-03-02T10:00:00Z') // []
 */
export function activeHolds<H extends { expiresAt: string }>(
  holds: readonly H[],
  now: string,
): H[] {
  const t = epoch(now);
  const seen = new Map<string, boolean>();
  return holds.filter((h) => {
    let active = seen.get(h.expiresAt);
    if (active === undefined) seen.set(h.expiresAt, (active = epoch(h.expiresAt) > t));
    return active;
  });
}

/**
 * The snapshot net of the holds active at `now` (pure; `snapshot` is not modified, and an empty
 * list returns it unchanged): a stock hold raises the item's `reserved`; a PO hold lowers the
 * open purchase order's quantity (what exceeds it — the PO received, changed or gone — is
 * reserved from stock instead, where a received PO's quantity now is); a capacity hold is booked
 * on its work centre (a work centre the snapshot no longer has is skipped). Promises made on the
 * result are promises for everyone else.
 *
 * @example
 * netOfHolds(snapshot, [{ kind: 'stock', item: 'TOP-OAK', qty: 1, expiresAt: '2026-03-02T12:00:00Z' }], '2026-03-02T09:00:00Z')
 * // stock['TOP-OAK'].reserved is 1 higher
 */
export function netOfHolds(snapshot: Snapshot, holds: readonly Hold[], now: string): Snapshot {
  const active = activeHolds(holds, now);
  if (active.length === 0) return snapshot;
  const reserve = new Map<string, number>();
  const add = (item: string, qty: number) => reserve.set(item, (reserve.get(item) ?? 0) + qty);
  const poLeft = new Map<string, number>();
  for (const po of snapshot.inbound) if (!po.received) poLeft.set(po.id, po.qty);
  const booked = new Map<string, Interval[]>();
  for (const h of active) {
    switch (h.kind) {
      case 'stock':
        add(h.item, h.qty);
        break;
      case 'po': {
        const left = poLeft.get(h.po);
        const take = left === undefined ? 0 : Math.min(left, h.qty);
        if (left !== undefined) poLeft.set(h.po, clean(left - take));
        if (h.qty > take) add(h.item, clean(h.qty - take));
        break;
      }
      case 'capacity': {
        if (!snapshot.workCenters[h.workCenter]) break;
        const list = booked.get(h.workCenter) ?? [];
        list.push({ from: heldMinute(h.from), to: heldMinute(h.to) });
        booked.set(h.workCenter, list);
        break;
      }
      default:
        h satisfies never;
    }
  }
  const stock = { ...snapshot.stock };
  for (const [item, qty] of reserve) {
    const s = stock[item];
    stock[item] = s
      ? { ...s, reserved: clean(s.reserved + qty) }
      : { onHand: 0, reserved: clean(qty) };
  }
  const workCenters = { ...snapshot.workCenters };
  for (const [id, intervals] of booked) {
    const wc = workCenters[id]!;
    workCenters[id] = { ...wc, booked: withPieces(wc.booked, intervals) };
  }
  const inbound = snapshot.inbound.map((po) => {
    const left = poLeft.get(po.id);
    return left === undefined || left === po.qty ? po : { ...po, qty: left };
  });
  return { ...snapshot, stock, workCenters, inbound };
}

/**
 * What a promise of `request` on `options.snapshot` consumes, as holds without expiry: stock
 * taken at acceptance, the purchase orders whose arrival the promise waits for, and every piece of
 * work-centre time its operations are scheduled in (adjacent pieces merged). New purchases are not
 * held (they are bought for this order). Lines are planned in order, as `promise` plans them.
 *
 * @example
 * promiseConsumption({ now, lines: [{ lineId: '1', productId: 'DESK', quantity: 1, selection }] }, { snapshot, models: [desk] })
 * // [{ kind: 'stock', item: 'TOP-OAK', qty: 1 }, { kind: 'capacity', workCenter: 'ASM', from: '2026-03-02T10:00', to: '2026-03-02T12:00' }, …]
 */
export function promiseConsumption(
  request: PromiseRequestInput,
  options: Pick<PromiseOptions, 'snapshot' | 'models'>,
): HoldNeed[] {
  const ctx = snapshotContext(options.snapshot);
  const models = new Map<string, ProductModel>(
    Array.isArray(options.models)
      ? (options.models as readonly ProductModel[]).map((m) => [m.id, m])
      : Object.entries(options.models as Readonly<Record<string, ProductModel>>),
  );
  request.lines.forEach((l, i) => modelOf(ctx, models, l.productId, i));
  const plan = planOrder(
    ctx,
    models,
    request.lines,
    request.now,
    request.shipPolicy ?? 'asap',
    new Map(),
  );
  return consumptionOf(plan);
}

/**
 * A promise and what holding it consumes (`promiseConsumption`; nothing when it is not ok),
 * planned once.
 *
 * @example
 * const { result, needs } = promiseHolding(request, { snapshot, models });
 */
export function promiseHolding(
  request: PromiseRequestInput,
  options: PromiseOptions,
): { result: PromiseResult; needs: HoldNeed[] } {
  const { result, plan } = promisePlanned(request, options);
  return { result, needs: result.status === 'ok' ? consumptionOf(plan) : [] };
}

function consumptionOf(plan: OrderPlan): HoldNeed[] {
  const stock = new Map<string, number>();
  const pos = new Map<string, { item: string; qty: number }>();
  const pieces = new Map<string, Interval[]>();
  for (const line of plan.lines) {
    if (line.status !== 'ok') continue;
    for (const p of line.items.values()) {
      if (p.fromStock > 0) stock.set(p.item, (stock.get(p.item) ?? 0) + p.fromStock);
      if (p.inbound && (p.source === 'inbound' || p.source === 'overdue')) {
        const before = pos.get(p.inbound.po)?.qty ?? 0;
        pos.set(p.inbound.po, { item: p.item, qty: before + p.need });
      }
      for (const op of p.build?.ops ?? [])
        pieces.set(op.workCenter, [...(pieces.get(op.workCenter) ?? []), ...op.pieces]);
    }
    for (const op of line.productOps)
      pieces.set(op.workCenter, [...(pieces.get(op.workCenter) ?? []), ...op.pieces]);
  }
  const out: HoldNeed[] = [];
  for (const [item, qty] of stock) out.push({ kind: 'stock', item, qty });
  for (const [po, { item, qty }] of pos) out.push({ kind: 'po', po, item, qty });
  for (const [workCenter, list] of pieces)
    for (const i of mergePieces(list))
      out.push({
        kind: 'capacity',
        workCenter,
        from: formatMinute(i.from),
        to: formatMinute(i.to),
      });
  return out;
}

type Booked = Snapshot['workCenters'][string]['booked'];
/**
 * Booked lists in canonical form (`slotLayers`) that netting made, with their longest interval
 * (minutes; never less than the longest).
 */
const canonical = new WeakMap<Booked, number>();

/**
 * The first index of `list` (sorted by start) whose interval starts at or after `at` (after it
 * when `after`).
 */
function firstFrom(list: readonly Interval[], at: number, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const from = list[mid]!.from;
    if (from < at || (after && from === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `booked` with `pieces` (plant-local minutes) taken too, as the canonical layers of the number of
 * taken slots at every minute (`slotLayers`). Holds made one after another fill a centre back to
 * back: a few long intervals are scheduled around instead of one more per hold, and netting holds
 * one by one (the server's cache) gives the same list as netting them all at once. A list netting
 * made is already canonical: only its entries that overlap or touch the new pieces' span are laid
 * out again (a layer that does not reach the span keeps its ends, since the count there is
 * unchanged), so a hold costs what its span holds, not the centre's whole future: those entries
 * are found by binary search (none starts earlier than the span less the longest entry), the
 * entries before and after them are copied as they are, and the scheduler's index of the list is
 * carried over (`indexChanged`).
 */
function withPieces(booked: Booked, pieces: readonly Interval[]): Booked {
  const before = bookedIntervals(booked);
  let out: Booked;
  let outIntervals: Interval[];
  let longest = canonical.get(booked);
  if (longest === undefined) {
    outIntervals = slotLayers([...before, ...pieces]);
    out = outIntervals.map(bookedEntry);
    longest = outIntervals.reduce((m, i) => Math.max(m, i.to - i.from), 0);
  } else {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of pieces) {
      if (p.to <= p.from) continue;
      lo = Math.min(lo, p.from);
      hi = Math.max(hi, p.to);
    }
    if (lo === Infinity) return booked;
    // Entries before `a` end before `lo` (none is longer than `longest`); from `b` on, they
    // start after `hi`: both kept as they are.
    const a = firstFrom(before, lo - longest);
    const b = firstFrom(before, hi, true);
    const near: Interval[] = [...pieces];
    const removed = new Set<Interval>();
    const kept: number[] = [];
    for (let k = a; k < b; k++) {
      const i = before[k]!;
      if (i.to < lo) kept.push(k);
      else {
        near.push(i);
        removed.add(i);
      }
    }
    // Both in slotLayers' order (by start, the longer first): merged, not sorted again.
    const fresh = slotLayers(near);
    const midOut: Booked = [];
    const midIntervals: Interval[] = [];
    let k = 0;
    const keep = () => {
      const at = kept[k++]!;
      midOut.push(booked[at]!);
      midIntervals.push(before[at]!);
    };
    for (const f of fresh) {
      while (k < kept.length) {
        const ki = before[kept[k]!]!;
        if (ki.from < f.from || (ki.from === f.from && ki.to >= f.to)) keep();
        else break;
      }
      midOut.push(bookedEntry(f));
      midIntervals.push(f);
      longest = Math.max(longest, f.to - f.from);
    }
    while (k < kept.length) keep();
    out = booked.slice(0, a).concat(midOut, booked.slice(b));
    outIntervals = before.slice(0, a).concat(midIntervals, before.slice(b));
    indexChanged(outIntervals, before, removed, fresh);
  }
  knownBookedIntervals(out, outIntervals);
  canonical.set(out, longest);
  return out;
}

/**
 * The canonical form of taken intervals: for each level k, the maximal stretches where at least k
 * intervals overlap, sorted by start (then level). Any two lists that take the same number of slots
 * at every minute give the same result, and that number is unchanged. Empty intervals vanish.
 *
 * @example
 * slotLayers([{ from: 0, to: 10 }, { from: 10, to: 20 }, { from: 5, to: 15 }])
 * // [{ from: 0, to: 20 }, { from: 5, to: 15 }]
 */
export function slotLayers(list: readonly Interval[]): Interval[] {
  const delta = new Map<number, number>();
  for (const i of list) {
    if (i.to <= i.from) continue;
    delta.set(i.from, (delta.get(i.from) ?? 0) + 1);
    delta.set(i.to, (delta.get(i.to) ?? 0) - 1);
  }
  const points = [...delta.keys()].sort((a, b) => a - b);
  const open: number[] = []; // open[k - 1]: where level k began
  const out: Interval[] = [];
  let level = 0;
  for (const at of points) {
    const next = level + delta.get(at)!;
    for (; level < next; level++) open.push(at);
    for (; level > next; level--) out.push({ from: open.pop()!, to: at });
  }
  return out.sort((a, b) => a.from - b.from || b.to - a.to);
}

/**
 * Sorted, with an interval that starts where the one before ends joined to it: the number of
 * intervals covering any minute is unchanged. Overlapping intervals (parallel slots) stay apart.
 */
function mergePieces(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    // Overlapping pieces run in parallel slots: they stay separate holds.
    if (last && last.to === i.from) last.to = i.to;
    else out.push({ ...i });
  }
  return out;
}

/**
 * The capacity a hold takes, in hours (plant-local wall clock), e.g. for a planner's list.
 *
 * @example
 * capacityHours({ kind: 'capacity', workCenter: 'ASM', from: '2026-03-02T08:00', to: '2026-03-02T10:30', expiresAt }) // 2.5
 */
export function capacityHours(hold: Extract<HoldNeed, { kind: 'capacity' }>): number {
  return (localMinute(hold.to) - localMinute(hold.from)) / 60;
}
