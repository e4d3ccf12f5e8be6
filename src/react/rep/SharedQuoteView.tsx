import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProductModel } from '../../engine/model/types.ts';
import { QuoteDocument } from './QuoteDocument.tsx';
import { sharedQuoteApi } from './quoteApi.ts';

/** The props of `<SharedQuoteView>`. */
export interface SharedQuoteViewProps {
  apiBase: string;
  /** The share token from the customer's link. */
  token: string;
  models: readonly ProductModel[];
  /** Today's date (`YYYY-MM-DD`): the clock is the host's. */
  today: string;
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
    () => sharedQuoteApi(props.apiBase, props.token),
    [props.apiBase, props.token],
  );
  const quote = useQuery({ queryKey: ['madeto', 'shared-quote', props.token], queryFn: api.get });
  const accept = useMutation({ mutationFn: api.accept });
  if (quote.isPending) return <p role="status">Loading the quote…</p>;
  if (quote.isError)
    return <p role="alert">The quote could not be loaded: {quote.error.message}</p>;
  const v = quote.data;
  const expired = v.quote.validUntil < props.today;
  const state = accept.isSuccess
    ? 'accepted'
    : expired
      ? 'expired'
      : v.approvalRequired
        ? 'approval-required'
        : 'open';
  return (
    <div className="madeto madeto-shared-quote" data-state={state}>
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
      />
      <div className="madeto-shared-actions">
        {accept.isSuccess ? (
          <p role="status">Thank you: order {accept.data.number} is placed.</p>
        ) : (
          <>
            <button
              type="button"
              disabled={expired || v.approvalRequired || accept.isPending}
              onClick={() => accept.mutate()}
            >
              Accept this quote
            </button>
            {expired && <p>This quote expired on {v.quote.validUntil}.</p>}
            {v.approvalRequired && <p>This quote awaits approval by the seller.</p>}
            {accept.isError && <p role="alert">{accept.error.message}</p>}
          </>
        )}
        <button type="button" onClick={() => window.print()}>
          Print / save as PDF
        </button>
      </div>
    </div>
  );
}
