import { z } from '../zod.ts';
import { LIMITS } from '../limits.ts';
import {
  hiddenInSchema,
  layersSchema,
  moduleLayoutSchema,
  visualsSchema,
} from '../visuals/schema.ts';
import { model3dSchema } from './model3d.ts';

/**
 * The zod schema of a product model document (model.md). It checks shapes only; references between
 * parts (attribute ids in rules, tables, BOM lines, defaults) are checked by `parseModel`.
 */

/**
 * Names an id may not take: members of `Object.prototype`. A model's ids become keys of
 * selections and look-up tables across the widget, the server and the CLI; an attribute named
 * `constructor` would find `Object` in any plain object that lacks it.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));
const notReserved = z.refine(
  (s: unknown) => typeof s !== 'string' || !RESERVED_IDS.has(s),
  'this id is reserved (a member of every JavaScript object, such as "constructor"); choose another',
);

const id = z
  .string()
  .check(
    z.maxLength(LIMITS.idLength),
    z.regex(
      /^[A-Za-z_][A-Za-z0-9_-]*$/,
      'an id: letters, digits, "_" or "-", starting with a letter',
    ),
    notReserved,
  );

const text = z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength));
const count = z.int().check(z.minimum(0));

/** One line of a bill of materials: `qtyPer` units of `item` per unit of the product. */
export const bomLineSchema = z.strictObject({
  item: text,
  qtyPer: z.number().check(z.positive()),
  /** Scrap allowance as a fraction (0.05 = 5 % extra), see lead-time.md C8. */
  scrap: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

/** A BOM line of a number attribute: with `multiplyByValue`, the quantity scales with the value. */
export const numberBomLineSchema = z.extend(bomLineSchema, {
  multiplyByValue: z.optional(z.boolean()),
});

/** Value ids may start with a digit ("0", "4k") since imported CSP values are integers. */
const valueId = z
  .string()
  .check(
    z.maxLength(LIMITS.idLength),
    z.regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'a value id: letters, digits, "_", "." or "-"'),
    notReserved,
  );

const valueSchema = z.strictObject({
  id: valueId,
  label: text,
  description: z.optional(z.string()),
  image: z.optional(z.string()),
  swatch: z.optional(
    z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$/, 'a CSS hex colour such as "#777"')),
  ),
  bom: z.optional(z.array(bomLineSchema)),
  /** The pictures this value adds to the product's views while it is chosen. */
  layers: layersSchema,
  /** Views this value cannot be seen in (no layer there is intended). */
  hiddenIn: hiddenInSchema,
});

const attributeBase = {
  id,
  label: text,
  group: text,
  description: z.optional(z.string()),
  /** A required attribute must be assigned whenever it is relevant. Default: true. */
  required: z.optional(z.boolean()),
  /** A rule; the attribute is hidden and unassigned unless it holds. */
  relevantWhen: z.optional(text),
};

export const choiceAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('choice'),
  /** Views none of its values can be seen in (no layer there is intended). */
  hiddenIn: hiddenInSchema,
  default: z.optional(z.string()),
  values: z.array(valueSchema).check(z.minLength(1)),
});

export const multiAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('multi'),
  /** Views none of its values can be seen in (no layer there is intended). */
  hiddenIn: hiddenInSchema,
  min: z.optional(count),
  max: z.optional(count),
  default: z.optional(z.array(z.string())),
  values: z.array(valueSchema).check(z.minLength(1)),
});

export const numberAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('number'),
  min: z.number(),
  max: z.number(),
  step: z.number().check(z.positive()),
  unit: z.optional(z.string()),
  default: z.optional(z.number()),
  bom: z.optional(z.array(numberBomLineSchema)),
  /** Pictures shown while the attribute has a value (their measures may follow it). */
  layers: layersSchema,
  /** Views it cannot be seen in (no layer there is intended). */
  hiddenIn: hiddenInSchema,
});

export const textAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('text'),
  minLength: z.optional(count),
  maxLength: z.optional(z.int().check(z.positive())),
  pattern: z.optional(z.string()),
  default: z.optional(z.string()),
});

export const booleanAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('boolean'),
  default: z.optional(z.boolean()),
  /** BOM lines included when the value is true. */
  bom: z.optional(z.array(bomLineSchema)),
  /** Pictures shown when the value is true. */
  layers: layersSchema,
  /** Views it cannot be seen in (no layer there is intended). */
  hiddenIn: hiddenInSchema,
});

export const attributeSchema = z.discriminatedUnion('type', [
  choiceAttributeSchema,
  multiAttributeSchema,
  numberAttributeSchema,
  textAttributeSchema,
  booleanAttributeSchema,
]);

const tableCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const constraintSchema = z
  .strictObject({
    id,
    message: z.optional(z.string()),
    rule: z.optional(text),
    table: z.optional(
      z
        .strictObject({
          attributes: z.array(z.string()).check(z.minLength(1)),
          allowed: z.optional(z.array(z.array(tableCell))),
          forbidden: z.optional(z.array(z.array(tableCell))),
        })
        .check(
          z.refine((t) => (t.allowed === undefined) !== (t.forbidden === undefined), {
            message: 'a table lists either "allowed" or "forbidden" rows',
          }),
        ),
    ),
  })
  .check(
    z.refine((c) => (c.rule === undefined) !== (c.table === undefined), {
      message: 'a constraint has either a "rule" or a "table"',
    }),
  );

export const moduleSchema = z.strictObject({
  id,
  label: text,
  attributes: z.array(z.string()).check(z.minLength(1)),
  /** A repeated module: expanded into `max` instances of which `count` are present. */
  count: z.optional(
    z
      .strictObject({ min: count, max: z.int().check(z.positive()) })
      .check(z.refine((c) => c.min <= c.max, { message: 'count.min must not exceed count.max' })),
  ),
  /** Constraints over the module's own attributes, applied to every instance. */
  constraints: z.optional(z.array(constraintSchema)),
  /** Per view, how far each instance of a repeated module is drawn from the one before. */
  layout: moduleLayoutSchema,
});

export const operationSchema = z.strictObject({
  op: text,
  workCenter: text,
  fixedHours: z.number().check(z.minimum(0)),
  hoursPerUnit: z.number().check(z.minimum(0)),
  after: z._default(z.array(z.string()), []),
  /** A rule; the operation runs only for configurations where it holds. */
  when: z.optional(text),
});

/**
 * How many of one configuration a buyer may order: whole numbers from `min` to `max` on the grid
 * `min + k × step`. Optional (older files stay valid); each key defaults to 1, 9999 and 1.
 */
export const quantitySchema = z
  .strictObject({
    min: z.optional(z.int().check(z.minimum(1))),
    max: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
    step: z.optional(z.int().check(z.minimum(1))),
  })
  .check(
    z.refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
      message: 'quantity.min must not exceed quantity.max',
    }),
  );

export const modelDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  version: text,
  name: text,
  description: z.optional(z.string()),
  image: z.optional(z.string()),
  plantId: text,
  category: text,
  groups: z
    .array(z.strictObject({ id, label: text, description: z.optional(z.string()) }))
    .check(z.minLength(1)),
  modules: z._default(z.array(moduleSchema), []),
  attributes: z.array(attributeSchema).check(z.minLength(1)),
  constraints: z._default(z.array(constraintSchema), []),
  /** BOM lines every configuration includes (base parts, packaging). */
  bom: z._default(z.array(bomLineSchema), []),
  routing: z._default(z.array(operationSchema), []),
  quantity: z.optional(quantitySchema),
  /** The product's pictures: views and always-shown layers (values carry their own layers). */
  visuals: z.optional(visualsSchema),
  /** An optional glTF of the product with its material variants (model3d.ts). */
  model3d: z.optional(model3dSchema),
});

/** A product model document as authored (after defaults are applied). */
export type ModelDocument = z.output<typeof modelDocumentSchema>;
export type AttributeDocument = z.output<typeof attributeSchema>;
export type ConstraintDocument = z.output<typeof constraintSchema>;
export type ModuleDocument = z.output<typeof moduleSchema>;
export type ValueDocument = z.output<typeof valueSchema>;
export type BomLine = z.output<typeof bomLineSchema>;
export type NumberBomLine = z.output<typeof numberBomLineSchema>;
export type Operation = z.output<typeof operationSchema>;
export type TableCell = z.output<typeof tableCell>;
