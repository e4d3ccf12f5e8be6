import { useId, useMemo, useState } from 'react';
import type { ConfiguratorPanelContext } from '../engine/valueExtras.ts';
import { formatMoney } from '../i18n/format.ts';
import { QuantityField } from '../components/QuantityField.tsx';
import { useMessages } from '../i18n/messages.ts';
import { nowInstant } from './clock.ts';
import { priceOutcome, pricingDate } from './panelEngine.ts';
import { PriceBreakdown } from './PriceBreakdown.tsx';
import { useAnnounce } from './useAnnounce.ts';

/** The props of `<PriceSummary>`. */
export interface PriceSummaryProps {
  context: ConfiguratorPanelContext;
  /** The pricing date `YYYY-MM-DD`; by default the plant's calendar day of `now`. */
  date?: string;
  /** The current instant (ISO-8601); by default the real clock when the panel mounts. */
  now?: string;
  /** Changes the quantity (the store's `setQuantity`); without it the quantity is shown only. */
  onQuantity?: (quantity: number) => void;
}

/**
 * The price panel: the engine's `price()` of the configured line — list price, the options that
 * cost something, the waterfall's adjustments, unit and line, tax and total — with the quantity,
 * the tier hint ("Order 50 and save €1,736", one click when the quantity can change) and a clear
 * note when the price needs approval. `data-state`: loading, error, incomplete, valid,
 * approval-required. New totals are announced in the widget's live region.
 */
export function PriceSummary({ context, date, now, onQuantity }: PriceSummaryProps) {
  const t = useMessages(context.locale);
  const titleId = useId();
  const quantityId = useId();
  const [clock] = useState(nowInstant);
  // What the buyer is typing (may be empty or invalid for a moment); the store holds the quantity.
  const [draft, setDraft] = useState<string>();
  const at = now ?? clock;
  const outcome = useMemo(
    () => priceOutcome(context, pricingDate(context, at, date)),
    [context, at, date],
  );
  const { locale } = context;
  const result = 'result' in outcome ? outcome.result : undefined;
  const total = result && formatMoney(result.total, result.currency, locale);
  useAnnounce(total && t('price.announce', { total }), context.announce);
  const hint = result?.lines[0]?.tierHint;

  const body = () => {
    switch (outcome.state) {
      case 'absent':
        return <p className="madeto-panel-status">{t('price.absent')}</p>;
      case 'loading':
        return <p className="madeto-panel-status">{t('price.loading')}</p>;
      case 'error':
        return (
          <p className="madeto-panel-status" role="alert">
            {t('price.error', { message: outcome.message })}
          </p>
        );
      case 'incomplete':
      case 'valid':
      case 'approval-required':
        return (
          <>
            {outcome.state === 'incomplete' && (
              <p className="madeto-panel-status">{t('price.incomplete')}</p>
            )}
            <PriceBreakdown
              result={outcome.result}
              model={context.model}
              selection={context.selection}
              t={t}
              locale={locale}
            />
            {outcome.state === 'approval-required' && (
              // The guardrail (its limit, the figure) is internal: the buyer learns only that a
              // sales representative approves this price.
              <div className="madeto-approval" role="note" data-state="approval-required">
                <p>{t('price.approval')}</p>
              </div>
            )}
          </>
        );
      default:
        return outcome satisfies never;
    }
  };

  return (
    <section
      className="madeto-panel madeto-price"
      data-state={outcome.state}
      aria-labelledby={titleId}
      aria-busy={outcome.state === 'loading' || undefined}
    >
      <h3 id={titleId}>{t('price.title')}</h3>
      {/* Inside the widget the session checks what is typed against the model's limits. */}
      {context.session ? (
        <QuantityField />
      ) : (
        <div className="madeto-quantity">
          <label htmlFor={quantityId}>{t('price.quantity')}</label>
          {onQuantity ? (
            <input
              id={quantityId}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={draft ?? String(context.quantity)}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
                const q = e.currentTarget.valueAsNumber;
                if (Number.isInteger(q) && q >= 1) onQuantity(q);
              }}
              onBlur={() => setDraft(undefined)}
            />
          ) : (
            <output id={quantityId}>{context.quantity}</output>
          )}
        </div>
      )}
      {body()}
      {hint && result && (
        <p className="madeto-tier-hint" data-state="hint">
          <span>
            {t('price.tierHint', {
              quantity: hint.quantity,
              saves: formatMoney(hint.saves, result.currency, locale, { short: true }),
            })}
          </span>
          {onQuantity && (
            <button type="button" onClick={() => onQuantity(hint.quantity)}>
              {t('price.tierHintApply', { quantity: hint.quantity })}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
