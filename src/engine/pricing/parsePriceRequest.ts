import { jsonPath } from '../model/jsonPath.ts';
import { PricingError, type PricingIssue } from './PricingError.ts';
import { priceRequestSchema, type PriceRequest } from './requestSchema.ts';

/**
 * Validates a price request (pricing.md, "A price request"): a date, a currency, lines with unique
 * ids, integer quantities ≥ 1, decimal-string discounts. Throws a `PricingError`
 * (`PRICE_REQUEST_INVALID`) listing every problem with its JSON path. Whether the products and
 * selections exist is checked by `price` against the pricing and the models.
 *
 * @example
 * parsePriceRequest({ date: '2026-03-02', currency: 'EUR',
 *   lines: [{ lineId: 'L1', productId: 'DESK', quantity: 10 }] }).discounts; // {}
 */
export function parsePriceRequest(json: unknown): PriceRequest {
  const result = priceRequestSchema.safeParse(json);
  if (!result.success)
    throw new PricingError(
      'PRICE_REQUEST_INVALID',
      result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    );
  const issues: PricingIssue[] = [];
  const seen = new Map<string, number>();
  result.data.lines.forEach((line, i) => {
    const first = seen.get(line.lineId);
    if (first !== undefined)
      issues.push({
        path: jsonPath(['lines', i, 'lineId']),
        message: `duplicate lineId '${line.lineId}' (first at index ${first})`,
      });
    else seen.set(line.lineId, i);
  });
  const d = result.data.discounts;
  if (d.documentDiscount !== undefined && d.documentDiscountPercent !== undefined)
    issues.push({
      path: jsonPath(['discounts', 'documentDiscountPercent']),
      message: 'give either documentDiscount (an amount) or documentDiscountPercent, not both',
    });
  if (issues.length > 0) throw new PricingError('PRICE_REQUEST_INVALID', issues);
  return result.data;
}
