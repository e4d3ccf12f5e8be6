import { z } from '../zod.ts';
import {
  idSchema,
  LIMITS,
  optionalSelectionRecord,
  quantitySchema,
  uniqueLineIds,
} from '../limits.ts';
import { currencySchema, dateSchema, nonNegative, percentSchema, text } from './schema.ts';

/**
 * The zod schema of a price request (pricing.md, "A price request"): the date, currency and
 * customer the prices are for, the lines with their selections, the rep's discounts and overrides
 * of the rounding policy. Money and percentages are decimal strings.
 */

const discountsSchema = z.object({
  additionalPercent: z.optional(percentSchema),
  partnerPercent: z.optional(percentSchema),
  documentDiscount: z.optional(nonNegative),
  documentDiscountPercent: z.optional(percentSchema),
});

/** A price request (pricing.md, "A price request"). */
export const priceRequestSchema = z.object({
  date: dateSchema,
  currency: currencySchema,
  customerId: z.optional(text),
  /** The tax of every line without its own `taxId` (default: the pricing's default tax). */
  taxId: z.optional(text),
  lines: z
    .array(
      z.object({
        lineId: idSchema,
        productId: idSchema,
        quantity: quantitySchema,
        category: z.optional(text),
        taxId: z.optional(text),
        selection: optionalSelectionRecord,
        /** Per-line rep and partner discounts, replacing the request's. */
        discounts: z.optional(
          z.pick(discountsSchema, { additionalPercent: true, partnerPercent: true }),
        ),
      }),
    )
    .check(z.minLength(1), z.maxLength(LIMITS.lines), uniqueLineIds),
  discounts: z._default(discountsSchema, {}),
  /** Overrides parts of the pricing's policy (no defaults here: what is absent is kept). */
  roundingPolicy: z.optional(
    z.strictObject({
      mode: z.optional(z.enum(['halfUp', 'halfEven'])),
      roundAt: z.optional(z.enum(['finalUnit', 'eachStep', 'line'])),
      taxRounding: z.optional(z.enum(['perLine', 'global'])),
    }),
  ),
});

/** A validated price request (defaults applied). */
export type PriceRequest = z.output<typeof priceRequestSchema>;
/** One line of a validated price request. */
export type PriceRequestLine = PriceRequest['lines'][number];
