import type { Lit } from './literals.ts';

/**
 * Makes the literals `flips` true in `model` (per variable 1: true, 0: false) when that keeps
 * every clause true: only the clauses holding a literal the flips make false (`occurs`, per
 * literal the clause ids in `clauses`) need a look. Returns whether it did; on false, `model` is
 * left as it was. The check behind `CdclSolver.quickSolve`.
 *
 * @example
 * // clauses: (a ∨ b); model a=1, b=0; flipping a to false would empty the clause
 * flipModel(Uint8Array.of(1, 0), occurs, [Int32Array.of(0, 2)], [1]); // false
 */
export function flipModel(
  model: Uint8Array,
  occurs: readonly (readonly number[])[],
  clauses: readonly Int32Array[],
  flips: readonly Lit[],
): boolean {
  const old = flips.map((f) => model[f >> 1]!);
  for (const f of flips) model[f >> 1] = f & 1 ? 0 : 1;
  const isTrue = (q: Lit) => (model[q >> 1]! ^ (q & 1)) === 1;
  for (let k = 0; k < flips.length; k++) {
    if (old[k] === model[flips[k]! >> 1]) continue;
    for (const id of occurs[flips[k]! ^ 1]!) {
      const c = clauses[id]!;
      let sat = false;
      for (let m = 0; m < c.length && !sat; m++) sat = isTrue(c[m]!);
      if (!sat) {
        flips.forEach((f, at) => (model[f >> 1] = old[at]!));
        return false;
      }
    }
  }
  return true;
}
