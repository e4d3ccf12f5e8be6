import { Temporal } from 'temporal-polyfill';

/**
 * Formatting at the edge: the engine's decimal strings and `YYYY-MM-DD` dates become locale text
 * here and nowhere else. Money strings go to `Intl.NumberFormat` as strings (exact: no float).
 */

type Numeric = Intl.StringNumericLiteral;

function numeric(decimal: string, where: string): Numeric {
  if (!/^[+-]?\d+(\.\d+)?$/.test(decimal))
    throw new Error(`${where}: '${decimal}' is not a decimal string such as '1234.50'`);
  return decimal as Numeric;
}

/**
 * Options of `formatMoney`: `short` drops `.00` from whole amounts ("€1,736"); `signed` shows
 * the sign of a change ("+€190.00", "€0.00" for no change).
 */
export interface MoneyFormat {
  short?: boolean;
  signed?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One `Intl.NumberFormat` per locale and options (constructing one costs more than formatting). */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * A decimal money string in a currency and locale: `formatMoney('1234.00', 'EUR', 'de-DE')` is
 * "1.234,00 €" (the space is U+00A0). Exact for any number of digits: the string is never a float.
 */
export function formatMoney(
  decimal: string,
  currency: string,
  locale: string,
  options: MoneyFormat = {},
): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    ...(options.short && { trailingZeroDisplay: 'stripIfInteger' as const }),
    ...(options.signed && { signDisplay: 'exceptZero' as const }),
  }).format(numeric(decimal, 'formatMoney'));
}

/**
 * A signed price change: "+€120", "−€190", "€0" (whole amounts without decimals): the delta the
 * widget shows next to a value.
 */
export function formatDelta(decimal: string, currency: string, locale: string): string {
  return formatMoney(decimal, currency, locale, { short: true, signed: true });
}

/** A decimal rate as a percentage: `formatRate('0.19', 'de-DE')` is "19 %". */
export function formatRate(decimal: string, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(
    numeric(decimal, 'formatRate'),
  );
}

/**
 * A calendar date as day and month in `locale` ("23 Nov", "23. Nov."), for compact places such as
 * the timeline, where the year is stated nearby.
 *
 * @example formatDayMonth('2026-11-23', 'en-GB'); // '23 Nov'
 */
export function formatDayMonth(date: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  if (!day) throw new Error(`formatDayMonth: '${date}' is not a date such as '2026-03-02'`);
  return Temporal.PlainDate.from(day).toLocaleString(locale, { day: 'numeric', month: 'short' });
}

/**
 * A calendar date `YYYY-MM-DD` (or the date part of a plant-local `YYYY-MM-DDTHH:MM`) in a
 * locale, as a plain date: no time zone can move it to the day before.
 */
export function formatDate(
  date: string,
  locale: string,
  style: Intl.DateTimeFormatOptions['dateStyle'] = 'medium',
): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  if (!day) throw new Error(`formatDate: '${date}' is not a date such as '2026-03-02'`);
  // Remembered: each call builds a date formatter (costly), and the panels show the same few
  // dates again on every click.
  const key = `${locale}|${style}|${day}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    if (formattedDates.size >= 1000) formattedDates.clear();
    text = Temporal.PlainDate.from(day).toLocaleString(locale, { dateStyle: style });
    formattedDates.set(key, text);
  }
  return text;
}

const formattedDates = new Map<string, string>();
