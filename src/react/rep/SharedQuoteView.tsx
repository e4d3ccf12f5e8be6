import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { CustomerQuoteWire } from '../../engine/index.ts';
import type { RepTranslate } from './i18n/repMessages.ts';
import { QuoteApiError, sharedQuoteApi } from './quoteApi.ts';
import { QuoteDocument } from './QuoteDocument.tsx';
import { repFormat } from './repFormat.ts';

/** The customer's side of a share link (`sharedQuoteApi`): read the quote, accept it. */
export type SharedQuoteApi = ReturnType<typeof sharedQuoteApi>;

/** The props of `<SharedQuoteView>`. */
export interface SharedQuoteViewProps {
  /** The backend's origin (`''`: this page's). */
  apiBase: string;
  /** The share token from the customer's link. */
  token: string;
  /** Locale of the words, money and dates; default English. */
  locale?: string;
  /** The backend calls; default `sharedQuoteApi(apiBase, token)` (stories hand in a stand-in). */
  api?: SharedQuoteApi;
}

/** What the customer's view shows, as `data-state`. */
export type SharedQuoteState =
  | 'loading'
  | 'error'
  | 'open'
  | 'approval-required'
  | 'approved'
  | 'expired'
  | 'closed'
  | 'accepted';

/** Why the customer cannot accept, in their language (the backend's reasons by code). */
function cannotAcceptText(
  why: NonNullable<CustomerQuoteWire['cannotAccept']>,
  doc: CustomerQuoteWire,
  t: RepTranslate,
  date: (d: string) => string,
): string {
  switch (why.code) {
    case 'APPROVAL_REQUIRED':
      return t('rep.shared.awaitsApproval');
    case 'QUOTE_EXPIRED':
      return t('rep.shared.expired', { date: date(doc.validUntil) });
    case 'QUOTE_CHANGED':
      return t('rep.shared.error.changed');
    case 'QUOTE_CLOSED':
      return doc.order
        ? t('rep.shared.accepted', { number: doc.order.number })
        : t('rep.shared.closed');
    default:
      return why.code satisfies never;
  }
}

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
 * What a customer sees behind a share link: the customer's document of the latest revision
 * (`customerQuoteWire`: never a guardrail or a cost), read-only and printable, with where it
 * stands on approval, and an "Accept" button that turns it into an order through the backend's
 * verified order path. A quote awaiting approval, expired, changed or closed cannot be accepted,
 * and the button says why next to it.
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
  const why = useId();
  const quote = useQuery({ queryKey: ['madeto', 'shared-quote', props.token], queryFn: api.get });
  const accept = useMutation({ mutationFn: api.accept });
  const locale = props.locale ?? 'en';
  const { t, date } = repFormat(locale, quote.data?.currency ?? 'EUR');
  if (quote.isPending)
    return (
      <p role="status" className="madeto-shared-quote" data-state="loading">
        {t('rep.shared.loading')}
      </p>
    );
  if (quote.isError)
    return (
      <p role="alert" className="madeto-shared-quote" data-state="error">
        {t('rep.shared.loadError', {
          message:
            quote.error instanceof QuoteApiError && quote.error.code === 'QUOTE_NOT_FOUND'
              ? t('rep.shared.notFound')
              : quote.error.message,
        })}
      </p>
    );
  const doc = quote.data;
  const state: SharedQuoteState = accept.isSuccess
    ? 'accepted'
    : doc.state === 'accepted'
      ? 'accepted'
      : doc.state === 'expired'
        ? 'expired'
        : doc.state === 'closed'
          ? 'closed'
          : doc.approvalStatus === 'required'
            ? 'approval-required'
            : doc.approvalStatus === 'approved'
              ? 'approved'
              : 'open';
  return (
    <div className="madeto madeto-shared-quote" data-state={state} lang={locale}>
      <QuoteDocument document={doc} audience="customer" locale={locale} />
      <div className="madeto-shared-actions">
        {accept.isSuccess ? (
          <p role="status">{t('rep.shared.accepted', { number: accept.data.number })}</p>
        ) : (
          <>
            <button
              type="button"
              disabled={!doc.canAccept || accept.isPending}
              aria-describedby={doc.cannotAccept ? why : undefined}
              onClick={() => accept.mutate()}
            >
              {t('rep.shared.accept')}
            </button>
            {doc.cannotAccept && <p id={why}>{cannotAcceptText(doc.cannotAccept, doc, t, date)}</p>}
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
