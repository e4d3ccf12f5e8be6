import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { firstSolution } from './solution.ts';
import { keyIndex, restrict, selectionMasks, solverAttribute } from './selectionMasks.ts';
import { SolverError } from './SolverError.ts';
import { satisfiable } from './support.ts';
import type { Repair, SelectionChange } from './types.ts';

/**
 * The selection after choosing `attribute = value` (a value key as in `Domains`) when it
 * conflicts: the new choice is kept, then earlier choices are re-added greedily from the most
 * recent to the oldest, each dropped when it no longer fits with those kept. `recency` lists
 * attribute ids oldest first (default: the selection's key order; ids missing from it count as
 * oldest). For a multi attribute the new choice is its current set plus `value` (or just
 * `[value]` when unassigned); when no valid configuration has that exact set, the set of the first
 * valid configuration containing `value` is used. The result always extends to a complete valid
 * configuration. Throws `VALUE_IMPOSSIBLE` when no valid configuration has the value at all.
 *
 * @example
 * repair(compiled, { frame: 'wood', motor: true }, 'top', 'glass');
 * // { selection: { top: 'glass', motor: true }, changes: [{ attribute: 'frame', from: 'wood', to: undefined }, …] }
 */
export function repair(
  compiled: CompiledModel,
  selection: Selection,
  attribute: string,
  value: string,
  recency: readonly string[] = Object.keys(selection),
): Repair {
  const attr = solverAttribute(compiled, attribute);
  const index = keyIndex(attr, value);
  const sat = (s: Selection) =>
    satisfiable(compiled.mdd, compiled.nodes, compiled.root, selectionMasks(compiled, s));

  let chosen: SelectionValue = attr.values[index]!;
  if (attr.type === 'multi') {
    const before = selection[attribute];
    const set = Array.isArray(before) ? (before as string[]) : [];
    chosen = set.includes(value) ? set : [...set, value];
    if (!sat({ [attribute]: chosen })) {
      const masks = selectionMasks(compiled, {});
      masks[attr.levels[index]!] = Uint8Array.of(0, 1);
      const solution = firstSolution(compiled, masks);
      if (!solution) impossible(attribute, value);
      chosen = attr.keys.filter((_, i) => solution[attr.levels[i]!] === 1);
    }
  }
  let next: Record<string, SelectionValue> = { [attribute]: chosen };
  if (!sat(next)) impossible(attribute, value);

  const order = [
    ...Object.keys(selection).filter((id) => !recency.includes(id)),
    ...recency.filter((id) => id in selection),
  ];
  for (const id of [...order].reverse()) {
    if (id === attribute || id in next) continue;
    const candidate = { ...next, [id]: selection[id]! };
    const known = compiled.byId.get(id);
    if (!known) {
      // Text attributes are outside the solver: kept as they are.
      next = candidate;
      continue;
    }
    const masks = selectionMasks(compiled, next);
    restrict(masks, known, selection[id]!);
    if (satisfiable(compiled.mdd, compiled.nodes, compiled.root, masks)) next = candidate;
  }

  const changes: SelectionChange[] = [];
  const ids = [...new Set([...Object.keys(selection), ...Object.keys(next)])];
  for (const id of ids) {
    const from = selection[id];
    const to = next[id];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ attribute: id, from, to });
  }
  const ordered: Record<string, SelectionValue> = {};
  for (const id of Object.keys(selection)) if (id in next) ordered[id] = next[id]!;
  for (const id of Object.keys(next)) ordered[id] = next[id]!;
  return { selection: ordered, changes };
}

function impossible(attribute: string, value: string): never {
  throw new SolverError(
    'VALUE_IMPOSSIBLE',
    `no valid configuration has ${attribute} = ${value}: it cannot be repaired to`,
    attribute,
  );
}
