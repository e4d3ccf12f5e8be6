import { holidaysCrossed, workingDaysBetween } from './calendar.ts';
import type { LinePlan } from './planLine.ts';
import type { OpPlan } from './routing.ts';
import { dateOf, dayOfMinute, formatMinute } from './time.ts';

/** Why a material is on the critical path (C12). */
export type MaterialCause = 'stock' | 'inbound' | 'overdue' | 'purchase' | 'no-source';

/** What drives the promised date (C12); the first driver of a list is the main one. */
export type Driver =
  | { kind: 'material'; item: string; cause: MaterialCause; po?: string; detail: string }
  | { kind: 'capacity'; workCenter: string; op: string; detail: string }
  | { kind: 'acceptance'; cause: 'after-cutoff' | 'non-working-day' }
  | { kind: 'transit-calendar'; dates: string[] }
  | { kind: 'processing' };

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
        found.push({
          driver: {
            kind: 'material',
            item: p.item,
            cause: 'no-source',
            detail: materialDetail(plan, p.item),
          },
          effect: Infinity,
        });
    return found.map((f) => f.driver);
  }
  const acc = plan.acceptance;
  const seen = new Set<string>();
  const walkAcceptance = () => {
    if (acc.reason !== 'before-cutoff')
      found.push({
        driver: { kind: 'acceptance', cause: acc.reason },
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
      driver: {
        kind: 'material',
        item: id,
        cause: p.source === 'none' ? 'no-source' : p.source,
        ...(p.inbound ? { po: p.inbound.po } : {}),
        detail: materialDetail(plan, id),
      },
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
      driver: { kind: 'transit-calendar', dates: crossed.map(dateOf) },
      effect: crossed.length * 1440,
    });
  found.sort((a, b) => b.effect - a.effect);
  return found.length > 0 ? found.map((f) => f.driver) : [{ kind: 'processing' }];
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
