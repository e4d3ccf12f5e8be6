import { bookCustomers } from './book.ts';
import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { findAttribute, toModelMap, valueProblem, type ModelsInput } from './models.ts';
import { dec, ZERO } from './money.ts';
import { PricingError, type PricingIssue } from './PricingError.ts';
import { pricingSchema, type Pricing, type PricingInput } from './schema.ts';

/**
 * Validates a pricing file (pricing.md) and returns it with defaults applied. Beyond the schema
 * (decimal strings, dates, currency codes) it checks: duplicate ids; book validity periods;
 * tiers that overlap, leave a gap or do not start at 1; products that no book, block price,
 * percent-of-total entry or model knows; a product in two volume schedules; fx rates from a currency
 * without a book; charm for a currency with neither a book nor a rate. When `models` are given,
 * attribute and value ids of adjustments, contract overrides and rule actions must exist (rule
 * `when` conditions are checked by `lintPricing`: a condition on an unknown value is well-defined,
 * it never holds). Throws a `PricingError` (`PRICING_INVALID`) listing every problem with its path.
 *
 * @example
 * const pricing = parsePricing(JSON.parse(text), [deskModel]);
 * pricing.roundingPolicy.mode; // 'halfUp' (the default)
 */
export function parsePricing(json: unknown, models?: ModelsInput): Pricing {
  const result = pricingSchema.safeParse(json);
  if (!result.success)
    throw new PricingError(
      'PRICING_INVALID',
      result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    );
  const pricing = result.data;
  const issues = checkPricing(pricing, toModelMap(models));
  if (issues.length > 0) throw new PricingError('PRICING_INVALID', issues);
  parsed.add(pricing);
  return pricing;
}

/** Pricings returned by `parsePricing`, and raw documents already parsed by `asPricing`. */
const parsed = new WeakSet<object>();
const parsedFrom = new WeakMap<object, Pricing>();

/**
 * A pricing as `parsePricing` returns it: the value itself when it came from `parsePricing`,
 * otherwise the raw document parsed (once per object) — so `price` also accepts the JSON as read.
 *
 * @example
 * asPricing(JSON.parse(text)).roundingPolicy.roundAt; // 'finalUnit'
 */
export function asPricing(pricing: Pricing | PricingInput, models?: ModelsInput): Pricing {
  if (typeof pricing === 'object' && pricing !== null && parsed.has(pricing))
    return pricing as Pricing;
  const cached =
    typeof pricing === 'object' && pricing !== null ? parsedFrom.get(pricing) : undefined;
  if (cached) return cached;
  const result = parsePricing(pricing, models);
  if (typeof pricing === 'object' && pricing !== null) parsedFrom.set(pricing, result);
  return result;
}

/**
 * The cross-part checks of `parsePricing`, as issues (also used by `lintPricing`).
 *
 * @example
 * checkPricing(pricing, new Map([['DESK', desk]])); // [] when every reference resolves
 */
export function checkPricing(
  pricing: Pricing,
  models: ReadonlyMap<string, ProductModel>,
): PricingIssue[] {
  const issues: PricingIssue[] = [];
  const add = (keys: PropertyKey[], message: string) =>
    issues.push({ path: jsonPath(keys), message });

  duplicates(
    pricing.priceBooks.map((b) => b.id),
    'priceBooks',
    'price book',
    add,
  );
  duplicates(
    pricing.discountSchedules.map((s) => s.id),
    'discountSchedules',
    'schedule',
    add,
  );
  duplicates(
    pricing.priceRules.map((r) => r.id),
    'priceRules',
    'price rule',
    add,
  );
  duplicates(
    pricing.taxes.map((t) => t.id),
    'taxes',
    'tax',
    add,
  );
  if (pricing.taxes.filter((t) => t.default).length > 1)
    add(['taxes'], 'at most one tax may be the default');

  checkBooks(pricing, add);
  checkTiers(pricing, add);
  checkProducts(pricing, models, add);
  checkCurrencies(pricing, add);
  if (models.size > 0) checkAttributeRefs(pricing, models, add);
  return issues;
}

type Add = (keys: PropertyKey[], message: string) => void;

function duplicates(ids: string[], where: string, what: string, add: Add): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined)
      add([where, i, 'id'], `duplicate ${what} id '${id}' (first at index ${first})`);
    else seen.set(id, i);
  });
}

function checkBooks(pricing: Pricing, add: Add): void {
  pricing.priceBooks.forEach((book, i) => {
    if (book.validTo !== null && book.validTo <= book.validFrom)
      add(
        ['priceBooks', i, 'validTo'],
        `validTo ${book.validTo} is not after validFrom ${book.validFrom}`,
      );
    const scope = (bookCustomers(book) ?? []).slice().sort().join(',');
    pricing.priceBooks.slice(0, i).forEach((other) => {
      if (
        other.currency !== book.currency ||
        (bookCustomers(other) ?? []).slice().sort().join(',') !== scope
      )
        return;
      const overlaps =
        (other.validTo === null || book.validFrom < other.validTo) &&
        (book.validTo === null || other.validFrom < book.validTo);
      if (overlaps)
        add(
          ['priceBooks', i, 'validFrom'],
          `book '${book.id}' overlaps book '${other.id}' (same currency ${book.currency} and customers): which applies would be ambiguous`,
        );
    });
    if (book.formula?.roundTo !== undefined && dec(book.formula.roundTo).eq(ZERO))
      add(['priceBooks', i, 'formula', 'roundTo'], 'roundTo must be greater than 0');
  });
}

/** Tiers must start at 1, be contiguous (`to` of one = `from` of the next) and end open or closed. */
function checkTiers(pricing: Pricing, add: Add): void {
  const check = (
    tiers: readonly { from: number; to: number | null }[],
    at: (i: number, key: string) => PropertyKey[],
  ) => {
    tiers.forEach((tier, i) => {
      if (tier.to !== null && tier.to <= tier.from)
        add(
          at(i, 'to'),
          `tier ${i} is empty: to (${tier.to}) must be greater than from (${tier.from})`,
        );
      if (i === 0) {
        if (tier.from !== 1)
          add(
            at(i, 'from'),
            `the first tier must start at 1 (quantities 1..${tier.from - 1} have no tier)`,
          );
        return;
      }
      const prev = tiers[i - 1]!;
      const range = `${prev.from}–${prev.to === null ? '∞' : prev.to - 1}`;
      if (prev.to === null || tier.from < prev.to)
        add(at(i, 'from'), `tier ${i} (from ${tier.from}) overlaps tier ${i - 1} (${range})`);
      else if (tier.from > prev.to)
        add(
          at(i, 'from'),
          `gap before tier ${i}: quantities ${prev.to}..${tier.from - 1} have no tier`,
        );
    });
  };
  pricing.discountSchedules.forEach((s, k) =>
    check(s.tiers, (i, key) => ['discountSchedules', k, 'tiers', i, key]),
  );
  pricing.blockPrices.forEach((b, k) =>
    check(b.tiers, (i, key) => ['blockPrices', k, 'tiers', i, key]),
  );
}

function checkProducts(
  pricing: Pricing,
  models: ReadonlyMap<string, ProductModel>,
  add: Add,
): void {
  const known = new Set<string>(models.keys());
  for (const b of pricing.priceBooks) for (const p of Object.keys(b.products)) known.add(p);
  for (const b of pricing.blockPrices) known.add(b.product);
  for (const p of pricing.percentOfTotal) known.add(p.product);
  const list = [...known].sort().join(', ');
  const check = (product: string, keys: PropertyKey[]) => {
    if (!known.has(product))
      add(
        keys,
        `unknown product '${product}' (no price book, block price, percent-of-total entry or model has it; known: ${list})`,
      );
  };
  const scheduled = new Map<string, string>();
  pricing.discountSchedules.forEach((s, i) =>
    s.products.forEach((p, j) => {
      check(p, ['discountSchedules', i, 'products', j]);
      const other = scheduled.get(p);
      if (other)
        add(
          ['discountSchedules', i, 'products', j],
          `product '${p}' is already in schedule '${other}'`,
        );
      scheduled.set(p, s.id);
    }),
  );
  const blocked = new Set<string>();
  pricing.blockPrices.forEach((b, i) => {
    if (blocked.has(b.product))
      add(['blockPrices', i, 'product'], `product '${b.product}' has two block prices`);
    if (scheduled.has(b.product))
      add(
        ['blockPrices', i, 'product'],
        `product '${b.product}' is block-priced and in schedule '${scheduled.get(b.product)}'`,
      );
    blocked.add(b.product);
  });
  pricing.priceBooks.forEach((b, i) =>
    b.adjustments.forEach(
      (a, j) =>
        a.product !== undefined && check(a.product, ['priceBooks', i, 'adjustments', j, 'product']),
    ),
  );
  pricing.contracts.forEach((c, i) =>
    c.overrides.forEach(
      (o, j) => 'product' in o && check(o.product, ['contracts', i, 'overrides', j, 'product']),
    ),
  );
  // Two contracts of one customer valid on the same day: which one prices is undefined.
  pricing.contracts.forEach((c, i) => {
    const j = pricing.contracts.findIndex(
      (d, k) =>
        k < i &&
        d.customerId === c.customerId &&
        (d.validFrom ?? '0000-01-01') < (c.validTo ?? '9999-12-31') &&
        (c.validFrom ?? '0000-01-01') < (d.validTo ?? '9999-12-31'),
    );
    if (j >= 0)
      add(
        ['contracts', i, 'customerId'],
        `customer '${c.customerId}' already has a contract valid at the same time (contracts[${j}])`,
      );
  });
  pricing.priceRules.forEach((r, i) =>
    r.products?.forEach((p, j) => check(p, ['priceRules', i, 'products', j])),
  );
  pricing.taxes.forEach((t, i) =>
    t.products?.forEach((p, j) => check(p, ['taxes', i, 'products', j])),
  );
  pricing.guardrails.forEach(
    (g, i) => g.product !== undefined && check(g.product, ['guardrails', i, 'product']),
  );
}

function checkCurrencies(pricing: Pricing, add: Add): void {
  const booked = new Set(pricing.priceBooks.map((b) => b.currency));
  const reachable = new Set(booked);
  pricing.fx.forEach((r, i) => {
    if (!booked.has(r.from))
      add(
        ['fx', i, 'from'],
        `no price book in ${r.from}: a rate from ${r.from} to ${r.to} can never be used`,
      );
    if (r.from === r.to) add(['fx', i, 'to'], `a rate from ${r.from} to itself`);
    if (!dec(r.rate).gt(ZERO))
      add(['fx', i, 'rate'], `the rate must be greater than 0, got ${r.rate}`);
    reachable.add(r.to);
  });
  for (const [currency, charm] of Object.entries(pricing.roundingPolicy.charm)) {
    if (!reachable.has(currency))
      add(
        ['roundingPolicy', 'charm', currency],
        `charm for ${currency}, which has neither a price book nor an fx rate`,
      );
    if (dec(charm.roundTo).eq(ZERO))
      add(['roundingPolicy', 'charm', currency, 'roundTo'], 'roundTo must be greater than 0');
  }
  if (pricing.baseCurrency !== undefined && !booked.has(pricing.baseCurrency))
    add(['baseCurrency'], `no price book in the base currency ${pricing.baseCurrency}`);
}

function checkAttributeRefs(
  pricing: Pricing,
  models: ReadonlyMap<string, ProductModel>,
  add: Add,
): void {
  const check = (
    attribute: string,
    value: unknown,
    product: string | undefined,
    keys: PropertyKey[],
    numeric = false,
  ) => {
    if (product !== undefined && !models.has(product)) return; // priced from the book alone
    const attr = findAttribute(models, attribute, product);
    if (!attr) {
      add(
        [...keys, 'attribute'],
        `unknown attribute '${attribute}'${product ? ` in product '${product}'` : ' (in no model)'}`,
      );
      return;
    }
    if (numeric) {
      if (attr.type !== 'number')
        add(
          [...keys, 'attribute'],
          `amountTimesValue needs a number attribute; '${attribute}' is ${attr.type}`,
        );
      return;
    }
    const problem = valueProblem(attr, value);
    if (problem) add([...keys, 'value'], problem);
  };
  pricing.priceBooks.forEach((b, i) =>
    b.adjustments.forEach((a, j) =>
      check(
        a.attribute,
        a.type === 'amountTimesValue' ? undefined : a.value,
        a.product,
        ['priceBooks', i, 'adjustments', j],
        a.type === 'amountTimesValue',
      ),
    ),
  );
  pricing.contracts.forEach((c, i) =>
    c.overrides.forEach((o, j) => {
      if ('attribute' in o)
        check(o.attribute, o.value, undefined, ['contracts', i, 'overrides', j]);
      else
        for (const [attribute, value] of Object.entries(o.selection)) {
          const values = Array.isArray(value) ? value : [value];
          values.forEach((v) =>
            check(attribute, v, o.product, [
              'contracts',
              i,
              'overrides',
              j,
              'selection',
              attribute,
            ]),
          );
        }
    }),
  );
  pricing.priceRules.forEach((r, i) =>
    r.then.forEach((action, j) => {
      if ('setOptionAmount' in action) {
        const { attribute, value } = action.setOptionAmount;
        const products = r.products ?? [undefined];
        products.forEach((p) =>
          check(attribute, value, p, ['priceRules', i, 'then', j, 'setOptionAmount']),
        );
      }
    }),
  );
}
