import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { restrict, selectionMasks } from './selectionMasks.ts';
import { SolverError } from './SolverError.ts';
import { firstSolution, solutionToSelection } from './solution.ts';
import { liveSupport } from './incrementalSupport.ts';
import { satisfiable } from './support.ts';

/** How `complete` fills the attributes left open after the defaults. */
export type CompletionObjective =
  { kind: 'defaults' } | { kind: 'cost'; cost: (attribute: string, value: string) => number };

/**
 * Finishes a partial selection into a complete valid configuration. First each unassigned
 * attribute with a `default` takes it (in model order) while it still fits. Then:
 * - `defaults` (the default objective): attribute by attribute in model order, the first value
 *   (in model order) that still has a valid completion; an optional attribute takes a value when
 *   one fits, and stays empty only when nothing else fits (e.g. it is irrelevant); a multi takes
 *   values in model order while it has fewer than `min`, and leaves the rest out when it can;
 * - `cost`: the completion with the least total cost (the sum of `cost(attribute, valueKey)`
 *   over chosen values; "none" and values left out of a multi cost 0), by a shortest path on
 *   the diagram.
 * The result keeps every given choice (text values included) and always validates. Throws
 * `UNSATISFIABLE` when the selection has no valid completion (see `repair`).
 *
 * @example
 * complete(compiled, { frame: 'steel' });
 * // { frame: 'steel', top: 'laminate', legs: 'round', accessories: [], width: 1200, motor: false }
 */
export function complete(
  compiled: CompiledModel,
  selection: Selection,
  objective: CompletionObjective = { kind: 'defaults' },
): Selection {
  const masks = selectionMasks(compiled, selection);
  const sat = () => satisfiable(compiled.mdd, compiled.nodes, compiled.root, masks);
  if (!sat())
    throw new SolverError(
      'UNSATISFIABLE',
      'the selection has no valid completion: repair it first',
      '$.selection',
    );
  const out: Record<string, SelectionValue> = { ...selection };

  for (const attr of compiled.attributes) {
    const doc = compiled.model.attributes[attr.modelIndex]!;
    if (attr.id in out || doc.type === 'text' || doc.default === undefined) continue;
    const saved = attr.levels.map((l) => masks[l]);
    restrict(masks, attr, doc.default as SelectionValue);
    if (sat()) out[attr.id] = doc.default as SelectionValue;
    else attr.levels.forEach((l, i) => (masks[l] = saved[i]));
  }

  if (objective.kind === 'cost') {
    const costs = compiled.levels.map((level) => {
      const attr = compiled.attributes[level.attribute]!;
      return (i: number): number => {
        if (level.item >= 0) return i === 1 ? objective.cost(attr.id, attr.keys[level.item]!) : 0;
        return i < attr.keys.length ? objective.cost(attr.id, attr.keys[i]!) : 0;
      };
    });
    const solution = firstSolution(compiled, masks, (l, i) => costs[l]!(i));
    return { ...solutionToSelection(compiled, solution!), ...out };
  }

  for (const attr of compiled.attributes) {
    if (attr.id in out) continue;
    const fix = (level: number, i: number) => {
      const m = new Uint8Array(compiled.levels[level]!.size);
      m[i] = 1;
      masks[level] = m;
    };
    if (attr.type === 'multi') {
      const min = (compiled.model.attributes[attr.modelIndex] as { min?: number }).min ?? 0;
      const set: string[] = [];
      attr.levels.forEach((level, item) => {
        const { supported } = liveSupport(compiled).update(masks);
        const prefer = set.length < min ? [1, 0] : [0, 1];
        const pick = prefer.find((i) => supported[level]![i] === 1) ?? prefer[0]!;
        fix(level, pick);
        if (pick === 1) set.push(attr.keys[item]!);
      });
      out[attr.id] = set;
      continue;
    }
    const level = attr.levels[0]!;
    const { supported } = liveSupport(compiled).update(masks);
    let pick = supported[level]!.indexOf(1);
    if (pick < 0) pick = 0;
    fix(level, pick);
    if (pick < attr.values.length) out[attr.id] = attr.values[pick]!;
  }
  return out;
}
