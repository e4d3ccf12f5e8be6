import type { Selection, SelectionValue } from '../model/types.ts';
import { impossible, recencyRanks, repairChoice, repairOutcome } from '../solver/repair.ts';
import { keyIndex, valueIndex } from '../solver/selectionMasks.ts';
import type { Repair } from '../solver/types.ts';
import { cheapestModel, type Soft } from './cheapestModel.ts';
import { modelValues, type SatEncoding } from './encodeModel.ts';
import { negate, type Lit } from './literals.ts';
import { assumptionsOf, satAttribute, selectionLevels } from './satSelection.ts';

/**
 * `repair` answered by the SAT fallback, with the diagram's costs: keep the new choice, change as
 * few other choices as possible (a multi: per item), clearing a choice costs more than giving it
 * another value, and older choices change before newer ones. The diagram's fractional costs,
 * scaled by 2n² to integers (a change 2n² + rank, a clear n more), become soft literals of a
 * weighted MaxSAT (`cheapestModel`), so the cost of the answer is the diagram's. Among repairs
 * of equal cost, changed choices take the first value (in model order) that still fits; the
 * diagram breaks such ties along its own variable order, so on a tie the two may name different
 * (equally near) repairs. Throws `VALUE_IMPOSSIBLE` when no valid configuration has the value.
 *
 * @example
 * satRepair(encodeModel(model), { frame: 'wood', motor: true }, 'top', 'glass');
 * // { selection: { top: 'glass', frame: 'steel', motor: true }, changes: [{ attribute: 'frame', … }] }
 */
export function satRepair(
  enc: SatEncoding,
  selection: Selection,
  attribute: string,
  value: string,
  recency: readonly string[] = Object.keys(selection),
): Repair {
  const attr = satAttribute(enc, attribute);
  const index = keyIndex(attr, value);
  const solve = (assumptions: readonly Lit[]) => enc.solver.solve(assumptions) === 'sat';
  const sat = (s: Selection) => solve(assumptionsOf(enc, selectionLevels(enc, s)));

  const next = repairChoice(attr, selection, attribute, value, sat, () => {
    // the first set (items in order, left out first) that holds the value
    const fixed: Lit[] = [enc.literals[attr.levels[index]!]![1]!];
    if (!solve(fixed)) return undefined;
    for (const level of attr.levels)
      if (level !== attr.levels[index]) {
        const out = enc.literals[level]![0]!;
        fixed.push(solve([...fixed, out]) ? out : negate(out));
      }
    solve(fixed);
    const values = modelValues(enc);
    return attr.keys.filter((_, i) => values[attr.levels[i]!] === 1);
  });
  const hard = assumptionsOf(enc, selectionLevels(enc, next));

  // the diagram's costs × 2n²: a change 2n² + rank, clearing n more
  const { n, rank } = recencyRanks(selection, recency);
  const softs: Soft[] = [];
  /** Per soft, the level it keeps and whether it is the "not cleared" one. */
  const held: ({ level: number; kept: number } | undefined)[] = [];
  for (const a of enc.attributes) {
    const had = a.id === attribute ? undefined : selection[a.id];
    if (had === undefined) continue;
    const weight = 2 * n * n + (rank.get(a.id) ?? 0);
    if (a.type === 'multi') {
      a.levels.forEach((level, item) => {
        const kept = Array.isArray(had) && had.includes(a.keys[item]!) ? 1 : 0;
        softs.push({ lit: enc.literals[level]![kept]!, weight });
        held.push({ level, kept });
      });
      continue;
    }
    const level = a.levels[0]!;
    const kept = valueIndex(a, had);
    const notNone = negate(enc.literals[level]![a.values.length] ?? -2);
    // a two-valued optional level: keeping the value is not clearing it, one soft for both
    softs.push({
      lit: enc.literals[level]![kept]!,
      weight: weight + (a.hasNone && notNone === enc.literals[level]![kept] ? n : 0),
    });
    held.push({ level, kept });
    if (a.hasNone && notNone !== enc.literals[level]![kept]) {
      softs.push({ lit: notNone, weight: n });
      held.push(undefined);
    }
  }
  const given = cheapestModel(enc.solver, hard, softs);
  if (!given) impossible(attribute, value);

  // ties: each changed choice takes its first value that keeps the cost
  const out = new Set(given);
  const fixed = [...hard];
  softs.forEach((s, i) => out.has(i) || fixed.push(s.lit));
  for (const i of given) {
    const h = held[i];
    if (!h) continue; // a "not cleared" soft
    const lits = enc.literals[h.level]!;
    for (let j = 0; j < lits.length; j++)
      if (j !== h.kept && solve([...fixed, lits[j]!])) {
        fixed.push(lits[j]!);
        break;
      }
  }
  solve(fixed);
  const values = modelValues(enc);
  const nearest: Record<string, SelectionValue> = {};
  for (const a of enc.attributes) {
    if (a.type === 'multi') nearest[a.id] = a.keys.filter((_, i) => values[a.levels[i]!] === 1);
    else if (values[a.levels[0]!]! < a.values.length)
      nearest[a.id] = a.values[values[a.levels[0]!]!]!;
  }
  return repairOutcome(selection, attribute, next, nearest, (id) => enc.byId.has(id));
}
