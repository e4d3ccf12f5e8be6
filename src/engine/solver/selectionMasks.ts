import type { Selection, SelectionValue } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { indexOfLiteral, type SolverAttribute } from './encoding.ts';
import { SolverError } from './SolverError.ts';

/** Per level: the allowed value indices (undefined: unrestricted). Mutable, one per call. */
export type LevelMasks = (Uint8Array | undefined)[];

/** The solver attribute `id`, or a `SolverError` naming the valid ids. */
export function solverAttribute(compiled: CompiledModel, id: string): SolverAttribute {
  const attr = compiled.byId.get(id);
  if (attr) return attr;
  throw new SolverError(
    'UNKNOWN_ATTRIBUTE',
    `unknown attribute '${id}' (attributes: ${compiled.attributes.map((a) => a.id).join(', ')})`,
    id,
  );
}

/** Whether `id` names a text attribute (part of the model, outside the solver). */
function isText(compiled: CompiledModel, id: string): boolean {
  return compiled.model.attributes.some((a) => a.id === id && a.type === 'text');
}

function unknownValue(attr: SolverAttribute, value: unknown): never {
  throw new SolverError(
    'UNKNOWN_VALUE',
    `unknown value ${JSON.stringify(value)} for attribute '${attr.id}' (values: ${attr.keys.join(', ')})`,
    attr.id,
  );
}

/** The value index of a single-valued attribute's selection value. */
export function valueIndex(attr: SolverAttribute, value: SelectionValue): number {
  if (Array.isArray(value) || typeof value === 'object') return unknownValue(attr, value);
  const i = indexOfLiteral(attr, value as string | number | boolean);
  return i < 0 ? unknownValue(attr, value) : i;
}

/** The value index of a value key (`Domains` key: id, `String(n)`, `'true'`). */
export function keyIndex(attr: SolverAttribute, key: string): number {
  const i = attr.keys.indexOf(key);
  return i < 0 ? unknownValue(attr, key) : i;
}

/** The selection value that a value key stands for. */
export function keyToValue(attr: SolverAttribute, key: string): SelectionValue {
  return attr.values[keyIndex(attr, key)]!;
}

/** Restricts `masks` so the levels of `attr` take `value` (a multi: exactly that set). */
export function restrict(masks: LevelMasks, attr: SolverAttribute, value: SelectionValue): void {
  if (attr.type === 'multi') {
    if (!Array.isArray(value)) return unknownValue(attr, value);
    const set = new Set<string>();
    for (const v of value as readonly string[]) {
      if (!attr.keys.includes(v)) unknownValue(attr, v);
      set.add(v);
    }
    attr.keys.forEach((key, item) => {
      const m = new Uint8Array(2);
      m[set.has(key) ? 1 : 0] = 1;
      masks[attr.levels[item]!] = m;
    });
    return;
  }
  const level = attr.levels[0]!;
  const i = valueIndex(attr, value);
  const m = new Uint8Array(attr.values.length + (attr.hasNone ? 1 : 0));
  m[i] = 1;
  masks[level] = m;
}

/**
 * The masks of a selection. Text attributes are skipped; ids in `skip` are left unrestricted.
 * Throws `UNKNOWN_ATTRIBUTE` / `UNKNOWN_VALUE` (use `validate` to get those as data).
 */
export function selectionMasks(
  compiled: CompiledModel,
  selection: Selection,
  skip: ReadonlySet<string> = new Set(),
): LevelMasks {
  const masks: LevelMasks = new Array(compiled.levels.length).fill(undefined);
  for (const [id, value] of Object.entries(selection)) {
    if (skip.has(id) || isText(compiled, id)) continue;
    restrict(masks, solverAttribute(compiled, id), value);
  }
  return masks;
}
