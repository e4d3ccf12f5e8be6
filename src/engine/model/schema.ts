import { z } from 'zod';

/**
 * The zod schema of a product model document (model.md). It checks shapes only; references between
 * parts (attribute ids in rules, tables, BOM lines, defaults) are checked by `parseModel`.
 */

const id = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'an id: letters, digits, "_" or "-", starting with a letter');

/** One line of a bill of materials: `qtyPer` units of `item` per unit of the product. */
export const bomLineSchema = z.strictObject({
  item: z.string().min(1),
  qtyPer: z.number().positive(),
  /** Scrap allowance as a fraction (0.05 = 5 % extra), see lead-time.md C8. */
  scrap: z.number().min(0).max(1).optional(),
});

/** A BOM line of a number attribute: with `multiplyByValue`, the quantity scales with the value. */
export const numberBomLineSchema = bomLineSchema.extend({
  multiplyByValue: z.boolean().optional(),
});

/** Value ids may start with a digit ("0", "4k") since imported CSP values are integers. */
const valueId = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'a value id: letters, digits, "_", "." or "-"');

const valueSchema = z.strictObject({
  id: valueId,
  label: z.string().min(1),
  description: z.string().optional(),
  image: z.string().optional(),
  swatch: z
    .string()
    .regex(/^#[0-9a-fA-F]{3,8}$/, 'a CSS hex colour such as "#777"')
    .optional(),
  bom: z.array(bomLineSchema).optional(),
});

const attributeBase = {
  id,
  label: z.string().min(1),
  group: z.string().min(1),
  description: z.string().optional(),
  /** A required attribute must be assigned whenever it is relevant. Default: true. */
  required: z.boolean().optional(),
  /** A rule; the attribute is hidden and unassigned unless it holds. */
  relevantWhen: z.string().min(1).optional(),
};

export const choiceAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('choice'),
  default: z.string().optional(),
  values: z.array(valueSchema).min(1),
});

export const multiAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('multi'),
  min: z.int().min(0).optional(),
  max: z.int().min(0).optional(),
  default: z.array(z.string()).optional(),
  values: z.array(valueSchema).min(1),
});

export const numberAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('number'),
  min: z.number(),
  max: z.number(),
  step: z.number().positive(),
  unit: z.string().optional(),
  default: z.number().optional(),
  bom: z.array(numberBomLineSchema).optional(),
});

export const textAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('text'),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().positive().optional(),
  pattern: z.string().optional(),
  default: z.string().optional(),
});

export const booleanAttributeSchema = z.strictObject({
  ...attributeBase,
  type: z.literal('boolean'),
  default: z.boolean().optional(),
  /** BOM lines included when the value is true. */
  bom: z.array(bomLineSchema).optional(),
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
    message: z.string().optional(),
    rule: z.string().min(1).optional(),
    table: z
      .strictObject({
        attributes: z.array(z.string()).min(1),
        allowed: z.array(z.array(tableCell)).optional(),
        forbidden: z.array(z.array(tableCell)).optional(),
      })
      .refine((t) => (t.allowed === undefined) !== (t.forbidden === undefined), {
        message: 'a table lists either "allowed" or "forbidden" rows',
      })
      .optional(),
  })
  .refine((c) => (c.rule === undefined) !== (c.table === undefined), {
    message: 'a constraint has either a "rule" or a "table"',
  });

export const moduleSchema = z.strictObject({
  id,
  label: z.string().min(1),
  attributes: z.array(z.string()).min(1),
  /** A repeated module: expanded into `max` instances of which `count` are present. */
  count: z
    .strictObject({ min: z.int().min(0), max: z.int().positive() })
    .refine((c) => c.min <= c.max, { message: 'count.min must not exceed count.max' })
    .optional(),
  /** Constraints over the module's own attributes, applied to every instance. */
  constraints: z.array(constraintSchema).optional(),
});

export const operationSchema = z.strictObject({
  op: z.string().min(1),
  workCenter: z.string().min(1),
  fixedHours: z.number().min(0),
  hoursPerUnit: z.number().min(0),
  after: z.array(z.string()).default([]),
  /** A rule; the operation runs only for configurations where it holds. */
  when: z.string().min(1).optional(),
});

export const modelDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  version: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  image: z.string().optional(),
  plantId: z.string().min(1),
  category: z.string().min(1),
  groups: z
    .array(z.strictObject({ id, label: z.string().min(1), description: z.string().optional() }))
    .min(1),
  modules: z.array(moduleSchema).default([]),
  attributes: z.array(attributeSchema).min(1),
  constraints: z.array(constraintSchema).default([]),
  /** BOM lines every configuration includes (base parts, packaging). */
  bom: z.array(bomLineSchema).default([]),
  routing: z.array(operationSchema).default([]),
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
