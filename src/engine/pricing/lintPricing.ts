import type { LintFinding } from '../lintFinding.ts';
import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { findAttribute, toModelMap, valueProblem, type ModelsInput } from './models.ts';
import { parsePricing } from './parsePricing.ts';
import { PricingError } from './PricingError.ts';
import type { Condition, Pricing, PriceRule } from './schema.ts';

/**
 * Lints a pricing file read as JSON against the models: every problem `parsePricing(json, models)`
 * reports (schema, tiers, unknown products, attributes, values, currencies) is an error with code
 * `pricing-schema`; a valid file then gets the warnings of `lintPricing`.
 *
 * @example
 * lintPricingJson(JSON.parse(text), [desk]);
 * // [{ severity: 'warning', code: 'unpriced-option', path: '$.priceBooks[0].adjustments', … }]
 */
export function lintPricingJson(json: unknown, models: ModelsInput): LintFinding[] {
  let pricing: Pricing;
  try {
    pricing = parsePricing(json, models);
  } catch (error) {
    if (!(error instanceof PricingError)) throw error;
    return error.issues.map((i) => ({
      severity: 'error',
      code: 'pricing-schema',
      path: i.path,
      message: i.message,
    }));
  }
  return lintPricing(pricing, models);
}

/**
 * Warnings about a valid pricing file (pricing.md, `madeto lint --pricing`):
 * - `unpriced-option`: a value of a model priced by a book has no adjustment in that book (it
 *   costs nothing extra — often right for a default, worth a look otherwise);
 * - `unpriced-product`: a model that no book, block price or percent-of-total entry prices;
 * - `unused-rate`: an fx rate into a currency that has its own book (conversion never happens);
 * - `rule-never-fires`: a price rule whose `when` can never hold (an unknown attribute or value, a
 *   number outside the attribute's range, an empty quantity range, contradictory tests, a product
 *   the rule is not for).
 *
 * @example
 * lintPricing(pricing, [desk]).map((f) => f.code); // ['unpriced-option', …]
 */
export function lintPricing(pricing: Pricing, models: ModelsInput): LintFinding[] {
  const map = toModelMap(models);
  const findings: LintFinding[] = [];
  const warn = (code: string, keys: PropertyKey[], message: string) =>
    findings.push({ severity: 'warning', code, path: jsonPath(keys), message });

  for (const model of map.values()) {
    const priced =
      pricing.priceBooks.some((b) => b.products[model.id] !== undefined) ||
      pricing.blockPrices.some((b) => b.product === model.id) ||
      pricing.percentOfTotal.some((p) => p.product === model.id);
    if (!priced)
      warn(
        'unpriced-product',
        ['priceBooks'],
        `product '${model.id}' has a model but no price in any book`,
      );
  }
  pricing.priceBooks.forEach((book, i) => {
    for (const model of map.values()) {
      if (
        book.products[model.id] === undefined &&
        !pricing.blockPrices.some((b) => b.product === model.id)
      )
        continue;
      for (const attr of model.attributes) {
        const values: (string | boolean)[] =
          attr.type === 'choice' || attr.type === 'multi'
            ? attr.values.map((v) => v.id)
            : attr.type === 'boolean'
              ? [true]
              : [];
        for (const value of values) {
          const adjusted = book.adjustments.some(
            (a) =>
              a.attribute === attr.id &&
              a.type !== 'amountTimesValue' &&
              a.value === value &&
              (a.product === undefined || a.product === model.id),
          );
          if (!adjusted)
            warn(
              'unpriced-option',
              ['priceBooks', i, 'adjustments'],
              `book '${book.id}': ${model.id} ${attr.id}=${String(value)} has no price adjustment (it costs nothing extra)`,
            );
        }
      }
    }
  });
  const booked = new Set(pricing.priceBooks.map((b) => b.currency));
  pricing.fx.forEach((r, i) => {
    if (booked.has(r.to))
      warn(
        'unused-rate',
        ['fx', i],
        `the rate ${r.from}→${r.to} is never used: ${r.to} has its own price book`,
      );
  });
  pricing.priceRules.forEach((rule, i) => {
    const reason = neverHolds(rule.when, rule, pricing, map);
    if (reason)
      warn(
        'rule-never-fires',
        ['priceRules', i, 'when'],
        `price rule '${rule.id}' can never fire: ${reason}`,
      );
  });
  return findings;
}

type Bounds = {
  gte?: number | undefined;
  gt?: number | undefined;
  lte?: number | undefined;
  lt?: number | undefined;
};

function emptyRange(b: Bounds, floor: number, ceiling: number): boolean {
  const lower = Math.max(floor, b.gte ?? -Infinity, b.gt === undefined ? -Infinity : b.gt + 1e-9);
  const upper = Math.min(ceiling, b.lte ?? Infinity, b.lt === undefined ? Infinity : b.lt - 1e-9);
  return lower > upper;
}

/** Why `c` can never hold for the rule's products, or undefined when it may. */
function neverHolds(
  c: Condition,
  rule: PriceRule,
  pricing: Pricing,
  models: ReadonlyMap<string, ProductModel>,
): string | undefined {
  if ('all' in c) {
    for (const child of c.all) {
      const reason = neverHolds(child, rule, pricing, models);
      if (reason) return reason;
    }
    const quantity: Bounds = {};
    const equals = new Map<string, unknown>();
    for (const child of c.all) {
      if ('quantity' in child) {
        const q = child.quantity;
        if (q.gte !== undefined) quantity.gte = Math.max(quantity.gte ?? q.gte, q.gte);
        if (q.gt !== undefined) quantity.gt = Math.max(quantity.gt ?? q.gt, q.gt);
        if (q.lte !== undefined) quantity.lte = Math.min(quantity.lte ?? q.lte, q.lte);
        if (q.lt !== undefined) quantity.lt = Math.min(quantity.lt ?? q.lt, q.lt);
      } else if ('attribute' in child && child.equals !== undefined) {
        const attr = findAttribute(models, child.attribute, rule.products?.[0]);
        const previous = equals.get(child.attribute);
        if (attr?.type !== 'multi' && previous !== undefined && previous !== child.equals)
          return `'${child.attribute}' cannot equal both ${JSON.stringify(previous)} and ${JSON.stringify(child.equals)}`;
        equals.set(child.attribute, child.equals);
      }
    }
    if (emptyRange(quantity, 1, Infinity))
      return `no quantity satisfies ${JSON.stringify(quantity)}`;
    return undefined;
  }
  if ('any' in c) {
    const reasons = c.any.map((child) => neverHolds(child, rule, pricing, models));
    return reasons.every((r) => r !== undefined) ? reasons.join('; and ') : undefined;
  }
  if ('not' in c) return undefined;
  if ('quantity' in c)
    return emptyRange(c.quantity, 1, Infinity)
      ? `no quantity satisfies ${JSON.stringify(c.quantity)}`
      : undefined;
  if ('product' in c) {
    if (rule.products && !rule.products.includes(c.product))
      return `the rule is for ${rule.products.join(', ')}, not '${c.product}'`;
    return undefined;
  }
  if ('customerId' in c || 'category' in c) return undefined;
  if (models.size === 0) return undefined;
  const products = (rule.products ?? [...models.keys()]).filter((p) => models.has(p));
  if (products.length === 0) return undefined;
  const attrs = products
    .map((p) => findAttribute(models, c.attribute, p))
    .filter((a) => a !== undefined);
  if (attrs.length === 0)
    return `no model of ${products.join(', ')} has an attribute '${c.attribute}'`;
  for (const attr of attrs) {
    const problems = [
      c.equals !== undefined ? valueProblem(attr, c.equals) : undefined,
      c.has !== undefined ? valueProblem(attr, c.has) : undefined,
      c.in !== undefined && c.in.every((v) => valueProblem(attr, v) !== undefined)
        ? valueProblem(attr, c.in[0])
        : undefined,
      [c.gte, c.gt, c.lte, c.lt].some((b) => b !== undefined) &&
      (attr.type !== 'number' || emptyRange(c, attr.min, attr.max))
        ? `no value of '${attr.id}' satisfies ${JSON.stringify({ gte: c.gte, gt: c.gt, lte: c.lte, lt: c.lt })}`
        : undefined,
    ].filter((p) => p !== undefined);
    if (problems.length === 0) return undefined;
    if (attr === attrs[attrs.length - 1]) return problems[0];
  }
  return undefined;
}
