import { z } from '../zod.ts';
import { LIMITS } from '../limits.ts';

/**
 * The zod schemas of a model's visuals (model.md, extended): views on the product, layers on
 * values, boolean and number attributes, and the per-instance step of a repeated module. Shapes
 * only; references (views, attributes, rules) are checked by `parseVisuals`.
 */

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength));
const text = z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength));

/** The picture formats a layer may use (browsers draw all four in an `<img>`). */
export const IMAGE_PATTERN = /\.(svg|png|webp|avif)(?:[?#].*)?$/i;

/** One picture of a product seen from one side: its stage is `width` × `height` units. */
export const viewSchema = z.strictObject({
  id,
  label: text,
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
});

/**
 * A length or coordinate in stage units: a number, or `offset + scale × value` of a number
 * attribute (a desk's top grows with its width, a sofa is centred by its seat count).
 */
export const measureSchema = z.union([
  z.number(),
  z.strictObject({
    attribute: id,
    scale: z.optional(z.number()),
    offset: z.optional(z.number()),
  }),
]);

/** Which point of the picture sits at (`x`, `y`). */
export const ANCHORS = [
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;

/**
 * One picture a value contributes to one view: drawn `width` × `height` stage units with its
 * `anchor` at (`x`, `y`), stacked by `z` (higher on top), coloured by the swatch of the value
 * chosen for `tint` (a choice attribute), and shown only where the rule `when` holds.
 */
export const layerSchema = z.strictObject({
  view: id,
  image: z
    .string()
    .check(
      z.maxLength(LIMITS.textLength),
      z.regex(IMAGE_PATTERN, 'an image file: .svg, .png, .webp or .avif'),
    ),
  z: z.int(),
  x: measureSchema,
  y: measureSchema,
  width: measureSchema,
  height: measureSchema,
  anchor: z.optional(z.enum(ANCHORS)),
  tint: z.optional(id),
  when: z.optional(text),
});

/** A list of layers, where a value or an attribute may carry them. */
export const layersSchema = z.optional(z.array(layerSchema));

/**
 * The views in which a value or an attribute cannot be seen (`"hiddenIn": ["top"]`: drawers
 * under a desk's top, legs under a sofa's seats). It tells `madeto lint` that no layer there is
 * intended, not forgotten; a layer in a view it is hidden in is a model error.
 */
export const hiddenInSchema = z.optional(z.array(id));

/** The product's views and the layers every configuration shows (a floor shadow, a backdrop). */
export const visualsSchema = z.strictObject({
  views: z.array(viewSchema).check(z.minLength(1)),
  layers: layersSchema,
});

/** How far instance i + 1 of a repeated module is drawn from instance i, in one view. */
export const moduleLayoutSchema = z.optional(
  z.array(
    z.strictObject({
      view: id,
      dx: z.optional(z.number()),
      dy: z.optional(z.number()),
    }),
  ),
);

export type ViewDocument = z.output<typeof viewSchema>;
export type LayerDocument = z.output<typeof layerSchema>;
export type MeasureDocument = z.output<typeof measureSchema>;
export type Anchor = (typeof ANCHORS)[number];
