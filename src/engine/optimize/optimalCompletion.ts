import type { Selection, SelectionValue } from '../model/types.ts';
import type { Snapshot } from '../leadtime/schema.ts';
import { minorUnits, type Decimal } from '../pricing/money.ts';
import type { Pricing } from '../pricing/schema.ts';
import type { CompiledModel } from '../solver/compile.ts';
import { selectionMasks, type LevelMasks } from '../solver/selectionMasks.ts';
import { SolverError } from '../solver/SolverError.ts';
import { solutionToSelection } from '../solver/solution.ts';
import { dateSearch, UNAVAILABLE } from './dateSearch.ts';
import { OptimizeError } from './OptimizeError.ts';
import { priceSearch } from './priceSearch.ts';
import {
  extendable,
  feasible,
  fixedIndex,
  modelOrderLevels,
  preferenceOrder,
  withValue,
} from './searchSpace.ts';

/** What "the best completion" means: the lowest total, or the earliest delivery. */
export type Objective = 'cheapest' | 'fastest';

/** The input of `optimalCompletion`. */
export interface OptimalCompletionInput {
  /** From `compile(model)`. */
  compiled: CompiledModel;
  /** The buyer's choices: always kept (text values too). */
  selection: Selection;
  /** Units of the line (a whole number, 1–1,000,000). */
  quantity: number;
  objective: Objective;
  /** Required for `cheapest`; breaks `fastest`'s ties (the cheaper first). */
  pricing?: {
    pricing: Pricing;
    currency: string;
    /** The pricing date, `YYYY-MM-DD`. */
    date: string;
    customerId?: string | undefined;
    /** The line's category; the model's `category` by default (as the widget prices). */
    category?: string | undefined;
  };
  /** Required for `fastest`. `now` is an ISO instant with offset. */
  availability?: { snapshot: Snapshot; now: string };
}

/** The best completion: a complete valid selection, its total and its delivery date. */
export interface OptimalCompletion {
  selection: Selection;
  /** `PriceResult.total` of the line (when pricing was given). */
  total?: string;
  /** The promised delivery date (when availability was given and the line is available). */
  deliveryDate?: string;
}

const MAX_QUANTITY = 1_000_000;

/**
 * Completes the buyer's selection into the valid configuration that is best for `objective`,
 * exactly (src/engine/optimize/README.md):
 * - `cheapest`: the minimum of the line's `PriceResult.total` (tax, one-time charges and volume
 *   tiers for `quantity` included; the figure the widget shows as the total);
 * - `fastest`: the earliest delivery date; ties go to the lower total when pricing is given.
 * Remaining ties go to defaults order: attribute by attribute in model order, the default value
 * first, then the values in model order, "none" last (as `complete`). Throws `UNSATISFIABLE`
 * (a `SolverError`) when the selection has no valid completion, and an `OptimizeError` when the
 * objective's data is missing or the quantity is not a whole number from 1 to 1,000,000.
 *
 * @example
 * optimalCompletion({ compiled, selection: {}, quantity: 1, objective: 'cheapest',
 *   pricing: { pricing, currency: 'EUR', date: '2026-12-07' } }).total; // '667.59'
 */
export function optimalCompletion(input: OptimalCompletionInput): OptimalCompletion {
  const { compiled, selection, quantity, objective } = input;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    throw new OptimizeError(
      `the quantity must be a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en')} (got ${String(quantity)})`,
      '$.quantity',
    );
  if (objective === 'cheapest' && !input.pricing)
    throw new OptimizeError(
      '"cheapest" needs pricing (a pricing file, currency and date)',
      '$.pricing',
    );
  if (objective === 'fastest' && !input.availability)
    throw new OptimizeError('"fastest" needs availability (a snapshot and now)', '$.availability');
  const masks = selectionMasks(compiled, selection);
  if (!feasible(compiled, masks))
    throw new SolverError(
      'UNSATISFIABLE',
      'the selection has no valid completion: repair it first',
      '$.selection',
    );

  const prices = input.pricing && priceSearch(compiled, { ...input.pricing, quantity });
  const dates =
    input.availability &&
    dateSearch(compiled, {
      snapshot: input.availability.snapshot,
      now: input.availability.now,
      quantity,
    });

  // The optimum's witness, and `best(m)`: a solution within m as good as the optimum, if any.
  let witness: number[];
  let best: (m: LevelMasks) => number[] | undefined;
  if (objective === 'cheapest') {
    const optimum = prices!.cheapest(masks)!;
    witness = optimum.solution;
    best = (m) => {
      const x = prices!.cheapest(m, optimum.total);
      return x && x.total.lte(optimum.total) ? x.solution : undefined;
    };
  } else {
    const earliest = dates!.earliest(masks)!;
    const date = earliest.date;
    if (prices) {
      const optimum = dates!.cheapestBy(masks, prices, date)!;
      witness = optimum.solution;
      best = (m) => {
        const x = dates!.cheapestBy(m, prices, date, optimum.total);
        return x && x.total.lte(optimum.total) ? x.solution : undefined;
      };
    } else {
      witness = earliest.solution;
      best = (m) => {
        const x = dates!.earliest(m, date);
        return x && x.date <= date ? x.solution : undefined;
      };
    }
  }
  return finish(input, masks, witness, best, prices, dates);
}

/**
 * Breaks ties in defaults order: level by level in model order, the most preferred value for
 * which `best` still finds an optimal solution (no search when the current witness has it).
 */
function finish(
  input: OptimalCompletionInput,
  start: LevelMasks,
  witness: number[],
  best: (m: LevelMasks) => number[] | undefined,
  prices: ReturnType<typeof priceSearch> | undefined,
  dates: ReturnType<typeof dateSearch> | undefined,
): OptimalCompletion {
  const { compiled } = input;
  let masks = start;
  let current = witness;
  for (const level of modelOrderLevels(compiled)) {
    if (fixedIndex(masks, level) !== undefined) continue;
    for (const i of extendable(compiled, masks, level, preferenceOrder(compiled, level))) {
      const next = withValue(compiled, masks, level, i);
      if (current[level] === i) {
        masks = next;
        break;
      }
      const found = best(next);
      if (found) {
        masks = next;
        current = found;
        break;
      }
    }
  }
  const out: Record<string, SelectionValue> = { ...solutionToSelection(compiled, current) };
  for (const [id, value] of Object.entries(input.selection)) out[id] = value;
  const selection: Selection = out;
  const result: OptimalCompletion = { selection };
  if (prices && input.pricing)
    result.total = totalText(prices.totalOf(selection), input.pricing.currency);
  if (dates) {
    const date = dates.dateOf(selection);
    if (date !== UNAVAILABLE) result.deliveryDate = date;
  }
  return result;
}

function totalText(total: Decimal, currency: string): string {
  return total.toFixed(minorUnits(currency));
}
