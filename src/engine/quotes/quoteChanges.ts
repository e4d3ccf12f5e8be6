import { modelHash } from '../orders/contentHash.ts';
import type { ProductModel } from '../model/types.ts';
import { linePicture, type LinePicture } from '../orders/picture.ts';
import { dec } from '../pricing/money.ts';
import { validate } from '../solver/validate.ts';
import type { PricedQuote } from './priceQuote.ts';
import type { RepQuote } from './repQuote.ts';

/** The figures a customer was shown for a quote revision, stored with it to compare later. */
export interface QuotedFigures {
  currency: string;
  /** Each line's product model as quoted (absent for products without a model). */
  models: Record<string, { version: string; hash: string }>;
  lines: Record<string, { unit: string; line: string }>;
  totals: { subtotal: string; tax: string; total: string };
  approvalRequired: boolean;
  promise?: { shipDate?: string; deliveryDate?: string };
  /**
   * Each pictured line's picture as the revision showed it (`linePicture`, by line id), so a
   * later change of the model's visuals leaves an old revision's picture as it was. Absent on
   * revisions saved before pictures were kept (those are composed from the current model).
   */
  pictures?: Record<string, LinePicture>;
}

/** What changed about a quote since it was quoted. */
export type QuoteChangeKind =
  | 'model-changed'
  | 'model-missing'
  | 'selection-invalid'
  | 'line-price'
  | 'total'
  | 'approval'
  | 'delivery-date';

/** One change since the quote was made: where, what it was and what it is now. */
export interface QuoteChange {
  kind: QuoteChangeKind;
  /** A JSON path into the quote, such as `$.lines[1].price.unit`. */
  path: string;
  message: string;
  before?: string;
  after?: string;
}

/**
 * The figures of a priced quote, to store with the revision (see `quoteChanges`).
 *
 * @example
 * quotedFigures(quote, priceQuote(quote, data), models).totals.total // '3451.00'
 */
export function quotedFigures(
  quote: RepQuote,
  priced: PricedQuote,
  models: readonly ProductModel[],
): QuotedFigures {
  const byId = new Map(models.map((m) => [m.id, m] as const));
  const used: QuotedFigures['models'] = {};
  const pictures: Record<string, LinePicture> = {};
  for (const l of quote.lines) {
    const m = byId.get(l.productId);
    if (m) used[m.id] = { version: m.version, hash: modelHash(m) };
    const picture = m && linePicture(m, l.selection);
    if (picture) pictures[l.lineId] = picture;
  }
  const p = priced.promise;
  return {
    currency: priced.price.currency,
    models: used,
    lines: Object.fromEntries(
      priced.price.lines.map((l) => [l.lineId, { unit: l.unit, line: l.line }] as const),
    ),
    totals: { subtotal: priced.price.subtotal, tax: priced.price.tax, total: priced.price.total },
    approvalRequired: priced.approvalRequired,
    pictures,
    ...(p && {
      promise: {
        ...(p.shipDate !== undefined && { shipDate: p.shipDate }),
        ...(p.deliveryDate !== undefined && { deliveryDate: p.deliveryDate }),
      },
    }),
  };
}

/**
 * Exactly what changed for a reopened quote: compares the figures stored with the revision with
 * the same quote priced now (`priceQuote` with today's models and prices) — models whose version or
 * content changed or vanished, selections the current model no longer allows (with the constraint),
 * each line's unit and net price, the totals, the approval state and the delivery date.
 *
 * @example
 * quoteChanges(quote, stored, priceQuote(quote, today), models)
 * // [{ kind: 'line-price', path: '$.lines[0].price.unit', before: '580.00', after: '610.00', … }]
 */
export function quoteChanges(
  quote: RepQuote,
  before: QuotedFigures,
  now: PricedQuote,
  models: readonly ProductModel[],
): QuoteChange[] {
  const out: QuoteChange[] = [];
  const byId = new Map(models.map((m) => [m.id, m] as const));
  for (const [id, was] of Object.entries(before.models)) {
    const m = byId.get(id);
    if (!m)
      out.push({
        kind: 'model-missing',
        path: '$.lines',
        message: `product '${id}' is no longer in the catalogue`,
        before: was.version,
      });
    else if (modelHash(m) !== was.hash)
      out.push({
        kind: 'model-changed',
        path: '$.lines',
        message: `the model of '${id}' changed (version ${was.version} → ${m.version})`,
        before: was.version,
        after: m.version,
      });
  }
  const priced = new Map(now.price.lines.map((l) => [l.lineId, l] as const));
  quote.lines.forEach((l, i) => {
    const m = byId.get(l.productId);
    if (m && before.models[m.id] !== undefined)
      for (const v of validate(m, l.selection))
        out.push({
          kind: 'selection-invalid',
          path: `$.lines[${i}].selection`,
          message: `line '${l.lineId}' is no longer valid: ${v.message} (constraint '${v.constraintId}')`,
        });
    const was = before.lines[l.lineId];
    const is = priced.get(l.lineId);
    if (!was || !is) return;
    for (const field of ['unit', 'line'] as const)
      if (!dec(was[field]).eq(dec(is[field])))
        out.push({
          kind: 'line-price',
          path: `$.lines[${i}].price.${field}`,
          message: `line '${l.lineId}' ${field === 'unit' ? 'unit price' : 'net amount'} ${was[field]} → ${is[field]} ${now.price.currency}`,
          before: was[field],
          after: is[field],
        });
  });
  for (const field of ['subtotal', 'tax', 'total'] as const) {
    const is = now.price[field];
    if (!dec(before.totals[field]).eq(dec(is)))
      out.push({
        kind: 'total',
        path: `$.totals.${field}`,
        message: `the ${field} ${before.totals[field]} → ${is} ${now.price.currency}`,
        before: before.totals[field],
        after: is,
      });
  }
  if (before.approvalRequired !== now.approvalRequired)
    out.push({
      kind: 'approval',
      path: '$.discounts',
      message: now.approvalRequired
        ? 'the discounts now need approval'
        : 'the discounts no longer need approval',
      before: String(before.approvalRequired),
      after: String(now.approvalRequired),
    });
  const was = before.promise?.deliveryDate;
  const is = now.promise?.deliveryDate;
  if (was !== is)
    out.push({
      kind: 'delivery-date',
      path: '$.promise.deliveryDate',
      message: `the delivery date ${was ?? 'none'} → ${is ?? 'unavailable'}`,
      ...(was !== undefined && { before: was }),
      ...(is !== undefined && { after: is }),
    });
  return out;
}
