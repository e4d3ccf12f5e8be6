import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { FALSE, TRUE } from './mdd.ts';
import type { LevelMasks } from './selectionMasks.ts';

/**
 * The cheapest complete configuration within `masks`, as one value index per level, or
 * undefined when there is none. `cost(level, index)` is the cost of a value (default 0, so the
 * result is the first solution in value order). A shortest path on the diagram: one bottom-up
 * pass of minimal costs, then a walk down choosing a cheapest child; levels the diagram skips
 * take their cheapest allowed value. Ties go to the lower value index.
 *
 * @example
 * firstSolution(compiled, masks); // [0, 2, 1, …] or undefined
 */
export function firstSolution(
  compiled: CompiledModel,
  masks: LevelMasks,
  cost: (level: number, index: number) => number = () => 0,
): number[] | undefined {
  const { mdd, nodes, root } = compiled;
  const { level, start, kids, sizes } = mdd;
  const levels = sizes.length;
  const allowed = (l: number, i: number) => masks[l] === undefined || masks[l][i] === 1;
  // The cheapest allowed value of each level and its cost, for skipped levels.
  const cheapest = sizes.map((size, l) => {
    let best = -1;
    for (let i = 0; i < size; i++)
      if (allowed(l, i) && (best < 0 || cost(l, i) < cost(l, best))) best = i;
    return best;
  });
  const skipCost = new Array<number>(levels + 1).fill(0);
  for (let l = levels - 1; l >= 0; l--)
    skipCost[l] = skipCost[l + 1]! + (cheapest[l]! < 0 ? Infinity : cost(l, cheapest[l]!));
  const between = (a: number, b: number) => skipCost[a]! - skipCost[b]!;

  const best = new Map<number, number>([
    [FALSE, Infinity],
    [TRUE, 0],
  ]);
  const choice = new Map<number, number>();
  for (const u of nodes) {
    const l = level[u]!;
    let value = Infinity;
    let pick = -1;
    for (let i = 0; i < sizes[l]!; i++) {
      if (!allowed(l, i)) continue;
      const k = kids[start[u]! + i]!;
      const c = cost(l, i) + between(l + 1, level[k]!) + best.get(k)!;
      if (c < value) {
        value = c;
        pick = i;
      }
    }
    best.set(u, value);
    choice.set(u, pick);
  }
  if (best.get(root)! + between(0, level[root]!) === Infinity) return undefined;

  const out = new Array<number>(levels).fill(-1);
  let u = root;
  let l = 0;
  while (l < levels) {
    if (l < level[u]!) {
      out[l] = cheapest[l]!;
      l++;
      continue;
    }
    const i = choice.get(u)!;
    out[l] = i;
    u = kids[start[u]! + i]!;
    l++;
  }
  return out;
}

/** The selection a solution (one value index per level) stands for; "none" is left out. */
export function solutionToSelection(compiled: CompiledModel, solution: number[]): Selection {
  const out: Record<string, SelectionValue> = {};
  for (const attr of compiled.attributes) {
    if (attr.type === 'multi') {
      out[attr.id] = attr.keys.filter((_, i) => solution[attr.levels[i]!] === 1);
      continue;
    }
    const i = solution[attr.levels[0]!]!;
    if (i < attr.values.length) out[attr.id] = attr.values[i]!;
  }
  return out;
}
