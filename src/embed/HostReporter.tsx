import { useDeferredValue, useEffect, useState } from 'react';
import type { ConfiguratorPanelContext } from '../react/engine/valueExtras.ts';
import { nowInstant } from '../react/panels/clock.ts';
import { priceOutcome, pricingDate, promiseOutcome } from '../react/panels/panelEngine.ts';
import { emit, EVENT_DETAIL_VERSION, type MadetoEventMap } from './events.ts';

/** The props of `<HostReporter>`: the panel context and the element the events go to. */
export interface HostReporterProps {
  context: ConfiguratorPanelContext;
  target: EventTarget;
}

/**
 * Renders nothing; tells the host page about the price (`madeto-price`) and the delivery promise
 * (`madeto-promise`) whenever they change, with the same engine calls the panels make.
 */
export function HostReporter({ context: live, target }: HostReporterProps) {
  const context = useDeferredValue(live);
  const [mounted] = useState(nowInstant);
  // Inside the widget the session's instant: its promise, not a second one at the mount time.
  const now = context.session?.now ?? mounted;
  const priced = priceOutcome(context, pricingDate(context, now));
  const promised = promiseOutcome(context, now);
  const price =
    'result' in priced
      ? JSON.stringify({
          version: EVENT_DETAIL_VERSION,
          state: priced.state,
          currency: priced.result.currency,
          subtotal: priced.result.subtotal,
          tax: priced.result.tax,
          total: priced.result.total,
          approvalRequired: priced.result.approvalRequired,
        })
      : undefined;
  const promise =
    'result' in promised
      ? JSON.stringify({
          version: EVENT_DETAIL_VERSION,
          state: promised.state,
          status: promised.result.status,
          deliveryDate: promised.result.deliveryDate ?? null,
          shipDate: promised.result.shipDate ?? null,
        })
      : undefined;
  useEffect(() => {
    if (price) emit(target, 'madeto-price', JSON.parse(price) as PriceDetail);
  }, [price, target]);
  useEffect(() => {
    if (promise) emit(target, 'madeto-promise', JSON.parse(promise) as PromiseDetail);
  }, [promise, target]);
  return null;
}

type PriceDetail = MadetoEventMap['madeto-price'];
type PromiseDetail = MadetoEventMap['madeto-promise'];
