import type { Selection } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { selectionMasks } from './selectionMasks.ts';
import { liveSupport } from './incrementalSupport.ts';
import type { Domains } from './types.ts';
import { valueStates } from './valueStates.ts';

/**
 * The state of every value of every solver attribute under `selection` (model.md, "What valid
 * means"), exactly:
 * - choice / number / boolean: `v` is `available` when some complete valid configuration has
 *   `a = v` and agrees with every *other* selection (the attribute's own selection is replaced);
 * - multi: an assigned multi is an exact set T. A value outside T is `available` when T ∪ {v}
 *   (with every other selection) extends to a valid configuration; for an unassigned multi, when
 *   some valid configuration extending the selection contains v. Values in T are `selected`.
 * Values that are not available are `conflict` when some valid configuration has them, else
 * `impossible`. Hadzic et al.'s valid domains, kept between calls per compiled model
 * (`IncrementalSupport`): a call costs what changed since the previous selection, so a click
 * touches only the nodes it affects instead of every edge of the diagram.
 * Throws a `SolverError` for an unknown attribute or value in the selection.
 *
 * @example
 * domains(compiled, { frame: 'steel' });
 * // { frame: { steel: 'selected', aluminium: 'available' }, top: { oak: 'available', … }, … }
 */
export function domains(compiled: CompiledModel, selection: Selection): Domains {
  const masks = selectionMasks(compiled, selection);
  const { supported } = liveSupport(compiled).update(masks);
  return valueStates(compiled.attributes, selection, supported, compiled.baseSupport);
}
