import { attributesOf } from '../model/rules/ast.ts';
import { evaluate } from '../model/evaluate.ts';
import type { ProductModel, Selection, SelectionValue } from '../model/types.ts';

function cellMatches(cell: unknown, value: SelectionValue | undefined): boolean {
  if (cell === null) return value === undefined;
  if (Array.isArray(value)) return false;
  return cell === value;
}

/**
 * True when no constraint of the model is violated by `selection`, checking only constraints
 * whose attributes are all assigned. This is the fallback of C15 when no solver is given: exact
 * for complete selections, optimistic for partial ones (a value may still lead to a dead end).
 *
 * @example
 * satisfiesAssigned(desk, { frame: 'aluminium', top: 'oak' }) // false (table 'tops')
 */
export function satisfiesAssigned(model: ProductModel, selection: Selection): boolean {
  for (const c of model.constraints) {
    if (c.guard && !evaluate(c.guard, selection)) continue;
    if (c.kind === 'rule') {
      if (attributesOf(c.expr).some((a) => selection[a] === undefined)) continue;
      if (!evaluate(c.expr, selection)) return false;
    } else {
      if (c.attributes.some((a) => selection[a] === undefined)) continue;
      const values = c.attributes.map((a) => selection[a]);
      const hit = c.rows.some((row) => row.every((cell, i) => cellMatches(cell, values[i])));
      if (c.mode === 'allowed' ? !hit : hit) return false;
    }
  }
  return true;
}

/**
 * The alternative values of a choice or boolean attribute (every value but the selected one)
 * under which `satisfiesAssigned` still holds with the attribute changed.
 *
 * @example
 * fallbackAlternatives(box, { color: 'green', hook: false }, 'hook') // [] (green forbids the hook)
 */
export function fallbackAlternatives(
  model: ProductModel,
  selection: Selection,
  attributeId: string,
): SelectionValue[] {
  const attr = model.attributes.find((a) => a.id === attributeId);
  if (!attr) return [];
  const current = selection[attributeId];
  let candidates: SelectionValue[];
  switch (attr.type) {
    case 'choice':
      candidates = attr.values.map((v) => v.id).filter((v) => v !== current);
      break;
    case 'boolean':
      candidates = [current !== true];
      break;
    case 'multi':
    case 'number':
    case 'text':
      candidates = [];
      break;
    default:
      return attr satisfies never;
  }
  return candidates.filter((v) => satisfiesAssigned(model, { ...selection, [attributeId]: v }));
}
