import type { Selection, SelectionValue } from '../model/types.ts';
import { SolverError } from '../solver/SolverError.ts';
import { modelValues, type SatEncoding } from './encodeModel.ts';
import { assumptionsOf, selectionLevels } from './satSelection.ts';

/**
 * `complete` (the `defaults` objective) answered by the SAT fallback, with the diagram's exact
 * reading: defaults in model order while they fit, then attribute by attribute the first value in
 * model order that still has a valid completion ("none" last), a multi taking values in order
 * until `min` and leaving the rest out when it can. The current model answers most questions: a
 * value before the model's own is the only one that needs the solver. Throws `UNSATISFIABLE` when
 * the selection has no valid completion. The `cost` objective needs the diagram.
 *
 * @example
 * satComplete(encodeModel(model), { frame: 'steel' });
 * // { frame: 'steel', top: 'laminate', legs: 'round', accessories: [], width: 1200, motor: false }
 */
export function satComplete(enc: SatEncoding, selection: Selection): Selection {
  const fixed = selectionLevels(enc, selection);
  const solve = (): boolean => enc.solver.solve(assumptionsOf(enc, fixed)) === 'sat';
  if (!solve())
    throw new SolverError(
      'UNSATISFIABLE',
      'the selection has no valid completion: repair it first',
      '$.selection',
    );
  let current = modelValues(enc);
  const out: Record<string, SelectionValue> = { ...selection };

  for (const attr of enc.attributes) {
    const doc = enc.model.attributes[attr.modelIndex]!;
    if (attr.id in out || doc.type === 'text' || doc.default === undefined) continue;
    const saved = Int32Array.from(fixed);
    const wanted = selectionLevels(enc, { [attr.id]: doc.default as SelectionValue });
    for (const l of attr.levels) fixed[l] = wanted[l]!;
    if (solve()) {
      out[attr.id] = doc.default as SelectionValue;
      current = modelValues(enc);
    } else fixed.set(saved);
  }

  /** Fixes `level` to the first of `order` that still has a completion. */
  const pick = (level: number, order: readonly number[]): number => {
    for (const j of order) {
      if (current[level] === j) break;
      fixed[level] = j;
      if (solve()) {
        current = modelValues(enc);
        return j;
      }
    }
    fixed[level] = current[level]!;
    return current[level]!;
  };

  for (const attr of enc.attributes) {
    if (attr.id in out) continue;
    if (attr.type === 'multi') {
      const min = (enc.model.attributes[attr.modelIndex] as { min?: number }).min ?? 0;
      const set: string[] = [];
      attr.levels.forEach((level, item) => {
        if (pick(level, set.length < min ? [1, 0] : [0, 1]) === 1) set.push(attr.keys[item]!);
      });
      out[attr.id] = set;
      continue;
    }
    const level = attr.levels[0]!;
    const j = pick(
      level,
      Array.from({ length: enc.levels[level]!.size }, (_, i) => i),
    );
    if (j < attr.values.length) out[attr.id] = attr.values[j]!;
  }
  return out;
}
