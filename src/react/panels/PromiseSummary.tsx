import { useId, useMemo, useState } from 'react';
import type { Suggestion, Selection } from '../../engine/index.ts';
import type { ConfiguratorPanelContext } from '../engine/valueExtras.ts';
import { formatDate, formatDelta } from '../i18n/format.ts';
import { useMessages, type Translate } from '../i18n/messages.ts';
import { nowInstant } from './clock.ts';
import { driverText } from './driverText.ts';
import { changeLabel } from './labels.ts';
import { currencyOf, pricingOf, promiseOutcome, snapshotOf } from './panelEngine.ts';
import { PromiseTimeline } from './PromiseTimeline.tsx';
import { useAnnounce } from './useAnnounce.ts';

/** The props of `<PromiseSummary>`. */
export interface PromiseSummaryProps {
  context: ConfiguratorPanelContext;
  /** The current instant (ISO-8601); by default the real clock when the panel mounts. */
  now?: string;
  /** Applies a suggested change to the selection; without it suggestions are shown as text. */
  onApply?: (patch: Selection) => void;
}

function suggestionText(
  s: Suggestion,
  context: ConfiguratorPanelContext,
  currency: string | undefined,
  t: Translate,
): string {
  const { locale, model } = context;
  switch (s.type) {
    case 'optionSwap': {
      const priceText =
        s.priceDeltaPerUnit !== undefined && currency !== undefined
          ? formatDelta(s.priceDeltaPerUnit, currency, locale)
          : t('promise.swapPriceUnknown');
      const change = changeLabel(model, s.change);
      return s.daysSaved === undefined
        ? t('promise.swapNoDays', { change, price: priceText })
        : t('promise.swap', {
            change,
            days: t('days.count', { count: s.daysSaved }),
            price: priceText,
          });
    }
    case 'split':
      return t('promise.split', {
        shipments: s.shipments
          .map((x) =>
            t('promise.shipment', {
              quantity: x.quantity,
              date: formatDate(x.deliveryDate, locale),
            }),
          )
          .join(', '),
      });
    default:
      return s satisfies never;
  }
}

/**
 * The delivery panel: the engine's `promise()` of the configured line against the availability
 * snapshot — ship and delivery dates, the P90 delivery, the main driver in words and the others,
 * the faster options (option swaps as one-click changes with days saved and price change; splits
 * as text) and the timeline. `data-state`: loading, error, incomplete, valid, unavailable. A new
 * delivery date is announced in the widget's live region.
 */
export function PromiseSummary({ context, now, onApply }: PromiseSummaryProps) {
  const t = useMessages(context.locale);
  const titleId = useId();
  const [clock] = useState(nowInstant);
  const at = now ?? clock;
  const outcome = useMemo(() => promiseOutcome(context, at), [context, at]);
  const { locale, model, selection } = context;
  const result = 'result' in outcome ? outcome.result : undefined;
  const delivery = result?.deliveryDate && formatDate(result.deliveryDate, locale);
  useAnnounce(delivery && t('promise.announce', { date: delivery }), context.announce);
  const snapshot = snapshotOf(context.availability);
  const pricing = pricingOf(context.pricing);
  const currency =
    pricing.state === 'ready' ? currencyOf(context, pricing.value) : context.currency;

  const details = () => {
    if (!result || snapshot.state !== 'ready') return null;
    const words = { model, selection, t, locale };
    const [main, ...others] = result.drivers;
    return (
      <>
        {result.status === 'ok' && (
          <dl className="madeto-promise-dates">
            <div data-kind="ship">
              <dt>{t('promise.ship')}</dt>
              <dd>{formatDate(result.shipDate!, locale)}</dd>
            </div>
            <div data-kind="delivery">
              <dt>{t('promise.delivery')}</dt>
              <dd>{delivery}</dd>
            </div>
            {result.confidence && result.confidence.method !== 'none' && (
              <div data-kind="p90">
                <dt>{t('promise.p90')}</dt>
                <dd>{formatDate(result.confidence.p90, locale)}</dd>
              </div>
            )}
          </dl>
        )}
        {main && (
          <p className="madeto-driver" data-kind={main.kind}>
            <strong>{t('promise.because')}:</strong> {driverText(main, words)}
          </p>
        )}
        {others.length > 0 && (
          <>
            <p className="madeto-driver-others">{t('promise.otherDrivers')}:</p>
            <ul className="madeto-drivers">
              {others.map((d, i) => (
                <li key={i} data-kind={d.kind}>
                  {driverText(d, words)}
                </li>
              ))}
            </ul>
          </>
        )}
        {result.suggestions.length > 0 && (
          <div className="madeto-suggestions">
            <p>{t('promise.suggestions')}</p>
            <ul>
              {result.suggestions.map((s, i) => {
                const text = suggestionText(s, context, currency, t);
                return (
                  <li key={i} data-kind={s.type}>
                    {s.type === 'optionSwap' && onApply ? (
                      <button
                        type="button"
                        onClick={() => {
                          onApply(s.change);
                          context.announce(
                            t('promise.applied', { change: changeLabel(model, s.change) }),
                          );
                        }}
                      >
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <PromiseTimeline result={result} t={t} locale={locale} />
      </>
    );
  };

  const status = () => {
    switch (outcome.state) {
      case 'absent':
        return <p className="madeto-panel-status">{t('promise.absent')}</p>;
      case 'loading':
        return <p className="madeto-panel-status">{t('promise.loading')}</p>;
      case 'error':
        return (
          <p className="madeto-panel-status" role="alert">
            {t('promise.error', { message: outcome.message })}
          </p>
        );
      case 'incomplete':
        return <p className="madeto-panel-status">{t('promise.incomplete')}</p>;
      case 'unavailable':
        return (
          <p className="madeto-panel-status" data-state="unavailable">
            {t('promise.unavailable')}
          </p>
        );
      case 'valid':
        return null;
      default:
        return outcome satisfies never;
    }
  };

  return (
    <section
      className="madeto-panel madeto-promise"
      data-state={outcome.state}
      aria-labelledby={titleId}
      aria-busy={outcome.state === 'loading' || undefined}
    >
      <h3 id={titleId}>{t('promise.title')}</h3>
      {status()}
      {details()}
    </section>
  );
}
