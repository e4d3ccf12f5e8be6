import { z } from 'zod';
import { dec, isDecimalString } from './money.ts';

/**
 * The zod schemas of the pricing file and of a price request (pricing.md, "Shapes"). They check
 * shapes and formats; `parsePricing` checks what spans several parts (tiers, references, fx).
 * Money, rates and percentages are decimal strings, never JSON numbers. Keys the spec does not
 * define are dropped (specs may be extended), except in rule conditions and actions, where an
 * unknown key is an error (a misspelt test must not silently match).
 */

const decimalMessage = 'a decimal string such as "12.50" (digits, an optional "." and fraction)';

/** A decimal string: `"12.50"`, `"-0.01"`, `"19"`. A JSON number is refused (no float money). */
export const decimalSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required'
        : `expected ${decimalMessage}, got ${JSON.stringify(issue.input)}${typeof issue.input === 'number' ? ' (a JSON number: money is never a float)' : ''}`,
  })
  .regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/, {
    error: (i) => `expected ${decimalMessage}, got ${JSON.stringify(i.input)}`,
  });

/** A non-negative decimal string. */
const nonNegative = decimalSchema.refine((s) => !s.startsWith('-'), 'must not be negative');

/** A percentage between 0 and 100 as a decimal string. */
const percentSchema = nonNegative.refine(
  (s) => !isDecimalString(s) || dec(s).lte(dec('100')),
  'a percentage must be between 0 and 100',
);

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true; // the regex reports it
  const [y, m, d] = s.split('-').map((p) => Number.parseInt(p, 10)) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');

/** An ISO 4217 currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"');

const quantityBound = z.int().min(0);
const quantityRange = z.object({
  gte: quantityBound.optional(),
  gt: quantityBound.optional(),
  lte: quantityBound.optional(),
  lt: quantityBound.optional(),
});

const literal = z.union([z.string(), z.number(), z.boolean()]);

/** A condition of a price rule's `when`. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      attribute: string;
      equals?: string | number | boolean;
      in?: (string | number | boolean)[];
      has?: string;
      gte?: number;
      gt?: number;
      lte?: number;
      lt?: number;
    }
  | { quantity: z.output<typeof quantityRange> }
  | { product: string }
  | { customerId: string }
  | { category: string };

/** A price rule's `when`: tests combined with `all`, `any` and `not`. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ not: conditionSchema }),
      z
        .strictObject({
          attribute: z.string().min(1),
          equals: literal.optional(),
          in: z.array(literal).min(1).optional(),
          has: z.string().optional(),
          gte: z.number().optional(),
          gt: z.number().optional(),
          lte: z.number().optional(),
          lt: z.number().optional(),
        })
        .refine(
          (c) => Object.keys(c).length > 1,
          'an attribute condition needs a test such as "equals"',
        ),
      z.strictObject({ quantity: quantityRange }),
      z.strictObject({ product: z.string().min(1) }),
      z.strictObject({ customerId: z.string().min(1) }),
      z.strictObject({ category: z.string().min(1) }),
    ],
    {
      error:
        'a condition: { all }, { any }, { not }, { attribute, equals | in | has | gte… }, { quantity }, { product }, { customerId } or { category }',
    },
  ),
) as z.ZodType<Condition>;

/** What a price rule does when it fires. */
export const actionSchema = z.union(
  [
    z.strictObject({
      setOptionAmount: z.strictObject({
        attribute: z.string().min(1),
        value: literal,
        amount: decimalSchema,
      }),
    }),
    z.strictObject({ setUnitPrice: z.strictObject({ amount: nonNegative }) }),
    z.strictObject({ discountPercent: z.strictObject({ percent: percentSchema }) }),
    z.strictObject({ addAmount: z.strictObject({ amount: decimalSchema }) }),
  ],
  {
    error: 'an action: { setOptionAmount }, { setUnitPrice }, { discountPercent } or { addAmount }',
  },
);

const adjustmentBase = {
  /** Restricts the adjustment to one product (default: every product with the attribute). */
  product: z.string().min(1).optional(),
  attribute: z.string().min(1),
  per: z.enum(['unit', 'order']).default('unit'),
};

/**
 * An option price in a book (step 2): an `amount` or a `percent` of the configured list for a
 * selected value, or `amountTimesValue` for a number attribute; `per: "order"` makes it a one-time
 * charge.
 */
export const adjustmentSchema = z.discriminatedUnion('type', [
  z.object({
    ...adjustmentBase,
    type: z.literal('amount'),
    value: literal,
    amount: decimalSchema,
  }),
  z.object({
    ...adjustmentBase,
    type: z.literal('percent'),
    value: literal,
    percent: decimalSchema,
    per: z.literal('unit', { error: 'a percent adjustment is per unit' }).default('unit'),
  }),
  z.object({ ...adjustmentBase, type: z.literal('amountTimesValue'), amount: decimalSchema }),
]);

/** An Odoo-style book formula (step 4): round-to-multiple(list × (1 − discount), roundTo) + surcharge. */
export const formulaSchema = z.object({
  base: z.literal('configuredList'),
  discountPercent: percentSchema.default('0'),
  roundTo: nonNegative.optional(),
  surcharge: decimalSchema.optional(),
});

/** A price book: a currency, a validity period, list prices and option adjustments. */
export const priceBookSchema = z.object({
  id: z.string().min(1),
  currency: currencySchema,
  validFrom: dateSchema,
  validTo: dateSchema.nullable().default(null),
  /** A customer book: used for these customers before any general book. */
  customerIds: z.array(z.string().min(1)).optional(),
  /** A book for one customer (the same as `customerIds: [customerId]`). */
  customerId: z.string().min(1).optional(),
  taxInclusive: z.boolean().default(false),
  products: z.record(z.string(), z.object({ list: nonNegative })).default({}),
  adjustments: z.array(adjustmentSchema).default([]),
  formula: formulaSchema.optional(),
});

const percentTier = z.object({
  from: z.int().min(1),
  to: z.int().min(1).nullable().default(null),
  percent: percentSchema,
});
const blockTier = z.object({
  from: z.int().min(1),
  to: z.int().min(1).nullable().default(null),
  price: nonNegative,
});

/** A volume schedule (step 5): `range` prices the whole line in one tier, `slab` each unit in its own. */
export const discountScheduleSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['range', 'slab']),
  products: z.array(z.string().min(1)).min(1),
  tiers: z.array(percentTier).min(1),
});

/** Block pricing (step 5): the line costs the block's price, plus an overage per unit above the last block. */
export const blockPriceSchema = z.object({
  product: z.string().min(1),
  tiers: z.array(blockTier).min(1),
  overagePerUnit: nonNegative.optional(),
});

const optionOverride = z.object({
  attribute: z.string().min(1),
  value: literal,
  amount: decimalSchema,
});
const unitPriceOverride = z.object({
  product: z.string().min(1),
  selection: z.record(z.string(), z.union([literal, z.array(z.string())])).default({}),
  unitPrice: nonNegative,
});

/** A customer's contract (step 3): option amounts, or a whole unit price for a matching selection. */
export const contractSchema = z.object({
  customerId: z.string().min(1),
  validFrom: dateSchema.optional(),
  validTo: dateSchema.nullable().optional(),
  overrides: z.array(z.union([optionOverride, unitPriceOverride])).min(1),
});

/** A price rule (step 4): when `when` holds, `then` applies, by priority, before or after volume. */
export const priceRuleSchema = z.object({
  id: z.string().min(1),
  stage: z.enum(['beforeVolume', 'afterVolume']).default('beforeVolume'),
  priority: z.int().default(0),
  products: z.array(z.string().min(1)).optional(),
  when: conditionSchema,
  then: z.array(actionSchema).min(1),
});

/** The rounding policy (step 8) and the charm rules of converted currencies (step 1). */
export const roundingPolicySchema = z.object({
  mode: z.enum(['halfUp', 'halfEven']).default('halfUp'),
  roundAt: z.enum(['finalUnit', 'eachStep', 'line']).default('finalUnit'),
  taxRounding: z.enum(['perLine', 'global']).default('perLine'),
  charm: z
    .record(
      currencySchema,
      z.object({ roundTo: nonNegative, surcharge: decimalSchema.default('0') }),
    )
    .default({}),
});

/** The pricing file (pricing.md, "Shapes"). */
export const pricingSchema = z.object({
  /** The currency whose book prices a currency without a book (default: the first usable). */
  baseCurrency: currencySchema.optional(),
  priceBooks: z.array(priceBookSchema).min(1),
  discountSchedules: z.array(discountScheduleSchema).default([]),
  blockPrices: z.array(blockPriceSchema).default([]),
  contracts: z.array(contractSchema).default([]),
  priceRules: z.array(priceRuleSchema).default([]),
  percentOfTotal: z
    .array(
      z.object({
        product: z.string().min(1),
        percent: percentSchema,
        categories: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  guardrails: z
    .array(
      z.object({
        product: z.string().min(1).optional(),
        minNetUnit: nonNegative.optional(),
        maxDiscountPercent: percentSchema.optional(),
      }),
    )
    .default([]),
  taxes: z
    .array(
      z.object({
        id: z.string().min(1),
        rate: nonNegative,
        /** The tax of lines that name none and match no product or category below. */
        default: z.boolean().optional(),
        /** The tax of these products' lines (unless a line or the request names a tax). */
        products: z.array(z.string().min(1)).optional(),
        /** The tax of lines in these categories (unless a line or the request names a tax). */
        categories: z.array(z.string().min(1)).optional(),
      }),
    )
    .default([]),
  fx: z
    .array(
      z.object({
        from: currencySchema,
        to: currencySchema,
        rate: decimalSchema,
        asOf: dateSchema,
      }),
    )
    .default([]),
  roundingPolicy: roundingPolicySchema.default({
    mode: 'halfUp',
    roundAt: 'finalUnit',
    taxRounding: 'perLine',
    charm: {},
  }),
});

const discountsSchema = z.object({
  additionalPercent: percentSchema.optional(),
  partnerPercent: percentSchema.optional(),
  documentDiscount: nonNegative.optional(),
  documentDiscountPercent: percentSchema.optional(),
});

/** A price request (pricing.md, "A price request"). */
export const priceRequestSchema = z.object({
  date: dateSchema,
  currency: currencySchema,
  customerId: z.string().min(1).optional(),
  /** The tax of every line without its own `taxId` (default: the pricing's default tax). */
  taxId: z.string().min(1).optional(),
  lines: z
    .array(
      z.object({
        lineId: z.string().min(1),
        productId: z.string().min(1),
        quantity: z.int().min(1),
        category: z.string().min(1).optional(),
        taxId: z.string().min(1).optional(),
        selection: z
          .record(z.string(), z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]))
          .default({}),
        /** Per-line rep and partner discounts, replacing the request's. */
        discounts: discountsSchema
          .pick({ additionalPercent: true, partnerPercent: true })
          .optional(),
      }),
    )
    .min(1),
  discounts: discountsSchema.default({}),
  /** Overrides parts of the pricing's policy (no defaults here: what is absent is kept). */
  roundingPolicy: z
    .strictObject({
      mode: z.enum(['halfUp', 'halfEven']).optional(),
      roundAt: z.enum(['finalUnit', 'eachStep', 'line']).optional(),
      taxRounding: z.enum(['perLine', 'global']).optional(),
    })
    .optional(),
});

/** A validated pricing file (defaults applied). */
export type Pricing = z.output<typeof pricingSchema>;
/** A pricing file as authored (JSON), before validation. */
export type PricingInput = z.input<typeof pricingSchema>;
/** A validated price book. */
export type PriceBook = z.output<typeof priceBookSchema>;
/** A validated option adjustment. */
export type Adjustment = z.output<typeof adjustmentSchema>;
/** A validated volume schedule. */
export type DiscountSchedule = z.output<typeof discountScheduleSchema>;
/** A validated block price. */
export type BlockPrice = z.output<typeof blockPriceSchema>;
/** A validated contract. */
export type Contract = z.output<typeof contractSchema>;
/** A validated price rule. */
export type PriceRule = z.output<typeof priceRuleSchema>;
/** A price rule action. */
export type PriceAction = z.output<typeof actionSchema>;
/** A validated rounding policy (defaults applied). */
export type RoundingPolicy = z.output<typeof roundingPolicySchema>;
/** A validated price request (defaults applied). */
export type PriceRequest = z.output<typeof priceRequestSchema>;
/** One line of a validated price request. */
export type PriceRequestLine = PriceRequest['lines'][number];
