import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { selectionIssues } from '../model/selectionIssues.ts';
import type { PricingIssue } from './PricingError.ts';
import type { PriceRequest } from './requestSchema.ts';
import type { Pricing } from './schema.ts';

/**
 * What a request names that the pricing or the models do not know — attributes and values of a
 * line's selection (when the product has a model) and taxes — as issues with JSON paths. Products
 * no book prices are reported by `price` itself (with the books it looked in).
 *
 * @example
 * checkRequest(request, pricing, models);
 * // [{ path: '$.lines[0].selection.frame', message: "'wood' is not a value of 'frame' (values: steel, aluminium)" }]
 */
export function checkRequest(
  req: PriceRequest,
  pricing: Pricing,
  models: ReadonlyMap<string, ProductModel>,
): PricingIssue[] {
  const issues: PricingIssue[] = [];
  const taxIds = pricing.taxes.map((t) => t.id);
  if (req.taxId !== undefined && !taxIds.includes(req.taxId))
    issues.push({
      path: '$.taxId',
      message: `unknown tax '${req.taxId}' (taxes: ${taxIds.join(', ') || 'none'})`,
    });
  req.lines.forEach((l, i) => {
    if (l.taxId !== undefined && !taxIds.includes(l.taxId))
      issues.push({
        path: jsonPath(['lines', i, 'taxId']),
        message: `unknown tax '${l.taxId}' (taxes: ${taxIds.join(', ') || 'none'})`,
      });
    const model = models.get(l.productId);
    if (!model) return;
    issues.push(...selectionIssues(l.selection, model, ['lines', i]));
  });
  return issues;
}
