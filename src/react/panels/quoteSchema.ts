import { z } from '../../engine/zod.ts';
import { formatDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';

/** The limits of the quote form's text fields. */
export const QUOTE_LIMITS = { name: 200, email: 254, company: 200, notes: 2000 } as const;

/**
 * The quote form's schema (the trust boundary of what the buyer types), with messages in the
 * buyer's language: name and email required, company and notes optional, the requested delivery
 * date optional but not before `minDate` (`YYYY-MM-DD`: today, or the promised delivery date).
 *
 * @example
 * quoteSchema(translator('en'), 'en', '2026-12-03').safeParse({ name: 'Ada', email: 'ada@example.com',
 *   company: '', notes: '', requestedDate: '2026-12-01' }).success; // false: before the promise
 */
export function quoteSchema(t: Translate, locale: string, minDate: string) {
  const tooLong = (max: number) => t('form.tooLong', { max });
  return z.object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, t('form.nameRequired')),
        z.maxLength(QUOTE_LIMITS.name, tooLong(QUOTE_LIMITS.name)),
      ),
    email: z.pipe(
      z.string().check(z.trim(), z.maxLength(QUOTE_LIMITS.email, tooLong(QUOTE_LIMITS.email))),
      z.email(t('form.emailInvalid')),
    ),
    company: z
      .string()
      .check(z.trim(), z.maxLength(QUOTE_LIMITS.company, tooLong(QUOTE_LIMITS.company))),
    notes: z.string().check(z.trim(), z.maxLength(QUOTE_LIMITS.notes, tooLong(QUOTE_LIMITS.notes))),
    requestedDate: z.union([
      z.literal(''),
      z.iso
        .date(t('form.dateInvalid'))
        .check(
          z.refine(
            (d) => d >= minDate,
            t('form.dateTooEarly', { date: formatDate(minDate, locale) }),
          ),
        ),
    ]),
  });
}

/** What the buyer typed (every field a string; an empty date means "as soon as possible"). */
export type QuoteInput = z.input<ReturnType<typeof quoteSchema>>;

/** The validated, trimmed values handed to `onSubmit`. */
export type QuoteValues = z.output<ReturnType<typeof quoteSchema>>;
