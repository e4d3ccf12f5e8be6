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
  // Where a long list alone takes every slot: a window inside is skipped without a scan (a
  // centre booked months ahead is otherwise scanned shift by shift up to its first free slot).
  // Read only once the scan has gone past a few windows: most operations find room soon.
  let full: Interval[][] | undefined;
  let scanned = 0;
  for (let day = firstDay; day < firstDay + HORIZON_DAYS; day++) {
    if (!cal.isWorking(day)) continue;
    const base = day * MINUTES_PER_DAY;
    for (const shift of cal.shifts) {
      const from = Math.max(base + shift.start, earliest);
      const to = base + shift.end;
      if (from >= to) continue;
      if (++scanned === SKIP_AFTER && parallelJobs >= 1) full = fullLists(taken, parallelJobs);
      if (full !== undefined && full.some((f) => covers(f, from, to))) {
        // What freeSegments would find: no free segment, the window busy.
        waited = true;
        continue;
      }
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

/** Windows scanned before the full stretches of the taken lists are read (`fullStretches`). */
const SKIP_AFTER = 8;

/** Lists this long are indexed (a centre with a thousand held pieces is scanned per shift). */
const INDEX_FROM = 32;

/**
 * A taken list sorted by start: intervals up to a day long, and the longer ones apart (`short`
 * may be the list itself, sorted, its longer intervals then skipped there).
 */
interface TakenIndex {
  short: readonly Interval[];
  maxLength: number;
  long: Interval[];
  /** Per number of parallel jobs: where the list alone takes every slot (`fullStretches`). */
  full: Map<number, Interval[]>;
}

// Taken lists are never modified (copy on write), so each is indexed once.
const indexes = new WeakMap<readonly Interval[], TakenIndex>();

function indexOf(list: readonly Interval[]): TakenIndex {
  let index = indexes.get(list);
  if (!index) {
    const short: Interval[] = [];
    const long: Interval[] = [];
    let maxLength = 0;
    let sorted = true;
    for (const t of list) {
      const length = t.to - t.from;
      if (length > MINUTES_PER_DAY) {
        long.push(t);
        continue;
      }
      if (short.length > 0 && short[short.length - 1]!.from > t.from) sorted = false;
      short.push(t);
      if (length > maxLength) maxLength = length;
    }
    // Lists netting made (canonical slot layers) come sorted by start: not sorted again.
    if (!sorted) short.sort((a, b) => a.from - b.from);
    index = { short, maxLength, long, full: new Map() };
    indexes.set(list, index);
  }
  return index;
}

/**
 * Indexes `list`, sorted by start (then the longer first), as `previous` with the intervals
 * `removed` taken out and `added` put in: its index is the list itself, and only the long
 * intervals and the longest short one are carried over, not read again (a netted centre's list
 * changes near one hold's pieces, and a promise follows every hold).
 *
 * @example
 * indexChanged(next, before, new Set([old]), fresh)
 */
export function indexChanged(
  list: readonly Interval[],
  previous: readonly Interval[],
  removed: ReadonlySet<Interval>,
  added: readonly Interval[],
): void {
  if (list.length < INDEX_FROM || indexes.has(list)) return;
  const old = indexOf(previous);
  const long = removed.size === 0 ? [...old.long] : old.long.filter((t) => !removed.has(t));
  let maxLength = old.maxLength;
  for (const t of added) {
    const length = t.to - t.from;
    if (length > MINUTES_PER_DAY) long.push(t);
    else if (length > maxLength) maxLength = length;
  }
  const index: TakenIndex = { short: list, maxLength, long, full: new Map() };
  indexes.set(list, index);
  // Netting only adds: the count rose only where `added` lies, and only there can a stretch be
  // newly full. Each count the previous list was read for is carried over with that part added.
  if (old.full.size === 0 || added.length === 0) return;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of added) {
    lo = Math.min(lo, t.from);
    hi = Math.max(hi, t.to);
  }
  const near: Interval[] = [...long];
  const first = firstStarting(list, lo - maxLength);
  for (let i = first; i < list.length && list[i]!.from < hi; i++) near.push(list[i]!);
  for (const [jobs, before] of old.full) {
    const inside = fullStretches(
      near
        .filter((t) => t.to > lo && t.from < hi && t.to - t.from <= MINUTES_PER_DAY)
        .concat(long.filter((t) => t.to > lo && t.from < hi))
        .map((t) => ({ from: Math.max(t.from, lo), to: Math.min(t.to, hi) })),
      jobs,
    );
    index.full.set(jobs, unite(before, inside));
  }
}

/** The first index of `list` (sorted by start) whose interval starts at or after `at`. */
function firstStarting(list: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index below `length` where `past` holds (it holds from there on), else `length`. */
function searchFirst(length: number, past: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Two lists of sorted, apart stretches as one (joined where they overlap or touch). */
function unite(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (b.length === 0) return a as Interval[];
  // `a` before the first of `b` (and not touching it) and after the last are copied as they are.
  const i = searchFirst(a.length, (m) => a[m]!.to >= b[0]!.from);
  const hiIdx = searchFirst(a.length, (m) => a[m]!.from > b[b.length - 1]!.to);
  const middle = [...a.slice(i, hiIdx), ...b].sort((x, y) => x.from - y.from);
  const merged: Interval[] = [];
  for (const t of middle) {
    const last = merged[merged.length - 1];
    if (last && last.to >= t.from) {
      if (t.to > last.to) merged[merged.length - 1] = { from: last.from, to: t.to };
    } else merged.push(t);
  }
  return a.slice(0, i).concat(merged, a.slice(hiIdx));
}

/** The full stretches of each indexed list of `taken` (lists too short to index are left out). */
function fullLists(taken: readonly (readonly Interval[])[], parallelJobs: number): Interval[][] {
  const out: Interval[][] = [];
  for (const list of taken) {
    if (list.length < INDEX_FROM) continue;
    const index = indexOf(list);
    let full = index.full.get(parallelJobs);
    if (!full) index.full.set(parallelJobs, (full = fullStretches(list, parallelJobs)));
    if (full.length > 0) out.push(full);
  }
  return out;
}

/** True when one of the sorted, disjoint `stretches` holds all of [from, to). */
function covers(stretches: readonly Interval[], from: number, to: number): boolean {
  let lo = 0;
  let hi = stretches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stretches[mid]!.to <= from) lo = mid + 1;
    else hi = mid;
  }
  const s = stretches[lo];
  return s !== undefined && s.from <= from && s.to >= to;
}

/**
 * The maximal stretches, sorted and apart, where at least `parallelJobs` intervals of `list`
 * overlap. A list of nested or disjoint intervals sorted by start, the longer first (the slot
 * layers netting makes) is read in one pass: a point's count is the depth of the deepest interval
 * holding it, so the stretches are the intervals `parallelJobs` deep. Any other list is swept.
 */
function fullStretches(list: readonly Interval[], parallelJobs: number): Interval[] {
  const out: Interval[] = [];
  const add = (from: number, to: number) => {
    const last = out[out.length - 1];
    if (last && last.to >= from) last.to = Math.max(last.to, to);
    else out.push({ from, to });
  };
  const open: Interval[] = []; // the intervals holding the current one, outermost first
  let nested = true;
  let previous: Interval | undefined;
  for (const t of list) {
    if (t.to <= t.from) continue;
    if (previous && (t.from < previous.from || (t.from === previous.from && t.to > previous.to))) {
      nested = false;
      break;
    }
    previous = t;
    while (open.length > 0 && open[open.length - 1]!.to <= t.from) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.to < t.to) {
      nested = false;
      break;
    }
    open.push(t);
    if (open.length === parallelJobs) add(t.from, t.to);
  }
  if (nested) return out;
  out.length = 0;
  const delta = new Map<number, number>();
  for (const t of list) {
    if (t.to <= t.from) continue;
    delta.set(t.from, (delta.get(t.from) ?? 0) + 1);
    delta.set(t.to, (delta.get(t.to) ?? 0) - 1);
  }
  let level = 0;
  let start = 0;
  for (const at of [...delta.keys()].sort((a, b) => a - b)) {
    const next = level + delta.get(at)!;
    if (level < parallelJobs && next >= parallelJobs) start = at;
    else if (level >= parallelJobs && next < parallelJobs) add(start, at);
    level = next;
  }
  return out;
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
    for (let i = lo; i < short.length && short[i]!.from < to; i++) {
      const t = short[i]!;
      if (t.to - t.from <= MINUTES_PER_DAY) visit(t);
    }
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
