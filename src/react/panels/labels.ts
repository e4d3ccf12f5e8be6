import {
  attributeLabel,
  valueLabel,
  type ProductModel,
  type Selection,
  type SelectionValue,
} from '../../engine/index.ts';

/**
 * Names for what the engines report by id: attribute=value references of the price waterfall,
 * BOM items behind a delivery driver, the attributes of a suggested change. Labels come from the
 * model; an id the model does not know is shown as it is.
 */

// One wording of a chosen option for the panels and the customer's quote document (the engine's).
export { attributeLabel, valueLabel } from '../../engine/index.ts';

/**
 * A waterfall reference in words: `frame=steel` → "Frame: Steel", `width` → "Width: 1600 mm"
 * (the selected value), `cableTray=true` → "Cable tray".
 */
export function refLabel(model: ProductModel, ref: string, selection: Selection): string {
  const eq = ref.indexOf('=');
  const id = eq < 0 ? ref : ref.slice(0, eq);
  const attribute = model.attributes.find((a) => a.id === id);
  if (!attribute) return ref;
  if (attribute.type === 'boolean') return attribute.label;
  const raw = eq < 0 ? selection[id] : ref.slice(eq + 1);
  return raw === undefined ? attribute.label : `${attribute.label}: ${valueLabel(model, id, raw)}`;
}

/** A selection change in words: "Lifting system: Single motor, Top material: Laminate". */
export function changeLabel(
  model: ProductModel,
  change: Readonly<Record<string, SelectionValue>>,
  yesNo?: { yes: string; no: string },
): string {
  return Object.entries(change)
    .map(([id, v]) => `${attributeLabel(model, id)}: ${valueLabel(model, id, v, yesNo)}`)
    .join(', ');
}

/**
 * The chosen value that brings a BOM item into the product ("Top material: Oak"), or the item id
 * when no chosen value lists it (a base-BOM or sub-assembly item).
 */
export function itemLabel(model: ProductModel, selection: Selection, item: string): string {
  for (const a of model.attributes) {
    const chosen = selection[a.id];
    if (chosen === undefined) continue;
    switch (a.type) {
      case 'choice':
      case 'multi': {
        const ids = Array.isArray(chosen) ? chosen : [chosen];
        const v = a.values.find((x) => ids.includes(x.id) && x.bom?.some((l) => l.item === item));
        if (v) return `${a.label}: ${v.label}`;
        break;
      }
      case 'boolean':
      case 'number':
        if (chosen !== false && a.bom?.some((l) => l.item === item)) return a.label;
        break;
      case 'text':
        break;
      default:
        a satisfies never;
    }
  }
  return item;
}
