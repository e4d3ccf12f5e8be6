import type { Snapshot } from '../leadtime/schema.ts';
import { promise, type PromiseResult } from '../leadtime/promise.ts';
import type { ProductModel } from '../model/types.ts';
import { price, type PriceResult } from '../pricing/price.ts';
import type { Pricing } from '../pricing/schema.ts';
import type { RepQuote } from './repQuote.ts';

/** What a rep's quote is priced and promised with. */
export interface QuoteData {
  pricing: Pricing;
  models: readonly ProductModel[];
  /** Without a snapshot there is no promise. */
  snapshot?: Snapshot | undefined;
  /** The promise's "now": an ISO-8601 instant (the caller's clock). */
  now: string;
}

/** A rep's quote priced (with the rep's discounts and their guardrails) and promised. */
export interface PricedQuote {
  price: PriceResult;
  /** The combined promise of the lines with a model, under the quote's ship policy. */
  promise?: PromiseResult;
  /** True when a discount passes a guardrail: the quote needs approval (never clamped). */
  approvalRequired: boolean;
}

/**
 * Prices every line of a rep's quote in one request with the rep's additional, partner and
 * document discounts (the engine's guardrails report violations; nothing is clamped), and promises
 * the lines with a product model together under the quote's `shipPolicy`. Throws the engine's
 * `PricingError` for an unpriceable request (an unknown product, say).
 *
 * @example
 * priceQuote({ ...quote, discounts: { additionalPercent: '40' } }, { pricing, models, now })
 *   .approvalRequired // true when 40 % passes the book's limit
 */
export function priceQuote(quote: RepQuote, data: QuoteData): PricedQuote {
  const lines = quote.lines.map((l) => ({
    lineId: l.lineId,
    productId: l.productId,
    quantity: l.quantity,
    selection: l.selection,
    ...(l.discounts && { discounts: l.discounts }),
  }));
  const priced = price(
    {
      ...quote.pricing,
      lines,
      discounts: {
        ...(quote.discounts.additionalPercent !== undefined && {
          additionalPercent: quote.discounts.additionalPercent,
        }),
        ...(quote.discounts.partnerPercent !== undefined && {
          partnerPercent: quote.discounts.partnerPercent,
        }),
        ...(quote.discounts.documentDiscount !== undefined && {
          documentDiscount: quote.discounts.documentDiscount,
        }),
      },
    },
    { pricing: data.pricing, models: data.models, optionDeltas: false },
  );
  const modelled = new Set(data.models.map((m) => m.id));
  const promisable = lines.filter((l) => modelled.has(l.productId));
  const promised =
    data.snapshot && promisable.length > 0
      ? promise(
          {
            now: data.now,
            lines: promisable,
            shipPolicy: quote.shipPolicy,
            options: { atpCurve: false, suggestions: false, confidence: false },
          },
          { snapshot: data.snapshot, models: data.models },
        )
      : undefined;
  return {
    price: priced,
    ...(promised && { promise: promised }),
    approvalRequired: priced.approvalRequired,
  };
}
