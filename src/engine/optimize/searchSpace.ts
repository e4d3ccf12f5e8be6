import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from '../solver/compile.ts';
import type { LevelMasks } from '../solver/selectionMasks.ts';
import { satisfiable, support } from '../solver/support.ts';

/**
 * The value index a level is fixed to under `masks` (exactly one allowed value), or undefined.
 *
 * @example
 * fixedIndex(masks, 3); // 1 when only value 1 of level 3 is allowed
 */
export function fixedIndex(masks: LevelMasks, level: number): number | undefined {
  const m = masks[level];
  if (m === undefined) return undefined;
  let found = -1;
  for (let i = 0; i < m.length; i++)
    if (m[i] === 1) {
      if (found >= 0) return undefined;
      found = i;
    }
  return found < 0 ? undefined : found;
}

/**
 * A copy of `masks` with `level` fixed to value index `index` (inputs are never mutated).
 *
 * @example
 * const next = withValue(compiled, masks, 2, 0); // level 2 takes its first value
 */
export function withValue(
  compiled: CompiledModel,
  masks: LevelMasks,
  level: number,
  index: number,
): LevelMasks {
  const next = masks.slice();
  const m = new Uint8Array(compiled.levels[level]!.size);
  m[index] = 1;
  next[level] = m;
  return next;
}

/**
 * Whether some valid configuration respects `masks`.
 *
 * @example
 * feasible(compiled, selectionMasks(compiled, { frame: 'steel' })); // true
 */
export function feasible(compiled: CompiledModel, masks: LevelMasks): boolean {
  return satisfiable(compiled.mdd, compiled.nodes, compiled.root, masks);
}

/**
 * The value indices of `level` that still have a valid completion under `masks`, in `order`
 * (one `support` pass). Empty when `masks` has no valid completion at all.
 *
 * @example
 * extendable(compiled, masks, 4, [1, 0, 2]); // [1, 2] when value 0 is in conflict
 */
export function extendable(
  compiled: CompiledModel,
  masks: LevelMasks,
  level: number,
  order: readonly number[],
): number[] {
  const s = support(compiled.mdd, compiled.nodes, compiled.root, masks);
  if (!s.sat) return [];
  const m = masks[level];
  const sup = s.supported[level]!;
  return order.filter((i) => sup[i] === 1 && (m === undefined || m[i] === 1));
}

/**
 * The levels of the diagram in the model's attribute order (a multi's value levels in value
 * order): the order in which ties are broken.
 *
 * @example
 * modelOrderLevels(compiled); // [4, 0, 1, 2, 3, …]
 */
export function modelOrderLevels(compiled: CompiledModel): number[] {
  return compiled.attributes.flatMap((a) => a.levels);
}

/**
 * The "defaults order" of a level's value indices: the attribute's `default` first (for a
 * multi value: "in" when the default set contains it, else "out" first), then the values in model
 * order, and "none" last — the order `complete` tries them in.
 *
 * @example
 * preferenceOrder(compiled, level); // [2, 0, 1, 3] for a default at index 2 and "none" at 3
 */
export function preferenceOrder(compiled: CompiledModel, level: number): number[] {
  const info = compiled.levels[level]!;
  const attr = compiled.attributes[info.attribute]!;
  const doc = compiled.model.attributes[attr.modelIndex]!;
  const fallback = doc.type === 'text' ? undefined : (doc.default as SelectionValue | undefined);
  if (info.item >= 0) {
    const inDefault =
      Array.isArray(fallback) && (fallback as readonly string[]).includes(attr.keys[info.item]!);
    return inDefault ? [1, 0] : [0, 1];
  }
  const order = Array.from({ length: info.size }, (_, i) => i);
  const d =
    fallback === undefined ? -1 : attr.values.indexOf(fallback as string | number | boolean);
  return d < 0 ? order : [d, ...order.filter((i) => i !== d)];
}

/**
 * The selection `masks` pins down: every attribute whose levels are all fixed ("none" and
 * multi values fixed out are left out; a multi lists the values fixed in), plus `extra` (text
 * values). Attributes that are not fixed are absent.
 *
 * @example
 * fixedSelection(compiled, masks, { engraving: 'Anna' }); // { frame: 'steel', engraving: 'Anna' }
 */
export function fixedSelection(
  compiled: CompiledModel,
  masks: LevelMasks,
  extra: Selection = {},
): Selection {
  const out: Record<string, SelectionValue> = { ...extra };
  for (const attr of compiled.attributes) {
    if (attr.type === 'multi') {
      const items = attr.keys.filter((_, i) => fixedIndex(masks, attr.levels[i]!) === 1);
      if (items.length > 0) out[attr.id] = items;
      continue;
    }
    const i = fixedIndex(masks, attr.levels[0]!);
    if (i !== undefined && i < attr.values.length) out[attr.id] = attr.values[i]!;
  }
  return out;
}

/**
 * The masks of one complete solution (one value index per level).
 *
 * @example
 * solutionMasks(compiled, [0, 1, 0]);
 */
export function solutionMasks(compiled: CompiledModel, solution: readonly number[]): LevelMasks {
  return solution.map((i, l) => {
    const m = new Uint8Array(compiled.levels[l]!.size);
    m[i] = 1;
    return m;
  });
}
