import type { Attribute, ProductModel } from '../model/types.ts';

/** The product models the pricing engine reads: an array, a map or a record keyed by product id. */
export type ModelsInput =
  | readonly ProductModel[]
  | ReadonlyMap<string, ProductModel>
  | Readonly<Record<string, ProductModel>>;

/**
 * The models by product id.
 *
 * @example
 * toModelMap([desk]).get('DESK'); // desk
 */
export function toModelMap(models: ModelsInput | undefined): ReadonlyMap<string, ProductModel> {
  if (!models) return new Map();
  if (models instanceof Map)
    return new Map(
      [...(models as ReadonlyMap<string, ProductModel>).values()].map((m) => [m.id, m]),
    );
  const list = Array.isArray(models)
    ? (models as readonly ProductModel[])
    : Object.values(models as Readonly<Record<string, ProductModel>>);
  return new Map(list.map((m) => [m.id, m]));
}

/**
 * The attribute `id` of one product's model, or of any model when `productId` is absent (the
 * first model that has it). Undefined when no such attribute exists.
 *
 * @example
 * findAttribute(models, 'frame', 'DESK')?.type; // 'choice'
 */
export function findAttribute(
  models: ReadonlyMap<string, ProductModel>,
  id: string,
  productId?: string,
): Attribute | undefined {
  if (productId !== undefined) return models.get(productId)?.attributes.find((a) => a.id === id);
  for (const m of models.values()) {
    const found = m.attributes.find((a) => a.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Why `value` is not a value of `attr` (a message), or undefined when it is: choice and multi
 * values by id, booleans as JSON booleans, numbers within the attribute's range.
 *
 * @example
 * valueProblem(frameAttr, 'wood'); // "'wood' is not a value of 'frame' (values: steel, aluminium)"
 */
export function valueProblem(attr: Attribute, value: unknown): string | undefined {
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  switch (attr.type) {
    case 'choice':
    case 'multi':
      return typeof value === 'string' && attr.values.some((v) => v.id === value)
        ? undefined
        : `${shown} is not a value of '${attr.id}' (values: ${attr.values.map((v) => v.id).join(', ')})`;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `'${attr.id}' is a boolean attribute: use true or false, not ${shown}`;
    case 'number':
      return typeof value === 'number' && value >= attr.min && value <= attr.max
        ? undefined
        : `${shown} is not a number in ${attr.min}..${attr.max} for '${attr.id}'`;
    case 'text':
      return typeof value === 'string' ? undefined : `'${attr.id}' is a text attribute`;
    default:
      return attr satisfies never;
  }
}
