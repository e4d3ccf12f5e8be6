import type { Selection } from '../../../src/engine/model/types.ts';
import type { CompiledModel } from '../../../src/engine/solver/compile.ts';
import { selectionMasks, type LevelMasks } from '../../../src/engine/solver/selectionMasks.ts';
import { solutionToSelection } from '../../../src/engine/solver/solution.ts';
import { support } from '../../../src/engine/solver/support.ts';

/**
 * Every valid configuration extending `selection`, enumerated level by level with the solver's
 * `support` pass (so no dead branch is walked): each as one value index per level and as a
 * selection. Throws
 * past `limit` configurations: the brute-force oracle of the optimisation tests.
 */
export function allCompletions(
  compiled: CompiledModel,
  selection: Selection,
  limit = 5000,
): { solution: number[]; selection: Selection }[] {
  const out: { solution: number[]; selection: Selection }[] = [];
  const levels = compiled.levels.length;
  const solution = new Array<number>(levels).fill(0);
  const visit = (masks: LevelMasks, level: number): void => {
    if (level === levels) {
      out.push({ solution: solution.slice(), selection: solutionToSelection(compiled, solution) });
      if (out.length > limit) throw new Error(`more than ${limit} configurations`);
      return;
    }
    const s = support(compiled.mdd, compiled.nodes, compiled.root, masks);
    if (!s.sat) return;
    const m = masks[level];
    for (let i = 0; i < compiled.levels[level]!.size; i++) {
      if (s.supported[level]![i] !== 1 || (m !== undefined && m[i] !== 1)) continue;
      const next = masks.slice();
      const only = new Uint8Array(compiled.levels[level]!.size);
      only[i] = 1;
      next[level] = only;
      solution[level] = i;
      visit(next, level + 1);
    }
  };
  visit(selectionMasks(compiled, selection), 0);
  return out;
}
