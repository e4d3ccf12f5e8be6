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
  const fixed = (ids: readonly string[]) => {
    const masks = selectionMasks(compiled, {});
    for (const id of ids) restrict(masks, solverAttribute(compiled, id), selection[id]!);
    return target(masks);
  };
  const all = compiled.constraints.length;
  return explainWith(
    { selection, attribute, value, multi: attr.type === 'multi' },
    {
      known: (id) => compiled.byId.has(id),
      satisfiable: (ids) => satisfiable(compiled.mdd, compiled.nodes, compiled.root, fixed(ids)),
      consistent: (kept) => {
        const masks = fixed(kept);
        // All constraints together are the compiled diagram itself: no search needed.
        return (subset) =>
          subset.length === all
            ? satisfiable(compiled.mdd, compiled.nodes, compiled.root, masks)
            : consistentSubset(compiled, subset, masks);
      },
      constraints: compiled.constraints,
    },
  );
}

/** What `explainWith` tests with: one engine's satisfiability checks. */
export interface ExplainTests {
  /** Whether the selection's attributes the engine decides include `id` (text ones do not). */
  known(id: string): boolean;
  /** Whether the value together with the selections of `ids` (and every constraint) is satisfiable. */
  satisfiable(ids: readonly string[]): boolean;
  /** The test of constraint subsets (indices into `constraints`) with the selections `kept` fixed. */
  consistent(kept: readonly string[]): (subset: readonly number[]) => boolean;
  /** The constraints in compiler order. */
  constraints: readonly { id: string; message: string }[];
}

/**
 * The explanation algorithm the diagram and the SAT fallback share, so their minimal sets are the
 * same: the selections by deletion in the selection's order (for a multi, the rest of its own set
 * is a candidate too), then the constraints by QuickXplain in compiler order with those
 * selections fixed; `tests` answers each check exactly.
 *
 * @example
 * explainWith({ selection, attribute: 'top', value: 'glass', multi: false }, tests);
 */
export function explainWith(
  query: { selection: Selection; attribute: string; value: string; multi: boolean },
  tests: ExplainTests,
): Explanation {
  const { selection, attribute, value, multi } = query;
  const candidates = Object.keys(selection).filter(
    (id) => (id !== attribute || multi) && tests.known(id),
  );
  const result: Explanation = { attribute, value, constraints: [], selections: [] };
  if (tests.satisfiable(candidates)) return result;

  let kept = [...candidates];
  for (const id of candidates) {
    const without = kept.filter((k) => k !== id);
    if (!tests.satisfiable(without)) kept = without;
  }
  const core = quickXplain(
    tests.constraints.map((_, i) => i),
    tests.consistent(kept),
  );
  result.selections = kept;
  result.constraints = core
    .sort((a, b) => a - b)
    .map((i) => ({ id: tests.constraints[i]!.id, message: tests.constraints[i]!.message }));
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
