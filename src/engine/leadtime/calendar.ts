import type { CalendarDocument } from './schema.ts';
import { dayOf, isoWeekday, minutesOf, MINUTES_PER_DAY } from './time.ts';

/** A shift as minutes after the local midnight of the day it starts; `end` may pass 1440. */
export interface ShiftMinutes {
  start: number;
  end: number;
}

/**
 * A working calendar compiled for lookups (C2, C3): which days are working days, their shifts,
 * and working-day arithmetic. Lookups are cached per day number.
 */
export interface WorkCalendar {
  id: string;
  /** Shifts sorted by start. */
  shifts: ShiftMinutes[];
  /** Start of the first shift of a working day, in minutes after midnight. */
  firstShiftStart: number;
  holidays: ReadonlySet<number>;
  /** ISO weekdays of the work week. */
  workWeek: ReadonlySet<number>;
  isWorking: (day: number) => boolean;
}

/**
 * Shifts of a calendar document in minutes; an end at or before the start means the shift runs
 * past midnight.
 *
 * @example
 * shiftMinutes([{ start: '22:00', end: '06:00' }]) // [{ start: 1320, end: 1800 }]
 */
export function shiftMinutes(shifts: CalendarDocument['shifts']): ShiftMinutes[] {
  return shifts
    .map((s) => {
      const start = minutesOf(s.start);
      let end = minutesOf(s.end);
      if (end <= start) end += MINUTES_PER_DAY;
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * Compiles a calendar document (C2): a date is a working day when its ISO weekday is in
 * `workWeek` and it is not a holiday, or when it is an extra working day.
 *
 * @example
 * const de = compileCalendar('DE', doc);
 * de.isWorking(dayOf('2026-04-03')) // false (Good Friday in `holidays`)
 */
export function compileCalendar(id: string, doc: CalendarDocument): WorkCalendar {
  const week = new Set(doc.workWeek);
  const holidays = new Set(doc.holidays.map(dayOf));
  const extra = new Set(doc.extraWorkingDays.map(dayOf));
  const shifts = shiftMinutes(doc.shifts);
  const cache = new Map<number, boolean>();
  return {
    id,
    shifts,
    firstShiftStart: shifts[0]?.start ?? 0,
    holidays,
    workWeek: week,
    isWorking(day) {
      let w = cache.get(day);
      if (w === undefined) {
        w = extra.has(day) || (week.has(isoWeekday(day)) && !holidays.has(day));
        cache.set(day, w);
      }
      return w;
    },
  };
}

/** Working days are searched at most this far ahead (ten years) before giving up. */
export const HORIZON_DAYS = 3660;

/** Thrown when a calendar has no working day within the horizon (e.g. an empty work week). */
export class NoWorkingDayError extends Error {
  readonly code = 'NO_WORKING_DAY';
  constructor(calendarId: string, from: number) {
    super(`calendar '${calendarId}' has no working day within ${HORIZON_DAYS} days of day ${from}`);
    this.name = 'NoWorkingDayError';
  }
}

/**
 * `day` itself when it is a working day, else the next working day.
 *
 * @example
 * nextWorkingDay(de, dayOf('2026-03-07')) // dayOf('2026-03-09'), Saturday → Monday
 */
export function nextWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day; d < day + HORIZON_DAYS; d++) if (cal.isWorking(d)) return d;
  throw new NoWorkingDayError(cal.id, day);
}

/**
 * `n` working days after `day`: the n-th working day strictly after it; for `n = 0`, `day` moved
 * to the next working day if it is not one.
 *
 * @example
 * addWorkingDays(de, dayOf('2026-03-06'), 2) // dayOf('2026-03-10'), Friday + 2 → Tuesday
 */
export function addWorkingDays(cal: WorkCalendar, day: number, n: number): number {
  if (n <= 0) return nextWorkingDay(cal, day);
  let d = day;
  let left = n;
  const limit = day + HORIZON_DAYS + n * 7;
  while (left > 0) {
    d++;
    if (d > limit) throw new NoWorkingDayError(cal.id, day);
    if (cal.isWorking(d)) left--;
  }
  return d;
}

/**
 * The number of working days in (`from`, `to`]; 0 when `to` is not after `from`.
 *
 * @example
 * workingDaysBetween(de, dayOf('2026-03-02'), dayOf('2026-03-09')) // 5
 */
export function workingDaysBetween(cal: WorkCalendar, from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (cal.isWorking(d)) n++;
  return n;
}

/**
 * Holidays of the calendar that fall on a day of its work week inside (`from`, `to`] (a holiday
 * on a Sunday changes nothing): the days a transit "crossed" (C12 `transit-calendar`).
 *
 * @example
 * holidaysCrossed(de, dayOf('2026-04-02'), dayOf('2026-04-08')) // [Good Friday, Easter Monday]
 */
export function holidaysCrossed(cal: WorkCalendar, from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from + 1; d <= to; d++)
    if (cal.holidays.has(d) && cal.workWeek.has(isoWeekday(d)) && !cal.isWorking(d)) out.push(d);
  return out;
}

/**
 * The first shift start (a minute) of working day `day`.
 *
 * @example
 * shiftStartOf(de, dayOf('2026-03-02')) // the minute of 2026-03-02T08:00
 */
export function shiftStartOf(cal: WorkCalendar, day: number): number {
  return day * MINUTES_PER_DAY + cal.firstShiftStart;
}
