import { formatDate, formatMoney } from '../i18n/format.ts';
import { useMessages } from '../i18n/messages.ts';
import type { PriceOutcome, PromiseOutcome } from '../panels/panelEngine.ts';

/** The props of `<StickySummary>`: the outcomes the panels computed, and where "Review" goes. */
export interface StickySummaryProps {
  /** The price the panels computed (its state and total). */
  price: PriceOutcome;
  /** The delivery promise the panels computed (its state and date). */
  promise: PromiseOutcome;
  /** Locale of the words, money and date. */
  locale: string;
  /** Brings the summary (price, delivery, quote form) into view. */
  onReview: () => void;
}

/**
 * The summary bar of a narrow slot: the total, the delivery date and a "Review" button that jumps
 * to the full summary. It shows the figures the panels already computed (never a second price or
 * promise); a source the widget has none of (no pricing, no availability) has no entry. CSS
 * shows it only when the widget's own width is narrow (a container query), sticking to the
 * bottom of the screen while the widget is on it. `data-state` is the price's state.
 */
export function StickySummary({ price, promise, locale, onReview }: StickySummaryProps) {
  const t = useMessages(locale);
  const total = (() => {
    switch (price.state) {
      case 'absent':
      case 'error':
        return undefined;
      case 'loading':
        return { label: t('sticky.total'), value: t('sticky.pending') };
      case 'incomplete':
      case 'valid':
      case 'approval-required':
        return {
          label: t(price.state === 'incomplete' ? 'sticky.totalSoFar' : 'sticky.total'),
          value: formatMoney(price.result.total, price.result.currency, locale),
        };
      default:
        return price satisfies never;
    }
  })();
  const delivery = (() => {
    switch (promise.state) {
      case 'absent':
      case 'error':
        return undefined;
      case 'loading':
        return t('sticky.pending');
      case 'unavailable':
        return t('sticky.unavailable');
      case 'incomplete':
      case 'valid':
        return promise.result.deliveryDate === undefined
          ? t('sticky.noDate')
          : formatDate(promise.result.deliveryDate, locale);
      default:
        return promise satisfies never;
    }
  })();
  return (
    <div
      className="madeto-sticky"
      role="group"
      aria-label={t('sticky.label')}
      data-state={price.state}
    >
      <dl>
        {total && (
          <div data-figure="total">
            <dt>{total.label}</dt>
            <dd>{total.value}</dd>
          </div>
        )}
        {delivery !== undefined && (
          <div data-figure="delivery" data-state={promise.state}>
            <dt>{t('sticky.delivery')}</dt>
            <dd>{delivery}</dd>
          </div>
        )}
      </dl>
      <button type="button" className="madeto-primary" onClick={onReview}>
        {t('sticky.review')}
      </button>
    </div>
  );
}
