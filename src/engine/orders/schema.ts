import { jsonPath } from '../model/jsonPath.ts';
import { currencySchema, dateSchema, decimalSchema } from '../pricing/schema.ts';
import { z } from '../zod.ts';
import { linePictureSchema } from './picture.ts';
import { isInstant } from '../leadtime/time.ts';
import {
  idSchema,
  LIMITS,
  optionalSelectionRecord,
  quantitySchema,
  uniqueLineIds,
} from '../limits.ts';

/** A customer's name on an order or a quote: trimmed, required, at most 200 characters. */
export const customerNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'a name is required'), z.maxLength(200));
/** A customer's e-mail address (at most 320 characters). */
export const customerEmailSchema = z
  .email('an e-mail address such as "ana@example.com"')
  .check(z.maxLength(320));
/** A customer's company (at most 200 characters). */
export const companySchema = z.string().check(z.maxLength(200));

/** The payload version this engine writes and reads. */
export const PAYLOAD_VERSION = 1;

/** An ISO-8601 instant with an explicit offset: `2026-03-02T10:00:00+01:00` or `…Z`. */
const instantSchema = z.string().check(
  z.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'an ISO-8601 instant with an offset, such as "2026-03-02T10:00:00+01:00"',
  ),
  // The shape alone lets month 13, February 30 or an offset +99:99 through.
  z.refine(isInstant, 'not a real instant (check the month, day, time and offset)'),
);

/** An idempotency key: 8 to 128 characters of letters, digits and `-_.:`. */
export const idempotencyKeySchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9._:-]{8,128}$/, '8 to 128 characters of letters, digits and "-_.:"'));

const moneySchema = decimalSchema;
const text = idSchema;

const percentSchema = z.string().check(
  z.regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as "12.5"'),
  z.refine((p) => Number(p) <= 100, 'a percentage from 0 to 100'),
);

/**
 * A rep's discounts on an accepted quote (decimal strings), priced with the engine's guardrails.
 * Only a server's own quote-accept path may send them: `POST /api/orders` refuses them.
 */
export const orderDiscountsSchema = z.strictObject({
  additionalPercent: z.optional(percentSchema),
  partnerPercent: z.optional(percentSchema),
  documentDiscount: z.optional(
    decimalSchema.check(z.refine((s) => !s.startsWith('-'), 'must not be negative')),
  ),
});

/**
 * A rep's discounts of one line of an accepted quote (replacing the quote's for that line), priced
 * with the engine's guardrails. Like `orderDiscountsSchema`, only a server's quote-accept path may
 * send them.
 */
export const orderLineDiscountsSchema = z.strictObject({
  additionalPercent: z.optional(percentSchema),
  partnerPercent: z.optional(percentSchema),
});

/** One item production must provide for a line: the whole line's quantity (BOM explosion, C8). */
export const bomNeedSchema = z.strictObject({
  item: text,
  quantity: z.number().check(z.minimum(0)),
});

/** One routing operation production must run for a line, with its working hours. */
export const routingNeedSchema = z.strictObject({
  op: text,
  workCenter: text,
  hours: z.number().check(z.minimum(0)),
});

/** One line of an order: what was configured, what production needs, what it costs. */
export const orderLineSchema = z.strictObject({
  lineId: text,
  productId: text,
  quantity: quantitySchema,
  selection: optionalSelectionRecord,
  discounts: z.optional(orderLineDiscountsSchema),
  bom: z._default(z.array(bomNeedSchema).check(z.maxLength(10_000)), []),
  routing: z._default(z.array(routingNeedSchema).check(z.maxLength(10_000)), []),
  price: z.strictObject({ currency: currencySchema, unit: moneySchema, line: moneySchema }),
  /** The configured product's picture per view (image references and boxes), for production. */
  picture: z.optional(linePictureSchema),
});

/**
 * The zod schema of an order or quote-request payload (orders.md), version 1. Extensions of the
 * spec's shape: `pricing` (the price request's date, customer and tax, so a server re-prices
 * exactly what the buyer saw; additively, an accepted rep quote's `discounts`), each line's
 * `routing` (the operations production runs) and, optionally, each line's `picture` (the
 * rendered views: image references and boxes, `linePicture`).
 */
export const orderPayloadSchema = z.strictObject({
  payloadVersion: z.literal(PAYLOAD_VERSION, {
    error: `payloadVersion must be ${PAYLOAD_VERSION}`,
  }),
  kind: z.enum(['order', 'quote-request', 'quote']),
  idempotencyKey: idempotencyKeySchema,
  createdAt: instantSchema,
  model: z.strictObject({
    id: text,
    version: text,
    hash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 lowercase hex digits')),
  }),
  pricing: z.strictObject({
    date: dateSchema,
    currency: currencySchema,
    customerId: z.optional(text),
    taxId: z.optional(text),
    discounts: z.optional(orderDiscountsSchema),
  }),
  lines: z.array(orderLineSchema).check(z.minLength(1), z.maxLength(LIMITS.lines), uniqueLineIds),
  totals: z.strictObject({
    currency: currencySchema,
    subtotal: moneySchema,
    tax: moneySchema,
    total: moneySchema,
  }),
  promise: z.optional(
    z.strictObject({
      status: z.optional(z.enum(['ok', 'unavailable'])),
      shipDate: z.optional(dateSchema),
      deliveryDate: z.optional(dateSchema),
      snapshotAt: z.optional(instantSchema),
      /**
       * What drives the date (lead-time.md C12), with both texts: `buyer` (what the buyer was
       * shown) and `detail` (items, purchase orders, suppliers, work centres: for the rep).
       */
      drivers: z.optional(
        z
          .array(
            z.strictObject({
              kind: z.string().check(z.minLength(1), z.maxLength(40)),
              buyer: z.string().check(z.maxLength(1000)),
              detail: z.string().check(z.maxLength(2000)),
            }),
          )
          .check(z.maxLength(20)),
      ),
    }),
  ),
  customer: z.strictObject({
    name: customerNameSchema,
    email: customerEmailSchema,
    company: z.optional(companySchema),
    phone: z.optional(z.string().check(z.maxLength(50))),
    notes: z.optional(z.string().check(z.maxLength(LIMITS.textLength))),
  }),
  quote: z.optional(
    z.strictObject({
      number: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      validUntil: z.optional(dateSchema),
      rep: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      approvalRequired: z.optional(z.boolean()),
    }),
  ),
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
