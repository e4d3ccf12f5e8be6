import { z } from '../zod.ts';
import { LIMITS } from '../limits.ts';
import { jsonPath } from './jsonPath.ts';
import type { ModelDocument } from './schema.ts';
import type { ModelIssue, Selection } from './types.ts';

/**
 * A product's optional 3D model (model.md, `model3d`): a glTF file (`src`, resolved like the
 * model's `image`), its text alternative, whether phones that can may place it in AR (default
 * true), and which `KHR_materials_variants` variant each choice value shows:
 * `variants[attributeId][valueId] = variantName`.
 *
 * @example
 * { "src": "/catalogue/desk.gltf", "alt": "A height-adjustable desk",
 *   "variants": { "topMaterial": { "oak": "oak", "walnut": "walnut" } } }
 */
export const model3dSchema = z.strictObject({
  src: z.string().check(z.minLength(1), z.maxLength(2048)),
  alt: z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength)),
  ar: z.optional(z.boolean()),
  variants: z._default(
    z.record(
      z.string(),
      z.record(z.string(), z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength))),
    ),
    {},
  ),
});

/** A product's 3D model as authored (after defaults). */
export type Model3d = z.output<typeof model3dSchema>;

/**
 * Checks that `model3d.variants` names choice attributes outside repeated modules
 * and their values; reports each problem at its JSON path.
 */
export function checkModel3d(doc: ModelDocument, issues: ModelIssue[]): void {
  if (!doc.model3d) return;
  for (const [attributeId, values] of Object.entries(doc.model3d.variants)) {
    const at = (...keys: string[]) => jsonPath(['model3d', 'variants', attributeId, ...keys]);
    const attribute = doc.attributes.find((a) => a.id === attributeId);
    const repeated = doc.modules.some((m) => m.count && m.attributes.includes(attributeId));
    if (attribute?.type !== 'choice' || repeated) {
      const choices = doc.attributes.filter((a) => a.type === 'choice').map((a) => a.id);
      issues.push({
        path: at(),
        message: attribute
          ? `model3d variants need a choice attribute outside repeated modules; '${attributeId}' is not one`
          : `model3d variants name unknown attribute '${attributeId}' (choice attributes: ${choices.join(', ')})`,
      });
      continue;
    }
    for (const valueId of Object.keys(values))
      if (!attribute.values.some((v) => v.id === valueId))
        issues.push({
          path: at(valueId),
          message: `model3d variants name unknown value '${valueId}' of '${attributeId}' (values: ${attribute.values.map((v) => v.id).join(', ')})`,
        });
  }
}

/** The material variant a selection shows, and the choice that picked it. */
export interface Model3dVariant {
  variant: string;
  attribute: string;
  value: string;
}

/**
 * The material variant a selection shows: that of the first attribute in `variants` (authored
 * order) whose chosen value names one; `null` (the file's own materials) when none does.
 *
 * @example
 * model3dVariant(desk.model3d, { topMaterial: 'walnut' });
 * // { variant: 'walnut', attribute: 'topMaterial', value: 'walnut' }
 * model3dVariant(desk.model3d, {}); // null
 */
export function model3dVariant(model3d: Model3d, selection: Selection): Model3dVariant | null {
  for (const [attribute, values] of Object.entries(model3d.variants)) {
    const value = selection[attribute];
    if (typeof value !== 'string' || !Object.hasOwn(values, value)) continue;
    const variant = values[value];
    if (variant !== undefined) return { variant, attribute, value };
  }
  return null;
}
