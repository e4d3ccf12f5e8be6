import type { CdclSolver } from './CdclSolver.ts';
import type { Lit } from './literals.ts';

/** A soft literal: wanted true, costing `weight` when false. */
export interface Soft {
  lit: Lit;
  weight: number;
}

/**
 * A model of the solver's clauses that makes every `hard` literal true and leaves false soft
 * literals of least total weight (weighted MaxSAT by implicit hitting sets, as in MaxHS): collect
 * cores (sets of soft literals that cannot all hold, from the solver's failed assumptions), take a
 * cheapest set of softs hitting every core (exact branch and bound), and solve with all the other
 * softs assumed; a model there is optimal, a failure gives one more core. Returns the indices of
 * the softs given up (the solver holds the model), or `undefined` when the hard literals alone are
 * unsatisfiable. Weights are integers, so equal costs are equal.
 *
 * @example
 * cheapestModel(solver, [lit(0)], [{ lit: lit(1), weight: 3 }, { lit: lit(2), weight: 1 }]);
 * // [1] when 1 and 2 cannot both hold with 0
 */
export function cheapestModel(
  solver: CdclSolver,
  hard: readonly Lit[],
  softs: readonly Soft[],
): number[] | undefined {
  // softs may share a literal (then they stand or fall together)
  const position = new Map<Lit, number[]>();
  softs.forEach((s, i) => position.set(s.lit, [...(position.get(s.lit) ?? []), i]));
  const cores: number[][] = [];
  for (;;) {
    const given = hittingSet(cores, softs);
    const out = new Set(given);
    const assumptions = [...hard];
    softs.forEach((s, i) => out.has(i) || assumptions.push(s.lit));
    if (solver.solve(assumptions) === 'sat') return given.sort((a, b) => a - b);
    const core = [...new Set(solver.failed.flatMap((l) => position.get(l) ?? []))].filter(
      (i) => !out.has(i),
    );
    if (core.length === 0) return undefined;
    cores.push(core);
  }
}

/** A cheapest set of soft indices meeting every core (branch and bound on the smallest core). */
function hittingSet(cores: readonly number[][], softs: readonly Soft[]): number[] {
  let best: number[] = [];
  let bestCost = Infinity;
  const chosen = new Set<number>();
  // softs already tried in a branch above: the sibling branches leave them out
  const excluded = new Set<number>();
  const visit = (cost: number): void => {
    if (cost >= bestCost) return;
    let open: number[] | undefined;
    for (const core of cores) {
      if (core.some((i) => chosen.has(i))) continue;
      const left = core.filter((i) => !excluded.has(i));
      if (left.length === 0) return;
      if (!open || left.length < open.length) open = left;
    }
    if (!open) {
      best = [...chosen];
      bestCost = cost;
      return;
    }
    const tried: number[] = [];
    for (const i of open.sort((a, b) => softs[a]!.weight - softs[b]!.weight)) {
      chosen.add(i);
      visit(cost + softs[i]!.weight);
      chosen.delete(i);
      excluded.add(i);
      tried.push(i);
    }
    for (const i of tried) excluded.delete(i);
  };
  visit(0);
  return best;
}
