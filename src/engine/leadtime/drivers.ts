import { buyerSubject } from './buyerWords.ts';
import { holidaysCrossed, workingDaysBetween } from './calendar.ts';
import type { LinePlan } from './planLine.ts';
import type { OpPlan } from './routing.ts';
import { dateOf, dayOfMinute, formatMinute } from './time.ts';

/** Why a material is on the critical path (C12). */
export type MaterialCause = 'stock' | 'inbound' | 'overdue' | 'purchase' | 'no-source';

/**
 * What drives the promised date (C12); the first driver of a list is the main one. Every driver
 * has two texts: `buyer`, the buyer's words (English, no internal id: "Lifting system: Dual motor
 * arrives from our supplier on 2026-12-10"), and `detail`, the planner's (item, purchase order,
 * supplier, work centre, quantities). A buyer's screen shows only `buyer` (or its own words built
 * from the fields without ids: `attributes`, `availableDate`, `until`, `dates`).
 */
export type Driver = (
  | {
      kind: 'material';
      item: string;
      cause: MaterialCause;
      po?: string;
      /** The product's attributes whose chosen values bring the item in (through sub-assemblies). */
      attributes: string[];
      /** The day the item is usable (absent when no source delivers it). */
      availableDate?: string;
    }
  | {
      kind: 'capacity';
      workCenter: string;
      op: string;
      /** The day the delayed operation ends. */
      until: string;
    }
  | { kind: 'acceptance'; cause: 'after-cutoff' | 'non-working-day' }
  | { kind: 'transit-calendar'; dates: string[] }
  | { kind: 'processing' }
) & { buyer: string; detail: string };

/** The buyer's words of a material driver. */
function materialBuyer(
  what: string,
  cause: MaterialCause,
  availableDate: string | undefined,
): string {
  switch (cause) {
    case 'purchase':
    case 'inbound':
      return `${what}: arrives from our supplier on ${availableDate ?? 'a later date'}`;
    case 'overdue':
      return `${what}: delayed at our supplier, expected on ${availableDate ?? 'a later date'}`;
    case 'stock':
      return `${what}: from stock`;
    case 'no-source':
      return `${what}: none of our suppliers can deliver it at the moment`;
    default:
      return cause satisfies never;
  }
}

/** The product attributes that brought in `item`, following parents up to the product's BOM. */
export function attributesBehind(plan: LinePlan, item: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const p = plan.items.get(id);
    if (!p) return;
    for (const a of p.attributes) if (a !== '') out.add(a);
    for (const parent of p.parents) if (parent !== '') visit(parent);
  };
  visit(item);
  return [...out];
}

/** A material driver of `item` with both texts. */
function materialDriver(plan: LinePlan, item: string, cause: MaterialCause): Driver {
  const p = plan.items.get(item)!;
  const attributes = attributesBehind(plan, item);
  const availableDate =
    p.availableAt === undefined ? undefined : dateOf(dayOfMinute(p.availableAt));
  return {
    kind: 'material',
    item,
    cause,
    ...(p.inbound ? { po: p.inbound.po } : {}),
    attributes,
    ...(availableDate === undefined ? {} : { availableDate }),
    buyer: materialBuyer(
      buyerSubject(plan.model, plan.selection, attributes),
      cause,
      availableDate,
    ),
    detail: materialDetail(plan, item),
  };
}

function lastOp(ops: readonly OpPlan[]): OpPlan | undefined {
  let last: OpPlan | undefined;
  for (const o of ops) if (!last || o.end >= last.end) last = o;
  return last;
}

function materialDetail(plan: LinePlan, item: string): string {
  const p = plan.items.get(item)!;
  const at = p.availableAt === undefined ? '' : `, usable ${dateOf(dayOfMinute(p.availableAt))}`;
  switch (p.source) {
    case 'purchase': {
      const b = p.purchase!;
      const unit = b.leadTimeUnit === 'workingDays' ? 'working' : 'calendar';
      return `need ${p.need}, available to promise at acceptance ${p.atpAtD0}: buy ${b.qty} from ${b.supplierId} (ordered ${dateOf(b.orderDay)}, ${b.leadTime} ${unit} days, received ${dateOf(b.receiptDay)})${at}`;
    }
    case 'inbound':
    case 'overdue':
      return `need ${p.need}, available to promise at acceptance ${p.atpAtD0}: waits for ${p.inbound!.po}${p.source === 'overdue' ? ' (overdue)' : ''}${at}`;
    case 'none':
      return p.unknown
        ? `item ${item} is not in the snapshot`
        : `need ${p.need}, available to promise ${p.atpAtD0}, and no supplier or open purchase order covers it`;
    case 'stock':
    case 'make':
      return `need ${p.need} from stock${at}`;
    default:
      return p.source satisfies never;
  }
}

/**
 * The drivers of a line (C12): walks the critical path back from completion — through capacity
 * waits, predecessor operations and built components — to its root (a material, the acceptance,
 * or nothing), adds the holidays a transit crossed, and orders them by effect (the delay each
 * one causes, largest first). `processing` when nothing waits.
 *
 * @example
 * lineDrivers(plan) // [{ kind: 'material', item: 'TOP-OAK', cause: 'purchase', detail: '…' }]
 */
export function lineDrivers(plan: LinePlan): Driver[] {
  const found: { driver: Driver; effect: number }[] = [];
  if (plan.status === 'unavailable') {
    for (const p of plan.items.values())
      if (p.source === 'none')
        found.push({ driver: materialDriver(plan, p.item, 'no-source'), effect: Infinity });
    return found.map((f) => f.driver);
  }
  const acc = plan.acceptance;
  const seen = new Set<string>();
  const walkAcceptance = () => {
    if (acc.reason !== 'before-cutoff')
      found.push({
        driver: {
          kind: 'acceptance',
          cause: acc.reason,
          buyer:
            acc.reason === 'after-cutoff'
              ? "Ordered after today's cut-off: work starts on the next working day"
              : 'Ordered on a non-working day: work starts on the next working day',
          detail: `accepted ${formatMinute(acc.minute)} (${acc.reason}, order at ${formatMinute(acc.now)})`,
        },
        effect: acc.minute - acc.now,
      });
  };
  const walkItem = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const p = plan.items.get(id)!;
    if (p.source === 'make') {
      const op = lastOp(p.build?.ops ?? []);
      if (op) return walkOp(op);
      const child = [...plan.items.values()]
        .filter((c) => c.parents.includes(id) && c.availableAt !== undefined)
        .sort((a, b) => b.availableAt! - a.availableAt!)[0];
      return child && child.availableAt! > acc.minute ? walkItem(child.item) : walkAcceptance();
    }
    if (p.availableAt === undefined || p.availableAt <= acc.minute) return walkAcceptance();
    found.push({
      driver: materialDriver(plan, id, p.source === 'none' ? 'no-source' : p.source),
      effect: p.availableAt - acc.minute,
    });
    // A purchase is ordered, and an overdue PO assumed, counting from D0: a late acceptance
    // delays them too.
    if (p.source === 'purchase' || p.source === 'overdue') walkAcceptance();
  };
  const walkOp = (op: OpPlan): void => {
    if (op.capacityDelay > 0)
      found.push({
        driver: {
          kind: 'capacity',
          workCenter: op.workCenter,
          op: op.op,
          until: dateOf(dayOfMinute(op.end)),
          buyer: `Our workshop is fully booked until ${dateOf(dayOfMinute(op.end))}`,
          detail: `booked capacity on ${op.workCenter} moves the end of ${op.op} from ${formatMinute(op.end - op.capacityDelay)} to ${formatMinute(op.end)}`,
        },
        effect: op.capacityDelay,
      });
    const bound = op.boundBy;
    switch (bound.kind) {
      case 'acceptance':
        return walkAcceptance();
      case 'item':
        return walkItem(bound.item);
      case 'op': {
        const siblings =
          op.owner === '' ? plan.productOps : (plan.items.get(op.owner)?.build?.ops ?? []);
        const pred = siblings.find((o) => o.op === bound.op);
        return pred ? walkOp(pred) : walkAcceptance();
      }
      default:
        return bound satisfies never;
    }
  };
  const last = lastOp(plan.productOps);
  if (last) walkOp(last);
  else {
    const top = [...plan.items.values()]
      .filter((p) => p.parents.includes('') && p.availableAt !== undefined)
      .sort((a, b) => b.availableAt! - a.availableAt!)[0];
    if (top && top.availableAt! > acc.minute) walkItem(top.item);
    else walkAcceptance();
  }
  const crossed = holidaysCrossed(plan.plant.carrierCalendar, plan.shipDay!, plan.deliveryDay!);
  if (crossed.length > 0)
    found.push({
      driver: {
        kind: 'transit-calendar',
        dates: crossed.map(dateOf),
        buyer: `The carrier does not deliver on ${crossed.map(dateOf).join(', ')}`,
        detail: `carrier calendar holidays between shipping ${dateOf(plan.shipDay!)} and delivery ${dateOf(plan.deliveryDay!)}: ${crossed.map(dateOf).join(', ')}`,
      },
      effect: crossed.length * 1440,
    });
  found.sort((a, b) => b.effect - a.effect);
  return found.length > 0
    ? found.map((f) => f.driver)
    : [
        {
          kind: 'processing',
          buyer: 'Production time only: nothing is waiting',
          detail: `every component is ready at acceptance; production ends ${formatMinute(plan.productionEnd!)}`,
        },
      ];
}

/**
 * Slack of every available item in working days (C12): how many working days after its
 * available date its consumer starts (the product's routing, or the parent's build), plus the
 * parent's own slack; the minimum over parents.
 *
 * @example
 * itemSlack(plan).get('FRAME-ST') // 12
 */
export function itemSlack(plan: LinePlan): Map<string, number> {
  const cal = plan.plant.calendar;
  const slack = new Map<string, number>([['', 0]]);
  const startOf = (owner: string): number | undefined => {
    if (owner === '') {
      const starts = plan.productOps.map((o) => o.start);
      return starts.length > 0 ? Math.min(...starts) : plan.productionEnd;
    }
    const p = plan.items.get(owner);
    const starts = (p?.build?.ops ?? []).map((o) => o.start);
    return starts.length > 0 ? Math.min(...starts) : p?.availableAt;
  };
  const ordered = [...plan.items.values()].sort((a, b) => a.level - b.level);
  for (const p of ordered) {
    if (p.availableAt === undefined) continue;
    let best: number | undefined;
    for (const parent of p.parents) {
      const start = startOf(parent);
      const parentSlack = slack.get(parent);
      if (start === undefined || parentSlack === undefined) continue;
      const s =
        workingDaysBetween(cal, dayOfMinute(p.availableAt), dayOfMinute(start)) + parentSlack;
      best = best === undefined ? s : Math.min(best, s);
    }
    if (best !== undefined) slack.set(p.item, best);
  }
  slack.delete('');
  return slack;
}
