import { Temporal } from 'temporal-polyfill';

/**
 * The UI edge's clock: the engine takes `now` and dates as parameters, and this is the one place
 * the widget reads the real clock. Dates are `YYYY-MM-DD` strings, instants ISO-8601 with offset.
 */

/** The current instant as ISO-8601 (UTC, `Z`): the `now` of a promise request. */
export function nowInstant(): string {
  return Temporal.Now.instant().toString();
}

/** Today's date in a time zone (the plant's), or in the browser's zone when none is given. */
export function todayIn(timeZone?: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}

/** The date of an instant in a time zone: the plant's calendar day of `now`. */
export function dateAt(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * The calendar days from one date to another (positive when `to` is later): the difference of
 * two dates the engine returned, for badges such as "+9 days".
 */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from.slice(0, 10)).until(to.slice(0, 10), { largestUnit: 'days' })
    .days;
}
