import type { Selection } from '../model/types.ts';
import type { Domains, ValueState } from '../solver/types.ts';
import type { SatEncoding } from './encodeModel.ts';
import { supportFor } from './SatSupport.ts';
import { selectionLevels } from './satSelection.ts';

/**
 * `domains` answered by the SAT fallback: the same states as the diagram's `domains` (see there
 * for the reading of multi selections), decided by satisfiability checks under assumptions with
 * the models and implications kept between calls (`SatSupport`).
 *
 * @example
 * satDomains(encodeModel(model), { frame: 'steel' });
 * // { frame: { steel: 'selected', aluminium: 'available' }, … }
 */
export function satDomains(enc: SatEncoding, selection: Selection): Domains {
  const fixed = selectionLevels(enc, selection);
  const support = supportFor(enc);
  const base = support.baseSupport();
  const supported = support.under(fixed);
  const out: Domains = {};
  for (const attr of enc.attributes) {
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
