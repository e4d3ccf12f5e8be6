import {
  validate,
  PricingError,
  type PriceViolation,
  priceQuote,
  type PricedQuote,
  type QuoteData,
  type RepQuote,
} from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';
import type { RepFormat } from './repFormat.ts';
import {
  quoteFromForm,
  type DiscountField,
  type LineDiscountField,
  type RepQuoteFormSchema,
  type RepQuoteFormValues,
} from './repQuoteForm.ts';

/**
 * The rep editor's live preview of what the form describes, as a named state:
 * - `unpriceable`: a line cannot be priced (a quantity that is not a whole number, say), why;
 * - `incomplete`: priced, but a line is not fully configured yet, so its guardrails are not
 *   judged (a fresh draft is not "approval required" before anything is chosen);
 * - `approval-required`: priced, every line configured, and a discount passes a guardrail;
 * - `valid`: priced within every guardrail.
 * A discount field typed out of range (150 %) — the quote's or a line's own — or a document
 * discount above the lines' total is an error of its field (`discountErrors`,
 * `lineDiscountErrors`) and left out of the price: the preview stays, with a total
 * that is never negative.
 */
export type DraftPrice =
  | {
      kind: 'unpriceable';
      message: string;
      discountErrors: DiscountErrors;
      lineDiscountErrors: LineDiscountErrors;
    }
  | {
      kind: 'incomplete' | 'approval-required' | 'valid';
      quote: RepQuote;
      priced: PricedQuote;
      /** The violations the rep is told about: those of configured lines and the document. */
      violations: PriceViolation[];
      /** Lines not fully configured yet (their guardrails wait). */
      incompleteLines: string[];
      discountErrors: DiscountErrors;
      lineDiscountErrors: LineDiscountErrors;
    };

/** What is wrong with each discount field as typed, in the rep's language. */
export type DiscountErrors = Partial<Record<DiscountField, string>>;

/** What is wrong with each line's discount fields as typed, by line id. */
export type LineDiscountErrors = Record<string, Partial<Record<LineDiscountField, string>>>;

/**
 * Prices the form's values for the preview (see `DraftPrice`): checks them with the editor's
 * schema, leaves out discounts typed out of range (marking their fields), refuses a document
 * discount above the lines' total (marking its field, pricing without it), and judges the
 * guardrails only on lines whose configuration is complete (`validate` finds nothing).
 *
 * @example
 * draftPrice(values, repQuoteFormSchemaFor('en', 'EUR', today), repFormat('en', 'EUR'), data).kind
 */
export function draftPrice(
  values: RepQuoteFormValues,
  schema: RepQuoteFormSchema,
  f: RepFormat,
  data: QuoteData,
): DraftPrice {
  const discountErrors: DiscountErrors = {};
  const lineDiscountErrors: LineDiscountErrors = {};
  const lineIssues: string[] = [];
  const checked = z.safeParse(schema, values);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const [head, field, sub, key] = issue.path;
    const line = typeof field === 'number' ? values.lines[field]?.lineId : undefined;
    if (head === 'lines' && sub === 'discounts' && line !== undefined && typeof key === 'string')
      (lineDiscountErrors[line] ??= {})[key as LineDiscountField] ??= issue.message;
    else if (head === 'lines') lineIssues.push(issue.message);
    else if (head === 'discounts' && typeof field === 'string')
      discountErrors[field as DiscountField] ??= issue.message;
  }
  if (lineIssues.length > 0)
    return {
      kind: 'unpriceable',
      message: lineIssues.join(' '),
      discountErrors,
      lineDiscountErrors,
    };
  const usable = {
    ...values,
    discounts: { ...values.discounts },
    // A line discount typed out of range is left out: that line is priced with the quote's.
    lines: values.lines.map((l) => {
      const wrong = lineDiscountErrors[l.lineId];
      if (!wrong || !l.discounts) return l;
      const discounts = { ...l.discounts };
      for (const k of Object.keys(wrong) as LineDiscountField[]) delete discounts[k];
      return { ...l, discounts };
    }),
  };
  for (const field of Object.keys(discountErrors) as DiscountField[])
    delete usable.discounts[field];
  let quote = quoteFromForm(usable, f);
  let priced: PricedQuote;
  try {
    priced = priceQuote(quote, data);
    const tooLarge = priced.price.violations.find((v) => v.rule === 'documentDiscount');
    if (tooLarge) {
      discountErrors.documentDiscount = f.t('rep.error.documentDiscountTooLarge', {
        amount: f.money(tooLarge.actual),
        max: f.money(tooLarge.limit),
      });
      const { documentDiscount: _, ...rest } = quote.discounts;
      quote = { ...quote, discounts: rest };
      priced = priceQuote(quote, data);
    }
  } catch (e) {
    if (e instanceof PricingError)
      return {
        kind: 'unpriceable',
        message: e.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        discountErrors,
        lineDiscountErrors,
      };
    throw e;
  }
  const models = new Map(data.models.map((m) => [m.id, m] as const));
  const incompleteLines = quote.lines
    .filter((l) => {
      const model = models.get(l.productId);
      return model !== undefined && validate(model, l.selection).length > 0;
    })
    .map((l) => l.lineId);
  const violations = priced.price.violations.filter(
    (v) => v.lineId === undefined || !incompleteLines.includes(v.lineId),
  );
  const kind =
    violations.length > 0
      ? 'approval-required'
      : incompleteLines.length > 0
        ? 'incomplete'
        : 'valid';
  return { kind, quote, priced, violations, incompleteLines, discountErrors, lineDiscountErrors };
}
