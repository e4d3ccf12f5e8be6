import type { Operation } from '../model/schema.ts';
import type { WorkCalendar } from './calendar.ts';
import { scheduleWork, type Interval } from './capacity.ts';
import type { SnapshotContext } from './context.ts';

/** What set an operation's earliest start (C10), for the critical-path walk (C12). */
export type Bound =
  { kind: 'acceptance' } | { kind: 'item'; item: string } | { kind: 'op'; op: string };

/** One scheduled operation. Times are plant-local minutes. */
export interface OpPlan {
  /** The item the operation builds, or `''` for the configured product. */
  owner: string;
  op: string;
  workCenter: string;
  quantity: number;
  minutes: number;
  earliest: number;
  boundBy: Bound;
  start: number;
  end: number;
  /** Minutes by which booked or earlier-planned work delayed the end (0 when none). */
  capacityDelay: number;
  pieces: Interval[];
}

/**
 * Working minutes of an operation (C10): `fixedHours + hoursPerUnit × quantity`, rounded up to
 * the whole minute (after removing float noise).
 *
 * @example
 * operationMinutes({ fixedHours: 2, hoursPerUnit: 1.5 }, 3) // 390
 */
export function operationMinutes(
  op: Pick<Operation, 'fixedHours' | 'hoursPerUnit'>,
  quantity: number,
): number {
  const minutes = (op.fixedHours + op.hoursPerUnit * quantity) * 60;
  return Math.ceil(Math.round(minutes * 1e6) / 1e6);
}

/**
 * Forward-schedules a routing (C10): operations with an empty `after` start in parallel at
 * `earliest`; `after: [op]` waits for those operations to end (references to operations not in
 * `ops` are ignored). Capacity taken replaces (copy on write) the lists in `taken`. Returns
 * undefined with the work-centre id when an operation names an unknown work centre.
 *
 * @example
 * scheduleRouting(ctx, plantCal, 'LEG-KIT', ops, 4, start, { kind: 'acceptance' }, taken)
 */
export function scheduleRouting(
  ctx: SnapshotContext,
  plantCalendar: WorkCalendar,
  owner: string,
  ops: readonly Operation[],
  quantity: number,
  earliest: number,
  bound: Bound,
  taken: Map<string, readonly Interval[]>,
): { ops: OpPlan[] } | { unknownWorkCenter: string } {
  const names = new Set(ops.map((o) => o.op));
  const done = new Map<string, OpPlan>();
  const out: OpPlan[] = [];
  let pending = [...ops];
  while (pending.length > 0) {
    const ready = pending.filter((o) =>
      o.after.every((a) => !names.has(a) || done.has(a) || a === o.op),
    );
    // A cycle among `after` references: schedule the rest in listed order.
    const batch = ready.length > 0 ? ready : pending;
    for (const o of batch) {
      const wc = ctx.workCenters.get(o.workCenter);
      if (!wc) return { unknownWorkCenter: o.workCenter };
      let start = earliest;
      let boundBy: Bound = bound;
      for (const a of o.after) {
        const pred = done.get(a);
        if (pred && pred.end > start) {
          start = pred.end;
          boundBy = { kind: 'op', op: a };
        }
      }
      const minutes = operationMinutes(o, quantity);
      const cal = wc.calendar ?? plantCalendar;
      const work = scheduleWork(
        cal,
        wc.parallelJobs,
        [wc.booked, taken.get(wc.id) ?? []],
        start,
        minutes,
      );
      let capacityDelay = 0;
      if (work.waitedForCapacity) {
        const free = scheduleWork(cal, wc.parallelJobs, [], start, minutes);
        capacityDelay = Math.max(0, work.end - free.end);
      }
      taken.set(wc.id, [...(taken.get(wc.id) ?? []), ...work.pieces]);
      const plan: OpPlan = {
        owner,
        op: o.op,
        workCenter: o.workCenter,
        quantity,
        minutes,
        earliest: start,
        boundBy,
        start: work.start,
        end: work.end,
        capacityDelay,
        pieces: work.pieces,
      };
      done.set(o.op, plan);
      out.push(plan);
    }
    const scheduled = new Set(batch);
    pending = pending.filter((o) => !scheduled.has(o));
  }
  return { ops: out };
}
