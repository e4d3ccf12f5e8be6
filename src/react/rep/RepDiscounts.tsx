import type { PriceViolation } from '../../engine/pricing/waterfall.ts';
import type { RepQuote } from '../../engine/quotes/repQuote.ts';

/** The props of `<RepDiscounts>`. */
export interface RepDiscountsProps {
  discounts: RepQuote['discounts'];
  onChange: (discounts: RepQuote['discounts']) => void;
  currency: string;
  /** The engine's guardrail violations for these discounts (approval required when any). */
  violations: readonly PriceViolation[];
}

const fields = [
  ['additionalPercent', 'Additional discount (%)'],
  ['partnerPercent', 'Partner discount (%)'],
  ['documentDiscount', 'Document discount'],
] as const;

/**
 * The rep's discounts: additional and partner percentages and a document discount. What is typed
 * is priced as is — a discount past a guardrail is never clamped; the approval it needs is stated
 * with every violated guardrail.
 */
export function RepDiscounts(props: RepDiscountsProps) {
  const state = props.violations.length > 0 ? 'approval-required' : 'valid';
  return (
    <fieldset className="madeto-rep-discounts" data-state={state}>
      <legend>Discounts</legend>
      {fields.map(([key, label]) => (
        <label key={key}>
          {key === 'documentDiscount' ? `${label} (${props.currency})` : label}
          <input
            inputMode="decimal"
            value={props.discounts[key] ?? ''}
            aria-invalid={props.violations.length > 0 && key !== 'documentDiscount'}
            onChange={(e) => {
              const value = e.target.value.trim();
              const next = { ...props.discounts };
              if (value === '') delete next[key];
              else next[key] = value;
              props.onChange(next);
            }}
          />
        </label>
      ))}
      {props.violations.length > 0 ? (
        <div role="alert" className="madeto-rep-approval">
          <strong>Approval required</strong>
          <ul>
            {props.violations.map((v, i) => (
              <li key={i}>{v.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="madeto-rep-within">Within the pricing guardrails.</p>
      )}
    </fieldset>
  );
}
