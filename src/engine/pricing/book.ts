import { dec, type Decimal } from './money.ts';
import type { PriceBook, Pricing } from './schema.ts';

/** The fx rate a line was converted with: `from` is the book's currency, `to` the request's. */
export interface FxUse {
  from: string;
  to: string;
  rate: Decimal;
  asOf: string;
}

/** The book that prices a product for a request, and the fx rate when it is in another currency. */
export interface BookChoice {
  book: PriceBook;
  fx?: FxUse;
}

/** Who and when: what picks the book (pricing.md step 1). */
export interface BookQuery {
  productId: string;
  currency: string;
  date: string;
  customerId?: string | undefined;
  /** Block-priced and percent-of-total products need no entry in the book's `products`. */
  needsListPrice: boolean;
}

/** Books in `currency` valid on `date` (`validFrom` ≤ date < `validTo`), customer books first. */
function candidates(
  pricing: Pricing,
  currency: string,
  date: string,
  customerId?: string,
): PriceBook[] {
  const valid = pricing.priceBooks.filter(
    (b) =>
      b.currency === currency &&
      b.validFrom <= date &&
      (b.validTo === null || date < b.validTo) &&
      (bookCustomers(b) === undefined ||
        (customerId !== undefined && bookCustomers(b)!.includes(customerId))),
  );
  return [
    ...valid.filter((b) => bookCustomers(b) !== undefined),
    ...valid.filter((b) => bookCustomers(b) === undefined),
  ];
}

/**
 * The customers a book is for (`customerIds`, or `customerId`), or undefined for everyone.
 *
 * @example
 * bookCustomers({ customerId: 'ACME', … }); // ['ACME']
 */
export function bookCustomers(book: PriceBook): readonly string[] | undefined {
  return book.customerIds ?? (book.customerId === undefined ? undefined : [book.customerId]);
}

/**
 * The dated rate from `from` to `to`: the latest with `asOf` ≤ date.
 *
 * @example
 * fxRate(pricing, 'EUR', 'USD', '2026-02-15')?.asOf; // '2026-02-01' (the latest on or before)
 */
export function fxRate(
  pricing: Pricing,
  from: string,
  to: string,
  date: string,
): FxUse | undefined {
  let best: Pricing['fx'][number] | undefined;
  for (const r of pricing.fx)
    if (r.from === from && r.to === to && r.asOf <= date && (!best || r.asOf >= best.asOf))
      best = r;
  return best && { from, to, rate: dec(best.rate), asOf: best.asOf };
}

/**
 * Picks the price book for a product (pricing.md step 1): a customer book before a general one, in
 * the request's currency, valid on the date. When the currency has no valid book at all, the
 * product is priced in a base book (`baseCurrency` first, then the currencies with an fx rate to
 * the request's currency, in file order) and converted at the latest rate dated on or before the
 * request's date. Returns a message when no book prices the product.
 *
 * @example
 * chooseBook(pricing, { productId: 'DESK', currency: 'USD', date: '2026-03-02', needsListPrice: true });
 * // { book: EUR-LIST, fx: { from: 'EUR', to: 'USD', rate: 1.0850, asOf: '2026-03-02' } }
 */
export function chooseBook(pricing: Pricing, query: BookQuery): BookChoice | string {
  const { productId, currency, date, customerId } = query;
  const fits = (b: PriceBook) => !query.needsListPrice || b.products[productId] !== undefined;
  const own = candidates(pricing, currency, date, customerId);
  if (own.length > 0) {
    const book = own.find(fits);
    return book
      ? { book }
      : `product '${productId}' has no list price in the ${currency} book(s) valid on ${date} (${own.map((b) => b.id).join(', ')})`;
  }
  const bases = [
    ...new Set([
      ...(pricing.baseCurrency ? [pricing.baseCurrency] : []),
      ...pricing.fx.filter((r) => r.to === currency).map((r) => r.from),
    ]),
  ];
  for (const base of bases) {
    const rate = fxRate(pricing, base, currency, date);
    const book = rate && candidates(pricing, base, date, customerId).find(fits);
    if (rate && book) return { book, fx: rate };
  }
  return `no price book in ${currency} valid on ${date}, and no fx rate dated on or before ${date} to ${currency} from a currency whose book prices '${productId}'`;
}
