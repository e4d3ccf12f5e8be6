import type { Selection } from '../model/types.ts';
import { quickXplain } from '../solver/explain.ts';
import { keyIndex } from '../solver/selectionMasks.ts';
import type { Explanation } from '../solver/types.ts';
import { encodeModel, type SatEncoding } from './encodeModel.ts';
import { assumptionsOf, satAttribute, selectionLevels } from './satSelection.ts';

const guardedEncodings = new WeakMap<SatEncoding, SatEncoding>();

/** The encoding of the same model with an activation literal per constraint (made once). */
function guardedFor(enc: SatEncoding): SatEncoding {
  let found = guardedEncodings.get(enc);
  if (!found) guardedEncodings.set(enc, (found = encodeModel(enc.model, { guarded: true })));
  return found;
}

/**
 * `explain` answered by the SAT fallback, with the diagram's algorithm and so its answer: the
 * selections by deletion, in the selection's order, against all constraints (one solver call
 * each); then the constraints by QuickXplain, in the compiler's constraint order, with those
 * selections fixed — each subset tested by one call on a second encoding whose constraints hold
 * only under their activation literals (assumed for the subset). Every test is exact, so the
 * minimal sets are the diagram's. Throws `UNKNOWN_ATTRIBUTE` / `UNKNOWN_VALUE` like the diagram.
 *
 * @example
 * satExplain(encodeModel(model), { frame: 'wood' }, 'top', 'glass');
 * // { attribute: 'top', value: 'glass', selections: ['frame'],
 * //   constraints: [{ id: 'glass-not-wood', message: 'Glass tops do not go on wood.' }] }
 */
export function satExplain(
  enc: SatEncoding,
  selection: Selection,
  attribute: string,
  value: string,
): Explanation {
  const attr = satAttribute(enc, attribute);
  const index = keyIndex(attr, value);
  const fixedOf = (ids: readonly string[]): Int32Array => {
    const fixed = selectionLevels(enc, Object.fromEntries(ids.map((id) => [id, selection[id]!])));
    if (attr.type === 'multi') fixed[attr.levels[index]!] = 1;
    else fixed[attr.levels[0]!] = index;
    return fixed;
  };
  // For a multi, the rest of its set stays as the attribute's own selection.
  const candidates = Object.keys(selection).filter(
    (id) => (id !== attribute || attr.type === 'multi') && enc.byId.has(id),
  );
  const sat = (ids: readonly string[]) =>
    enc.solver.solve(assumptionsOf(enc, fixedOf(ids))) === 'sat';

  const result: Explanation = { attribute, value, constraints: [], selections: [] };
  if (sat(candidates)) return result;

  let kept = [...candidates];
  for (const id of candidates) {
    const without = kept.filter((k) => k !== id);
    if (!sat(without)) kept = without;
  }
  const guarded = guardedFor(enc);
  const fixed = assumptionsOf(guarded, fixedOf(kept));
  const all = guarded.constraints.map((_, i) => i);
  const core = quickXplain(
    all,
    (subset) =>
      guarded.solver.solve([...fixed, ...subset.map((i) => guarded.activators[i]!)]) === 'sat',
  );
  result.selections = kept;
  result.constraints = core
    .sort((a, b) => a - b)
    .map((i) => ({ id: guarded.constraints[i]!.id, message: guarded.constraints[i]!.message }));
  return result;
}
