import { z } from 'zod';
import { jsonPath } from '../model/jsonPath.ts';
import { currencySchema, dateSchema, decimalSchema } from '../pricing/schema.ts';

const percentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as "12.5"')
  .refine((p) => Number(p) <= 100, 'a percentage from 0 to 100');

/** One configured line of a rep's quote: its own product, selection and quantity. */
export const repQuoteLineSchema = z.strictObject({
  lineId: z.string().min(1).max(64),
  productId: z.string().min(1),
  quantity: z.int().min(1).max(1_000_000),
  selection: z
    .record(z.string().min(1), z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]))
    .default({}),
});

/**
 * A sales rep's quote as edited and stored (one revision): configured lines, the customer, the
 * rep's discounts, validity, the combined promise policy and notes. The price is not stored here:
 * it is recomputed by `priceQuote`, and what the customer saw is kept in `quoted` (see `quoteChanges`).
 */
export const repQuoteSchema = z.strictObject({
  rep: z.string().trim().min(1, 'the rep is required').max(200),
  validUntil: dateSchema,
  shipPolicy: z.enum(['complete', 'asap']).default('complete'),
  pricing: z.strictObject({
    date: dateSchema,
    currency: currencySchema,
    customerId: z.string().min(1).optional(),
    taxId: z.string().min(1).optional(),
  }),
  discounts: z
    .strictObject({
      additionalPercent: percentSchema.optional(),
      partnerPercent: percentSchema.optional(),
      documentDiscount: decimalSchema.optional(),
    })
    .default({}),
  customer: z.strictObject({
    name: z.string().trim().min(1, 'a name is required').max(200),
    email: z.email('an e-mail address such as "ana@example.com"').max(320),
    company: z.string().max(200).optional(),
  }),
  notes: z.string().max(4000).default(''),
  lines: z.array(repQuoteLineSchema).min(1, 'a quote needs at least one line').max(200),
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
