import type { ProductModel, Selection, SelectionValue } from '../engine/index.ts';
import { relevantNow } from './relevantNow.ts';
import { isValidValue } from './valueKeys.ts';

/** What the widget shows and reasons with, derived from the stored selection (the intent). */
export interface DerivedSelection {
  /** Relevant, well-formed choices (text included): what the buyer sees and `onChange` gets. */
  shown: Selection;
  /** `shown` without text attributes: what the solver reasons about. */
  solver: Selection;
  /** Attributes hidden because their `relevantWhen` does not hold. */
  hidden: ReadonlySet<string>;
  /** Stored values that are not values of their attribute (a number off the step grid, …). */
  malformed: ReadonlySet<string>;
  /** Multi attributes with fewer items than their `min`: shown, but not yet given to the solver. */
  underMin: ReadonlySet<string>;
}

/**
 * Derives the effective selection: drops values of irrelevant attributes (relevance holding on
 * the selection itself or for every way its open attributes can end, see `relevantNow`; to a
 * fixed point since relevance can chain) and malformed values. The
 * store keeps them, so going back to a relevant state restores the buyer's earlier choice.
 *
 * @example
 * deriveSelection(desk, { frame: 'aluminium', legs: 'round' }).shown // { frame: 'aluminium' }
 */
export function deriveSelection(model: ProductModel, selection: Selection): DerivedSelection {
  const malformed = new Set<string>();
  let current: Record<string, SelectionValue> = {};
  const byId = new Map(model.attributes.map((a) => [a.id, a] as const));
  for (const [id, value] of Object.entries(selection)) {
    const attribute = byId.get(id);
    if (attribute && isValidValue(attribute, value)) current[id] = value;
    else malformed.add(id);
  }
  let hidden = new Set<string>();
  for (let round = 0; round <= model.attributes.length; round++) {
    const nextHidden = new Set(
      model.attributes
        .filter((a) => a.relevance !== undefined && !relevantNow(a.relevance, current, byId))
        .map((a) => a.id),
    );
    const next = Object.fromEntries(Object.entries(current).filter(([id]) => !nextHidden.has(id)));
    const stable =
      Object.keys(next).length === Object.keys(current).length && nextHidden.size === hidden.size;
    current = next;
    hidden = nextHidden;
    if (stable) break;
  }
  const underMin = new Set<string>();
  for (const [id, value] of Object.entries(current)) {
    const a = byId.get(id);
    if (a?.type === 'multi' && Array.isArray(value) && value.length < (a.min ?? 0))
      underMin.add(id);
  }
  const solver = Object.fromEntries(
    Object.entries(current).filter(([id]) => byId.get(id)?.type !== 'text' && !underMin.has(id)),
  );
  return { shown: current, solver, hidden, malformed, underMin };
}
