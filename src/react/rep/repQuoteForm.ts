import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { z } from '../../engine/zod.ts';
import type { PriceViolation, RepQuote, RepQuoteLine } from '../../engine/index.ts';
import { repFormat, type RepFormat } from './repFormat.ts';

/** The limits of the rep editor's fields (those of the engine's `repQuoteSchema`). */
export const REP_LIMITS = {
  rep: 200,
  name: 200,
  email: 320,
  company: 200,
  notes: 4000,
  quantity: 1_000_000,
} as const;

/** The discount fields a rep types (percent points, and an amount in the quote's currency). */
export type DiscountField = 'additionalPercent' | 'partnerPercent' | 'documentDiscount';

/** What the rep typed in the discount fields, as typed (`"12,5"` in German); absent: none. */
export type DiscountValues = { [K in DiscountField]?: string | undefined };

/** The discounts a rep may give one line (percent points), replacing the quote's for it. */
export type LineDiscountField = 'additionalPercent' | 'partnerPercent';

/** What the rep typed in a line's discount fields, as typed; absent: the quote's applies. */
export type LineDiscountValues = { [K in LineDiscountField]?: string | undefined };

/** The line discount fields, in the order they are shown. */
export const LINE_DISCOUNT_FIELDS = ['additionalPercent', 'partnerPercent'] as const;

/**
 * One line as edited: its own product, selection and quantity, and its own discounts (the
 * quantity and discounts as typed).
 */
export type QuoteLineValue = Omit<RepQuoteLine, 'quantity' | 'discounts'> & {
  quantity: number | string;
  discounts?: LineDiscountValues | undefined;
};

/**
 * Whether a guardrail violation concerns a quote-level discount field. The document discount
 * concerns the document's amount only; a line's guardrail concerns the quote's percentage only
 * where that line does not set its own (its own field then carries it, see `concernsLineField`).
 */
export function concernsQuoteField(
  v: PriceViolation,
  key: DiscountField,
  lines: readonly QuoteLineValue[],
): boolean {
  if (key === 'documentDiscount') return v.rule === 'documentDiscount';
  if (v.rule === 'documentDiscount') return false;
  const line = v.lineId === undefined ? undefined : lines.find((l) => l.lineId === v.lineId);
  return !ownsDiscount(line, key);
}

/** Whether a guardrail violation concerns a line's own discount field (set on that line). */
export function concernsLineField(
  v: PriceViolation,
  line: QuoteLineValue,
  key: LineDiscountField,
): boolean {
  return v.rule !== 'documentDiscount' && v.lineId === line.lineId && ownsDiscount(line, key);
}

const ownsDiscount = (line: QuoteLineValue | undefined, key: DiscountField) =>
  key !== 'documentDiscount' && (line?.discounts?.[key] ?? '').trim() !== '';

/**
 * The rep editor's form values (react-hook-form): everything a rep edits, as typed, plus the
 * quote's pricing context (date, currency, customer), carried along unedited.
 */
export interface RepQuoteFormValues {
  rep: string;
  validUntil: string;
  shipPolicy: 'complete' | 'asap';
  pricing: RepQuote['pricing'];
  discounts: DiscountValues;
  customer: { name: string; email: string; company: string };
  notes: string;
  lines: QuoteLineValue[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Minor digits of a currency ("EUR" 2, "JPY" 0). */
const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/**
 * The zod/mini checks of what a rep types in a locale: a percentage (0–100, up to 4 decimals),
 * an amount (0 or more, up to the currency's minor digits), a quantity (1–1,000,000), each with
 * the locale's decimal separator only (no grouping: "1.000" is not a German thousand here).
 */
function numberPatterns(f: RepFormat) {
  const sep = escape(f.decimalSeparator);
  const digits = minorDigits(f.currency);
  return {
    percent: new RegExp(`^\\d{1,3}(${sep}\\d{1,4})?$`),
    amount: new RegExp(digits > 0 ? `^\\d{1,12}(${sep}\\d{1,${digits}})?$` : `^\\d{1,12}$`),
    example: (whole: string, fraction: string) =>
      fraction === '' ? whole : `${whole}${f.decimalSeparator}${fraction}`,
    digits,
  };
}

/** A number typed with the locale's decimal separator as the engine's decimal string. */
export const toDecimal = (typed: string, f: RepFormat) =>
  typed.trim().replace(f.decimalSeparator, '.');

/**
 * The rep editor's schema in the rep's language: the customer's name and e-mail required, the
 * rep's name required, texts within the engine's limits, the validity date not before `today`
 * (`YYYY-MM-DD`), each line's quantity a whole number from 1 to 1,000,000, discounts as
 * percentages and an amount in the locale's notation. A discount past a guardrail is valid input:
 * it is priced as typed and flagged for approval, never refused or clamped.
 *
 * @example
 * z.safeParse(repQuoteFormSchema(repFormat('en', 'EUR'), '2026-11-23'), values).success
 */
export function repQuoteFormSchema(f: RepFormat, today: string) {
  const { t } = f;
  const n = numberPatterns(f);
  const text = (field: string, max: number, required?: string) =>
    z.string().check(
      z.trim(),
      ...(required ? [z.minLength(1, required)] : []),
      z.refine((s: string) => s.length <= max, {
        error: (issue) =>
          t('rep.error.tooLong', {
            field,
            max: f.count(max),
            count: f.count(String(issue.input).length),
          }),
      }),
    );
  const isPercent = (s: string) =>
    s.trim() === '' || (n.percent.test(s.trim()) && Number(toDecimal(s, f)) <= 100);
  const percent = (field: string) =>
    z.optional(
      z.string().check(
        z.refine(isPercent, {
          error: t('rep.error.percent', { field, example: n.example('12', '5') }),
        }),
      ),
    );
  const validUntil = t('rep.validUntil');
  return z.object({
    rep: text(t('rep.salesRep'), REP_LIMITS.rep, t('rep.error.repRequired')),
    validUntil: z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, t('rep.error.date', { field: validUntil })),
      z.refine(
        (d) => d >= today,
        t('rep.error.dateTooEarly', { field: validUntil, date: f.date(today) }),
      ),
    ),
    shipPolicy: z.enum(['complete', 'asap']),
    discounts: z.object({
      additionalPercent: percent(t('rep.additionalPercent')),
      partnerPercent: percent(t('rep.partnerPercent')),
      documentDiscount: z.optional(
        z.string().check(
          z.refine((s) => s.trim() === '' || n.amount.test(s.trim()), {
            error: t('rep.error.amount', {
              field: t('rep.documentDiscount', { currency: f.currency }),
              example: n.example('50', '0'.repeat(n.digits)),
            }),
          }),
        ),
      ),
    }),
    customer: z.object({
      name: text(t('rep.customerName'), REP_LIMITS.name, t('rep.error.nameRequired')),
      email: z
        .string()
        .check(
          z.trim(),
          z.maxLength(REP_LIMITS.email, t('rep.error.email')),
          z.regex(z.regexes.email, t('rep.error.email')),
        ),
      company: text(t('rep.company'), REP_LIMITS.company),
    }),
    notes: text(t('rep.notes'), REP_LIMITS.notes),
    lines: z.array(
      z
        .object({
          lineId: z.string(),
          quantity: z.union([z.string(), z.number()]),
          discounts: z.optional(
            z.object({
              additionalPercent: z.optional(z.string()),
              partnerPercent: z.optional(z.string()),
            }),
          ),
        })
        .check(
          z.superRefine((line, ctx) => {
            const q = String(line.quantity).trim();
            if (!(/^\d{1,7}$/.test(q) && Number(q) >= 1 && Number(q) <= REP_LIMITS.quantity))
              ctx.issues.push({
                code: 'custom',
                input: line.quantity,
                path: ['quantity'],
                message: t('rep.error.quantity', {
                  line: line.lineId,
                  max: f.count(REP_LIMITS.quantity),
                }),
              });
            // A line's own discount: a percentage, named with its line.
            for (const key of LINE_DISCOUNT_FIELDS) {
              const typed = line.discounts?.[key];
              if (typed === undefined || isPercent(typed)) continue;
              ctx.issues.push({
                code: 'custom',
                input: typed,
                path: ['discounts', key],
                message: t('rep.error.percent', {
                  field: lineDiscountLabel(t, key, line.lineId),
                  example: n.example('12', '5'),
                }),
              });
            }
          }),
        ),
    ),
  });
}

/** The label of a line's discount field ("Line L1: additional discount (%)"). */
export function lineDiscountLabel(t: RepFormat['t'], key: LineDiscountField, line: string): string {
  return t(key === 'additionalPercent' ? 'rep.lineAdditionalPercent' : 'rep.linePartnerPercent', {
    line,
  });
}

/** A line's discounts as typed in one locale, in another's (or the engine's, `to` undefined). */
function lineDiscountsIn(
  discounts: LineDiscountValues | RepQuoteLine['discounts'] | undefined,
  map: (typed: string) => string,
  dropEmpty: boolean,
): LineDiscountValues | undefined {
  if (discounts === undefined) return undefined;
  const out: LineDiscountValues = {};
  for (const key of LINE_DISCOUNT_FIELDS) {
    const typed = discounts[key];
    if (typed === undefined || (dropEmpty && typed.trim() === '')) continue;
    out[key] = map(typed);
  }
  return Object.keys(out).length > 0 || !dropEmpty ? out : undefined;
}

/** A stored or draft quote as form values, numbers in the locale's notation. */
export function toFormValues(quote: RepQuote, f: RepFormat): RepQuoteFormValues {
  const local = (d: string | undefined) =>
    d === undefined ? undefined : d.replace('.', f.decimalSeparator);
  const discounts: DiscountValues = {};
  for (const key of ['additionalPercent', 'partnerPercent', 'documentDiscount'] as const) {
    const v = local(quote.discounts[key]);
    if (v !== undefined) discounts[key] = v;
  }
  return {
    rep: quote.rep,
    validUntil: quote.validUntil,
    shipPolicy: quote.shipPolicy,
    pricing: quote.pricing,
    discounts,
    customer: {
      name: quote.customer.name,
      email: quote.customer.email,
      company: quote.customer.company ?? '',
    },
    notes: quote.notes,
    lines: quote.lines.map(({ discounts: d, ...l }) => {
      const typed = lineDiscountsIn(d, (v) => v.replace('.', f.decimalSeparator), true);
      return { ...l, ...(typed && { discounts: typed }) };
    }),
  };
}

/**
 * Discounts as typed in one locale, written in another's notation ("12.5" → "12,5" from English
 * to German): a rep who switches the language keeps what they typed, in a form the new locale's
 * schema reads.
 */
export function relocaliseDiscounts(
  discounts: DiscountValues,
  from: RepFormat,
  to: RepFormat,
): DiscountValues {
  const out: DiscountValues = {};
  for (const [key, typed] of Object.entries(discounts) as [DiscountField, string | undefined][])
    if (typed !== undefined) out[key] = typed.replace(from.decimalSeparator, to.decimalSeparator);
  return out;
}

/** The lines' discounts as typed in one locale, in another's notation (see `relocaliseDiscounts`). */
export function relocaliseLines(
  lines: readonly QuoteLineValue[],
  from: RepFormat,
  to: RepFormat,
): QuoteLineValue[] {
  return lines.map((l) => {
    const d = lineDiscountsIn(
      l.discounts,
      (v) => v.replace(from.decimalSeparator, to.decimalSeparator),
      false,
    );
    return d === undefined ? l : { ...l, discounts: d };
  });
}

/**
 * The quote the form's values describe (trimmed; discounts, the lines' too, as the engine's
 * decimal strings; an empty discount or company left out). Call it on values that passed `repQuoteFormSchema` to
 * save, or on the priceable part (`priceableIssues` empty) to price a draft.
 */
export function quoteFromForm(values: RepQuoteFormValues, f: RepFormat): RepQuote {
  const discounts: RepQuote['discounts'] = {};
  for (const [key, typed] of Object.entries(values.discounts) as [
    DiscountField,
    string | undefined,
  ][]) {
    if (typed !== undefined && typed.trim() !== '') discounts[key] = toDecimal(typed, f);
  }
  const company = values.customer.company.trim();
  return {
    rep: values.rep.trim(),
    validUntil: values.validUntil,
    shipPolicy: values.shipPolicy,
    pricing: values.pricing,
    discounts,
    customer: {
      name: values.customer.name.trim(),
      email: values.customer.email.trim(),
      ...(company !== '' && { company }),
    },
    notes: values.notes,
    lines: values.lines.map((l) => {
      const d = lineDiscountsIn(l.discounts, (v) => toDecimal(v, f), true);
      return {
        lineId: l.lineId,
        productId: l.productId,
        quantity: Number(String(l.quantity).trim()),
        selection: l.selection,
        ...(d && { discounts: d }),
      };
    }),
  };
}

/**
 * What keeps the form's values from being priced (the lines' quantities and the discounts: what
 * the engine prices), as messages; empty when a price can be computed. The customer, rep and
 * notes do not matter for the price: a draft is priced before they are filled in.
 */
export function priceableIssues(schema: RepQuoteFormSchema, values: RepQuoteFormValues): string[] {
  const result = z.safeParse(schema, values);
  if (result.success) return [];
  return result.error.issues
    .filter((i) => i.path[0] === 'lines' || i.path[0] === 'discounts')
    .map((i) => i.message);
}

/** The schema of the rep editor (`repQuoteFormSchema`). */
export type RepQuoteFormSchema = ReturnType<typeof repQuoteFormSchema>;

const schemas = new Map<string, RepQuoteFormSchema>();

/** `repQuoteFormSchema` for a locale, currency and day, built once (a form validates often). */
export function repQuoteFormSchemaFor(
  locale: string,
  currency: string,
  today: string,
): RepQuoteFormSchema {
  const key = `${locale}|${currency}|${today}`;
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = repQuoteFormSchema(repFormat(locale, currency), today)));
  return schema;
}

/**
 * The rep editor's react-hook-form resolver: `zodResolver` with the schema of the values' own
 * currency (an amount's decimals depend on it) in `locale`, not before `today`, returning the values as typed (`raw`): what is
 * saved is made from them by `quoteFromForm`.
 */
export function repQuoteResolver(locale: string, today: string): Resolver<RepQuoteFormValues> {
  return async (values, context, options) => {
    const schema = repQuoteFormSchemaFor(locale, values.pricing.currency, today);
    const resolve = zodResolver(schema, undefined, { raw: true });
    const result = await resolve(values, context, options as never);
    return Object.keys(result.errors).length > 0
      ? { values: {}, errors: result.errors as FieldErrors<RepQuoteFormValues> }
      : { values, errors: {} };
  };
}

/** A form field a path of the backend's names (see `fieldOfPath`). */
export type RefusedField =
  | `discounts.${DiscountField}`
  | `lines.${number}.discounts.${LineDiscountField}`
  | `lines.${number}.quantity`;

/**
 * The editor's field a JSON path of a backend refusal names (`$.lines[0].discounts.partnerPercent`
 * → `lines.0.discounts.partnerPercent`), when the form has it; `undefined` for any other path.
 *
 * @example
 * fieldOfPath('$.discounts.documentDiscount', lines) // 'discounts.documentDiscount'
 */
export function fieldOfPath(
  path: string,
  lines: readonly QuoteLineValue[],
): RefusedField | undefined {
  const doc = /^\$\.discounts\.(additionalPercent|partnerPercent|documentDiscount)$/.exec(path);
  if (doc) return `discounts.${doc[1] as DiscountField}`;
  const line =
    /^\$\.lines\[(\d+)\]\.(?:discounts\.(additionalPercent|partnerPercent)|(quantity))$/.exec(path);
  if (!line || Number(line[1]) >= lines.length) return undefined;
  return line[3]
    ? `lines.${Number(line[1])}.quantity`
    : `lines.${Number(line[1])}.discounts.${line[2] as LineDiscountField}`;
}
