import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProductModel } from '../../engine/index.ts';
import { QuoteDocument } from './QuoteDocument.tsx';
import { sharedQuoteApi } from './quoteApi.ts';
import { repFormat } from './repFormat.ts';

/** The customer's side of a share link (`sharedQuoteApi`): read the quote, accept it. */
export type SharedQuoteApi = ReturnType<typeof sharedQuoteApi>;

/** The props of `<SharedQuoteView>`. */
export interface SharedQuoteViewProps {
  apiBase: string;
  /** The share token from the customer's link. */
  token: string;
  models: readonly ProductModel[];
  /** Today's date (`YYYY-MM-DD`): the clock is the host's. */
  today: string;
  /** Locale of the words, money and dates; default English. */
  locale?: string;
  /** The backend calls; default `sharedQuoteApi(apiBase, token)` (stories hand in a stand-in). */
  api?: SharedQuoteApi;
}

/** What the customer's view shows, as `data-state`. */
export type SharedQuoteState =
  'loading' | 'error' | 'open' | 'approval-required' | 'expired' | 'accepted';

/**
 * What a customer sees behind a share link: the latest revision of the quote, read-only, as a
 * printable document, and an "Accept" button that turns it into an order through the backend's
 * verified order path. A quote needing approval, expired or changed cannot be accepted, and says why.
 */
export function SharedQuoteView(props: SharedQuoteViewProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <SharedQuote {...props} />
    </QueryClientProvider>
  );
}

function SharedQuote(props: SharedQuoteViewProps) {
  const api = useMemo(
    () => props.api ?? sharedQuoteApi(props.apiBase, props.token),
    [props.api, props.apiBase, props.token],
  );
  const quote = useQuery({ queryKey: ['madeto', 'shared-quote', props.token], queryFn: api.get });
  const accept = useMutation({ mutationFn: api.accept });
  const locale = props.locale ?? 'en';
  const currency = quote.data?.price.currency ?? 'EUR';
  const { t, date } = repFormat(locale, currency);
  if (quote.isPending)
    return (
      <p role="status" className="madeto-shared-quote" data-state="loading">
        {t('rep.shared.loading')}
      </p>
    );
  if (quote.isError)
    return (
      <p role="alert" className="madeto-shared-quote" data-state="error">
        {t('rep.shared.loadError', { message: quote.error.message })}
      </p>
    );
  const v = quote.data;
  const expired = v.quote.validUntil < props.today;
  const state: SharedQuoteState = accept.isSuccess
    ? 'accepted'
    : expired
      ? 'expired'
      : v.approvalRequired
        ? 'approval-required'
        : 'open';
  return (
    <div className="madeto madeto-shared-quote" data-state={state} lang={locale}>
      <QuoteDocument
        number={v.number}
        revision={v.revision}
        quote={v.quote}
        price={v.price}
        promise={v.promise}
        approvalRequired={v.approvalRequired}
        changes={v.changes}
        models={props.models}
        issued={v.createdAt.slice(0, 10)}
        locale={locale}
      />
      <div className="madeto-shared-actions">
        {accept.isSuccess ? (
          <p role="status">{t('rep.shared.accepted', { number: accept.data.number })}</p>
        ) : (
          <>
            <button
              type="button"
              disabled={expired || v.approvalRequired || accept.isPending}
              onClick={() => accept.mutate()}
            >
              {t('rep.shared.accept')}
            </button>
            {expired && <p>{t('rep.shared.expired', { date: date(v.quote.validUntil) })}</p>}
            {v.approvalRequired && <p>{t('rep.shared.awaitsApproval')}</p>}
            {accept.isError && <p role="alert">{accept.error.message}</p>}
          </>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('rep.shared.print')}
        </button>
      </div>
    </div>
  );
}
