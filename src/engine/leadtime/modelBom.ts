import type { BomLine } from '../model/schema.ts';
import type { ProductModel } from '../model/types.ts';

/** A BOM line of a product model and where it sits (for messages and lint paths). */
export interface ModelBomLine extends BomLine {
  /** A JSON path inside the model document, such as `$.attributes[0].values[1].bom[0]`. */
  where: string;
}

/**
 * Every BOM line a product model can bring in: the model's own `bom`, every value's `bom` of
 * choice and multi attributes, and the `bom` of boolean and number attributes.
 *
 * @example
 * modelBomLines(desk).map((l) => l.item) // ['PACK', 'FRAME-ST', 'FRAME-AL', …]
 */
export function modelBomLines(model: ProductModel): ModelBomLine[] {
  const out: ModelBomLine[] = [];
  model.bom.forEach((l, i) => out.push({ ...l, where: `$.bom[${i}]` }));
  model.document.attributes.forEach((a, ai) => {
    switch (a.type) {
      case 'choice':
      case 'multi':
        a.values.forEach((v, vi) =>
          (v.bom ?? []).forEach((l, li) =>
            out.push({ ...l, where: `$.attributes[${ai}].values[${vi}].bom[${li}]` }),
          ),
        );
        break;
      case 'boolean':
      case 'number':
        (a.bom ?? []).forEach((l, li) =>
          out.push({ item: l.item, qtyPer: l.qtyPer, where: `$.attributes[${ai}].bom[${li}]` }),
        );
        break;
      case 'text':
        break;
      default:
        a satisfies never;
    }
  });
  return out;
}
