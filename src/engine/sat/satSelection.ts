import type { Selection } from '../model/types.ts';
import type { SolverAttribute } from '../solver/encoding.ts';
import { restrict, type LevelMasks } from '../solver/selectionMasks.ts';
import { SolverError } from '../solver/SolverError.ts';
import type { Lit } from './CdclSolver.ts';
import type { SatEncoding } from './encodeModel.ts';

/** The solver attribute `id` of an encoding, or `UNKNOWN_ATTRIBUTE` naming the valid ids. */
export function satAttribute(enc: SatEncoding, id: string): SolverAttribute {
  const attr = enc.byId.get(id);
  if (attr) return attr;
  throw new SolverError(
    'UNKNOWN_ATTRIBUTE',
    `unknown attribute '${id}' (attributes: ${enc.attributes.map((a) => a.id).join(', ')})`,
    id,
  );
}

/**
 * Per level, the value index a selection fixes, or -1 (text attributes skipped). A multi
 * selection fixes every level of its attribute (an exact set). Throws `UNKNOWN_ATTRIBUTE` /
 * `UNKNOWN_VALUE` like the diagram's `selectionMasks`.
 *
 * @example
 * selectionLevels(enc, { frame: 'steel' }); // Int32Array [1, -1, -1, …]
 */
export function selectionLevels(enc: SatEncoding, selection: Selection): Int32Array {
  const masks: LevelMasks = new Array(enc.levels.length).fill(undefined);
  for (const [id, value] of Object.entries(selection)) {
    if (enc.model.attributes.some((a) => a.id === id && a.type === 'text')) continue;
    restrict(masks, satAttribute(enc, id), value);
  }
  return Int32Array.from(masks, (m) => (m ? m.indexOf(1) : -1));
}

/** The assumption literals of fixed levels, leaving out level `except`. */
export function assumptionsOf(enc: SatEncoding, fixed: Int32Array, except = -1): Lit[] {
  const out: Lit[] = [];
  for (let l = 0; l < fixed.length; l++)
    if (l !== except && fixed[l]! >= 0) out.push(enc.literals[l]![fixed[l]!]!);
  return out;
}
