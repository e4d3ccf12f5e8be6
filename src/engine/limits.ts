import { z } from './zod.ts';

/**
 * The size limits of everything the engine reads from outside (models, pricing, snapshots,
 * orders, quotes, requests). Each is far above any real catalogue or order, and low enough that a
 * hostile document cannot make the engine, the CLI or the server run out of time or memory. The
 * README's API section lists them.
 */
export const LIMITS = {
  /** Characters of an id, a code or a selection value (`lineId`, `productId`, attribute ids…). */
  idLength: 200,
  /** Characters of a free text (notes, descriptions, labels, rules). */
  textLength: 4000,
  /** Values of one multi-choice selection. */
  selectionValues: 1000,
  /** Units on one line. */
  quantity: 1_000_000,
  /** Lines of an order, a quote or a request. */
  lines: 200,
  /** Attributes a model may expand to, repeated modules included (`modules[].count`). */
  expandedAttributes: 20_000,
} as const;

/** An id: 1 to `LIMITS.idLength` characters. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength));

/** A required free text: 1 to `LIMITS.textLength` characters. */
export const boundedText = z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength));

/** Units on a line: a whole number from 1 to `LIMITS.quantity`. */
export const quantitySchema = z.int().check(z.minimum(1), z.maximum(LIMITS.quantity));

/** A key of an id-keyed record: an id that is not `__proto__` (it would replace the prototype). */
const recordKey = idSchema.check(
  z.refine((k) => k !== '__proto__', "'__proto__' is not allowed as an id"),
);

/** A fresh object without a prototype, so that looking up `constructor` or `toString` finds nothing. */
const bare = <V>(entries: Readonly<Record<string, V>>): Record<string, V> =>
  Object.assign(Object.create(null) as Record<string, V>, entries);

/**
 * A record keyed by ids whose parsed value has no prototype: `record['constructor']`,
 * `record['toString']` or `record['hasOwnProperty']` is `undefined` unless the document defines
 * that id, so plain look-ups by an id from a request cannot find `Object.prototype`'s members.
 *
 * @example
 * idRecord(z.number()).parse({ a: 1 })['constructor'] // undefined
 */
export function idRecord<V extends z.ZodMiniType>(value: V) {
  return z.pipe(
    z.record(recordKey, value),
    z.transform((o) => bare(o as Record<string, z.output<V>>)),
  );
}

/** `idRecord`, empty (and prototype-free) when absent. */
export function optionalIdRecord<V extends z.ZodMiniType>(value: V) {
  return z._default(idRecord(value), () => bare<z.output<V>>({}));
}

/** A configured selection: attribute id → a value, a set of values, a number or a boolean. */
export const selectionRecord = idRecord(
  z.union([
    idSchema,
    z.array(idSchema).check(z.maxLength(LIMITS.selectionValues)),
    z.number(),
    z.boolean(),
  ]),
);

/** A selection, empty (and prototype-free) when absent. */
export const optionalSelectionRecord = z._default(selectionRecord, () =>
  bare<z.output<typeof selectionRecord>[string]>({}),
);

/**
 * A check of a list of lines: every `lineId` is unique (a duplicate is reported at
 * `lines[i].lineId`, naming the first). Results, differences and changes are keyed by line id.
 */
export const uniqueLineIds = z.superRefine((lines: readonly { lineId: string }[], ctx) => {
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const first = seen.get(line.lineId);
    if (first === undefined) seen.set(line.lineId, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'lineId'],
        message: `duplicate line id '${line.lineId}' (also lines[${first}])`,
        input: line.lineId,
      });
  });
});
