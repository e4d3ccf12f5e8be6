import type { Selection, SelectionValue } from '../model/types.ts';
import { toModelMap } from './models.ts';
import { asPricing } from './parsePricing.ts';
import { dec, money, type Decimal } from './money.ts';
import type { PricingData } from './price.ts';
import { priceLine, type LineContext } from './priceLine.ts';
import { PricingError } from './PricingError.ts';

/** One configured product in the widget: what is chosen, for whom, when and in which currency. */
export interface DeltaQuery {
  productId: string;
  selection: Selection;
  quantity: number;
  currency: string;
  date: string;
  customerId?: string;
  additionalPercent?: string;
  partnerPercent?: string;
}

/**
 * The unit price the widget shows and, per attribute and value, the change of that unit if the
 * value were chosen ("+€120"): for a choice, instead of the current value (0 for the current one);
 * for a multi attribute, the value's own contribution (adding it, or — when selected — what
 * removing it would save, shown positive); for a boolean, `"true"` and `"false"`. Number and text
 * attributes have no per-value delta. Amounts are signed decimal strings in `currency`.
 */
export interface OptionDeltas {
  currency: string;
  unit: string;
  deltas: Record<string, Record<string, string>>;
}

function unitOf(ctx: LineContext, query: DeltaQuery, selection: Selection): Decimal {
  const line = priceLine(
    ctx,
    {
      lineId: 'delta',
      productId: query.productId,
      quantity: query.quantity,
      selection,
      additionalPercent: query.additionalPercent,
      partnerPercent: query.partnerPercent,
      category: ctx.models.get(query.productId)?.category,
    },
    false,
  );
  if (typeof line === 'string')
    throw new PricingError('PRICE_REQUEST_INVALID', [{ path: '$.productId', message: line }]);
  return dec(line.unit);
}

function contextOf(query: DeltaQuery, data: PricingData): LineContext {
  const pricing = asPricing(data.pricing, data.models);
  return {
    pricing,
    models: toModelMap(data.models),
    date: query.date,
    currency: query.currency,
    customerId: query.customerId,
    policy: pricing.roundingPolicy,
  };
}

/**
 * Per-value unit price deltas for the widget, computed by pricing each alternative selection with
 * the same engine as `price` (never a second formula): contracts, rules, volume tiers, conversion,
 * charm and rounding all apply.
 *
 * @example
 * optionDeltas({ productId: 'DESK', selection: { frame: 'steel' }, quantity: 1, currency: 'EUR',
 *   date: '2026-03-02' }, { pricing, models }).deltas.frame; // { steel: '0.00', aluminium: '120.00' }
 */
export function optionDeltas(query: DeltaQuery, data: PricingData): OptionDeltas {
  return deltasInContext(contextOf(query, data), query);
}

/**
 * `optionDeltas` within a request's context (its pricing, models, customer, date, currency and
 * rounding policy) — what `price` attaches to each configured line.
 *
 * @example
 * deltasInContext(ctx, { productId: 'DESK', selection: {}, quantity: 1, currency: 'EUR', date: '2026-03-02' })
 *   .deltas.top; // { laminate: '0.00', oak: '180.00' }
 */
export function deltasInContext(ctx: LineContext, query: DeltaQuery): OptionDeltas {
  const current = unitOf(ctx, query, query.selection);
  const model = ctx.models.get(query.productId);
  const deltas: Record<string, Record<string, string>> = {};
  const delta = (selection: Selection) =>
    money(unitOf(ctx, query, selection).minus(current), query.currency);
  const withValue = (attribute: string, value: SelectionValue): Selection => ({
    ...query.selection,
    [attribute]: value,
  });
  for (const attr of model?.attributes ?? []) {
    const chosen = query.selection[attr.id];
    const out: Record<string, string> = {};
    switch (attr.type) {
      case 'choice':
        for (const v of attr.values)
          out[v.id] =
            chosen === v.id ? money(dec('0'), query.currency) : delta(withValue(attr.id, v.id));
        break;
      case 'multi': {
        const set = Array.isArray(chosen) ? (chosen as readonly string[]) : [];
        for (const v of attr.values)
          out[v.id] = set.includes(v.id)
            ? money(
                current.minus(
                  unitOf(
                    ctx,
                    query,
                    withValue(
                      attr.id,
                      set.filter((x) => x !== v.id),
                    ),
                  ),
                ),
                query.currency,
              )
            : delta(withValue(attr.id, [...set, v.id]));
        break;
      }
      case 'boolean':
        for (const v of [true, false])
          out[String(v)] =
            chosen === v ? money(dec('0'), query.currency) : delta(withValue(attr.id, v));
        break;
      case 'number':
      case 'text':
        continue;
      default:
        attr satisfies never;
    }
    deltas[attr.id] = out;
  }
  return { currency: query.currency, unit: money(current, query.currency), deltas };
}

/**
 * The change of the unit price when one product's selection changes from `from` to `to` — the
 * "price change per unit" of lead-time.md C15's option swaps. Same engine, same rounding.
 *
 * @example
 * priceDeltaPerUnit({ productId: 'DESK', selection: { top: 'oak' }, quantity: 5, currency: 'EUR',
 *   date: '2026-03-02' }, { top: 'laminate' }, { pricing, models }); // '-180.00'
 */
export function priceDeltaPerUnit(from: DeltaQuery, to: Selection, data: PricingData): string {
  const ctx = contextOf(from, data);
  return money(unitOf(ctx, from, to).minus(unitOf(ctx, from, from.selection)), from.currency);
}

/**
 * A price-delta function for the lead-time engine's option swaps (lead-time.md C15; the shape of
 * its `PriceDelta` hook): the unit price change from `from` to `to`, or undefined when the product
 * cannot be priced (no book, an unknown value).
 *
 * @example
 * promise(snapshot, request, models, { priceDelta: priceDeltaHook({ pricing, models },
 *   { currency: 'EUR', date: '2026-03-02' }) });
 */
export function priceDeltaHook(
  data: PricingData,
  at: { currency: string; date: string; customerId?: string },
): (productId: string, from: Selection, to: Selection, quantity: number) => string | undefined {
  return (productId, from, to, quantity) => {
    try {
      return priceDeltaPerUnit({ ...at, productId, quantity, selection: from }, to, data);
    } catch (error) {
      if (error instanceof PricingError) return undefined;
      throw error;
    }
  };
}
