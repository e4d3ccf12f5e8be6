import type { Selection, SelectionValue } from '../../engine/model/types.ts';
import type { CompiledModel } from '../../engine/solver/compile.ts';
import { count } from '../../engine/solver/count.ts';
import type { Explanation, Repair, SelectionChange } from '../../engine/solver/types.ts';

// Interim explain/repair for the widget, built only on the exact `count` of the engine. The
// solver's own `explain`/`repair` (src/engine/solver) replace these once they land; the
// signatures match so `engineOps.ts` is the only place to change.

function feasible(compiled: CompiledModel, selection: Selection): boolean {
  return count(compiled, selection) > 0n;
}

function sameValue(a: SelectionValue | undefined, b: SelectionValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The value the clicked value stands for: for a multi, the current set plus the item. */
function targetValues(
  compiled: CompiledModel,
  selection: Selection,
  attribute: string,
  value: SelectionValue,
): SelectionValue[] {
  const attr = compiled.byId.get(attribute);
  if (attr?.type !== 'multi') return [value];
  const current = selection[attribute];
  const chosen = Array.isArray(current) ? (current as readonly string[]) : [];
  const item = String(value);
  const ordered = (ids: readonly string[]) => attr.keys.filter((k) => ids.includes(k));
  return [ordered([...chosen, item]), ordered([item])];
}

/**
 * A repair that takes `attribute = value` and keeps as many other choices as possible, the most
 * recent first (`recency`: attribute ids, newest last). Exact: the result always extends to a
 * valid configuration. When the value is in no valid configuration the selection is unchanged.
 */
export function repairValue(
  compiled: CompiledModel,
  selection: Selection,
  attribute: string,
  value: SelectionValue,
  recency: readonly string[],
): Repair {
  const target = targetValues(compiled, selection, attribute, value).find((v) =>
    feasible(compiled, { [attribute]: v }),
  );
  if (target === undefined) return { selection, changes: [] };
  const others = Object.keys(selection).filter((id) => id !== attribute);
  const order = [
    ...[...recency].reverse().filter((id) => others.includes(id)),
    ...others.filter((id) => !recency.includes(id)),
  ];
  const next: Record<string, SelectionValue> = { [attribute]: target };
  for (const id of order) {
    const v = selection[id]!;
    if (!compiled.byId.has(id) || feasible(compiled, { ...next, [id]: v })) next[id] = v;
  }
  const changes: SelectionChange[] = [];
  for (const id of new Set([...Object.keys(selection), ...Object.keys(next)])) {
    if (!sameValue(selection[id], next[id]))
      changes.push({ attribute: id, from: selection[id], to: next[id] });
  }
  const ordered = Object.fromEntries(
    [...Object.keys(selection), attribute]
      .filter((id, i, all) => all.indexOf(id) === i && id in next)
      .map((id) => [id, next[id]!]),
  );
  return { selection: ordered, changes };
}

/**
 * Why `attribute = key` is not available: the selections a repair must change (a minimal set,
 * keeping recent ones) and the constraints that link the attribute with them.
 */
export function explainValue(
  compiled: CompiledModel,
  selection: Selection,
  attribute: string,
  key: string,
): Explanation {
  const attr = compiled.byId.get(attribute);
  const index = attr ? attr.keys.indexOf(key) : -1;
  const value = attr && index >= 0 ? attr.values[index]! : key;
  const repair = repairValue(compiled, selection, attribute, value, Object.keys(selection));
  const inWay = repair.changes.map((c) => c.attribute).filter((id) => id !== attribute);
  const own = compiled.constraints.filter((c) => c.attributes.includes(attribute));
  const linking = own.filter((c) => c.attributes.some((id) => inWay.includes(id)));
  const constraints = (linking.length > 0 ? linking : own).map((c) => ({
    id: c.id,
    message: c.message,
  }));
  return { attribute, value: key, constraints, selections: inWay };
}

/**
 * Keeps as much of a loaded selection (URL, saved, initial) as can still be valid: choices are
 * added newest first (`recency`, newest last; otherwise in selection order) and dropped when they
 * no longer fit. The dropped ones come back as changes to undefined, to be named to the buyer.
 */
export function reconcileSelection(
  compiled: CompiledModel,
  selection: Selection,
  recency: readonly string[] = [],
): Repair {
  const keys = Object.keys(selection);
  const order = [
    ...[...recency].reverse().filter((id) => keys.includes(id)),
    ...keys.filter((id) => !recency.includes(id)),
  ];
  const kept: Record<string, SelectionValue> = {};
  const changes: SelectionChange[] = [];
  for (const id of order) {
    const v = selection[id]!;
    if (!compiled.byId.has(id) || feasible(compiled, { ...kept, [id]: v })) kept[id] = v;
    else changes.push({ attribute: id, from: v, to: undefined });
  }
  const ordered = Object.fromEntries(keys.filter((id) => id in kept).map((id) => [id, kept[id]!]));
  return { selection: ordered, changes };
}
