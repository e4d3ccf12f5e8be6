import { useMemo, useState } from 'react';
import type { Snapshot } from '../../engine/leadtime/schema.ts';
import type { ProductModel } from '../../engine/model/types.ts';
import { PricingError } from '../../engine/pricing/PricingError.ts';
import type { Pricing } from '../../engine/pricing/schema.ts';
import { compareConfigurations } from '../../engine/quotes/compareConfigurations.ts';
import { priceQuote, type PricedQuote } from '../../engine/quotes/priceQuote.ts';
import { parseRepQuote, type RepQuote as RepQuoteData } from '../../engine/quotes/repQuote.ts';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import { QuoteComparison } from './QuoteComparison.tsx';
import { QuoteDocument } from './QuoteDocument.tsx';
import { QuoteLines } from './QuoteLines.tsx';
import { RepDiscounts } from './RepDiscounts.tsx';
import { repQuoteApi, type QuoteView } from './quoteApi.ts';

/** The props of `<RepQuote>`, the widget's rep mode. */
export interface RepQuoteProps {
  models: readonly ProductModel[];
  pricing: Pricing;
  snapshot?: Snapshot | undefined;
  /** The backend's origin (`''`: this page's) and the rep's bearer token. */
  apiBase: string;
  token: string;
  /** "Now" (ISO instant) and today's date: the clock is the host's. */
  now: string;
  /** The quote to start from (a draft); `open` reopens a stored one by number. */
  initial: RepQuoteData;
  /** Builds the customer's link from a share token. */
  shareUrl?: (token: string) => string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'error'; message: string };

/**
 * A sales rep's quote editor: several configured lines, the customer, the rep's discounts with the
 * engine's guardrails (approval required shown, never clamped), number, validity, ship policy and
 * notes; live price and promise; save, reopen (any revision, with what changed), duplicate and
 * revise on the reference backend; a share link; a printable document; a comparison of two lines.
 */
export function RepQuote(props: RepQuoteProps) {
  const [quote, setQuote] = useState<RepQuoteData>(props.initial);
  const [stored, setStored] = useState<QuoteView | undefined>();
  const [active, setActive] = useState<string | undefined>();
  const [compare, setCompare] = useState<[string, string] | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [openNumber, setOpenNumber] = useState('');
  const api = useMemo(() => repQuoteApi(props.apiBase, props.token), [props.apiBase, props.token]);
  const data = {
    pricing: props.pricing,
    models: props.models,
    snapshot: props.snapshot,
    now: props.now,
  };

  const priced = useMemo((): PricedQuote | string => {
    try {
      return priceQuote(quote, data);
    } catch (e) {
      if (e instanceof PricingError)
        return e.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw e;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quote, props.pricing, props.models, props.snapshot, props.now]);

  const set = <K extends keyof RepQuoteData>(key: K, value: RepQuoteData[K]) =>
    setQuote((q) => ({ ...q, [key]: value }));
  const run = async (what: () => Promise<QuoteView>, done: (v: QuoteView) => string) => {
    setStatus({ kind: 'saving' });
    try {
      const v = await what();
      setStored(v);
      setQuote(v.quote);
      setStatus({ kind: 'saved', message: done(v) });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const save = () => {
    const parsed = parseRepQuote(quote);
    if (!parsed.ok) {
      setStatus({
        kind: 'error',
        message: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      });
      return;
    }
    void run(
      () => api.save(parsed.quote, stored?.number),
      (v) => `Saved ${v.number} revision ${v.revision}`,
    );
  };
  const lineIds = quote.lines.map((l) => l.lineId);
  const pair =
    compare &&
    quote.lines.find((l) => l.lineId === compare[0]) &&
    quote.lines.find((l) => l.lineId === compare[1]);
  const comparison =
    compare && pair
      ? compareConfigurations(
          quote,
          quote.lines.find((l) => l.lineId === compare[0])!,
          quote.lines.find((l) => l.lineId === compare[1])!,
          data,
        )
      : undefined;

  return (
    <div
      className="madeto madeto-rep"
      data-state={
        typeof priced === 'string'
          ? 'error'
          : priced.approvalRequired
            ? 'approval-required'
            : 'valid'
      }
    >
      <section aria-label="Quote" className="madeto-rep-form">
        <h2>{stored ? `Quote ${stored.number} · revision ${stored.revision}` : 'New quote'}</h2>
        <div className="madeto-rep-open">
          <label>
            Quote number
            <input value={openNumber} onChange={(e) => setOpenNumber(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={openNumber.trim() === ''}
            onClick={() =>
              void run(
                () => api.open(openNumber.trim()),
                (v) => `Opened ${v.number} revision ${v.revision}`,
              )
            }
          >
            Open
          </button>
          {stored?.revisions && stored.revisions.length > 1 && (
            <label>
              Revision
              <select
                value={stored.revision}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  void run(
                    () => api.open(stored.number, n),
                    (v) => `Opened ${v.number} revision ${v.revision}`,
                  );
                }}
              >
                {stored.revisions.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <fieldset>
          <legend>Customer</legend>
          <label>
            Customer name
            <input
              value={quote.customer.name}
              onChange={(e) => set('customer', { ...quote.customer, name: e.target.value })}
            />
          </label>
          <label>
            Customer e-mail
            <input
              type="email"
              value={quote.customer.email}
              onChange={(e) => set('customer', { ...quote.customer, email: e.target.value })}
            />
          </label>
          <label>
            Company
            <input
              value={quote.customer.company ?? ''}
              onChange={(e) => set('customer', { ...quote.customer, company: e.target.value })}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Terms</legend>
          <label>
            Sales rep
            <input value={quote.rep} onChange={(e) => set('rep', e.target.value)} />
          </label>
          <label>
            Valid until
            <input
              type="date"
              value={quote.validUntil}
              onChange={(e) => set('validUntil', e.target.value)}
            />
          </label>
          <label>
            <input
              type="radio"
              name="ship"
              checked={quote.shipPolicy === 'complete'}
              onChange={() => set('shipPolicy', 'complete')}
            />
            Ship complete
          </label>
          <label>
            <input
              type="radio"
              name="ship"
              checked={quote.shipPolicy === 'asap'}
              onChange={() => set('shipPolicy', 'asap')}
            />
            Ship each item as soon as possible
          </label>
          <label>
            Notes
            <textarea value={quote.notes} onChange={(e) => set('notes', e.target.value)} />
          </label>
        </fieldset>
        <QuoteLines
          lines={quote.lines}
          onChange={(lines) => set('lines', lines)}
          models={props.models}
          pricing={props.pricing}
          price={typeof priced === 'string' ? undefined : priced.price}
          active={active}
          onActivate={setActive}
        />
        <RepDiscounts
          discounts={quote.discounts}
          onChange={(d) => set('discounts', d)}
          currency={quote.pricing.currency}
          violations={typeof priced === 'string' ? [] : priced.price.violations}
        />
        <div className="madeto-rep-actions">
          <button type="button" onClick={save} disabled={status.kind === 'saving'}>
            {stored ? 'Save as new revision' : 'Save quote'}
          </button>
          <button
            type="button"
            disabled={!stored}
            onClick={() => {
              setStored(undefined);
              setStatus({ kind: 'saved', message: 'Duplicated: saving creates a new quote' });
            }}
          >
            Duplicate
          </button>
          <button type="button" onClick={() => window.print()}>
            Print / PDF
          </button>
        </div>
        <p role="status" data-state={status.kind}>
          {status.kind === 'saved' || status.kind === 'error'
            ? status.message
            : status.kind === 'saving'
              ? 'Saving…'
              : ''}
        </p>
        {stored && (
          <ApprovalPanel
            key={`${stored.number}/${stored.revision}`}
            stored={stored}
            approve={api.approve}
          />
        )}
        {stored?.shareToken && (
          <p>
            Customer link:{' '}
            <a
              href={
                props.shareUrl ? props.shareUrl(stored.shareToken) : `#/shared/${stored.shareToken}`
              }
            >
              {props.shareUrl ? props.shareUrl(stored.shareToken) : `#/shared/${stored.shareToken}`}
            </a>
          </p>
        )}
        {lineIds.length >= 2 && (
          <fieldset>
            <legend>Compare two lines</legend>
            {([0, 1] as const).map((side) => (
              <label key={side}>
                {side === 0 ? 'Left' : 'Right'}
                <select
                  value={compare?.[side] ?? ''}
                  onChange={(e) => {
                    const next: [string, string] = compare ?? [lineIds[0]!, lineIds[1]!];
                    const v = e.target.value;
                    setCompare(side === 0 ? [v, next[1]] : [next[0], v]);
                  }}
                >
                  <option value="">—</option>
                  {lineIds.map((id) => (
                    <option key={id} value={id}>
                      Line {id}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        )}
        {comparison && (
          <QuoteComparison
            comparison={comparison}
            currency={quote.pricing.currency}
            models={props.models}
          />
        )}
      </section>
      {typeof priced === 'string' ? (
        <p role="alert">The quote cannot be priced: {priced}</p>
      ) : (
        <QuoteDocument
          {...(stored && {
            number: stored.number,
            revision: stored.revision,
            changes: stored.changes,
          })}
          quote={quote}
          price={priced.price}
          promise={priced.promise ?? null}
          approvalRequired={priced.approvalRequired}
          models={props.models}
          issued={(stored?.createdAt ?? props.now).slice(0, 10)}
        />
      )}
    </div>
  );
}
