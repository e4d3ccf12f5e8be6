import type { ProductModel, Selection } from '../model/types.ts';
import { chooseBook } from '../pricing/book.ts';
import { dec, type Decimal } from '../pricing/money.ts';
import { selectedOptions } from '../pricing/options.ts';
import { asPricing } from '../pricing/parsePricing.ts';
import { price } from '../pricing/price.ts';
import type { Condition, Pricing } from '../pricing/schema.ts';
import type { CompiledModel } from '../solver/compile.ts';
import type { LevelMasks } from '../solver/selectionMasks.ts';
import { firstSolution, solutionToSelection } from '../solver/solution.ts';
import { extendable, fixedIndex, preferenceOrder, withValue } from './searchSpace.ts';

/** Who buys, when and in which currency: what a configuration is priced with. */
export interface PriceContext {
  pricing: Pricing;
  currency: string;
  /** The pricing date, `YYYY-MM-DD`. */
  date: string;
  customerId?: string | undefined;
  /** The line's category (rule conditions, taxes); the model's `category` by default. */
  category?: string | undefined;
  quantity: number;
}

/** A complete configuration and the total `price()` gives it. */
export interface PricedSolution {
  /** One value index per level. */
  solution: number[];
  selection: Selection;
  total: Decimal;
}

/** The exact minimum-price search of one model under one price context. */
export interface PriceSearch {
  /** Attributes whose price effect is not a per-unit amount: the search branches on them. */
  interaction: ReadonlySet<string>;
  /** The total (`PriceResult.total`) of a complete selection. */
  totalOf(selection: Selection): Decimal;
  /**
   * The cheapest valid configuration within `masks` (undefined when there is none); with
   * `cutoff`, stops at the first one whose total is ≤ `cutoff`.
   */
  cheapest(masks: LevelMasks, cutoff?: Decimal): PricedSolution | undefined;
}

/** Per-unit amounts are compared in millionths, so sums of integers stay exact in a double. */
const SCALE = 1_000_000;

/**
 * The exact cheapest-configuration search of pricing.md's waterfall for one product.
 *
 * Attributes split in two. An *additive* attribute only adds per-unit `amount` or
 * `amountTimesValue` adjustments to the configured list. Every other attribute that pricing
 * mentions — in a price rule's condition or `setOptionAmount`, a `percent` or `per: "order"`
 * adjustment, or a contract override — is an *interaction* attribute. With the interaction
 * attributes fixed, every later step of the waterfall (percent options, the book formula, unit
 * rule actions, fx and charm, volume, discounts, rounding, tax) is a non-decreasing function of
 * the sum of the additive amounts, so the shortest path over the diagram with those amounts as
 * costs is a cheapest configuration. `cheapest` branches over the interaction attributes (model
 * order, defaults first), prunes every branch without a valid completion (`support`) and solves
 * each leaf that way, pricing it with `price()` itself; the minimum over the leaves is exact.
 *
 * @example
 * const search = priceSearch(compiled, { pricing, currency: 'EUR', date: '2026-12-07', quantity: 1 });
 * search.cheapest(selectionMasks(compiled, { frame: 'steel' }))?.total.toFixed(2); // '667.59'
 */
export function priceSearch(compiled: CompiledModel, given: PriceContext): PriceSearch {
  const model = compiled.model;
  // Validated once here, not on every `price()` (a pricing cloned into a worker is a new object).
  const context = { ...given, pricing: asPricing(given.pricing) };
  const category = given.category ?? model.category;
  const interaction = interactionAttributes(context, model);
  const totalOf = (selection: Selection): Decimal =>
    dec(
      price(
        {
          date: context.date,
          currency: context.currency,
          ...(context.customerId !== undefined && { customerId: context.customerId }),
          lines: [
            { lineId: '1', productId: model.id, quantity: context.quantity, category, selection },
          ],
        },
        { pricing: context.pricing, models: [model], optionDeltas: false },
      ).total,
    );
  const unitCosts = additiveCosts(compiled, context, interaction);
  const branchLevels = compiled.attributes
    .filter((a) => interaction.has(a.id))
    .flatMap((a) => a.levels);
  const orders = new Map(branchLevels.map((l) => [l, preferenceOrder(compiled, l)]));
  const cost = (level: number, index: number) => unitCosts[level]?.[index] ?? 0;

  const cheapest = (masks: LevelMasks, cutoff?: Decimal): PricedSolution | undefined => {
    let best: PricedSolution | undefined;
    let done = false;
    const visit = (m: LevelMasks, k: number): void => {
      if (done) return;
      if (k === branchLevels.length) {
        const solution = firstSolution(compiled, m, cost);
        if (!solution) return;
        const selection = solutionToSelection(compiled, solution);
        const total = totalOf(selection);
        if (!best || total.lt(best.total)) best = { solution, selection, total };
        if (cutoff !== undefined && total.lte(cutoff)) done = true;
        return;
      }
      const level = branchLevels[k]!;
      if (fixedIndex(m, level) !== undefined) return visit(m, k + 1);
      for (const i of extendable(compiled, m, level, orders.get(level)!)) {
        visit(withValue(compiled, m, level, i), k + 1);
        if (done) return;
      }
    };
    visit(masks, 0);
    return best;
  };
  return { interaction, totalOf, cheapest };
}

/**
 * Attributes whose price effect is not a per-unit amount: named by a price rule of the product,
 * a `percent` or `per: "order"` adjustment of the product in any book, or a contract of the
 * context's customer valid on its date.
 */
function interactionAttributes(context: PriceContext, model: ProductModel): Set<string> {
  const { pricing, customerId, date } = context;
  const out = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('attribute' in c) out.add(c.attribute);
  };
  for (const rule of pricing.priceRules) {
    if (rule.products && !rule.products.includes(model.id)) continue;
    walk(rule.when);
    for (const action of rule.then)
      if ('setOptionAmount' in action) out.add(action.setOptionAmount.attribute);
  }
  for (const book of pricing.priceBooks)
    for (const adj of book.adjustments)
      if (
        (adj.product === undefined || adj.product === model.id) &&
        (adj.type === 'percent' || adj.per === 'order')
      )
        out.add(adj.attribute);
  const contracts = pricing.contracts.filter(
    (c) =>
      c.customerId === customerId &&
      (c.validFrom === undefined || c.validFrom <= date) &&
      (c.validTo === undefined || c.validTo === null || date < c.validTo),
  );
  for (const contract of contracts)
    for (const o of contract.overrides) {
      if ('attribute' in o) out.add(o.attribute);
      else if (o.product === model.id) Object.keys(o.selection).forEach((id) => out.add(id));
    }
  return out;
}

/**
 * Per level and value index, the per-unit amount (in millionths of the book's currency) of the
 * additive attributes in the book that prices the line; an amount that millionths cannot hold
 * exactly makes its attribute an interaction attribute instead (branched on, priced exactly).
 */
function additiveCosts(
  compiled: CompiledModel,
  context: PriceContext,
  interaction: Set<string>,
): (number[] | undefined)[] {
  const model = compiled.model;
  const choice = chooseBook(context.pricing, {
    productId: model.id,
    currency: context.currency,
    date: context.date,
    customerId: context.customerId,
    needsListPrice: !context.pricing.blockPrices.some((b) => b.product === model.id),
  });
  const out: (number[] | undefined)[] = new Array(compiled.levels.length).fill(undefined);
  // Without a book, `price()` reports the problem on the first leaf; costs stay 0.
  if (typeof choice === 'string') return out;
  for (const attr of compiled.attributes) {
    if (interaction.has(attr.id)) continue;
    const rows = attr.levels.map((level, item) => {
      const size = compiled.levels[level]!.size;
      return Array.from({ length: size }, (_, i) => {
        const value = attr.type === 'multi' ? (i === 1 ? [attr.keys[item]!] : []) : attr.values[i];
        if (value === undefined) return 0;
        const amount = selectedOptions(choice.book, model.id, { [attr.id]: value }).unit.reduce(
          (sum, o) => sum.plus(o.amount),
          dec('0'),
        );
        const scaled = amount.times(dec(String(SCALE)));
        return scaled.round(0).eq(scaled) && scaled.abs().lt(dec('1000000000000000'))
          ? scaled.toNumber()
          : NaN;
      });
    });
    if (rows.some((r) => r.some(Number.isNaN))) {
      interaction.add(attr.id);
      continue;
    }
    attr.levels.forEach((level, item) => (out[level] = rows[item]));
  }
  return out;
}
