import { useId } from 'react';
import type { PriceViolation } from '../../engine/index.ts';
import { repFormat, violationText } from './repFormat.ts';
import {
  concernsQuoteField,
  type DiscountField,
  type DiscountValues,
  type QuoteLineValue,
} from './repQuoteForm.ts';

/** The props of `<RepDiscounts>`. */
export interface RepDiscountsProps {
  /** What the rep typed (percent points; an amount in `currency`), in the locale's notation. */
  discounts: DiscountValues;
  /** Called with the discounts as typed after each change. */
  onChange: (discounts: DiscountValues) => void;
  /** The quote's currency (of the document discount's amount). */
  currency: string;
  /** Locale of the labels and figures; default English. */
  locale?: string;
  /**
   * The engine's guardrail violations for these discounts (approval required when any);
   * `undefined` while the quote cannot be priced (nothing is said about the guardrails then).
   */
  violations: readonly PriceViolation[] | undefined;
  /** What is wrong with a field as typed (from the form's schema), shown next to it. */
  errors?: Partial<Record<DiscountField, string>>;
  /** Lines not configured yet: their guardrails are judged once they are (said so). */
  incompleteLines?: readonly string[];
  /**
   * The quote's lines: a line's guardrail concerns a quote percentage only where the line does
   * not set its own (default: none set their own).
   */
  lines?: readonly QuoteLineValue[];
  /** The id of the approval statement (for fields elsewhere that point to it); default generated. */
  approvalId?: string;
}

const fields = ['additionalPercent', 'partnerPercent', 'documentDiscount'] as const;

/**
 * The rep's discounts: additional and partner percentages and a document discount. What is typed
 * is priced as is — a discount past a guardrail is never clamped; the approval it needs is stated
 * with every violated guardrail (linked to the fields it concerns). A value that is not a number,
 * out of range, or a document discount above the lines' total is an error of its field
 * (`aria-invalid`, the message next to it). Guardrails of lines not configured yet wait (said so).
 */
export function RepDiscounts(props: RepDiscountsProps) {
  const id = useId();
  const f = repFormat(props.locale ?? 'en', props.currency);
  const { t } = f;
  const violations = props.violations ?? [];
  const waiting = props.incompleteLines ?? [];
  const state =
    props.violations === undefined
      ? 'unpriced'
      : violations.length > 0
        ? 'approval-required'
        : waiting.length > 0
          ? 'incomplete'
          : 'valid';
  const approvalId = props.approvalId ?? `${id}-approval`;
  const label = (key: DiscountField) =>
    key === 'documentDiscount'
      ? t('rep.documentDiscount', { currency: props.currency })
      : t(key === 'additionalPercent' ? 'rep.additionalPercent' : 'rep.partnerPercent');
  // Which fields a violation concerns: the quote's percentages for lines without their own.
  const concerns = (key: DiscountField) =>
    violations.some((v) => concernsQuoteField(v, key, props.lines ?? []));
  return (
    <fieldset className="madeto-rep-discounts" data-state={state}>
      <legend>{t('rep.discounts')}</legend>
      {fields.map((key) => {
        const error = props.errors?.[key];
        const errorId = `${id}-${key}-error`;
        const describedBy = [error && errorId, concerns(key) && approvalId].filter(Boolean);
        return (
          <div
            key={key}
            className="madeto-form-field"
            data-state={error ? 'invalid' : concerns(key) ? 'approval-required' : 'valid'}
          >
            <label htmlFor={`${id}-${key}`}>{label(key)}</label>
            <input
              id={`${id}-${key}`}
              inputMode="decimal"
              autoComplete="off"
              value={props.discounts[key] ?? ''}
              aria-invalid={error !== undefined}
              aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
              onChange={(e) => {
                const next = { ...props.discounts };
                if (e.target.value.trim() === '') delete next[key];
                else next[key] = e.target.value;
                props.onChange(next);
              }}
            />
            {error && (
              <p id={errorId} className="madeto-form-field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {props.violations === undefined ? null : violations.length > 0 ? (
        <div role="alert" id={approvalId} className="madeto-rep-approval">
          <strong>{t('rep.approvalRequired')}</strong>
          <ul>
            {violations.map((v, i) => (
              <li key={i} data-rule={v.rule}>
                {violationText(v, f)}
              </li>
            ))}
          </ul>
        </div>
      ) : waiting.length > 0 ? (
        <p className="madeto-rep-within">
          {t('rep.guardrailsWait', { count: waiting.length, lines: waiting.join(', ') })}
        </p>
      ) : (
        <p className="madeto-rep-within">{t('rep.withinGuardrails')}</p>
      )}
    </fieldset>
  );
}
