import type { ProductModel, PriceResult, QuoteChange, RepQuote } from '../../engine/index.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { formatRate } from '../i18n/format.ts';
import { repFormat, violationText } from './repFormat.ts';

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
  /** Locale of the words, money, rates and dates; default English. */
  locale?: string;
}

function Options({
  model,
  selection,
  yesNo,
}: {
  model?: ProductModel;
  selection: RepQuote['lines'][number]['selection'];
  yesNo: { yes: string; no: string };
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
              ? valueLabel(model, attribute, value, yesNo)
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
  const f = repFormat(props.locale ?? 'en', price.currency);
  const { t, money, date } = f;
  // Tax rates are fractions ("0.19"): shown as percentages at the edge.
  const percent = (rate: string) => formatRate(rate, f.locale);
  const models = new Map(props.models.map((m) => [m.id, m] as const));
  const state = props.approvalRequired ? 'approval-required' : 'valid';
  const yesNo = { yes: t('value.yes'), no: t('value.no') };
  const policy = t(quote.shipPolicy === 'complete' ? 'rep.doc.shipComplete' : 'rep.doc.shipAsap');
  const delivery =
    props.promise?.status === 'ok' && props.promise.deliveryDate
      ? t('rep.doc.deliveryBy', { policy, date: date(props.promise.deliveryDate) })
      : t('rep.doc.deliveryTbc', { policy });
  return (
    <article className="madeto-quote-document" data-state={state} aria-labelledby="quote-title">
      <header className="madeto-quote-head">
        <div>
          <p className="madeto-quote-seller">{props.seller ?? 'Madeto Furniture GmbH'}</p>
          <h2 id="quote-title">
            {props.number === undefined
              ? t('rep.draftTitle')
              : props.revision === undefined
                ? `${t('rep.quote')} ${props.number}`
                : t('rep.storedTitle', { number: props.number, revision: props.revision })}
          </h2>
        </div>
        <dl className="madeto-quote-meta">
          <dt>{t('rep.doc.issued')}</dt>
          <dd>{date(props.issued)}</dd>
          <dt>{t('rep.validUntil')}</dt>
          <dd>{date(quote.validUntil)}</dd>
          <dt>{t('rep.salesRep')}</dt>
          <dd>{quote.rep}</dd>
        </dl>
      </header>
      <section aria-label={t('rep.customer')} className="madeto-quote-customer">
        <h3>{t('rep.customer')}</h3>
        <p>
          {quote.customer.name}
          {quote.customer.company && <>, {quote.customer.company}</>}
          <br />
          {quote.customer.email}
        </p>
      </section>
      {props.approvalRequired && (
        <p role="alert" className="madeto-quote-approval">
          {t('rep.doc.approval', {
            reasons: price.violations.map((v) => violationText(v, f)).join(' '),
          })}
        </p>
      )}
      {props.changes && props.changes.length > 0 && (
        <section
          aria-label={t('rep.doc.changesLabel')}
          className="madeto-quote-changes"
          role="status"
        >
          <h3>{t('rep.doc.changes')}</h3>
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
        <caption>{t('rep.doc.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rep.doc.item')}</th>
            <th scope="col">{t('rep.doc.quantity')}</th>
            <th scope="col">{t('rep.doc.unitPrice')}</th>
            <th scope="col">{t('rep.doc.net')}</th>
            <th scope="col">{t('rep.doc.tax')}</th>
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
                  <Options {...(model && { model })} selection={l.selection} yesNo={yesNo} />
                </th>
                <td>{f.count(l.quantity)}</td>
                <td>{p ? money(p.unit) : '—'}</td>
                <td>{p ? money(p.extended) : '—'}</td>
                <td>{p ? percent(p.taxRate) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {!/^0(\.0+)?$/.test(price.documentDiscount) && (
            <tr>
              <th scope="row" colSpan={3}>
                {t('rep.doc.documentDiscount')}
              </th>
              <td colSpan={2}>−{money(price.documentDiscount)}</td>
            </tr>
          )}
          <tr>
            <th scope="row" colSpan={3}>
              {t('rep.doc.subtotal')}
            </th>
            <td colSpan={2}>{money(price.subtotal)}</td>
          </tr>
          {price.taxes.map((tax) => (
            <tr key={tax.taxId}>
              <th scope="row" colSpan={3}>
                {t('rep.doc.taxLine', {
                  taxId: tax.taxId,
                  rate: percent(tax.rate),
                  base: money(tax.base),
                })}
              </th>
              <td colSpan={2}>{money(tax.amount)}</td>
            </tr>
          ))}
          <tr className="madeto-quote-total">
            <th scope="row" colSpan={3}>
              {t('rep.doc.total')}
            </th>
            <td colSpan={2}>{money(price.total)}</td>
          </tr>
        </tfoot>
      </table>
      <section aria-label={t('rep.shipPolicy')} className="madeto-quote-delivery">
        <h3>{t('rep.shipPolicy')}</h3>
        <p>{delivery}</p>
      </section>
      {quote.notes !== '' && (
        <section aria-label={t('rep.notes')} className="madeto-quote-notes">
          <h3>{t('rep.notes')}</h3>
          <p>{quote.notes}</p>
        </section>
      )}
      <footer className="madeto-quote-foot">
        {t('rep.doc.footer', {
          currency: price.currency,
          date: date(price.date),
          validUntil: date(quote.validUntil),
        })}
      </footer>
    </article>
  );
}
