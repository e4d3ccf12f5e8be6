import type { ProductModel, SelectionValue } from './types.ts';

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
