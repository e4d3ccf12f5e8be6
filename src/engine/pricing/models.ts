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

export { valueProblem } from '../model/selectionIssues.ts';
