import type { Selection } from '../model/types.ts';
import type { Domains } from '../solver/types.ts';
import { valueStates } from '../solver/valueStates.ts';
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
  return valueStates(enc.attributes, selection, supported, base);
}
