import type { Selection } from '../model/types.ts';
import type { CompiledModel } from './compile.ts';
import { selectionMasks } from './selectionMasks.ts';
import { countPaths } from './support.ts';

/**
 * The exact number of complete valid configurations that extend `selection` (all of them when it
 * is empty). An attribute that is irrelevant (or an optional one left empty) counts once, as
 * "none"; text attributes are not counted. Throws a `SolverError` for an unknown attribute or
 * value in the selection.
 *
 * @example
 * count(compiled); // 278744n
 * count(compiled, { frame: 'steel' }); // 1200n
 */
export function count(compiled: CompiledModel, selection: Selection = {}): bigint {
  return countPaths(
    compiled.mdd,
    compiled.nodes,
    compiled.root,
    selectionMasks(compiled, selection),
  );
}
