import type { Selection } from '../model/types.ts';
import type { SolverAttribute } from './encoding.ts';
import type { Domains, ValueState } from './types.ts';

/**
 * The `Domains` of a selection from per-level support, whichever back end found it (the diagram's
 * `domains`, the SAT fallback's `satDomains`): a value in the selection is `selected`; else
 * `available` when `supported[level][index]` is 1, `conflict` when `base[level][index]` is 1 (some
 * valid configuration takes it), `impossible` otherwise. A multi's value `i` reads its own
 * two-valued level at index 1 ("in the set").
 *
 * @example
 * valueStates(compiled.attributes, { frame: 'steel' }, supported, compiled.baseSupport);
 * // { frame: { steel: 'selected', aluminium: 'available' }, … }
 */
export function valueStates(
  attributes: readonly SolverAttribute[],
  selection: Selection,
  supported: readonly Uint8Array[],
  base: readonly Uint8Array[],
): Domains {
  const out: Domains = {};
  for (const attr of attributes) {
    const states: Record<string, ValueState> = {};
    const chosen = selection[attr.id];
    const picked: readonly unknown[] =
      chosen === undefined ? [] : Array.isArray(chosen) ? chosen : [chosen];
    const multi = attr.type === 'multi';
    for (let i = 0; i < attr.keys.length; i++) {
      const key = attr.keys[i]!;
      const level = multi ? attr.levels[i]! : attr.levels[0]!;
      const index = multi ? 1 : i;
      if (picked.length > 0 && picked.some((p) => String(p) === key)) states[key] = 'selected';
      else if (supported[level]![index] === 1) states[key] = 'available';
      else states[key] = base[level]![index] === 1 ? 'conflict' : 'impossible';
    }
    out[attr.id] = states;
  }
  return out;
}
