import { bomLineSchema, operationSchema } from '../model/schema.ts';
import { z } from '../zod.ts';
import {
  idRecord,
  idSchema,
  LIMITS,
  optionalIdRecord,
  quantitySchema,
  selectionRecord,
  uniqueLineIds,
} from '../limits.ts';
import { isInstant } from './time.ts';

/**
 * The zod schemas of the availability snapshot and the promise request (lead-time.md, "Shapes").
 * They check shapes and ranges; references between parts (calendars, items, cycles, time zones,
 * overlapping shifts) are checked by `parseSnapshot`.
 */

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date YYYY-MM-DD'));

/** A wall-clock time `HH:MM` (24:00 allowed as the end of a day). */
export const timeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:MM (00:00–24:00)'));

/** A plant-local date-time `YYYY-MM-DDTHH:MM` (seconds `:00` allowed) without an offset. */
export const localDateTimeSchema = z
  .string()
  .check(
    z.regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(([01]\d|2[0-3]):[0-5]\d(:00)?|24:00)$/,
      'a plant-local date-time YYYY-MM-DDTHH:MM',
    ),
  );

/** An instant: ISO-8601 with an offset or `Z` (C1), e.g. `2026-03-02T09:55:00Z` or `…T10:55+01:00`. */
export const instantSchema = z
  .string()
  .check(z.refine(isInstant, 'an ISO-8601 instant with an offset, such as 2026-03-02T09:55:00Z'));

/** Working days of delay → probability (C16). */
export const delayHistogramSchema = z
  .record(
    z.string().check(z.regex(/^\d+$/, 'a whole number of working days')),
    z.number().check(z.minimum(0)),
  )
  .check(
    z.refine((h) => Object.values(h).some((p) => p > 0), {
      message: 'a delay histogram needs at least one probability above 0',
    }),
    z.refine((h) => Math.abs(Object.values(h).reduce((a, p) => a + p, 0) - 1) <= 1e-6, {
      message: 'the probabilities of a delay histogram must add up to 1',
    }),
  );

const text = z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength));
const wholeDays = z.int().check(z.minimum(0));
const quantity = z.number().check(z.minimum(0, 'a quantity cannot be negative'));

const supplierSchema = z.object({
  id: text,
  priority: z.optional(z.number()),
  leadTime: wholeDays,
  leadTimeUnit: z._default(z.enum(['calendarDays', 'workingDays']), 'calendarDays'),
  daysToPurchase: z._default(wholeDays, 0),
  /** Overrides the item's `inspectionWorkingDays` for receipts from this supplier. */
  inspectionWorkingDays: z.optional(wholeDays),
  minOrderQty: z.optional(quantity),
  orderMultiple: z.optional(z.number().check(z.positive())),
  delayHistogram: z.optional(delayHistogramSchema),
});

const itemSchema = z.object({
  makeOrBuy: z.enum(['make', 'buy']),
  /** Discrete items are counted in whole units: needs are rounded up (C8). Default false. */
  discrete: z._default(z.boolean(), false),
  inspectionWorkingDays: z._default(wholeDays, 0),
  safetyStock: z.optional(quantity),
  suppliers: z._default(z.array(supplierSchema), []),
  bom: z._default(z.array(bomLineSchema), []),
  routing: z._default(z.array(operationSchema), []),
});

const calendarSchema = z.object({
  workWeek: z.array(z.int().check(z.minimum(1), z.maximum(7))),
  shifts: z.array(z.object({ start: timeSchema, end: timeSchema })).check(z.minLength(1)),
  holidays: z._default(z.array(dateSchema), []),
  extraWorkingDays: z._default(z.array(dateSchema), []),
});

const plantSchema = z.object({
  timeZone: text,
  calendarId: text,
  orderCutoff: timeSchema,
  handlingWorkingDays: z._default(wholeDays, 0),
  carrier: z.optional(z.object({ calendarId: text, transitWorkingDays: wholeDays })),
});

const workCenterSchema = z.object({
  calendarId: z.optional(text),
  parallelJobs: z._default(z.int().check(z.minimum(1)), 1),
  booked: z._default(z.array(z.object({ from: localDateTimeSchema, to: localDateTimeSchema })), []),
});

/**
 * The zod schema of an availability snapshot (lead-time.md). Its top level is strict: a misspelt
 * section (`"inBound"`) would otherwise silently drop what it holds.
 */
export const snapshotSchema = z.strictObject({
  snapshotAt: z.optional(instantSchema),
  plants: idRecord(plantSchema),
  calendars: idRecord(calendarSchema),
  workCenters: optionalIdRecord(workCenterSchema),
  items: idRecord(itemSchema),
  stock: optionalIdRecord(
    z.object({
      onHand: quantity,
      reserved: z._default(quantity, 0),
      safetyStock: z.optional(quantity),
    }),
  ),
  inbound: z._default(
    z.array(
      z.object({
        id: text,
        item: text,
        qty: quantity,
        expected: dateSchema,
        received: z._default(z.boolean(), false),
        supplierId: z.optional(z.string()),
        delayHistogram: z.optional(delayHistogramSchema),
      }),
    ),
    [],
  ),
  commitments: z._default(
    z.array(z.object({ id: text, item: text, qty: quantity, due: dateSchema })),
    [],
  ),
  policies: z._default(
    z.object({
      overdueInbound: z.optional(z.object({ assumeArrivalWorkingDays: z._default(wholeDays, 3) })),
      subassemblyMoveHours: z.optional(z.number().check(z.minimum(0))),
      /** Quantiles reported by C16, as fractions (default [0.5, 0.9]). */
      quantiles: z.optional(z.array(z.number().check(z.gt(0), z.lt(1)))),
    }),
    {},
  ),
});

/** The zod schema of a promise request (lead-time.md, "Request"). */
export const promiseRequestSchema = z.object({
  now: instantSchema,
  lines: z
    .array(
      z.object({
        lineId: idSchema,
        productId: idSchema,
        quantity: quantitySchema,
        selection: selectionRecord,
      }),
    )
    .check(z.minLength(1), z.maxLength(LIMITS.lines), uniqueLineIds),
  shipPolicy: z._default(z.enum(['complete', 'asap']), 'asap'),
  /** Which extras to compute (all true by default): the quantity curve, what-if suggestions, confidence. */
  options: z.optional(
    z.object({
      atpCurve: z.optional(z.boolean()),
      suggestions: z.optional(z.boolean()),
      confidence: z.optional(z.boolean()),
      /** The most shipments a split suggestion may propose (C14); default 2. */
      maxShipments: z.optional(z.int().check(z.minimum(2), z.maximum(LIMITS.lines))),
    }),
  ),
});

/** A validated availability snapshot (defaults applied). */
export type Snapshot = z.output<typeof snapshotSchema>;
/** One item of the snapshot. */
export type SnapshotItem = z.output<typeof itemSchema>;
/** One supplier of a bought item. */
export type Supplier = z.output<typeof supplierSchema>;
/** One working calendar. */
export type CalendarDocument = z.output<typeof calendarSchema>;
/** A validated promise request. */
export type PromiseRequest = z.output<typeof promiseRequestSchema>;
/** One line of a promise request. */
export type PromiseLine = PromiseRequest['lines'][number];
