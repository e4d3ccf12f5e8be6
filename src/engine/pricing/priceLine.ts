import type { ProductModel, Selection } from '../model/types.ts';
import { chooseBook, type FxUse } from './book.ts';
import { checkGuardrails } from './guardrails.ts';
import { actionLabel, applicableRules, applyAction } from './ruleActions.ts';
import { configureUnit } from './configuredUnit.ts';
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
  ONE,
  ZERO,
  type Decimal,
} from './money.ts';
import { configuredList, contribution, selects } from './options.ts';
import type { Pricing, RoundingPolicy } from './schema.ts';
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

  // Steps 1–4: the configured unit, in the request's currency.
  const configured = configureUnit(ctx, facts, choice, block !== undefined, steps);
  const { unit, currency, base, contractUnitPrice } = configured;
  const opts = configured.opts;
  const rate = fx?.rate ?? ONE;
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
  for (const rule of applicableRules(pricing.priceRules, 'afterVolume', facts))
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
    charges: configured.order.map((c) => ({ ...c, amount: round(c.amount.times(rate), dp, mode) })),
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

function fxJson(fx: FxUse): { from: string; to: string; rate: string; asOf: string } {
  return { from: fx.from, to: fx.to, rate: plain(fx.rate), asOf: fx.asOf };
}
