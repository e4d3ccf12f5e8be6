import type { Selection } from '../model/types.ts';
import { attributesOf } from '../model/rules/ast.ts';
import { promise } from '../leadtime/promise.ts';
import type { Snapshot } from '../leadtime/schema.ts';
import type { Decimal } from '../pricing/money.ts';
import type { CompiledModel } from '../solver/compile.ts';
import type { LevelMasks } from '../solver/selectionMasks.ts';
import { firstSolution } from '../solver/solution.ts';
import type { PriceSearch, PricedSolution } from './priceSearch.ts';
import {
  extendable,
  feasible,
  fixedIndex,
  fixedSelection,
  preferenceOrder,
  withValue,
} from './searchSpace.ts';

/** When and from what a configuration is promised. */
export interface DateContext {
  snapshot: Snapshot;
  /** An ISO-8601 instant with offset (lead-time.md C1). */
  now: string;
  quantity: number;
}

/** A date key: a `YYYY-MM-DD` delivery date, or `UNAVAILABLE` (sorts after every date). */
export const UNAVAILABLE = '~';

/** The exact earliest-delivery search of one model under one snapshot. */
export interface DateSearch {
  /** The delivery date of a (partial) selection, or `UNAVAILABLE`. */
  dateOf(selection: Selection): string;
  /**
   * The earliest delivery date within `masks` and a complete solution reaching it (undefined
   * when `masks` has no valid completion); with `cutoff`, stops at the first date ≤ `cutoff`.
   */
  earliest(masks: LevelMasks, cutoff?: string): { date: string; solution: number[] } | undefined;
  /**
   * The cheapest configuration within `masks` delivered by `date` (undefined when none); with
   * `cutoff`, stops at the first one whose total is ≤ `cutoff`.
   */
  cheapestBy(
    masks: LevelMasks,
    prices: PriceSearch,
    date: string,
    cutoff?: Decimal,
  ): PricedSolution | undefined;
}

/**
 * The exact earliest-delivery search (lead-time.md) for one product: branch and bound over the
 * attributes that bring BOM lines or decide a routing operation's `when`.
 *
 * The bound of a partial configuration is the promise of the values fixed so far: every
 * completion needs at least those items in at least those quantities (C8), and more need never
 * makes an item available earlier (C7, C9) nor the product's routing start earlier (C10). The
 * bound is admissible only once every attribute of a routing `when` is fixed ("x != 'a'" holds
 * while x is open), so the search fixes those first and bounds nothing before. Children are
 * visited best bound first (ties in defaults order); a branch whose bound is not earlier than the
 * best date found is cut, and the search ends when it meets the root's bound.
 *
 * @example
 * const search = dateSearch(compiled, { snapshot, now: '2026-12-07T09:00:00+01:00', quantity: 1 });
 * search.earliest(selectionMasks(compiled, {}))?.date; // '2026-12-14'
 */
export function dateSearch(compiled: CompiledModel, context: DateContext): DateSearch {
  const model = compiled.model;
  const guards = new Set(
    model.routing.flatMap((op) => (op.condition ? attributesOf(op.condition) : [])),
  );
  const bringsBom = (id: string) => {
    const a = model.attributes.find((x) => x.id === id)!;
    if (a.type === 'choice' || a.type === 'multi')
      return a.values.some((v) => (v.bom ?? []).length > 0);
    if (a.type === 'boolean' || a.type === 'number') return (a.bom ?? []).length > 0;
    return false;
  };
  const ordered = [
    ...compiled.attributes.filter((a) => guards.has(a.id)),
    ...compiled.attributes.filter((a) => !guards.has(a.id) && bringsBom(a.id)),
  ];
  const guardLevels = ordered.filter((a) => guards.has(a.id)).flatMap((a) => a.levels);
  const branch = ordered.flatMap((a) => a.levels);
  const orders = new Map(branch.map((l) => [l, preferenceOrder(compiled, l)]));
  const memo = new Map<string, string>();

  const dateOf = (selection: Selection): string => {
    const key = JSON.stringify(selection);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const result = promise(
      {
        now: context.now,
        lines: [{ lineId: '1', productId: model.id, quantity: context.quantity, selection }],
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot: context.snapshot, models: [model] },
    );
    const date = result.status === 'ok' ? result.deliveryDate! : UNAVAILABLE;
    if (memo.size > 50_000) memo.clear();
    memo.set(key, date);
    return date;
  };
  // '' (before every date) until every routing condition is decided: no bound yet.
  const bound = (m: LevelMasks): string =>
    guardLevels.every((l) => fixedIndex(m, l) !== undefined)
      ? dateOf(fixedSelection(compiled, m))
      : '';
  const children = (m: LevelMasks, level: number) =>
    extendable(compiled, m, level, orders.get(level)!)
      .map((i) => {
        const next = withValue(compiled, m, level, i);
        return { next, bound: bound(next) };
      })
      .sort((a, b) => (a.bound < b.bound ? -1 : a.bound > b.bound ? 1 : 0));

  const earliest: DateSearch['earliest'] = (masks, cutoff) => {
    const root = bound(masks);
    let best: { date: string; masks: LevelMasks } | undefined;
    const good = () =>
      best !== undefined && (best.date <= root || (cutoff !== undefined && best.date <= cutoff));
    const visit = (m: LevelMasks, k: number): void => {
      if (k === branch.length) {
        const date = dateOf(fixedSelection(compiled, m));
        if (!best || date < best.date) best = { date, masks: m };
        return;
      }
      const level = branch[k]!;
      if (fixedIndex(m, level) !== undefined) return visit(m, k + 1);
      for (const child of children(m, level)) {
        if (best && child.bound >= best.date) break;
        visit(child.next, k + 1);
        if (good()) return;
      }
    };
    if (!feasible(compiled, masks)) return undefined;
    visit(masks, 0);
    if (!best) return undefined;
    const found: { date: string; masks: LevelMasks } = best;
    const solution = firstSolution(compiled, found.masks);
    return solution && { date: found.date, solution };
  };

  const cheapestBy: DateSearch['cheapestBy'] = (masks, prices, date, cutoff) => {
    let best: PricedSolution | undefined;
    let done = false;
    const visit = (m: LevelMasks, k: number): void => {
      if (done || bound(m) > date) return;
      // The cheapest completion ignoring dates bounds this branch's price from below.
      const x = prices.cheapest(m);
      if (!x || (best && x.total.gte(best.total))) return;
      if (dateOf(x.selection) <= date) {
        best = x;
        if (cutoff !== undefined && x.total.lte(cutoff)) done = true;
        return;
      }
      if (k === branch.length) return;
      const level = branch[k]!;
      if (fixedIndex(m, level) !== undefined) return visit(m, k + 1);
      for (const i of extendable(compiled, m, level, orders.get(level)!)) {
        visit(withValue(compiled, m, level, i), k + 1);
        if (done) return;
      }
    };
    visit(masks, 0);
    return best;
  };
  return { dateOf, earliest, cheapestBy };
}
