import type { Selection } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { selectionMasks } from './selectionMasks.ts';
import { satisfiable } from './support.ts';

/**
 * Whether `selection` extends to a valid configuration: a depth-first search on the diagram that
 * stops at the first path (far cheaper than `count(…) > 0n` on a large model). Throws a
 * `SolverError` for an unknown attribute or value.
 *
 * @example
 * hasValidCompletion(compiled, { frame: 'wood', top: 'glass' }); // false
 */
export function hasValidCompletion(compiled: CompiledModel, selection: Selection): boolean {
  const masks = selectionMasks(compiled, selection);
  return satisfiable(compiled.mdd, compiled.nodes, compiled.root, masks);
}
