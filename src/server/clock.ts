import { Temporal } from 'temporal-polyfill';
import type { Catalogue } from './catalogue.ts';

/** The server's one source of the current time (`buildApp({ clock })`; tests pass a fixed one). */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();

/**
 * The time zone "today" is taken in: that of the plant making `productId` (the catalogue's first
 * plant when the product has none or is not given), or UTC without an availability snapshot.
 */
export function plantTimeZone(catalogue: Catalogue, productId?: string): string {
  const plants = catalogue.snapshot?.plants;
  if (!plants) return 'UTC';
  const model = catalogue.models.find((m) => m.id === productId) ?? catalogue.models[0];
  const plant =
    (model && Object.hasOwn(plants, model.plantId) ? plants[model.plantId] : undefined) ??
    Object.values(plants)[0];
  return plant?.timeZone ?? 'UTC';
}

/**
 * The plant-local calendar date (`YYYY-MM-DD`) of `now`: a quote's validity, its price date and
 * the accepted price dates are plant days, not a slice of the UTC instant.
 *
 * @example
 * plantToday(new Date('2026-12-07T23:30:00Z'), berlinCatalogue) // '2026-12-08'
 */
export function plantToday(now: Date, catalogue: Catalogue, productId?: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(plantTimeZone(catalogue, productId))
    .toPlainDate()
    .toString();
}

/**
 * Until when a quote's hold lasts (a buyer's quote request, a rep quote): the end of its
 * `validUntil` day at the plant of `productId`, or `quoteDays` from `now` without a validity.
 */
export function quoteHoldUntil(
  catalogue: Catalogue,
  validUntil: string | undefined,
  productId: string | undefined,
  now: Date,
  quoteDays: number,
): string {
  if (validUntil === undefined)
    return new Date(now.getTime() + quoteDays * 86_400_000).toISOString();
  const zone = plantTimeZone(catalogue, productId);
  return new Date(
    Temporal.PlainDate.from(validUntil).add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds,
  ).toISOString();
}

/** The plant days a buyer's price date may be: yesterday, today and tomorrow at the plant. */
export function acceptedPriceDates(now: Date, catalogue: Catalogue): string[] {
  const today = Temporal.PlainDate.from(plantToday(now, catalogue));
  return [-1, 0, 1].map((d) => today.add({ days: d }).toString());
}
