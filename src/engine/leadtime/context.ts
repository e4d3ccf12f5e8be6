import { compileCalendar, type WorkCalendar } from './calendar.ts';
import type { Interval } from './capacity.ts';
import type { Snapshot } from './schema.ts';
import { formatMinute, localMinute, minutesOf } from './time.ts';

/** A plant compiled for planning. */
export interface PlantContext {
  id: string;
  timeZone: string;
  calendar: WorkCalendar;
  /** The order cut-off in minutes after local midnight. */
  cutoff: number;
  handlingWorkingDays: number;
  carrierCalendar: WorkCalendar;
  transitWorkingDays: number;
}

/** A work centre compiled for planning. */
export interface WorkCenterContext {
  id: string;
  calendar: WorkCalendar | undefined;
  parallelJobs: number;
  booked: Interval[];
}

/** A snapshot compiled once for many promises: calendars, plants and booked capacity. */
export interface SnapshotContext {
  snapshot: Snapshot;
  calendars: Map<string, WorkCalendar>;
  plants: Map<string, PlantContext>;
  workCenters: Map<string, WorkCenterContext>;
  /** Inbound purchase orders per item, in snapshot order. */
  inboundByItem: Map<string, Snapshot['inbound']>;
  /** Commitments per item. */
  commitmentsByItem: Map<string, Snapshot['commitments']>;
}

const cache = new WeakMap<Snapshot, SnapshotContext>();
// Snapshots net of holds share their calendars object with the snapshot they came from: its
// compiled calendars are reused rather than compiled again for every promise.
const calendarCache = new WeakMap<Snapshot['calendars'], Map<string, WorkCalendar>>();
// Likewise each work centre netting left alone: its booked intervals are read once.
type WorkCenterDocument = Snapshot['workCenters'][string];
const workCenterCache = new WeakMap<WorkCenterDocument, WorkCenterContext>();
// A netted centre keeps the booked entries of the one it came from: each is read once.
type Booked = WorkCenterDocument['booked'][number];
const bookedCache = new WeakMap<Booked, Interval>();
/**
 * A booked entry for `interval` (plant-local minutes), remembered as already read: netting
 * formats held pieces that the next compile would otherwise parse back.
 */
export function bookedEntry(interval: Interval): Booked {
  const b = { from: formatMinute(interval.from), to: formatMinute(interval.to) };
  bookedCache.set(b, { from: interval.from, to: interval.to });
  return b;
}
/** A booked entry in plant-local minutes (each entry read once). */
export const bookedInterval = (b: Booked): Interval => {
  let i = bookedCache.get(b);
  if (!i) bookedCache.set(b, (i = { from: localMinute(b.from), to: localMinute(b.to) }));
  return i;
};

/**
 * Compiles a validated snapshot for planning (cached per snapshot object, which is never mutated).
 *
 * @example
 * const ctx = snapshotContext(parseSnapshot(json));
 * ctx.plants.get('BER')!.calendar.isWorking(dayOf('2026-03-02')) // true
 */
export function snapshotContext(snapshot: Snapshot): SnapshotContext {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  let calendars = calendarCache.get(snapshot.calendars);
  if (!calendars) {
    calendars = new Map<string, WorkCalendar>();
    for (const [id, doc] of Object.entries(snapshot.calendars))
      calendars.set(id, compileCalendar(id, doc));
    calendarCache.set(snapshot.calendars, calendars);
  }
  const plants = new Map<string, PlantContext>();
  for (const [id, p] of Object.entries(snapshot.plants)) {
    const calendar = calendars.get(p.calendarId)!;
    plants.set(id, {
      id,
      timeZone: p.timeZone,
      calendar,
      cutoff: minutesOf(p.orderCutoff),
      handlingWorkingDays: p.handlingWorkingDays,
      carrierCalendar: (p.carrier && calendars.get(p.carrier.calendarId)) ?? calendar,
      transitWorkingDays: p.carrier?.transitWorkingDays ?? 0,
    });
  }
  const workCenters = new Map<string, WorkCenterContext>();
  for (const [id, wc] of Object.entries(snapshot.workCenters)) {
    let compiled = workCenterCache.get(wc);
    const calendar = wc.calendarId === undefined ? undefined : calendars.get(wc.calendarId);
    if (!compiled || compiled.id !== id || compiled.calendar !== calendar) {
      compiled = {
        id,
        calendar,
        parallelJobs: wc.parallelJobs,
        booked: wc.booked.map(bookedInterval),
      };
      workCenterCache.set(wc, compiled);
    }
    workCenters.set(id, compiled);
  }
  const inboundByItem = new Map<string, Snapshot['inbound']>();
  for (const po of snapshot.inbound) {
    if (po.received) continue;
    inboundByItem.set(po.item, [...(inboundByItem.get(po.item) ?? []), po]);
  }
  const commitmentsByItem = new Map<string, Snapshot['commitments']>();
  for (const c of snapshot.commitments)
    commitmentsByItem.set(c.item, [...(commitmentsByItem.get(c.item) ?? []), c]);
  const ctx = { snapshot, calendars, plants, workCenters, inboundByItem, commitmentsByItem };
  cache.set(snapshot, ctx);
  return ctx;
}

/**
 * What earlier lines of the same request (C13) and earlier plans took: stock consumed (as
 * commitments on a day) and capacity taken per work centre. Treated as immutable: planning a line
 * returns a new state.
 */
export interface PlanState {
  consumed: ReadonlyArray<{ item: string; qty: number; day: number }>;
  taken: ReadonlyMap<string, readonly Interval[]>;
}

/** The state before the first line: nothing consumed, nothing taken. */
export const EMPTY_STATE: PlanState = { consumed: [], taken: new Map() };

/**
 * Delays (in working days) applied to uncertain supplies, by source key: `po:<id>` for an
 * inbound purchase order, `supplier:<item>:<supplierId>` for a new purchase (C16).
 */
export type SupplyDelays = ReadonlyMap<string, number>;
