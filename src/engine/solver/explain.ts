import type { Selection } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { consistentSubset } from './consistency.ts';
import {
  keyIndex,
  restrict,
  selectionMasks,
  solverAttribute,
  type LevelMasks,
} from './selectionMasks.ts';
import { satisfiable } from './support.ts';
import type { Explanation } from './types.ts';

/**
 * Why `attribute = value` (a value key as in `Domains`) cannot join `selection`: a subset-minimal
 * set of constraints (explicit, or implicit such as `required:legs`) and of current selections
 * whose conjunction with `attribute = value` has no solution. Removing any one element leaves a
 * consistent set. For a multi attribute, the value joins the selected set; the rest of that set
 * counts as the selection of the attribute itself. An `available` value gets an empty explanation;
 * an `impossible` one lists constraints only.
 *
 * Found in two steps: the selections by deletion against the full diagram (each test linear in
 * its size), then the constraints by QuickXplain (Junker) on the per-constraint diagrams with
 * those selections fixed, tested by propagation and search.
 *
 * @example
 * explain(compiled, { frame: 'wood' }, 'top', 'glass');
 * // { attribute: 'top', value: 'glass', selections: ['frame'],
 * //   constraints: [{ id: 'glass-not-wood', message: 'Glass tops do not go on wood.' }] }
 */
export function explain(
  compiled: CompiledModel,
  selection: Selection,
  attribute: string,
  value: string,
): Explanation {
  const attr = solverAttribute(compiled, attribute);
  const index = keyIndex(attr, value);
  const target = (masks: LevelMasks): LevelMasks => {
    const m = masks.slice();
    if (attr.type === 'multi') m[attr.levels[index]!] = Uint8Array.of(0, 1);
    else {
      const one = new Uint8Array(compiled.levels[attr.levels[0]!]!.size);
      one[index] = 1;
      m[attr.levels[0]!] = one;
    }
    return m;
  };
  // For a multi, the rest of its set stays as the attribute's own selection.
  const candidates = Object.keys(selection).filter(
    (id) => (id !== attribute || attr.type === 'multi') && compiled.byId.has(id),
  );
  const masksOf = (ids: readonly string[]): LevelMasks => {
    const masks = selectionMasks(compiled, {});
    for (const id of ids) restrict(masks, solverAttribute(compiled, id), selection[id]!);
    return target(masks);
  };
  const sat = (ids: readonly string[]) =>
    satisfiable(compiled.mdd, compiled.nodes, compiled.root, masksOf(ids));

  const result: Explanation = { attribute, value, constraints: [], selections: [] };
  if (sat(candidates)) return result;

  let kept = [...candidates];
  for (const id of candidates) {
    const without = kept.filter((k) => k !== id);
    if (!sat(without)) kept = without;
  }
  const fixed = masksOf(kept);
  const all = compiled.constraints.map((_, i) => i);
  // All constraints together are the compiled diagram itself: no search needed.
  const core = quickXplain(all, (subset) =>
    subset.length === all.length
      ? satisfiable(compiled.mdd, compiled.nodes, compiled.root, fixed)
      : consistentSubset(compiled, subset, fixed),
  );
  result.selections = kept;
  result.constraints = core
    .sort((a, b) => a - b)
    .map((i) => ({ id: compiled.constraints[i]!.id, message: compiled.constraints[i]!.message }));
  return result;
}

/**
 * QuickXplain: a subset-minimal inconsistent subset of `candidates`, given that all of them
 * together are inconsistent. `consistent` tests a subset.
 */
export function quickXplain(
  candidates: readonly number[],
  consistent: (subset: readonly number[]) => boolean,
): number[] {
  if (consistent(candidates)) return [];
  const qx = (background: number[], changed: boolean, cands: number[]): number[] => {
    if (changed && !consistent(background)) return [];
    if (cands.length === 1) return cands;
    const half = Math.floor(cands.length / 2);
    const c1 = cands.slice(0, half);
    const c2 = cands.slice(half);
    const d2 = qx([...background, ...c1], c1.length > 0, c2);
    const d1 = qx([...background, ...d2], d2.length > 0, c1);
    return [...d1, ...d2];
  };
  return candidates.length === 0 ? [] : qx([], false, [...candidates]);
}
