import type { ProductModel } from '../../engine/model/types.ts';
import type { PriceResult } from '../../engine/pricing/price.ts';
import type { QuoteChange } from '../../engine/quotes/quoteChanges.ts';
import type { RepQuote } from '../../engine/quotes/repQuote.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { formatMoney, formatRate } from '../i18n/format.ts';

/** The combined promise shown on a quote. */
export interface QuotePromise {
  status: 'ok' | 'unavailable';
  shipPolicy: 'complete' | 'asap';
  shipDate?: string;
  deliveryDate?: string;
}

/** The props of `<QuoteDocument>`. */
export interface QuoteDocumentProps {
  /** The quote number, absent for an unsaved draft. */
  number?: string;
  revision?: number;
  quote: RepQuote;
  price: PriceResult;
  promise?: QuotePromise | null;
  approvalRequired: boolean;
  /** What changed since the revision was quoted (a reopened quote). */
  changes?: readonly QuoteChange[];
  models: readonly ProductModel[];
  /** The issue date (`YYYY-MM-DD`). */
  issued: string;
  seller?: string;
  locale?: string;
}

function Options({
  model,
  selection,
}: {
  model?: ProductModel;
  selection: RepQuote['lines'][number]['selection'];
}) {
  const entries = Object.entries(selection);
  if (entries.length === 0) return null;
  return (
    <dl className="madeto-quote-options">
      {entries.map(([attribute, value]) => (
        <div key={attribute}>
          <dt>{model ? attributeLabel(model, attribute) : attribute}</dt>
          <dd>
            {model
              ? valueLabel(model, attribute, value)
              : Array.isArray(value)
                ? value.join(', ')
                : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A quote laid out as a business document (printable with `quote-print.css`): seller and
 * customer, number, revision, issue and validity dates, each line with its chosen options, quantity,
 * unit and net price, the document discount, taxes by rate, totals, the combined delivery promise
 * and the notes. An approval requirement and changes since quoting are stated, never hidden.
 */
export function QuoteDocument(props: QuoteDocumentProps) {
  const { quote, price } = props;
  const money = (a: string) => formatMoney(a, price.currency, props.locale ?? 'en');
  // Tax rates are fractions ("0.19"): shown as percentages at the edge.
  const percent = (rate: string) => formatRate(rate, props.locale ?? 'en');
  const models = new Map(props.models.map((m) => [m.id, m] as const));
  const state = props.approvalRequired ? 'approval-required' : 'valid';
  return (
    <article className="madeto-quote-document" data-state={state} aria-labelledby="quote-title">
      <header className="madeto-quote-head">
        <div>
          <p className="madeto-quote-seller">{props.seller ?? 'Madeto Furniture GmbH'}</p>
          <h2 id="quote-title">
            Quote {props.number ?? '(draft)'}
            {props.revision !== undefined && ` · revision ${props.revision}`}
          </h2>
        </div>
        <dl className="madeto-quote-meta">
          <dt>Issued</dt>
          <dd>{props.issued}</dd>
          <dt>Valid until</dt>
          <dd>{quote.validUntil}</dd>
          <dt>Sales rep</dt>
          <dd>{quote.rep}</dd>
        </dl>
      </header>
      <section aria-label="Customer" className="madeto-quote-customer">
        <h3>Customer</h3>
        <p>
          {quote.customer.name}
          {quote.customer.company && <>, {quote.customer.company}</>}
          <br />
          {quote.customer.email}
        </p>
      </section>
      {props.approvalRequired && (
        <p role="alert" className="madeto-quote-approval">
          Approval required: {price.violations.map((v) => v.message).join('; ')}. This quote cannot
          be accepted until a manager approves it.
        </p>
      )}
      {props.changes && props.changes.length > 0 && (
        <section aria-label="Changes since quoted" className="madeto-quote-changes" role="status">
          <h3>Changed since this revision was quoted</h3>
          <ul>
            {props.changes.map((c) => (
              <li key={`${c.kind}${c.path}`} data-kind={c.kind}>
                {c.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <table className="madeto-quote-lines">
        <caption>Quoted items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Qty</th>
            <th scope="col">Unit price</th>
            <th scope="col">Net</th>
            <th scope="col">Tax</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((l) => {
            const p = price.lines.find((x) => x.lineId === l.lineId);
            const model = models.get(l.productId);
            return (
              <tr key={l.lineId}>
                <th scope="row">
                  {model?.name ?? l.productId}
                  <Options {...(model && { model })} selection={l.selection} />
                </th>
                <td>{l.quantity}</td>
                <td>{p ? money(p.unit) : '—'}</td>
                <td>{p ? money(p.extended) : '—'}</td>
                <td>{p ? percent(p.taxRate) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {price.documentDiscount !== '0' && Number(price.documentDiscount) !== 0 && (
            <tr>
              <th scope="row" colSpan={3}>
                Document discount
              </th>
              <td colSpan={2}>−{money(price.documentDiscount)}</td>
            </tr>
          )}
          <tr>
            <th scope="row" colSpan={3}>
              Subtotal (net)
            </th>
            <td colSpan={2}>{money(price.subtotal)}</td>
          </tr>
          {price.taxes.map((t) => (
            <tr key={t.taxId}>
              <th scope="row" colSpan={3}>
                Tax {t.taxId} {percent(t.rate)} on {money(t.base)}
              </th>
              <td colSpan={2}>{money(t.amount)}</td>
            </tr>
          ))}
          <tr className="madeto-quote-total">
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td colSpan={2}>{money(price.total)}</td>
          </tr>
        </tfoot>
      </table>
      <section aria-label="Delivery" className="madeto-quote-delivery">
        <h3>Delivery</h3>
        <p>
          {quote.shipPolicy === 'complete'
            ? 'Shipped complete in one delivery'
            : 'Each item shipped as soon as possible'}
          {': '}
          {props.promise?.status === 'ok' && props.promise.deliveryDate
            ? `delivery by ${props.promise.deliveryDate}`
            : 'delivery date to be confirmed'}
        </p>
      </section>
      {quote.notes !== '' && (
        <section aria-label="Notes" className="madeto-quote-notes">
          <h3>Notes</h3>
          <p>{quote.notes}</p>
        </section>
      )}
      <footer className="madeto-quote-foot">
        Prices in {price.currency}, priced for {price.date}. This quote is valid until{' '}
        {quote.validUntil}.
      </footer>
    </article>
  );
}
