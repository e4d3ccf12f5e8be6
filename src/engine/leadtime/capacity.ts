import { HORIZON_DAYS, NoWorkingDayError, type WorkCalendar } from './calendar.ts';
import { MINUTES_PER_DAY } from './time.ts';

/** A half-open interval [from, to) of plant-local minutes during which one job slot is taken. */
export interface Interval {
  from: number;
  to: number;
}

/** Where and when an operation ran. */
export interface ScheduledWork {
  start: number;
  end: number;
  pieces: Interval[];
  /** True when booked or already-planned work made the operation start or end later (C12). */
  waitedForCapacity: boolean;
}

/**
 * Forward-schedules `minutes` of work on a work centre (C3, C10): from `earliest`, inside the
 * shifts of the centre's working days, in whatever capacity is free (fewer than `parallelJobs`
 * taken intervals, given as several lists). An operation may be split across shifts, days and
 * around booked intervals; it occupies one job slot at a time. Pure: `taken` is not modified.
 *
 * @example
 * scheduleWork(de, 1, [booked], dayOf('2026-03-02') * 1440 + 600, 420)
 * // runs 10:00–16:00 on 2 March and 08:00–09:00 on 3 March
 */
export function scheduleWork(
  cal: WorkCalendar,
  parallelJobs: number,
  taken: readonly (readonly Interval[])[],
  earliest: number,
  minutes: number,
): ScheduledWork {
  if (minutes <= 0) return { start: earliest, end: earliest, pieces: [], waitedForCapacity: false };
  const pieces: Interval[] = [];
  let remaining = minutes;
  let waited = false;
  const firstDay = Math.floor(earliest / MINUTES_PER_DAY) - 1; // a night shift of the day before
  for (let day = firstDay; day < firstDay + HORIZON_DAYS; day++) {
    if (!cal.isWorking(day)) continue;
    const base = day * MINUTES_PER_DAY;
    for (const shift of cal.shifts) {
      const from = Math.max(base + shift.start, earliest);
      const to = base + shift.end;
      if (from >= to) continue;
      const window = freeSegments(taken, parallelJobs, from, to);
      for (const free of window.segments) {
        if (free.busyBefore) waited = true;
        const take = Math.min(free.to - free.from, remaining);
        if (take <= 0) continue;
        pieces.push({ from: free.from, to: free.from + take });
        remaining -= take;
        if (remaining === 0) break;
      }
      if (remaining > 0 && window.anyBusy) waited = true;
      if (remaining === 0) {
        const first = pieces[0]!;
        const last = pieces[pieces.length - 1]!;
        return { start: first.from, end: last.to, pieces, waitedForCapacity: waited };
      }
    }
  }
  throw new NoWorkingDayError(cal.id, firstDay);
}

interface FreeSegment extends Interval {
  /** True when a fully taken stretch precedes this segment inside the window. */
  busyBefore: boolean;
}

/** Lists this long are indexed (a centre with a thousand held pieces is scanned per shift). */
const INDEX_FROM = 32;

/** A taken list sorted by start: intervals up to a day long, and the longer ones apart. */
interface TakenIndex {
  short: Interval[];
  maxLength: number;
  long: Interval[];
}

// Taken lists are never modified (copy on write), so each is indexed once.
const indexes = new WeakMap<readonly Interval[], TakenIndex>();

function indexOf(list: readonly Interval[]): TakenIndex {
  let index = indexes.get(list);
  if (!index) {
    const short = list.filter((t) => t.to - t.from <= MINUTES_PER_DAY);
    short.sort((a, b) => a.from - b.from);
    index = {
      short,
      maxLength: short.reduce((m, t) => Math.max(m, t.to - t.from), 0),
      long: list.filter((t) => t.to - t.from > MINUTES_PER_DAY),
    };
    indexes.set(list, index);
  }
  return index;
}

/** Segments of [from, to) where fewer than `parallelJobs` taken intervals overlap. */
function freeSegments(
  taken: readonly (readonly Interval[])[],
  parallelJobs: number,
  from: number,
  to: number,
): { segments: FreeSegment[]; anyBusy: boolean } {
  const points = new Set<number>([from, to]);
  const overlapping: Interval[] = [];
  const visit = (t: Interval) => {
    if (t.to <= from || t.from >= to) return;
    overlapping.push(t);
    if (t.from > from) points.add(t.from);
    if (t.to < to) points.add(t.to);
  };
  for (const list of taken) {
    if (list.length < INDEX_FROM) {
      for (const t of list) visit(t);
      continue;
    }
    // Only the intervals that can reach [from, to): long ones, and short ones starting from
    // `from - maxLength` (a binary search) until one starts at or after `to`.
    const index = indexOf(list);
    for (const t of index.long) visit(t);
    const short = index.short;
    const start = from - index.maxLength;
    let lo = 0;
    let hi = short.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (short[mid]!.from < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < short.length && short[i]!.from < to; i++) visit(short[i]!);
  }
  if (overlapping.length < parallelJobs)
    return { segments: [{ from, to, busyBefore: false }], anyBusy: false };
  const sorted = [...points].sort((a, b) => a - b);
  const out: FreeSegment[] = [];
  let busySeen = false;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    let load = 0;
    for (const t of overlapping) if (t.from <= a && t.to >= b) load++;
    if (load >= parallelJobs) {
      busySeen = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && prev.to === a) prev.to = b;
    else out.push({ from: a, to: b, busyBefore: busySeen });
  }
  return { segments: out, anyBusy: busySeen };
}
