import { z } from 'zod';
import { bomLineSchema, operationSchema } from '../model/schema.ts';
import { isInstant } from './time.ts';

/**
 * The zod schemas of the availability snapshot and the promise request (lead-time.md, "Shapes").
 * They check shapes and ranges; references between parts (calendars, items, cycles, time zones,
 * overlapping shifts) are checked by `parseSnapshot`.
 */

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date YYYY-MM-DD');

/** A wall-clock time `HH:MM` (24:00 allowed as the end of a day). */
export const timeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:MM (00:00–24:00)');

/** A plant-local date-time `YYYY-MM-DDTHH:MM` (seconds `:00` allowed) without an offset. */
export const localDateTimeSchema = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(([01]\d|2[0-3]):[0-5]\d(:00)?|24:00)$/,
    'a plant-local date-time YYYY-MM-DDTHH:MM',
  );

/** An instant: ISO-8601 with an offset or `Z` (C1), e.g. `2026-03-02T09:55:00Z` or `…T10:55+01:00`. */
export const instantSchema = z
  .string()
  .refine(isInstant, 'an ISO-8601 instant with an offset, such as 2026-03-02T09:55:00Z');

/** Working days of delay → probability (C16). */
export const delayHistogramSchema = z
  .record(z.string().regex(/^\d+$/, 'a whole number of working days'), z.number().min(0))
  .refine((h) => Object.values(h).some((p) => p > 0), {
    message: 'a delay histogram needs at least one probability above 0',
  });

const quantity = z.number().min(0, 'a quantity cannot be negative');

const supplierSchema = z.object({
  id: z.string().min(1),
  priority: z.number().optional(),
  leadTime: z.int().min(0),
  leadTimeUnit: z.enum(['calendarDays', 'workingDays']).default('calendarDays'),
  daysToPurchase: z.int().min(0).default(0),
  /** Overrides the item's `inspectionWorkingDays` for receipts from this supplier. */
  inspectionWorkingDays: z.int().min(0).optional(),
  minOrderQty: quantity.optional(),
  orderMultiple: z.number().positive().optional(),
  delayHistogram: delayHistogramSchema.optional(),
});

const itemSchema = z.object({
  makeOrBuy: z.enum(['make', 'buy']),
  /** Discrete items are counted in whole units: needs are rounded up (C8). Default false. */
  discrete: z.boolean().default(false),
  inspectionWorkingDays: z.int().min(0).default(0),
  safetyStock: quantity.optional(),
  suppliers: z.array(supplierSchema).default([]),
  bom: z.array(bomLineSchema).default([]),
  routing: z.array(operationSchema).default([]),
});

const calendarSchema = z.object({
  workWeek: z.array(z.int().min(1).max(7)),
  shifts: z.array(z.object({ start: timeSchema, end: timeSchema })).min(1),
  holidays: z.array(dateSchema).default([]),
  extraWorkingDays: z.array(dateSchema).default([]),
});

const plantSchema = z.object({
  timeZone: z.string().min(1),
  calendarId: z.string().min(1),
  orderCutoff: timeSchema,
  handlingWorkingDays: z.int().min(0).default(0),
  carrier: z
    .object({ calendarId: z.string().min(1), transitWorkingDays: z.int().min(0) })
    .optional(),
});

const workCenterSchema = z.object({
  calendarId: z.string().min(1).optional(),
  parallelJobs: z.int().min(1).default(1),
  booked: z.array(z.object({ from: localDateTimeSchema, to: localDateTimeSchema })).default([]),
});

/** The zod schema of an availability snapshot (lead-time.md). */
export const snapshotSchema = z.object({
  snapshotAt: instantSchema.optional(),
  plants: z.record(z.string(), plantSchema),
  calendars: z.record(z.string(), calendarSchema),
  workCenters: z.record(z.string(), workCenterSchema).default({}),
  items: z.record(z.string(), itemSchema),
  stock: z
    .record(
      z.string(),
      z.object({
        onHand: quantity,
        reserved: quantity.default(0),
        safetyStock: quantity.optional(),
      }),
    )
    .default({}),
  inbound: z
    .array(
      z.object({
        id: z.string().min(1),
        item: z.string().min(1),
        qty: quantity,
        expected: dateSchema,
        received: z.boolean().default(false),
        supplierId: z.string().optional(),
        delayHistogram: delayHistogramSchema.optional(),
      }),
    )
    .default([]),
  commitments: z
    .array(
      z.object({ id: z.string().min(1), item: z.string().min(1), qty: quantity, due: dateSchema }),
    )
    .default([]),
  policies: z
    .object({
      overdueInbound: z.object({ assumeArrivalWorkingDays: z.int().min(0).default(3) }).optional(),
      subassemblyMoveHours: z.number().min(0).optional(),
      /** Quantiles reported by C16, as fractions (default [0.5, 0.9]). */
      quantiles: z.array(z.number().gt(0).lt(1)).optional(),
    })
    .default({}),
});

/** The zod schema of a promise request (lead-time.md, "Request"). */
export const promiseRequestSchema = z.object({
  now: instantSchema,
  lines: z
    .array(
      z.object({
        lineId: z.string().min(1),
        productId: z.string().min(1),
        quantity: z.int().positive(),
        selection: z.record(
          z.string(),
          z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]),
        ),
      }),
    )
    .min(1),
  shipPolicy: z.enum(['complete', 'asap']).default('asap'),
  /** Which extras to compute (all true by default): the quantity curve, what-if suggestions, confidence. */
  options: z
    .object({
      atpCurve: z.boolean().optional(),
      suggestions: z.boolean().optional(),
      confidence: z.boolean().optional(),
    })
    .optional(),
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
