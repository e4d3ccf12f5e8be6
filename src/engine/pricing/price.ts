import { jsonPath } from '../model/jsonPath.ts';
import { allocate } from './allocate.ts';
import { chooseBook } from './book.ts';
import { toModelMap, type ModelsInput } from './models.ts';
import {
  dec,
  decInt,
  fromMinor,
  minorUnits,
  money,
  percentOf,
  plain,
  round,
  roundQuotient,
  toMinor,
  ZERO,
  ONE,
  type Decimal,
} from './money.ts';
import { parsePriceRequest } from './parsePriceRequest.ts';
import { checkRequest } from './checkRequest.ts';
import { deltasInContext } from './optionDeltas.ts';
import { priceLine, type LineContext, type PricedLine } from './priceLine.ts';
import { checkGuardrails } from './guardrails.ts';
import { PricingError } from './PricingError.ts';
import type { PriceRequest } from './requestSchema.ts';
import type { Pricing, PricingInput } from './schema.ts';
import { asPricing } from './parsePricing.ts';
import { splitTax, taxRate, type Taxable } from './tax.ts';
import type { PriceViolation, TierHint, WaterfallStep } from './waterfall.ts';
import { APPROVAL_NOTE, buyerNote } from './buyerNotes.ts';

/** One priced line of a result. Money is a decimal string in the result's currency. */
export interface LineResult {
  lineId: string;
  productId: string;
  quantity: number;
  category?: string;
  /** A product line, or a percent-of-total line (a percentage of other lines' net). */
  kind: 'product' | 'percentOfTotal';
  priceBookId: string;
  /** Prices of a tax-inclusive (gross) book: `unit` and `extended` include tax. */
  taxInclusive: boolean;
  fx?: { from: string; to: string; rate: string; asOf: string };
  contractUnitPrice: boolean;
  listUnit: string;
  regularUnit: string;
  unit: string;
  /** unit × quantity as priced (before the document discount and tax). */
  extended: string;
  /** This line's share of the document discount (allocated by largest remainder). */
  documentDiscount: string;
  /** The net line: after its document discount share, before tax (net also for gross books). */
  line: string;
  tax: string;
  taxId?: string;
  taxRate: string;
  /** line + tax. */
  gross: string;
  /** Every step with its internal `label` and the buyer's `buyer` words. */
  waterfall: (WaterfallStep & { buyer: string })[];
  tierHint?: TierHint;
  /**
   * Per attribute and value, the change of `unit` if that value were chosen ("+€120"), for lines
   * of products with a model (see `optionDeltas`).
   */
  optionDeltas?: Record<string, Record<string, string>>;
}

/** A one-time charge (a `per: "order"` option): never volume-discounted. */
export interface ChargeResult {
  lineId: string;
  attribute: string;
  value?: string | number | boolean;
  /** As in the book (gross for a tax-inclusive book), converted and rounded. */
  amount: string;
  line: string;
  tax: string;
  gross: string;
}

/** The price of a request (pricing.md): lines, charges, document discount, tax and totals. */
export interface PriceResult {
  currency: string;
  date: string;
  customerId?: string;
  roundingPolicy: { mode: string; roundAt: string; taxRounding: string };
  lines: LineResult[];
  charges: ChargeResult[];
  documentDiscount: string;
  /** The document net before tax: lines, percent-of-total lines and one-time charges. */
  subtotal: string;
  tax: string;
  total: string;
  taxes: { taxId: string; rate: string; base: string; amount: string }[];
  approvalRequired: boolean;
  violations: PriceViolation[];
}

/** What `price` prices with: a parsed pricing file and the product models (optional). */
export interface PricingData {
  /** From `parsePricing`; a raw pricing document is validated (once per object) first. */
  pricing: Pricing | PricingInput;
  models?: ModelsInput | undefined;
  /** Attach `optionDeltas` to configured lines (default true; false skips the re-pricing). */
  optionDeltas?: boolean | undefined;
}

/**
 * Prices a request (pricing.md): every line through the waterfall, then percent-of-total lines,
 * one-time charges, the document discount (largest remainder), tax and totals — all rounded
 * before they are added, so the total equals the sum of what is displayed. The same function runs
 * in the widget and on the server. Throws a `PricingError` (`PRICE_REQUEST_INVALID`) when the
 * request names an unknown product, attribute, value or tax, or a product no book prices.
 *
 * @example
 * price({ date: '2026-03-02', currency: 'EUR', lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1 }] },
 *   { pricing, models: [desk] }).total; // '476.00' (400.00 + 19 %)
 */
export function price(request: PriceRequest | unknown, data: PricingData): PriceResult {
  const req = parsePriceRequest(request);
  const pricing = asPricing(data.pricing, data.models);
  const models = toModelMap(data.models);
  const o = req.roundingPolicy;
  const policy = {
    ...pricing.roundingPolicy,
    ...(o?.mode && { mode: o.mode }),
    ...(o?.roundAt && { roundAt: o.roundAt }),
    ...(o?.taxRounding && { taxRounding: o.taxRounding }),
  };
  const currency = req.currency;
  const dp = minorUnits(currency);
  const ctx: LineContext = {
    pricing,
    models,
    date: req.date,
    currency,
    customerId: req.customerId,
    policy,
  };
  const issues = checkRequest(req, pricing, models);
  if (issues.length > 0) throw new PricingError('PRICE_REQUEST_INVALID', issues);

  const discountsOf = (l: PriceRequest['lines'][number]) => {
    const additionalPercent = l.discounts?.additionalPercent ?? req.discounts.additionalPercent;
    const partnerPercent = l.discounts?.partnerPercent ?? req.discounts.partnerPercent;
    return {
      ...(additionalPercent !== undefined && { additionalPercent }),
      ...(partnerPercent !== undefined && { partnerPercent }),
    };
  };
  const potOf = (productId: string) => pricing.percentOfTotal.find((p) => p.product === productId);
  const priced: { line: PricedLine; kind: LineResult['kind'] }[] = [];
  req.lines.forEach((l, i) => {
    if (potOf(l.productId)) return;
    const result = priceLine(
      ctx,
      {
        lineId: l.lineId,
        productId: l.productId,
        quantity: l.quantity,
        selection: l.selection,
        category: l.category ?? models.get(l.productId)?.category,
        ...discountsOf(l),
      },
      true,
    );
    if (typeof result === 'string')
      issues.push({ path: jsonPath(['lines', i, 'productId']), message: result });
    else priced.push({ line: result, kind: 'product' });
  });
  req.lines.forEach((l, i) => {
    const pot = potOf(l.productId);
    if (!pot) return;
    const choice = chooseBook(pricing, {
      productId: l.productId,
      currency,
      date: req.date,
      customerId: req.customerId,
      needsListPrice: false,
    });
    if (typeof choice === 'string') {
      issues.push({ path: jsonPath(['lines', i, 'productId']), message: choice });
      return;
    }
    const base = priced
      .filter(
        (p) =>
          pot.categories.length === 0 ||
          (p.line.category !== undefined && pot.categories.includes(p.line.category)),
      )
      .reduce((sum, p) => sum.plus(p.line.extended), ZERO);
    const unit = round(percentOf(base, dec(pot.percent)), dp, policy.mode);
    const q = decInt(l.quantity);
    const category = l.category ?? models.get(l.productId)?.category;
    priced.push({
      kind: 'percentOfTotal',
      line: {
        lineId: l.lineId,
        productId: l.productId,
        quantity: l.quantity,
        ...(category !== undefined && { category }),
        currency,
        priceBookId: choice.book.id,
        taxInclusive: choice.book.taxInclusive,
        contractUnitPrice: false,
        listUnit: money(unit, currency),
        regularUnit: money(unit, currency),
        unit: money(unit, currency),
        extended: unit.times(q),
        waterfall: [
          {
            kind: 'percentOfTotal',
            ref: l.productId,
            label: `${pot.percent} % of ${money(base, currency)} (${pot.categories.length ? pot.categories.join(', ') : 'all lines'})`,
            currency,
            unitAmount: money(unit, currency),
            lineAmount: money(unit.times(q), currency),
            unit: money(unit, currency),
            line: money(unit.times(q), currency),
          },
        ],
        charges: [],
        violations: [],
      },
    });
  });
  if (issues.length > 0) throw new PricingError('PRICE_REQUEST_INVALID', issues);
  priced.sort(
    (a, b) =>
      req.lines.findIndex((l) => l.lineId === a.line.lineId) -
      req.lines.findIndex((l) => l.lineId === b.line.lineId),
  );

  const linesSum = priced.reduce((s, p) => s.plus(p.line.extended), ZERO);
  const d = req.discounts;
  const documentDiscount =
    d.documentDiscount !== undefined
      ? round(dec(d.documentDiscount), dp, policy.mode)
      : d.documentDiscountPercent !== undefined
        ? round(percentOf(linesSum, dec(d.documentDiscountPercent)), dp, policy.mode)
        : ZERO;
  const shares = allocate(
    toMinor(documentDiscount, currency),
    priced.map((p) => toMinor(p.line.extended, currency)),
  ).map((u) => fromMinor(u, currency));
  // The guardrails see every discount: a line with a share of the document discount is checked
  // again with it (its net after the share, and the combined percentage); a guardrail that only
  // the document discount breaks is added to those of step 7 (pricing.md), which stay as they are.
  const violations = priced.flatMap((p, i) => {
    const share = shares[i]!;
    if (p.kind !== 'product' || !share.gt(ZERO) || !p.line.extended.gt(ZERO))
      return p.line.violations;
    const source = req.lines.find((l) => l.lineId === p.line.lineId)!;
    const d = discountsOf(source);
    const q = decInt(p.line.quantity);
    const net = p.line.extended.minus(share);
    const seen = new Set(p.line.violations.map((v) => `${v.rule}:${v.limit}`));
    const again = checkGuardrails(
      ctx,
      { ...source, category: p.line.category, ...d },
      {
        line: net,
        q,
        rate: p.line.fx ? dec(p.line.fx.rate) : ONE,
        netUnit: roundQuotient(net, q, dp, policy.mode),
        currency,
        additional: dec(d.additionalPercent ?? '0'),
        partner: dec(d.partnerPercent ?? '0'),
        documentPercent: share.times(dec('100')).div(p.line.extended),
      },
    );
    return [...p.line.violations, ...again.filter((v) => !seen.has(`${v.rule}:${v.limit}`))];
  });
  if (documentDiscount.gt(linesSum))
    violations.push({
      rule: 'documentDiscount',
      limit: money(linesSum, currency),
      actual: money(documentDiscount, currency),
      message: `the document discount ${money(documentDiscount, currency)} exceeds the lines' total ${money(linesSum, currency)}`,
      buyer: APPROVAL_NOTE,
    });

  const taxIdOf = (line: PricedLine) =>
    req.lines.find((l) => l.lineId === line.lineId)?.taxId ??
    req.taxId ??
    defaultTax(pricing, line);
  const taxables: Taxable[] = priced.map((p, i) => {
    const taxId = taxIdOf(p.line);
    return {
      amount: p.line.extended.minus(shares[i]!),
      inclusive: p.line.taxInclusive,
      taxId,
      rate: taxRate(pricing.taxes, taxId),
    };
  });
  const chargeOwners = priced.flatMap((p) => p.line.charges.map((c) => ({ p, c })));
  for (const { p, c } of chargeOwners) {
    const taxId = taxIdOf(p.line);
    taxables.push({
      amount: c.amount,
      inclusive: p.line.taxInclusive,
      taxId,
      rate: taxRate(pricing.taxes, taxId),
    });
  }
  const split = splitTax(taxables, policy.taxRounding, policy.mode, currency, dp);

  const lines: LineResult[] = priced.map((p, i) => {
    const { net, tax } = split[i]!;
    const t = taxables[i]!;
    const share = shares[i]!;
    const waterfall = [...p.line.waterfall];
    if (share.gt(ZERO))
      waterfall.push({
        kind: 'documentDiscount',
        label: `share of the document discount ${money(documentDiscount, currency)}`,
        currency,
        lineAmount: money(share.neg(), currency),
        line: money(t.amount, currency),
      });
    waterfall.push({
      kind: 'tax',
      ...(t.taxId !== undefined && { ref: t.taxId }),
      label: t.inclusive
        ? `tax ${plain(t.rate)} included: net = gross ÷ ${plain(t.rate.plus(ONE))}`
        : `tax ${plain(t.rate)} on ${money(net, currency)}`,
      currency,
      lineAmount: money(tax, currency),
      line: money(net.plus(tax), currency),
    });
    const { extended, charges: _c, violations: _v, waterfall: _w, ...rest } = p.line;
    const source = req.lines.find((l) => l.lineId === p.line.lineId)!;
    const deltas =
      data.optionDeltas !== false && p.kind === 'product' && models.has(p.line.productId)
        ? deltasInContext(ctx, {
            productId: p.line.productId,
            selection: source.selection,
            quantity: p.line.quantity,
            currency,
            date: req.date,
            ...discountsOf(source),
          }).deltas
        : undefined;
    return {
      ...rest,
      kind: p.kind,
      extended: money(extended, currency),
      documentDiscount: money(share, currency),
      line: money(net, currency),
      tax: money(tax, currency),
      ...(t.taxId !== undefined && { taxId: t.taxId }),
      taxRate: plain(t.rate),
      gross: money(net.plus(tax), currency),
      waterfall: waterfall.map((step) => ({
        ...step,
        buyer: buyerNote(step, models.get(p.line.productId), source.selection),
      })),
      ...(deltas && { optionDeltas: deltas }),
    };
  });
  const charges: ChargeResult[] = chargeOwners.map(({ p, c }, k) => {
    const { net, tax } = split[priced.length + k]!;
    return {
      lineId: p.line.lineId,
      attribute: c.attribute,
      ...(c.value !== undefined && { value: c.value }),
      amount: money(c.amount, currency),
      line: money(net, currency),
      tax: money(tax, currency),
      gross: money(net.plus(tax), currency),
    };
  });
  const subtotal = split.reduce((s, x) => s.plus(x.net), ZERO);
  const taxTotal = split.reduce((s, x) => s.plus(x.tax), ZERO);
  return {
    currency,
    date: req.date,
    ...(req.customerId !== undefined && { customerId: req.customerId }),
    roundingPolicy: { mode: policy.mode, roundAt: policy.roundAt, taxRounding: policy.taxRounding },
    lines,
    charges,
    documentDiscount: money(documentDiscount, currency),
    subtotal: money(subtotal, currency),
    tax: money(taxTotal, currency),
    total: money(subtotal.plus(taxTotal), currency),
    taxes: taxSummary(taxables, split, currency),
    approvalRequired: violations.length > 0,
    violations,
  };
}

/**
 * The tax of a line that names none (and whose request names none): the first tax listing its
 * product, then its category, then the tax marked `default`, then the first tax without a product
 * or category list (none when there are no taxes).
 */
function defaultTax(pricing: Pricing, line: PricedLine): string | undefined {
  const { taxes } = pricing;
  return (
    taxes.find((t) => t.products?.includes(line.productId)) ??
    taxes.find((t) => line.category !== undefined && t.categories?.includes(line.category)) ??
    taxes.find((t) => t.default) ??
    taxes.find((t) => !t.products && !t.categories)
  )?.id;
}

function taxSummary(
  taxables: readonly Taxable[],
  split: readonly { net: Decimal; tax: Decimal }[],
  currency: string,
): PriceResult['taxes'] {
  const by = new Map<string, { taxId: string; rate: Decimal; base: Decimal; amount: Decimal }>();
  taxables.forEach((t, i) => {
    if (t.taxId === undefined) return;
    const entry = by.get(t.taxId) ?? { taxId: t.taxId, rate: t.rate, base: ZERO, amount: ZERO };
    entry.base = entry.base.plus(split[i]!.net);
    entry.amount = entry.amount.plus(split[i]!.tax);
    by.set(t.taxId, entry);
  });
  return [...by.values()].map((e) => ({
    taxId: e.taxId,
    rate: plain(e.rate),
    base: money(e.base, currency),
    amount: money(e.amount, currency),
  }));
}
