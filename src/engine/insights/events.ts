import { LIMITS } from '../limits.ts';
import { instantSchema } from '../leadtime/schema.ts';
import { z } from '../zod.ts';

/**
 * The configuration events the widget reports (issue 20), and the batch `POST /api/events` takes.
 * No personal data: a session is an opaque random id made per configuration, never a person,
 * an address or a cookie; text attributes (a name engraved on a frame) are never reported — a
 * `chosen` event carries value ids, numbers or booleans only, and `completed`/`quoteRequested`/
 * `ordered` carry the selection without text attributes (the server drops any it does not know
 * as a choice, multi, number or boolean attribute).
 */

/** Where a configuration happened: the shop's widget or a rep's editor. */
export const channelSchema = z.enum(['shop', 'rep']);
export type Channel = z.output<typeof channelSchema>;

/**
 * A model id as a model allows it (attribute, value, constraint, step, product): letters, digits,
 * `_`, `.` or `-`, and a repeated module's instance index (`seat[2].firmness`, a constraint's
 * `fits[2]`, see `instanceId`), so no free text (a name, an e-mail address) fits.
 */
export const modelIdSchema = z.string().check(
  z.maxLength(LIMITS.idLength),
  z.regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\[\d{1,4}\](\.[A-Za-z0-9_][A-Za-z0-9_.-]*)?)*$/,
    'a model id: letters, digits, "_", "." or "-" (a module instance as module[n].attribute)',
  ),
  z.refine((s) => s !== '__proto__', "'__proto__' is not allowed as an id"),
);

/** A selected value as reported (no free text). */
export const eventValueSchema = z.union([
  modelIdSchema,
  z.array(modelIdSchema).check(z.maxLength(LIMITS.selectionValues)),
  z.number(),
  z.boolean(),
]);
export type EventValue = z.output<typeof eventValueSchema>;

const selectionSchema = z.record(modelIdSchema, eventValueSchema).check(
  z.refine((s) => Object.keys(s).length <= 500, 'a selection of at most 500 attributes'),
  z.refine((s) => !Object.hasOwn(s, '__proto__'), "'__proto__' is not allowed as an id"),
);

/** An opaque id: 8–64 letters, digits, `_` or `-` (made at random by the widget). */
export const opaqueIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'an opaque id of 8 to 64 letters, digits, "_" or "-"'));

const base = {
  /** When it happened (ISO-8601 with offset). */
  at: instantSchema,
  /** The configuration session: a random id, one per product opened. */
  session: opaqueIdSchema,
  productId: modelIdSchema,
  channel: channelSchema,
};

/** How a buyer left a conflict: the suggested repair, going back (undo), or not at all. */
export const resolutionSchema = z.enum(['repaired', 'reverted', 'unresolved']);
export type Resolution = z.output<typeof resolutionSchema>;

/** Whole calendar days from the event to the promised delivery date (0–3650). */
const promisedDays = z.optional(z.int().check(z.minimum(0), z.maximum(3650)));

/** One configuration event. `type` says which; each stage event is sent once per session. */
export const insightEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('opened'), ...base }),
  z.strictObject({
    type: z.literal('chosen'),
    ...base,
    attributeId: modelIdSchema,
    value: eventValueSchema,
  }),
  z.strictObject({
    type: z.literal('conflict'),
    ...base,
    attributeId: modelIdSchema,
    /** The constraints the choice broke (model constraint ids, never shown to a buyer here). */
    constraintIds: z.array(modelIdSchema).check(z.minLength(1), z.maxLength(50)),
    resolution: resolutionSchema,
  }),
  z.strictObject({
    type: z.literal('completed'),
    ...base,
    selection: selectionSchema,
    promisedDays,
  }),
  z.strictObject({
    type: z.literal('quoteRequested'),
    ...base,
    selection: selectionSchema,
    promisedDays,
  }),
  z.strictObject({
    type: z.literal('ordered'),
    ...base,
    selection: selectionSchema,
    promisedDays,
  }),
  z.strictObject({
    type: z.literal('abandoned'),
    ...base,
    /** The step (its id) the buyer was on when they left. */
    step: modelIdSchema,
  }),
]);
export type InsightEvent = z.output<typeof insightEventSchema>;
export type InsightEventType = InsightEvent['type'];

/** The most events one batch may carry. */
export const MAX_EVENTS_PER_BATCH = 200;

/**
 * A batch of events, as `POST /api/events` takes it: `batchId` makes a retry idempotent (a batch
 * already stored is acknowledged and not stored again).
 *
 * @example
 * eventBatchSchema.parse({ batchId: 'b-1a2b3c4d', events: [{ type: 'opened', at: '2026-12-07T09:00:00Z', session: 's-12345678', productId: 'DESK', channel: 'shop' }] });
 */
export const eventBatchSchema = z.strictObject({
  batchId: opaqueIdSchema,
  events: z.array(insightEventSchema).check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH)),
});
export type EventBatch = z.output<typeof eventBatchSchema>;

/** The answer to a stored (or replayed) batch. */
export const eventBatchAnswerWire = z.object({
  batchId: z.string(),
  accepted: z.int(),
  replayed: z.boolean(),
});
export type EventBatchAnswerWire = z.output<typeof eventBatchAnswerWire>;
