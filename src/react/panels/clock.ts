import { Temporal } from 'temporal-polyfill';

/**
 * The UI edge's clock: the engine takes `now` and dates as parameters, and this is the one place
 * the widget reads the real clock. Dates are `YYYY-MM-DD` strings, instants ISO-8601 with offset.
 */

/** The current instant as ISO-8601 (UTC, `Z`): the `now` of a promise request. */
export function nowInstant(): string {
  return Temporal.Now.instant().toString();
}

/** The date of an instant in a time zone: the plant's calendar day of `now`. */
export function dateAt(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
