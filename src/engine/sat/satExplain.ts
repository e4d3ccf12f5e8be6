import type { Selection } from '../model/types.ts';
import { explainWith } from '../solver/explain.ts';
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
  const guarded = guardedFor(enc);
  return explainWith(
    { selection, attribute, value, multi: attr.type === 'multi' },
    {
      known: (id) => enc.byId.has(id),
      satisfiable: (ids) => enc.solver.solve(assumptionsOf(enc, fixedOf(ids))) === 'sat',
      consistent: (kept) => {
        const fixed = assumptionsOf(guarded, fixedOf(kept));
        return (subset) =>
          guarded.solver.solve([...fixed, ...subset.map((i) => guarded.activators[i]!)]) === 'sat';
      },
      constraints: guarded.constraints,
    },
  );
}
