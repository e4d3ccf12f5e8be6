import {
  attributesOf,
  evaluate,
  type Attribute,
  type Expr,
  type Selection,
  type SelectionValue,
} from '../engine/index.ts';
import { keyToValue, valueKeys } from './valueKeys.ts';

/** Above this many combinations of open attributes, relevance is not decided in advance. */
const MAX_COMBINATIONS = 512;

/** Every value an open attribute can end with (undefined: "none"), or undefined when too many. */
function outcomes(attribute: Attribute): (SelectionValue | undefined)[] | undefined {
  const none = attribute.required === false || attribute.relevance !== undefined ? [undefined] : [];
  if (attribute.type === 'text') return undefined;
  if (attribute.type === 'multi') {
    const ids = attribute.values.map((v) => v.id);
    if (ids.length > 6) return undefined;
    const sets: SelectionValue[] = [];
    for (let mask = 0; mask < 1 << ids.length; mask++)
      sets.push(ids.filter((_, i) => (mask & (1 << i)) !== 0));
    return [...sets, ...none];
  }
  return [...valueKeys(attribute).map((k) => keyToValue(attribute, k)), ...none];
}

/**
 * Whether `relevance` holds now: on the selection as it is, or whatever the attributes it mentions
 * that are still open end up being (so a seat module that exists for every allowed seat count is
 * shown before the count is chosen). Undecidable cases (text, large multis, too many
 * combinations) count as not holding yet.
 *
 * @example
 * relevantNow(parseRule('seat.count >= 1'), {}, byId) // true when seat.count ranges over 2..5
 */
export function relevantNow(
  relevance: Expr,
  selection: Selection,
  byId: ReadonlyMap<string, Attribute>,
): boolean {
  if (evaluate(relevance, selection)) return true;
  const open = attributesOf(relevance).filter((id) => selection[id] === undefined);
  if (open.length === 0) return false;
  const choices: (SelectionValue | undefined)[][] = [];
  let combinations = 1;
  for (const id of open) {
    const attribute = byId.get(id);
    const values = attribute && outcomes(attribute);
    if (!values) return false;
    combinations *= values.length;
    if (combinations > MAX_COMBINATIONS) return false;
    choices.push(values);
  }
  const assign = (i: number, partial: Record<string, SelectionValue>): boolean => {
    if (i === open.length) return evaluate(relevance, partial);
    return choices[i]!.every((v) => {
      const next = { ...partial };
      if (v === undefined) delete next[open[i]!];
      else next[open[i]!] = v;
      return assign(i + 1, next);
    });
  };
  return assign(0, { ...selection });
}
