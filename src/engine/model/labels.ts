import type { ProductModel, Selection, SelectionValue } from './types.ts';

/**
 * The label of one value of an attribute, from the model: a choice's or multi's label ("Oak"; a
 * list joined by ", "), a number with its unit ("1600 mm"), a boolean as `yesNo` (default
 * "yes"/"no"), text as it is. An attribute or value the model does not know is shown as it is.
 * The one wording of a chosen option for the widget's panels and the customer's quote document.
 *
 * @example
 * valueLabel(desk, 'width', 1600) // '1600 mm'
 */
export function valueLabel(
  model: ProductModel,
  attributeId: string,
  value: SelectionValue,
  yesNo: { yes: string; no: string } = { yes: 'yes', no: 'no' },
): string {
  const attribute = model.attributes.find((a) => a.id === attributeId);
  if (!attribute) return String(value);
  if (Array.isArray(value))
    return value.map((v) => valueLabel(model, attributeId, v, yesNo)).join(', ');
  switch (attribute.type) {
    case 'choice':
    case 'multi':
      return attribute.values.find((v) => v.id === value)?.label ?? String(value);
    case 'boolean':
      return value === true || value === 'true' ? yesNo.yes : yesNo.no;
    case 'number':
      return attribute.unit ? `${String(value)} ${attribute.unit}` : String(value);
    case 'text':
      return String(value);
    default:
      return attribute satisfies never;
  }
}

/** The label of an attribute id (the id itself when the model does not know it). */
export function attributeLabel(model: ProductModel, attributeId: string): string {
  return model.attributes.find((a) => a.id === attributeId)?.label ?? attributeId;
}

/**
 * A whole configuration in words, in the model's attribute order (unknown ids last, by id):
 * `Attribute: value` pairs joined by "; " (a value label may hold commas), an empty multi as
 * "none". For a manager reading which configurations buyers complete, not for parsing.
 *
 * @example
 * selectionLabel(desk, { frame: 'steel', width: 1600, accessories: [] })
 * // 'Frame: Steel, 3-stage columns; Width: 1600 mm; Accessories: none'
 */
export function selectionLabel(model: ProductModel, selection: Selection): string {
  const order = new Map(model.attributes.map((a, i) => [a.id, i] as const));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(selection)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([id, v]) =>
        `${attributeLabel(model, id)}: ${Array.isArray(v) && v.length === 0 ? 'none' : valueLabel(model, id, v)}`,
    )
    .join('; ');
}
