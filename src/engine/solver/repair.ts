import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { firstSolution, solutionToSelection } from './solution.ts';
import { keyIndex, selectionMasks, solverAttribute, valueIndex } from './selectionMasks.ts';
import { SolverError } from './SolverError.ts';
import { satisfiable } from './support.ts';
import type { Repair, SelectionChange } from './types.ts';
import type { SolverAttribute } from './encoding.ts';

/**
 * The nearest valid selection after choosing `attribute = value` (a value key as in `Domains`)
 * when it conflicts: the new choice is kept and as few other choices as possible change (a
 * multi: counted per item); among repairs with as many changes, one that gives a choice another
 * value beats one that clears it ("not chosen" only where no value fits, e.g. an attribute that
 * must stay unassigned), and older choices change before newer ones. Exact: a shortest path on
 * the diagram. `recency` lists attribute ids oldest first (default: the selection's key order;
 * ids missing from it count as oldest). For a multi attribute the new choice is its current set plus `value` (or just
 * `[value]` when unassigned); when no valid configuration has that exact set, the set of the first
 * valid configuration containing `value` is used. The result always extends to a complete valid
 * configuration. Throws `VALUE_IMPOSSIBLE` when no valid configuration has the value at all.
 *
 * @example
 * repair(compiled, { frame: 'wood', motor: true }, 'top', 'glass');
 * // { selection: { top: 'glass', frame: 'steel', motor: true }, changes: [{ attribute: 'frame', from: 'wood', to: 'steel' }] }
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

  const next = repairChoice(attr, selection, attribute, value, sat, () => {
    const masks = selectionMasks(compiled, {});
    masks[attr.levels[index]!] = Uint8Array.of(0, 1);
    const solution = firstSolution(compiled, masks);
    return solution && attr.keys.filter((_, i) => solution[attr.levels[i]!] === 1);
  });

  // Exact: one shortest path on the diagram over the selection's other choices. Changing a
  // choice costs 1 (a multi: per item), so as few values as possible change; among repairs of
  // as many changes, a choice cleared costs more than one changed to another value, and then an
  // older choice is changed before a newer one (every tie-break together stays below 1).
  const { n, rank } = recencyRanks(selection, recency);
  const masks = selectionMasks(compiled, next);
  const cost = (level: number, i: number): number => {
    const attr = compiled.attributes[compiled.levels[level]!.attribute]!;
    const held = attr.id === attribute ? undefined : selection[attr.id];
    if (held === undefined) return 0;
    const change = 1 + (rank.get(attr.id) ?? 0) / (2 * n * n);
    const item = compiled.levels[level]!.item;
    if (item >= 0) {
      const had = Array.isArray(held) && held.includes(attr.keys[item]!);
      return (i === 1) === had ? 0 : change;
    }
    if (i >= attr.values.length) return change + 1 / (2 * n);
    return attr.keys[i] === attr.keys[valueIndex(attr, held)] ? 0 : change;
  };
  const solution = firstSolution(compiled, masks, cost);
  if (!solution) impossible(attribute, value);
  const nearest = solutionToSelection(compiled, solution);
  return repairOutcome(selection, attribute, next, nearest, (id) => compiled.byId.has(id));
}

/**
 * The new choice a repair keeps, shared by the diagram and the SAT fallback: `attribute = value`,
 * or for a multi its current set plus `value` — or, when no valid configuration has that exact
 * set, the set `firstSetWith` finds (the first valid one holding `value`). Throws
 * `VALUE_IMPOSSIBLE` (`impossible`) when no valid configuration has the value at all.
 *
 * @example
 * repairChoice(attr, { top: 'oak' }, 'frame', 'steel', sat, first); // { frame: 'steel' }
 */
export function repairChoice(
  attr: SolverAttribute,
  selection: Selection,
  attribute: string,
  value: string,
  sat: (selection: Selection) => boolean,
  firstSetWith: () => string[] | undefined,
): Record<string, SelectionValue> {
  const index = keyIndex(attr, value);
  let chosen: SelectionValue = attr.values[index]!;
  if (attr.type === 'multi') {
    const before = selection[attribute];
    const set = Array.isArray(before) ? (before as string[]) : [];
    chosen = set.includes(value) ? set : [...set, value];
    if (!sat({ [attribute]: chosen })) chosen = firstSetWith() ?? impossible(attribute, value);
  }
  const next: Record<string, SelectionValue> = { [attribute]: chosen };
  if (!sat(next)) impossible(attribute, value);
  return next;
}

/**
 * The tie-break ranks of a repair: `rank` numbers the selection's ids from 1, oldest first (ids
 * missing from `recency` count as oldest); `n` is one more than their number.
 */
export function recencyRanks(
  selection: Selection,
  recency: readonly string[],
): { n: number; rank: ReadonlyMap<string, number> } {
  const order = [
    ...Object.keys(selection).filter((id) => !recency.includes(id)),
    ...recency.filter((id) => id in selection),
  ];
  return { n: order.length + 1, rank: new Map(order.map((id, i) => [id, i + 1] as const)) };
}

/**
 * A repair's answer from the nearest configuration found (`nearest`, as a selection): `next`
 * (holding the new choice) takes the nearest value of every other selected attribute the solver
 * knows (`known`; text attributes stay as they are), in the selection's key order, with the list
 * of changes.
 */
export function repairOutcome(
  selection: Selection,
  attribute: string,
  next: Record<string, SelectionValue>,
  nearest: Selection,
  known: (id: string) => boolean,
): Repair {
  for (const id of Object.keys(selection)) {
    if (id === attribute) continue;
    // Text attributes are outside the solver: kept as they are.
    if (!known(id)) next[id] = selection[id]!;
    else if (nearest[id] !== undefined) next[id] = nearest[id];
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

/** Throws `VALUE_IMPOSSIBLE`: no valid configuration has `attribute = value`. */
export function impossible(attribute: string, value: string): never {
  throw new SolverError(
    'VALUE_IMPOSSIBLE',
    `no valid configuration has ${attribute} = ${value}: it cannot be repaired to`,
    attribute,
  );
}
