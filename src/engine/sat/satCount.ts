import type { Selection } from '../model/types.ts';
import { SolverError } from '../solver/SolverError.ts';
import type { SatEncoding } from './encodeModel.ts';
import type { Lit } from './literals.ts';
import { assumptionsOf, selectionLevels } from './satSelection.ts';

/** Solver calls `satCount` may spend before it answers `COUNT_UNAVAILABLE`. */
export const SAT_COUNT_BUDGET = 2_000;

/**
 * `count` answered by the SAT fallback where that is feasible: the exact number of complete valid
 * configurations extending `selection` ("none" counts once, as in the diagram), by enumeration —
 * levels in order, each value whose literal propagation leaves open tested by one solver call,
 * only branches with a valid completion followed. The work grows with the count itself, so past
 * `budget` solver calls it throws `COUNT_UNAVAILABLE` (exact model counting of a model too large
 * for the diagram is out of reach here); it never answers an estimate.
 *
 * @example
 * satCount(encodeModel(model), { frame: 'steel' }); // 1200n
 */
export function satCount(
  enc: SatEncoding,
  selection: Selection = {},
  budget = SAT_COUNT_BUDGET,
): bigint {
  const fixed = selectionLevels(enc, selection);
  let calls = 0;
  const unavailable = (): never => {
    throw new SolverError(
      'COUNT_UNAVAILABLE',
      `count is not available on the SAT fallback for this model and selection: more than ${budget} solver calls to enumerate (the model is too big for the decision diagram, which counts exactly)`,
      '$.selection',
      { budget },
    );
  };
  const sat = (assumptions: readonly Lit[]): boolean => {
    if (++calls > budget) unavailable();
    return enc.solver.solve(assumptions) === 'sat';
  };
  const walk = (assumptions: Lit[], level: number): bigint => {
    while (level < fixed.length && fixed[level]! >= 0) level++;
    if (level === fixed.length) return 1n;
    const implied = enc.solver.implied(assumptions);
    if (!implied) return 0n;
    let total = 0n;
    for (const x of enc.literals[level]!) {
      if (implied.has(x ^ 1)) continue;
      const next = [...assumptions, x];
      if (sat(next)) total += walk(next, level + 1);
    }
    return total;
  };
  const start = assumptionsOf(enc, fixed);
  return sat(start) ? walk(start, 0) : 0n;
}
