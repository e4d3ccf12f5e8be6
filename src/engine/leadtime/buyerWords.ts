import type { ProductModel, Selection } from '../model/types.ts';

/**
 * The buyer's words of the lead-time engine: what a driver means for the person ordering, with no
 * internal id (no item or part number, purchase order, supplier or work centre). The internal
 * detail stays in each driver's `detail`, for reps and the order payload.
 */

/**
 * The chosen values, in the model's words, that bring an item into the product ("Lifting system:
 * Dual motor"), or `fallback` when no chosen value does (a base-BOM or sub-assembly part: its
 * part number is internal).
 *
 * @example
 * buyerSubject(desk, { drive: 'dual' }, ['drive']); // 'Lifting system: Dual motor'
 */
export function buyerSubject(
  model: ProductModel,
  selection: Selection,
  attributes: readonly string[],
  fallback = 'A component',
): string {
  const names: string[] = [];
  for (const id of attributes) {
    const a = model.attributes.find((x) => x.id === id);
    const chosen = selection[id];
    if (!a || chosen === undefined) continue;
    switch (a.type) {
      case 'choice':
      case 'multi': {
        const ids = Array.isArray(chosen) ? chosen : [chosen];
        const labels = a.values.filter((v) => ids.includes(v.id)).map((v) => v.label);
        if (labels.length > 0) names.push(`${a.label}: ${labels.join(', ')}`);
        break;
      }
      case 'boolean':
      case 'number':
        names.push(a.label);
        break;
      case 'text':
        break;
      default:
        a satisfies never;
    }
  }
  return names.length > 0 ? names.join('; ') : fallback;
}
