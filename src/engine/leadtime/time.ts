import { Temporal } from 'temporal-polyfill';

/**
 * Plant-local time as integers. A *day* is the number of days since 1970-01-01 (a proleptic
 * Gregorian day number, no time zone); a *minute* is `day × 1440 + minutes after local midnight`
 * on the plant's wall clock. Shifts are wall-clock times (C1), so wall-clock minutes are the unit
 * of work inside a shift: a DST change never moves or shortens a shift.
 *
 * Conversions between an instant and wall-clock time go through Temporal; day numbers use the
 * civil-from-days algorithm (exact for all Gregorian dates) so that calendar lookups stay cheap.
 */
export const MINUTES_PER_DAY = 1440;

/**
 * The day number of a `YYYY-MM-DD` date.
 *
 * @example
 * dayOf('1970-01-02') // 1
 */
export function dayOf(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * dateOf(20514) // '2026-03-02'
 */
export function dateOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) of a day number.
 *
 * @example
 * isoWeekday(dayOf('2026-03-02')) // 1
 */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Minutes after midnight of an `HH:MM` time.
 *
 * @example
 * minutesOf('08:30') // 510
 */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The minute of a plant-local `YYYY-MM-DDTHH:MM`.
 *
 * @example
 * localMinute('1970-01-02T00:10') // 1450
 */
export function localMinute(dateTime: string): number {
  return dayOf(dateTime.slice(0, 10)) * MINUTES_PER_DAY + minutesOf(dateTime.slice(11, 16));
}

/**
 * Formats a minute as plant-local `YYYY-MM-DDTHH:MM`.
 *
 * @example
 * formatMinute(1450) // '1970-01-02T00:10'
 */
export function formatMinute(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const m = minute - day * MINUTES_PER_DAY;
  return `${dateOf(day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/**
 * The day of a minute.
 *
 * @example
 * dayOfMinute(1450) // 1
 */
export function dayOfMinute(minute: number): number {
  return Math.floor(minute / MINUTES_PER_DAY);
}

/**
 * `now` (an ISO-8601 instant with offset) on the wall clock of `timeZone`, as an exact minute
 * (seconds become a fraction). Throws a RangeError for an unknown time zone.
 *
 * @example
 * wallClockOf('2026-03-30T09:30:00Z', 'Europe/Berlin') // the minute of 2026-03-30T11:30 (CEST)
 */
export function wallClockOf(now: string, timeZone: string): number {
  const z = Temporal.Instant.from(now).toZonedDateTimeISO(timeZone);
  const day = dayOf(`${pad(z.year, 4)}-${pad(z.month)}-${pad(z.day)}`);
  return (
    day * MINUTES_PER_DAY +
    z.hour * 60 +
    z.minute +
    (z.second + z.millisecond / 1000 + z.microsecond / 1e6) / 60
  );
}

/**
 * True when `timeZone` is an IANA time zone Temporal knows.
 *
 * @example
 * isTimeZone('Europe/Berlin') // true; isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `date` (already shaped `YYYY-MM-DD`) names a real calendar date.
 *
 * @example
 * isRealDate('2026-02-30') // false
 */
export function isRealDate(date: string): boolean {
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `text` is an ISO-8601 instant with an offset or `Z` (what `now` must be, C1).
 *
 * @example
 * isInstant('2026-03-02T09:55:00Z') // true; isInstant('2026-03-02T09:55') // false
 */
export function isInstant(text: string): boolean {
  try {
    Temporal.Instant.from(text);
    return true;
  } catch {
    return false;
  }
}
