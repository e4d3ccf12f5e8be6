import { jsonPath } from '../model/jsonPath.ts';
import { companySchema, customerEmailSchema, customerNameSchema } from '../orders/schema.ts';
import { currencySchema, dateSchema, decimalSchema } from '../pricing/schema.ts';
import { z } from '../zod.ts';
import {
  idSchema,
  LIMITS,
  optionalSelectionRecord,
  quantitySchema,
  uniqueLineIds,
} from '../limits.ts';

const percentSchema = z.string().check(
  z.regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as "12.5"'),
  z.refine((p) => Number(p) <= 100, 'a percentage from 0 to 100'),
);

/** One configured line of a rep's quote: its own product, selection and quantity. */
export const repQuoteLineSchema = z.strictObject({
  lineId: z.string().check(z.minLength(1), z.maxLength(64)),
  productId: idSchema,
  quantity: quantitySchema,
  selection: optionalSelectionRecord,
  /** The rep's and partner's discounts of this line only, replacing the quote's for it. */
  discounts: z.optional(
    z.strictObject({
      additionalPercent: z.optional(percentSchema),
      partnerPercent: z.optional(percentSchema),
    }),
  ),
});

/**
 * A sales rep's quote as edited and stored (one revision): configured lines, the customer, the
 * rep's discounts, validity, the combined promise policy and notes. The price is not stored here:
 * it is recomputed by `priceQuote`, and what the customer saw is kept in `quoted` (see `quoteChanges`).
 */
export const repQuoteSchema = z.strictObject({
  rep: z.string().check(z.trim(), z.minLength(1, 'the rep is required'), z.maxLength(200)),
  validUntil: dateSchema,
  shipPolicy: z._default(z.enum(['complete', 'asap']), 'complete'),
  pricing: z.strictObject({
    date: dateSchema,
    currency: currencySchema,
    customerId: z.optional(idSchema),
    taxId: z.optional(idSchema),
  }),
  discounts: z._default(
    z.strictObject({
      additionalPercent: z.optional(percentSchema),
      partnerPercent: z.optional(percentSchema),
      documentDiscount: z.optional(decimalSchema),
    }),
    {},
  ),
  customer: z.strictObject({
    name: customerNameSchema,
    email: customerEmailSchema,
    company: z.optional(companySchema),
  }),
  notes: z._default(z.string().check(z.maxLength(LIMITS.textLength)), ''),
  lines: z
    .array(repQuoteLineSchema)
    .check(
      z.minLength(1, 'a quote needs at least one line'),
      z.maxLength(LIMITS.lines),
      uniqueLineIds,
    ),
});

/** A rep's quote (validated, defaults applied). */
export type RepQuote = z.output<typeof repQuoteSchema>;
/** A rep's quote as a client writes it. */
export type RepQuoteInput = z.input<typeof repQuoteSchema>;
/** One line of a rep's quote. */
export type RepQuoteLine = z.output<typeof repQuoteLineSchema>;

/**
 * Validates an untrusted rep quote; returns it with defaults, or every problem with its JSON path.
 *
 * @example
 * parseRepQuote({ rep: '' }).ok // false, with issues such as { path: '$.rep', message: 'the rep is required' }
 */
export function parseRepQuote(
  json: unknown,
): { ok: true; quote: RepQuote } | { ok: false; issues: { path: string; message: string }[] } {
  const result = repQuoteSchema.safeParse(json);
  if (result.success) return { ok: true, quote: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
  };
}
