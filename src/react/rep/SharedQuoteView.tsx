import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProductModel } from '../../engine/model/types.ts';
import { approvalState } from './approvalState.ts';
import { QuoteDocument } from './QuoteDocument.tsx';
import type { RepTranslate } from './i18n/repMessages.ts';
import { QuoteApiError, sharedQuoteApi } from './quoteApi.ts';
import { repFormat } from './repFormat.ts';
import type { SellerDetails } from './sellerDetails.ts';

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
  /** The seller's name, logo, address and terms on the document. */
  seller?: SellerDetails | undefined;
}

/** What the customer's view shows, as `data-state`. */
export type SharedQuoteState =
  'loading' | 'error' | 'open' | 'approval-required' | 'approved' | 'expired' | 'accepted';

/**
 * Why an accept was refused, in the customer's language: the backend's refusals by code (expired,
 * awaiting approval, changed since quoted); anything else with the error's own message.
 */
function acceptFailure(e: Error, t: RepTranslate): string {
  if (e instanceof QuoteApiError)
    switch (e.code) {
      case 'QUOTE_EXPIRED':
        return t('rep.shared.error.expired');
      case 'APPROVAL_REQUIRED':
        return t('rep.shared.error.approval');
      case 'QUOTE_CHANGED':
        return t('rep.shared.error.changed');
    }
  return t('rep.shared.error.other', { message: e.message });
}

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
  const approval = approvalState(v.approvalRequired, v.approval, v.revision);
  const awaitsApproval = approval.kind === 'required';
  const state: SharedQuoteState = accept.isSuccess
    ? 'accepted'
    : expired
      ? 'expired'
      : awaitsApproval
        ? 'approval-required'
        : approval.kind === 'approved'
          ? 'approved'
          : 'open';
  return (
    <div className="madeto madeto-shared-quote" data-state={state} lang={locale}>
      <QuoteDocument
        number={v.number}
        revision={v.revision}
        quote={v.quote}
        price={v.price}
        promise={v.promise}
        approval={approval}
        audience="customer"
        changes={v.changes}
        models={props.models}
        issued={v.createdAt.slice(0, 10)}
        locale={locale}
        seller={props.seller}
      />
      <div className="madeto-shared-actions">
        {accept.isSuccess ? (
          <p role="status">{t('rep.shared.accepted', { number: accept.data.number })}</p>
        ) : (
          <>
            <button
              type="button"
              disabled={expired || awaitsApproval || accept.isPending}
              onClick={() => accept.mutate()}
            >
              {t('rep.shared.accept')}
            </button>
            {expired && <p>{t('rep.shared.expired', { date: date(v.quote.validUntil) })}</p>}
            {awaitsApproval && <p>{t('rep.shared.awaitsApproval')}</p>}
            {accept.isError && <p role="alert">{acceptFailure(accept.error, t)}</p>}
          </>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('rep.shared.print')}
        </button>
      </div>
    </div>
  );
}
