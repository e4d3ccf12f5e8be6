import type { AggregateKind, AggregateRow } from './aggregate.ts';
import type { Channel } from './events.ts';
import { dateOf, dayOf, isoWeekday } from '../leadtime/time.ts';

/** Which rows an insight reads: an inclusive date range, a channel, a product (each optional). */
export interface InsightFilter {
  from?: string | undefined;
  to?: string | undefined;
  channel?: Channel | undefined;
  productId?: string | undefined;
}

/** The rows of one kind inside the filter. */
export function rowsOf(
  rows: readonly AggregateRow[],
  kind: AggregateKind,
  filter: InsightFilter,
): AggregateRow[] {
  return rows.filter(
    (r) =>
      r.kind === kind &&
      (filter.from === undefined || r.day >= filter.from) &&
      (filter.to === undefined || r.day <= filter.to) &&
      (filter.channel === undefined || r.channel === filter.channel) &&
      (filter.productId === undefined || r.productId === filter.productId),
  );
}

/**
 * The ISO-8601 week of a date, `YYYY-Www` (weeks start on Monday; week 1 holds the year's first
 * Thursday).
 *
 * @example
 * isoWeek('2026-12-31') // '2026-W53'; isoWeek('2027-01-01') // '2026-W53'; isoWeek('2024-12-30') // '2025-W01'
 */
export function isoWeek(date: string): string {
  const day = dayOf(date);
  const thursday = day - isoWeekday(day) + 4;
  const year = dateOf(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayOf(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week `YYYY-Www`. */
export function weekStart(week: string): string {
  const year = week.slice(0, 4);
  const jan4 = dayOf(`${year}-01-04`);
  const monday1 = jan4 - isoWeekday(jan4) + 1;
  return dateOf(monday1 + (Number(week.slice(6)) - 1) * 7);
}

/** A share as a fraction rounded to 4 decimals (0 when the whole is 0). */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * The nearest-rank quantile of a histogram (value → count): the smallest value whose cumulative
 * count reaches `q × total`. `undefined` for an empty histogram.
 *
 * @example
 * quantile(new Map([[3, 1], [5, 2], [9, 1]]), 0.5) // 5
 */
export function quantile(histogram: ReadonlyMap<number, number>, q: number): number | undefined {
  const values = [...histogram.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const total = values.reduce((s, [, c]) => s + c, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [v, c] of values) {
    seen += c;
    if (seen >= rank) return v;
  }
  return values[values.length - 1]?.[0];
}
