import type { ProductModel } from '../../engine/model/types.ts';
import type { PriceResult } from '../../engine/pricing/price.ts';
import type { QuoteChange } from '../../engine/quotes/quoteChanges.ts';
import type { RepQuote } from '../../engine/quotes/repQuote.ts';
import type { ApprovalState } from './approvalState.ts';
import { changeText } from './changeText.ts';
import { QuoteDocumentLines } from './QuoteDocumentLines.tsx';
import { repFormat, violationText, type RepFormat } from './repFormat.ts';
import { DEFAULT_SELLER, type SellerDetails } from './sellerDetails.ts';

/** The combined promise shown on a quote. */
export interface QuotePromise {
  status: 'ok' | 'unavailable';
  shipPolicy: 'complete' | 'asap';
  shipDate?: string;
  deliveryDate?: string;
}

/**
 * Who reads the document: the customer (what they are offered, never the seller's internal
 * guardrails) or the rep (the same document, with the guardrails an approval is about).
 */
export type QuoteAudience = 'customer' | 'rep';

/** The props of `<QuoteDocument>`. */
export interface QuoteDocumentProps {
  /** The quote number, absent for an unsaved draft. */
  number?: string;
  revision?: number;
  quote: RepQuote;
  price: PriceResult;
  promise?: QuotePromise | null;
  /** Where the revision stands on approval (`approvalState`). */
  approval: ApprovalState;
  /** Default `customer`: the guardrails behind an approval are shown only to `rep`. */
  audience?: QuoteAudience;
  /** What changed since the revision was quoted (a reopened quote). */
  changes?: readonly QuoteChange[];
  models: readonly ProductModel[];
  /** The issue date (`YYYY-MM-DD`). */
  issued: string;
  /** The seller's name, logo, address and terms (configuration); default a name only. */
  seller?: SellerDetails | undefined;
  /** Locale of the words, money, rates and dates; default English. */
  locale?: string;
}

/** The approval line of the document, in the audience's words (`null`: nothing to say). */
function approvalNotice(
  props: QuoteDocumentProps,
  f: RepFormat,
): { state: string; text: string } | null {
  const { approval, audience = 'customer' } = props;
  const reasons = props.price.violations.map((v) => violationText(v, f)).join(' ');
  switch (approval.kind) {
    case 'not-needed':
      return null;
    case 'required':
      return {
        state: 'approval-required',
        text:
          audience === 'rep' ? f.t('rep.doc.approval', { reasons }) : f.t('rep.doc.awaitsApproval'),
      };
    case 'approved': {
      const at = {
        name: approval.approval.approvedBy,
        date: f.instantDate(approval.approval.approvedAt),
      };
      return {
        state: 'approved',
        text:
          audience === 'rep'
            ? f.t('rep.doc.approvedPast', { ...at, reasons })
            : f.t('rep.doc.approved', at),
      };
    }
    default:
      return approval satisfies never;
  }
}

/** The seller's block: logo, name, address and contact. */
function Seller({ seller }: { seller: SellerDetails }) {
  const contact = [seller.email, seller.phone, seller.web].filter((x) => x !== undefined);
  return (
    <address className="madeto-quote-seller">
      {seller.logo && <img src={seller.logo} alt="" className="madeto-quote-logo" />}
      <strong>{seller.name}</strong>
      {seller.address?.map((line) => (
        <span key={line}>{line}</span>
      ))}
      {contact.length > 0 && <span>{contact.join(' · ')}</span>}
      {seller.taxId && <span>{seller.taxId}</span>}
    </address>
  );
}

/**
 * A quote laid out as a business document (printable with `quote-print.css`): the seller (logo,
 * address, contact), the customer, number, revision, issue and validity dates, each line with its
 * chosen options in words, list price, discount granted and net price, the document discount,
 * taxes by rate, totals, the combined delivery promise, notes and the seller's terms. Where the
 * revision stands on approval is stated (awaiting approval, or approved by whom); the guardrails
 * behind it only for `audience="rep"`, never on the customer's copy. Costs are never shown.
 */
export function QuoteDocument(props: QuoteDocumentProps) {
  const { quote, price } = props;
  const f = repFormat(props.locale ?? 'en', price.currency);
  const { t, date } = f;
  const seller = props.seller ?? DEFAULT_SELLER;
  const notice = approvalNotice(props, f);
  const policy = t(quote.shipPolicy === 'complete' ? 'rep.doc.shipComplete' : 'rep.doc.shipAsap');
  const delivery =
    props.promise?.status === 'ok' && props.promise.deliveryDate
      ? t('rep.doc.deliveryBy', { policy, date: date(props.promise.deliveryDate) })
      : t('rep.doc.deliveryTbc', { policy });
  return (
    <article
      className="madeto-quote-document"
      data-state={notice?.state ?? 'valid'}
      data-audience={props.audience ?? 'customer'}
      aria-labelledby="quote-title"
    >
      <header className="madeto-quote-head">
        <div>
          <Seller seller={seller} />
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
      {notice && (
        <p
          role={notice.state === 'approved' ? 'status' : 'alert'}
          className="madeto-quote-approval"
          data-state={notice.state}
        >
          {notice.text}
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
                {changeText(c, quote, f, props.audience ?? 'customer')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <QuoteDocumentLines quote={quote} price={price} models={props.models} f={f} />
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
      <section aria-label={t('rep.doc.terms')} className="madeto-quote-terms">
        <h3>{t('rep.doc.terms')}</h3>
        <p>
          {t('rep.doc.footer', {
            currency: price.currency,
            date: date(price.date),
            validUntil: date(quote.validUntil),
          })}
        </p>
        {seller.terms?.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
    </article>
  );
}
