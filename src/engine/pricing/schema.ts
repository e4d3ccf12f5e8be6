import { z } from '../zod.ts';
import { LIMITS, optionalIdRecord, optionalSelectionRecord } from '../limits.ts';
import { dec, isDecimalString } from './money.ts';

/**
 * The zod schemas of the pricing file (pricing.md, "Shapes"; a price request's are in
 * `requestSchema.ts`). They check
 * shapes and formats; `parsePricing` checks what spans several parts (tiers, references, fx).
 * Money, rates and percentages are decimal strings, never JSON numbers. An unknown key at the top
 * level, in rule conditions or in actions is an error (a misspelt section or test must not silently
 * change prices); within sections, keys the spec does not define are dropped (specs may be extended).
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
  .check(
    z.regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/, {
      error: (i) => `expected ${decimalMessage}, got ${JSON.stringify(i.input)}`,
    }),
  );

/** A non-negative decimal string. */
export const nonNegative = decimalSchema.check(
  z.refine((s) => !s.startsWith('-'), 'must not be negative'),
);

/** A percentage between 0 and 100 as a decimal string. */
export const percentSchema = nonNegative.check(
  z.refine(
    (s) => !isDecimalString(s) || dec(s).lte(dec('100')),
    'a percentage must be between 0 and 100',
  ),
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
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    z.refine(isRealDate, 'not a calendar date'),
  );

/** An ISO 4217 currency code. */
export const currencySchema = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"'));

/** A non-empty string (ids, names). */
export const text = z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength));
const quantityBound = z.int().check(z.minimum(0));
const quantityRange = z.object({
  gte: z.optional(quantityBound),
  gt: z.optional(quantityBound),
  lte: z.optional(quantityBound),
  lt: z.optional(quantityBound),
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
export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)) }),
      z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)) }),
      z.strictObject({ not: conditionSchema }),
      z
        .strictObject({
          attribute: text,
          equals: z.optional(literal),
          in: z.optional(z.array(literal).check(z.minLength(1))),
          has: z.optional(z.string()),
          gte: z.optional(z.number()),
          gt: z.optional(z.number()),
          lte: z.optional(z.number()),
          lt: z.optional(z.number()),
        })
        .check(
          z.refine(
            (c) => Object.keys(c).length > 1,
            'an attribute condition needs a test such as "equals"',
          ),
        ),
      z.strictObject({ quantity: quantityRange }),
      z.strictObject({ product: text }),
      z.strictObject({ customerId: text }),
      z.strictObject({ category: text }),
    ],
    {
      error:
        'a condition: { all }, { any }, { not }, { attribute, equals | in | has | gte… }, { quantity }, { product }, { customerId } or { category }',
    },
  ),
) as z.ZodMiniType<Condition>;

/** What a price rule does when it fires. */
export const actionSchema = z.union(
  [
    z.strictObject({
      setOptionAmount: z.strictObject({
        attribute: text,
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
  product: z.optional(text),
  attribute: text,
  per: z._default(z.enum(['unit', 'order']), 'unit'),
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
    per: z._default(z.literal('unit', { error: 'a percent adjustment is per unit' }), 'unit'),
  }),
  z.object({ ...adjustmentBase, type: z.literal('amountTimesValue'), amount: decimalSchema }),
]);

/** An Odoo-style book formula (step 4): round-to-multiple(list × (1 − discount), roundTo) + surcharge. */
export const formulaSchema = z.object({
  base: z.literal('configuredList'),
  discountPercent: z._default(percentSchema, '0'),
  roundTo: z.optional(nonNegative),
  surcharge: z.optional(decimalSchema),
});

/** A price book: a currency, a validity period, list prices and option adjustments. */
export const priceBookSchema = z.object({
  id: text,
  currency: currencySchema,
  validFrom: dateSchema,
  validTo: z._default(z.nullable(dateSchema), null),
  /** A customer book: used for these customers before any general book. */
  customerIds: z.optional(z.array(text)),
  /** A book for one customer (the same as `customerIds: [customerId]`). */
  customerId: z.optional(text),
  taxInclusive: z._default(z.boolean(), false),
  products: optionalIdRecord(z.object({ list: nonNegative })),
  adjustments: z._default(z.array(adjustmentSchema), []),
  formula: z.optional(formulaSchema),
});

const tierBound = z.int().check(z.minimum(1));
const percentTier = z.object({
  from: tierBound,
  to: z._default(z.nullable(tierBound), null),
  percent: percentSchema,
});
const blockTier = z.object({
  from: tierBound,
  to: z._default(z.nullable(tierBound), null),
  price: nonNegative,
});

/** A volume schedule (step 5): `range` prices the whole line in one tier, `slab` each unit in its own. */
export const discountScheduleSchema = z.object({
  id: text,
  type: z.enum(['range', 'slab']),
  products: z.array(text).check(z.minLength(1)),
  tiers: z.array(percentTier).check(z.minLength(1)),
});

/** Block pricing (step 5): the line costs the block's price, plus an overage per unit above the last block. */
export const blockPriceSchema = z.object({
  product: text,
  tiers: z.array(blockTier).check(z.minLength(1)),
  overagePerUnit: z.optional(nonNegative),
});

const optionOverride = z.object({
  attribute: text,
  value: literal,
  amount: decimalSchema,
});
const unitPriceOverride = z.object({
  product: text,
  selection: optionalSelectionRecord,
  unitPrice: nonNegative,
});

/** A customer's contract (step 3): option amounts, or a whole unit price for a matching selection. */
export const contractSchema = z.object({
  customerId: text,
  validFrom: z.optional(dateSchema),
  validTo: z.optional(z.nullable(dateSchema)),
  overrides: z.array(z.union([optionOverride, unitPriceOverride])).check(z.minLength(1)),
});

/** A price rule (step 4): when `when` holds, `then` applies, by priority, before or after volume. */
export const priceRuleSchema = z.object({
  id: text,
  stage: z._default(z.enum(['beforeVolume', 'afterVolume']), 'beforeVolume'),
  priority: z._default(z.int(), 0),
  products: z.optional(z.array(text)),
  when: conditionSchema,
  then: z.array(actionSchema).check(z.minLength(1)),
});

/** The rounding policy (step 8) and the charm rules of converted currencies (step 1). */
export const roundingPolicySchema = z.object({
  mode: z._default(z.enum(['halfUp', 'halfEven']), 'halfUp'),
  roundAt: z._default(z.enum(['finalUnit', 'eachStep', 'line']), 'finalUnit'),
  taxRounding: z._default(z.enum(['perLine', 'global']), 'perLine'),
  charm: z._default(
    z.record(
      currencySchema,
      z.object({ roundTo: nonNegative, surcharge: z._default(decimalSchema, '0') }),
    ),
    {},
  ),
});

/**
 * The pricing file (pricing.md, "Shapes"). Its top level is strict: a misspelt section
 * (`"guardRails"`) would otherwise silently remove every guardrail.
 */
export const pricingSchema = z.strictObject({
  /** The currency whose book prices a currency without a book (default: the first usable). */
  baseCurrency: z.optional(currencySchema),
  priceBooks: z.array(priceBookSchema).check(z.minLength(1)),
  discountSchedules: z._default(z.array(discountScheduleSchema), []),
  blockPrices: z._default(z.array(blockPriceSchema), []),
  contracts: z._default(z.array(contractSchema), []),
  priceRules: z._default(z.array(priceRuleSchema), []),
  percentOfTotal: z._default(
    z.array(
      z.object({
        product: text,
        percent: percentSchema,
        categories: z._default(z.array(text), []),
      }),
    ),
    [],
  ),
  guardrails: z._default(
    z.array(
      z.object({
        product: z.optional(text),
        minNetUnit: z.optional(nonNegative),
        maxDiscountPercent: z.optional(percentSchema),
      }),
    ),
    [],
  ),
  taxes: z._default(
    z.array(
      z.object({
        id: text,
        rate: nonNegative.check(
          z.refine(
            (r) => !isDecimalString(r) || dec(r).lt(dec('1')),
            'a tax rate is a fraction below 1, such as "0.19" for 19 %',
          ),
        ),
        /** The tax of lines that name none and match no product or category below. */
        default: z.optional(z.boolean()),
        /** The tax of these products' lines (unless a line or the request names a tax). */
        products: z.optional(z.array(text)),
        /** The tax of lines in these categories (unless a line or the request names a tax). */
        categories: z.optional(z.array(text)),
      }),
    ),
    [],
  ),
  fx: z._default(
    z.array(
      z.object({
        from: currencySchema,
        to: currencySchema,
        rate: decimalSchema,
        asOf: dateSchema,
      }),
    ),
    [],
  ),
  roundingPolicy: z._default(roundingPolicySchema, {
    mode: 'halfUp',
    roundAt: 'finalUnit',
    taxRounding: 'perLine',
    charm: {},
  }),
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
