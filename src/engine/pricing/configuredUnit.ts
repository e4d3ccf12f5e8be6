import type { Selection } from '../model/types.ts';
import type { BookChoice } from './book.ts';
import type { RuleFacts } from './conditions.ts';
import {
  dec,
  decInt,
  lessPercent,
  minorUnits,
  money,
  ONE,
  plain,
  round,
  roundToMultiple,
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
  type OrderCharge,
} from './options.ts';
import type { LineContext } from './priceLine.ts';
import { actionLabel, applicableRules, applyAction } from './ruleActions.ts';
import type { WaterfallKind, WaterfallStep } from './waterfall.ts';

/** The configured unit of a line, ready for volume pricing (pricing.md steps 1–4). */
export interface ConfiguredUnit {
  /** In `currency` (the request's): converted and charmed when the book is in another currency. */
  unit: Decimal;
  currency: string;
  /** The product's list price in the book (0 for a block-priced product). */
  base: Decimal;
  /** The per-unit option prices after contract overrides and rules, in the book's currency. */
  opts: OptionPrice[];
  /** One-time charges of the selection, in the book's currency. */
  order: OrderCharge[];
  contractUnitPrice: boolean;
}

/**
 * Builds a line's configured unit and records its steps in `steps`: list price, options (absolute
 * amounts, then percentages of base + absolute options), contract overrides, `beforeVolume` price
 * rules (option amounts first, then the book formula, then unit actions, each by priority), all in
 * the book's currency; then the fx conversion rounded to the request currency's minor unit and
 * its charm. With `roundAt: eachStep` every step is rounded to the minor unit of its currency.
 *
 * @example
 * configureUnit(ctx, facts, { book: eurList, fx: eurUsd }, false, steps).unit; // 1214.99 (1,120.00 EUR → USD)
 */
export function configureUnit(
  ctx: LineContext,
  facts: RuleFacts,
  choice: BookChoice,
  block: boolean,
  steps: WaterfallStep[],
): ConfiguredUnit {
  const { pricing, policy } = ctx;
  const { productId, quantity, selection } = facts;
  const { book, fx } = choice;
  const q = decInt(quantity);
  const mode = policy.mode;
  const eachStep = policy.roundAt === 'eachStep';
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
        ? `${optionName(o)} +${plain(o.percent)} % of ${money(absolute, currency)}`
        : optionName(o);
    setUnit('option', label, optionName(o), unit.plus(contribution(o, absolute)));
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

  const before = applicableRules(pricing.priceRules, 'beforeVolume', facts);
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

  return { unit, currency, base, opts, order: options.order, contractUnitPrice };
}

function optionName(o: OptionPrice): string {
  return o.value === undefined ? o.attribute : `${o.attribute}=${String(o.value)}`;
}

function matchesPartial(selection: Selection, partial: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(partial).every(([attr, want]) =>
    Array.isArray(want)
      ? (want as string[]).every((v) => selects(selection[attr], v))
      : selection[attr] === want ||
        (Array.isArray(selection[attr]) && selects(selection[attr], want as string)),
  );
}
