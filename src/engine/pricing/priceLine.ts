import type { ProductModel, Selection } from '../model/types.ts';
import { chooseBook, type FxUse } from './book.ts';
import { holds } from './conditions.ts';
import { checkGuardrails } from './guardrails.ts';
import { actionLabel, applyAction } from './ruleActions.ts';
import { findCliff, ruleThresholds } from './tierCliff.ts';
import {
  dec,
  decInt,
  divForDisplay,
  lessPercent,
  minorUnits,
  money,
  plain,
  round,
  roundQuotient,
  roundToMultiple,
  ONE,
  ZERO,
  type Decimal,
} from './money.ts';
import {
  configuredList,
  contribution,
  overrideOption,
  selectedOptions,
  selects,
  type OptionPrice,
} from './options.ts';
import type { Pricing, PriceRule, RoundingPolicy } from './schema.ts';
import { blockLine, rangeFactor, rangeTier, slabFactor, tierStarts } from './volume.ts';
import type { PriceViolation, TierHint, WaterfallKind, WaterfallStep } from './waterfall.ts';

/** What prices every line of one request. */
export interface LineContext {
  pricing: Pricing;
  models: ReadonlyMap<string, ProductModel>;
  date: string;
  currency: string;
  customerId?: string | undefined;
  policy: RoundingPolicy;
}

/** One line to price. Discount percentages are decimal strings or absent. */
export interface LineInput {
  lineId: string;
  productId: string;
  quantity: number;
  selection: Selection;
  category?: string | undefined;
  additionalPercent?: string | undefined;
  partnerPercent?: string | undefined;
}

/**
 * A line priced through steps 1–8 of pricing.md: everything before the document discount and tax.
 * `extended` is the line as priced (unit × quantity, net of rep and partner discounts, rounded by
 * the policy; gross for a tax-inclusive book).
 */
export interface PricedLine {
  lineId: string;
  productId: string;
  quantity: number;
  category?: string;
  currency: string;
  priceBookId: string;
  taxInclusive: boolean;
  fx?: { from: string; to: string; rate: string; asOf: string };
  /** A contract set the whole configured unit price: option extras were ignored. */
  contractUnitPrice: boolean;
  /** The configured list unit in the request's currency (after conversion and charm). */
  listUnit: string;
  /** The regular unit: after volume pricing and after-volume rules (line ÷ quantity). */
  regularUnit: string;
  /** The net unit as charged (for block-priced and `roundAt: line` lines: line ÷ quantity, shown rounded). */
  unit: string;
  extended: Decimal;
  waterfall: WaterfallStep[];
  charges: { attribute: string; value?: string | number | boolean; amount: Decimal }[];
  violations: PriceViolation[];
  tierHint?: TierHint;
}

/**
 * Prices one line through the waterfall (pricing.md steps 1–8) and returns it, or a message when
 * no book prices the product. With `cliffs`, also looks for a tier cliff: the smallest quantity
 * above the line's where a tier, block or rule quantity threshold starts and the line is cheaper.
 *
 * @example
 * priceLine(ctx, { lineId: 'L1', productId: 'DESK', quantity: 10, selection: { frame: 'aluminium' } }, true)
 *   .unit; // '1064.00' (1,120.00 list − 5 % volume)
 */
export function priceLine(
  ctx: LineContext,
  input: LineInput,
  cliffs: boolean,
): PricedLine | string {
  const { pricing, policy } = ctx;
  const { productId, quantity, selection } = input;
  const block = pricing.blockPrices.find((b) => b.product === productId);
  const pot = pricing.percentOfTotal.some((p) => p.product === productId);
  const choice = chooseBook(pricing, {
    productId,
    currency: ctx.currency,
    date: ctx.date,
    customerId: ctx.customerId,
    needsListPrice: !block && !pot,
  });
  if (typeof choice === 'string') return choice;
  const { book, fx } = choice;
  const q = decInt(quantity);
  const mode = policy.mode;
  const eachStep = policy.roundAt === 'eachStep';
  const steps: WaterfallStep[] = [];
  const facts = {
    productId,
    quantity,
    selection,
    customerId: ctx.customerId,
    category: input.category,
  };

  // Phase 1 — the configured unit, in the book's currency (steps 2–4), then converted (step 1).
  let currency = book.currency;
  let unit = ZERO;
  const setUnit = (kind: WaterfallKind, label: string, ref: string | undefined, next: Decimal) => {
    const rounded = eachStep ? round(next, minorUnits(currency), mode) : next;
    const delta = rounded.minus(unit);
    unit = rounded;
    steps.push({
      kind,
      ...(ref !== undefined && { ref }),
      label,
      currency,
      unitAmount: money(delta, currency),
      lineAmount: money(delta.times(q), currency),
      unit: money(unit, currency),
      line: money(unit.times(q), currency),
    });
  };
  const base = block ? ZERO : dec(book.products[productId]?.list ?? '0');
  setUnit(
    'list',
    block ? `${productId}: block-priced (options only)` : `${productId} list price`,
    book.id,
    base,
  );

  const options = selectedOptions(book, productId, selection);
  let opts = options.unit;
  const absolutes = opts.filter((o) => o.kind === 'amount');
  for (const o of [...absolutes, ...opts.filter((o) => o.kind === 'percent')]) {
    const absolute = configuredList(base, absolutes);
    const label =
      o.kind === 'percent'
        ? `${optionName(o)} +${plain(o.percent)} % of ${plain(absolute)}`
        : optionName(o);
    setUnit('option', label, optionRef(o), unit.plus(contribution(o, absolute)));
  }

  let contractUnitPrice = false;
  const contracts = pricing.contracts.filter(
    (c) =>
      c.customerId === ctx.customerId &&
      (c.validFrom === undefined || c.validFrom <= ctx.date) &&
      (c.validTo === undefined || c.validTo === null || ctx.date < c.validTo),
  );
  for (const contract of contracts) {
    for (const o of contract.overrides) {
      if ('attribute' in o) {
        if (contractUnitPrice || !selects(selection[o.attribute], o.value)) continue;
        opts = overrideOption(
          opts,
          selection,
          o.attribute,
          o.value,
          dec(o.amount),
          `contract:${contract.customerId}`,
        );
        setUnit(
          'contract',
          `contract ${contract.customerId}: ${o.attribute}=${String(o.value)} costs ${o.amount}`,
          `contract:${contract.customerId}`,
          configuredList(base, opts),
        );
      } else if (
        !contractUnitPrice &&
        o.product === productId &&
        matchesPartial(selection, o.selection)
      ) {
        contractUnitPrice = true;
        setUnit(
          'contract',
          `contract ${contract.customerId}: unit price ${o.unitPrice} (option extras ignored)`,
          `contract:${contract.customerId}`,
          dec(o.unitPrice),
        );
      }
    }
  }

  const rules = (stage: PriceRule['stage']) =>
    pricing.priceRules
      .map((rule, index) => ({ rule, index }))
      .filter(
        ({ rule }) =>
          rule.stage === stage &&
          (!rule.products || rule.products.includes(productId)) &&
          holds(rule.when, facts),
      )
      .sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index)
      .map(({ rule }) => rule);
  const before = rules('beforeVolume');
  if (!contractUnitPrice)
    for (const rule of before) {
      const sets = rule.then.flatMap((a) => ('setOptionAmount' in a ? [a.setOptionAmount] : []));
      if (sets.length === 0) continue;
      for (const s of sets)
        opts = overrideOption(
          opts,
          selection,
          s.attribute,
          s.value,
          dec(s.amount),
          `rule:${rule.id}`,
        );
      setUnit(
        'priceRule',
        `rule ${rule.id}: ${sets.map((s) => `${s.attribute}=${String(s.value)} costs ${s.amount}`).join(', ')}`,
        rule.id,
        configuredList(base, opts),
      );
    }
  if (book.formula && !contractUnitPrice) {
    const f = book.formula;
    const discounted = lessPercent(unit, dec(f.discountPercent));
    const rounded =
      f.roundTo === undefined ? discounted : roundToMultiple(discounted, dec(f.roundTo), mode);
    setUnit(
      'formula',
      `book ${book.id} formula: −${f.discountPercent} %${f.roundTo ? `, to a multiple of ${f.roundTo}` : ''}${f.surcharge ? `, ${f.surcharge}` : ''}`,
      book.id,
      rounded.plus(f.surcharge === undefined ? ZERO : dec(f.surcharge)),
    );
  }
  for (const rule of before)
    for (const action of rule.then)
      if (!('setOptionAmount' in action))
        setUnit(
          'priceRule',
          `rule ${rule.id}: ${actionLabel(action)}`,
          rule.id,
          applyAction(action, unit, ONE),
        );

  const rate = fx?.rate ?? ONE;
  if (fx) {
    currency = ctx.currency;
    const converted = round(unit.times(fx.rate), minorUnits(currency), mode);
    unit = converted;
    steps.push({
      kind: 'fx',
      ref: `${fx.from}/${fx.to}`,
      label: `× ${plain(fx.rate)} ${fx.from}→${fx.to} (rate of ${fx.asOf}), rounded to ${minorUnits(currency)} places`,
      currency,
      unit: money(unit, currency),
      line: money(unit.times(q), currency),
    });
    const charm = policy.charm[currency];
    if (charm && !block)
      setUnit(
        'charm',
        `charm: to a multiple of ${charm.roundTo}, ${charm.surcharge}`,
        currency,
        roundToMultiple(unit, dec(charm.roundTo), mode).plus(dec(charm.surcharge)),
      );
  }
  const listUnit = unit;

  // Phase 2 — the line, in the request's currency (steps 5–8).
  const dp = minorUnits(currency);
  let line = unit.times(q);
  const settle = (next: Decimal): Decimal => {
    if (!eachStep) return next;
    return block ? round(next, dp, mode) : roundQuotient(next, q, dp, mode).times(q);
  };
  const setLine = (kind: WaterfallKind, label: string, ref: string | undefined, next: Decimal) => {
    const settled = settle(next);
    const delta = settled.minus(line);
    line = settled;
    steps.push({
      kind,
      ...(ref !== undefined && { ref }),
      label,
      currency,
      unitAmount: money(divForDisplay(delta, q), currency),
      lineAmount: money(delta, currency),
      unit: money(divForDisplay(line, q), currency),
      line: money(line, currency),
    });
  };
  const schedule = pricing.discountSchedules.find((s) => s.products.includes(productId));
  let cliffQuantities: number[] = [];
  if (block) {
    const v = blockLine(block, quantity);
    if (v.type !== 'block') throw new Error('unreachable');
    const blockAmount = fx ? round(v.line.times(fx.rate), dp, mode) : v.line;
    const tier = block.tiers[v.tier]!;
    setLine(
      'block',
      `block ${tier.from}–${tier.to === null ? '∞' : tier.to - 1}: ${tier.price}${v.overageUnits > 0 ? ` + ${v.overageUnits} × ${block.overagePerUnit ?? '0'} overage` : ''}`,
      productId,
      line.plus(blockAmount),
    );
    cliffQuantities = tierStarts(block.tiers, quantity);
  } else if (schedule) {
    const v =
      schedule.type === 'range' ? rangeTier(schedule, quantity) : slabFactor(schedule, quantity);
    if (v.type === 'range') {
      const tier = schedule.tiers[v.tier]!;
      setLine(
        'volume',
        `range tier ${tier.from}–${tier.to === null ? '∞' : tier.to - 1}: −${tier.percent} %`,
        schedule.id,
        line.times(rangeFactor(v.percent)),
      );
      cliffQuantities = tierStarts(schedule.tiers, quantity);
    } else if (v.type === 'slab') {
      setLine(
        'volume',
        `slab: ${v.tiers.map((t) => `${t.units} × −${plain(t.percent)} %`).join(' + ')}`,
        schedule.id,
        unit.times(v.factor),
      );
    }
  }
  for (const rule of rules('afterVolume'))
    for (const action of rule.then) {
      if ('setOptionAmount' in action) {
        const s = action.setOptionAmount;
        if (contractUnitPrice || !selects(selection[s.attribute], s.value)) continue;
        const current = opts.filter((o) => o.attribute === s.attribute && o.value === s.value);
        const absolute = configuredList(
          base,
          opts.filter((o) => o.kind === 'amount'),
        );
        const was = current.reduce((sum, o) => sum.plus(contribution(o, absolute)), ZERO);
        setLine(
          'priceRule',
          `rule ${rule.id}: ${s.attribute}=${String(s.value)} costs ${s.amount}`,
          rule.id,
          line.plus(dec(s.amount).minus(was).times(rate).times(q)),
        );
      } else
        setLine(
          'priceRule',
          `rule ${rule.id}: ${actionLabel(action)}`,
          rule.id,
          applyAction(action, line, rate, q),
        );
    }
  const regularLine = line;
  const additional = dec(input.additionalPercent ?? '0');
  const partner = dec(input.partnerPercent ?? '0');
  if (additional.gt(ZERO))
    setLine(
      'additionalDiscount',
      `additional (sales rep) −${plain(additional)} %`,
      undefined,
      lessPercent(line, additional),
    );
  if (partner.gt(ZERO))
    setLine(
      'partnerDiscount',
      `partner −${plain(partner)} %`,
      undefined,
      lessPercent(line, partner),
    );

  const unitPrimary = !block && policy.roundAt !== 'line';
  const final = unitPrimary ? roundQuotient(line, q, dp, mode).times(q) : round(line, dp, mode);
  if (!final.eq(line))
    setLine('rounding', `rounding (${policy.roundAt}, ${mode})`, undefined, final);
  const netUnit = roundQuotient(line, q, dp, mode);

  const violations = checkGuardrails(ctx, input, {
    line,
    q,
    rate,
    netUnit,
    currency,
    additional,
    partner,
  });
  const result: PricedLine = {
    lineId: input.lineId,
    productId,
    quantity,
    ...(input.category !== undefined && { category: input.category }),
    currency,
    priceBookId: book.id,
    taxInclusive: book.taxInclusive,
    ...(fx && { fx: fxJson(fx) }),
    contractUnitPrice,
    listUnit: money(listUnit, currency),
    regularUnit: money(divForDisplay(regularLine, q), currency),
    unit: money(netUnit, currency),
    extended: line,
    waterfall: steps,
    charges: options.order.map((c) => ({ ...c, amount: round(c.amount.times(rate), dp, mode) })),
    violations,
  };
  if (cliffs) {
    const hint = findCliff((q) => priceLine(ctx, { ...input, quantity: q }, false), line, [
      ...cliffQuantities,
      ...ruleThresholds(pricing.priceRules, productId, quantity),
    ]);
    if (hint) result.tierHint = hint;
  }
  return result;
}

function optionName(o: OptionPrice): string {
  return o.value === undefined ? o.attribute : `${o.attribute}=${String(o.value)}`;
}
function optionRef(o: OptionPrice): string {
  return optionName(o);
}

function fxJson(fx: FxUse): { from: string; to: string; rate: string; asOf: string } {
  return { from: fx.from, to: fx.to, rate: plain(fx.rate), asOf: fx.asOf };
}

function matchesPartial(selection: Selection, partial: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(partial).every(([attr, want]) =>
    Array.isArray(want)
      ? (want as string[]).every((v) => selects(selection[attr], v))
      : selection[attr] === want ||
        (Array.isArray(selection[attr]) && selects(selection[attr], want as string)),
  );
}
