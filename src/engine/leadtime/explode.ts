import { evaluate } from '../model/evaluate.ts';
import type { ProductModel, Selection } from '../model/types.ts';

/** The gross requirement of one item for one line, before rounding, and where it came from. */
export interface Requirement {
  qty: number;
  /** Attribute ids whose selected values brought the item in; `''` for the model's own BOM. */
  attributes: string[];
}

function add(
  out: Map<string, Requirement>,
  item: string,
  qty: number,
  attribute: string,
  scrap: number | undefined,
): void {
  const q = qty * (1 + (scrap ?? 0));
  const r = out.get(item);
  if (!r) out.set(item, { qty: q, attributes: [attribute] });
  else {
    r.qty += q;
    if (!r.attributes.includes(attribute)) r.attributes.push(attribute);
  }
}

/**
 * Explodes the first BOM level of a configured product (C8): the model's own `bom`, the `bom` of
 * every selected choice or multi value, a boolean attribute's `bom` when it is true, and a number
 * attribute's `bom` (scaled by the value with `multiplyByValue`). Each line contributes
 * `qtyPer × quantity × (1 + scrap)`; lines of the same item are summed. Attributes that are not
 * relevant (their `relevantWhen` is false) contribute nothing. Rounding is left to the caller.
 *
 * @example
 * explode(desk, { frame: 'steel', accessories: ['hook', 'tray'] }, 2)
 * // Map { 'FRAME-ST' => { qty: 2, attributes: ['frame'] }, 'BRACKET' => { qty: 8, … } }
 */
export function explode(
  model: ProductModel,
  selection: Selection,
  quantity: number,
): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  for (const line of model.bom) add(out, line.item, line.qtyPer * quantity, '', line.scrap);
  for (const attr of model.attributes) {
    const value = selection[attr.id];
    if (value === undefined) continue;
    if (attr.relevance && !evaluate(attr.relevance, selection)) continue;
    switch (attr.type) {
      case 'choice':
      case 'multi': {
        const ids = Array.isArray(value) ? value : [value];
        for (const v of attr.values) {
          if (!ids.includes(v.id)) continue;
          for (const line of v.bom ?? [])
            add(out, line.item, line.qtyPer * quantity, attr.id, line.scrap);
        }
        break;
      }
      case 'boolean':
        if (value === true)
          for (const line of attr.bom ?? [])
            add(out, line.item, line.qtyPer * quantity, attr.id, line.scrap);
        break;
      case 'number':
        if (typeof value !== 'number') break;
        for (const line of attr.bom ?? []) {
          const per = line.multiplyByValue ? line.qtyPer * value : line.qtyPer;
          add(out, line.item, per * quantity, attr.id, line.scrap);
        }
        break;
      case 'text':
        break;
      default:
        attr satisfies never;
    }
  }
  return out;
}

/**
 * The need of an item from its summed gross requirement: rounded up to whole units for discrete
 * items (after summing, C8), with float noise removed.
 *
 * @example
 * roundNeed(3.3000000000000003, true) // 4
 */
export function roundNeed(qty: number, discrete: boolean): number {
  const clean = Math.round(qty * 1e9) / 1e9;
  return discrete ? Math.ceil(clean) : clean;
}
