import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { count } from './count.ts';
import type { Repair, SelectionChange } from './types.ts';

/**
 * Keeps as much of a loaded selection (URL, saved, initial) as can still be valid: choices are
 * added newest first (`recency`, newest last; otherwise in selection order) and dropped when they
 * no longer fit. The dropped ones come back as changes to undefined, to be named to the buyer.
 * Exact: what is kept always extends to a complete valid configuration.
 *
 * @example
 * reconcileSelection(compiled, { material: 'walnut', size: 's' }).changes
 * // [{ attribute: 'size', from: 's', to: undefined }]  (walnut is not made small)
 */
export function reconcileSelection(
  compiled: CompiledModel,
  selection: Selection,
  recency: readonly string[] = [],
): Repair {
  return reconcileWith(
    (id) => compiled.byId.has(id),
    (s) => count(compiled, s) > 0n,
    selection,
    recency,
  );
}

/**
 * `reconcileSelection` over any exact engine: `known` says which attributes the engine decides
 * (others, such as text, are kept as they are), `feasible` whether a selection extends to a valid
 * configuration. The diagram and the SAT fallback share it, so both keep the same choices.
 *
 * @example
 * reconcileWith((id) => engine.model.attributes.some((a) => a.id === id), engine.feasible, sel);
 */
export function reconcileWith(
  known: (id: string) => boolean,
  feasible: (selection: Selection) => boolean,
  selection: Selection,
  recency: readonly string[] = [],
): Repair {
  const keys = Object.keys(selection);
  const order = [
    ...[...recency].reverse().filter((id) => keys.includes(id)),
    ...keys.filter((id) => !recency.includes(id)),
  ];
  const kept: Record<string, SelectionValue> = {};
  const changes: SelectionChange[] = [];
  for (const id of order) {
    const v = selection[id]!;
    if (!known(id) || feasible({ ...kept, [id]: v })) kept[id] = v;
    else changes.push({ attribute: id, from: v, to: undefined });
  }
  const ordered = Object.fromEntries(keys.filter((id) => id in kept).map((id) => [id, kept[id]!]));
  return { selection: ordered, changes };
}
