import { z } from 'zod';
import { jsonPath } from '../model/jsonPath.ts';
import { currencySchema, dateSchema, decimalSchema } from '../pricing/schema.ts';

/** The payload version this engine writes and reads. */
export const PAYLOAD_VERSION = 1;

/** An ISO-8601 instant with an explicit offset: `2026-03-02T10:00:00+01:00` or `…Z`. */
const instantSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'an ISO-8601 instant with an offset, such as "2026-03-02T10:00:00+01:00"',
  );

/** An idempotency key: 8 to 128 characters of letters, digits and `-_.:`. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8 to 128 characters of letters, digits and "-_.:"');

const moneySchema = decimalSchema;

const percentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as "12.5"')
  .refine((p) => Number(p) <= 100, 'a percentage from 0 to 100');

/**
 * A rep's discounts on an accepted quote (decimal strings), priced with the engine's guardrails.
 * Only a server's own quote-accept path may send them: `POST /api/orders` refuses them.
 */
export const orderDiscountsSchema = z.strictObject({
  additionalPercent: percentSchema.optional(),
  partnerPercent: percentSchema.optional(),
  documentDiscount: decimalSchema
    .refine((s) => !s.startsWith('-'), 'must not be negative')
    .optional(),
});

const selectionSchema = z.record(
  z.string().min(1),
  z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]),
);

/** One item production must provide for a line: the whole line's quantity (BOM explosion, C8). */
export const bomNeedSchema = z.strictObject({
  item: z.string().min(1),
  quantity: z.number().min(0),
});

/** One routing operation production must run for a line, with its working hours. */
export const routingNeedSchema = z.strictObject({
  op: z.string().min(1),
  workCenter: z.string().min(1),
  hours: z.number().min(0),
});

/** One line of an order: what was configured, what production needs, what it costs. */
export const orderLineSchema = z.strictObject({
  lineId: z.string().min(1),
  productId: z.string().min(1),
  quantity: z.int().min(1).max(1_000_000),
  selection: selectionSchema.default({}),
  bom: z.array(bomNeedSchema).default([]),
  routing: z.array(routingNeedSchema).default([]),
  price: z.strictObject({ currency: currencySchema, unit: moneySchema, line: moneySchema }),
});

/**
 * The zod schema of an order or quote-request payload (orders.md), version 1. Extensions of the
 * spec's shape: `pricing` (the price request's date, customer and tax, so a server re-prices
 * exactly what the buyer saw; additively, an accepted rep quote's `discounts`) and each line's
 * `routing` (the operations production runs).
 */
export const orderPayloadSchema = z.strictObject({
  payloadVersion: z.literal(PAYLOAD_VERSION, {
    error: `payloadVersion must be ${PAYLOAD_VERSION}`,
  }),
  kind: z.enum(['order', 'quote-request', 'quote']),
  idempotencyKey: idempotencyKeySchema,
  createdAt: instantSchema,
  model: z.strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 lowercase hex digits'),
  }),
  pricing: z.strictObject({
    date: dateSchema,
    currency: currencySchema,
    customerId: z.string().min(1).optional(),
    taxId: z.string().min(1).optional(),
    discounts: orderDiscountsSchema.optional(),
  }),
  lines: z.array(orderLineSchema).min(1).max(200),
  totals: z.strictObject({
    currency: currencySchema,
    subtotal: moneySchema,
    tax: moneySchema,
    total: moneySchema,
  }),
  promise: z
    .strictObject({
      status: z.enum(['ok', 'unavailable']).optional(),
      shipDate: dateSchema.optional(),
      deliveryDate: dateSchema.optional(),
      snapshotAt: instantSchema.optional(),
    })
    .optional(),
  customer: z.strictObject({
    name: z.string().trim().min(1, 'a name is required').max(200),
    email: z.email('an e-mail address such as "ana@example.com"').max(320),
    company: z.string().max(200).optional(),
    phone: z.string().max(50).optional(),
    notes: z.string().max(4000).optional(),
  }),
  quote: z
    .strictObject({
      number: z.string().min(1).max(64).optional(),
      validUntil: dateSchema.optional(),
      rep: z.string().min(1).max(200).optional(),
      approvalRequired: z.boolean().optional(),
    })
    .optional(),
});

/** An order or quote-request payload (orders.md), as validated by `parseOrderPayload`. */
export type OrderPayload = z.output<typeof orderPayloadSchema>;
/** A payload as written by a client, before defaults (`selection`, `bom`, `routing`). */
export type OrderPayloadInput = z.input<typeof orderPayloadSchema>;
/** What production needs for one line. */
export type BomNeed = z.output<typeof bomNeedSchema>;
export type RoutingNeed = z.output<typeof routingNeedSchema>;

/** A problem with a payload's shape: where (a JSON path) and what. */
export interface PayloadIssue {
  path: string;
  message: string;
}

/**
 * Validates an untrusted payload (the trust boundary of a backend). Returns the payload with
 * defaults applied, or every problem with its JSON path — bad input is data, not an exception.
 *
 * @example
 * parseOrderPayload({ payloadVersion: 2 })
 * // { ok: false, issues: [{ path: '$.payloadVersion', message: 'payloadVersion must be 1' }, …] }
 */
export function parseOrderPayload(
  json: unknown,
): { ok: true; payload: OrderPayload } | { ok: false; issues: PayloadIssue[] } {
  const result = orderPayloadSchema.safeParse(json);
  if (result.success) return { ok: true, payload: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
  };
}
