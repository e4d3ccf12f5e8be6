import {
  type CustomerQuoteWire,
  type SellerWire,
  type PriceViolation,
} from '../../engine/index.ts';
import { changeText, type ChangeLike } from './changeText.ts';
import { QuoteDocumentLines } from './QuoteDocumentLines.tsx';
import { repFormat, violationText, type RepFormat } from './repFormat.ts';

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

/** A guardrail a revision passes (rep's view only). */
export type Guardrail = Pick<PriceViolation, 'rule' | 'limit' | 'actual'> & {
  lineId?: string | undefined;
};

/** The props of `<QuoteDocument>`. */
export interface QuoteDocumentProps {
  /**
   * The customer's document (`customerQuoteWire`): the backend's answer for a stored revision,
   * or the engine's `customerDocument` of the rep's unsaved draft (number `''`).
   */
  document: CustomerQuoteWire;
  /** Default `customer`: `guardrails` are shown only to `rep`. */
  audience?: QuoteAudience;
  /** The guardrails the revision passes (the rep's view: why it needs approval). */
  guardrails?: readonly Guardrail[];
  /** What changed since the revision was quoted (a reopened quote). */
  changes?: readonly ChangeLike[];
  /** Locale of the words, money, rates and dates; default English. */
  locale?: string;
}

/** The approval line of the document, in the audience's words (`null`: nothing to say). */
function approvalNotice(
  props: QuoteDocumentProps,
  f: RepFormat,
): { state: 'approval-required' | 'approved'; text: string } | null {
  const { document: doc, audience = 'customer' } = props;
  const reasons = (props.guardrails ?? []).map((v) => violationText(v, f)).join(' ');
  switch (doc.approvalStatus) {
    case 'not-needed':
      return null;
    case 'required':
      return {
        state: 'approval-required',
        text:
          audience === 'rep' ? f.t('rep.doc.approval', { reasons }) : f.t('rep.doc.awaitsApproval'),
      };
    case 'approved': {
      const at = doc.approval
        ? { name: doc.approval.approvedBy, date: f.instantDate(doc.approval.approvedAt) }
        : { name: '—', date: '—' };
      return {
        state: 'approved',
        text:
          audience === 'rep' && reasons !== ''
            ? f.t('rep.doc.approvedPast', { ...at, reasons })
            : f.t('rep.doc.approved', at),
      };
    }
    default:
      return doc.approvalStatus satisfies never;
  }
}

/** The seller's block: logo, name, address and contact. */
function Seller({ seller, f }: { seller: SellerWire; f: RepFormat }) {
  const contact = [seller.email, seller.phone, seller.website].filter((x) => x !== undefined);
  return (
    <address className="madeto-quote-seller">
      {seller.logoUrl && <img src={seller.logoUrl} alt="" className="madeto-quote-logo" />}
      <strong>{seller.name}</strong>
      {seller.address.map((line) => (
        <span key={line}>{line}</span>
      ))}
      {contact.length > 0 && <span>{contact.join(' · ')}</span>}
      {seller.vatId && <span>{f.t('rep.doc.vatId', { id: seller.vatId })}</span>}
    </address>
  );
}

/**
 * A quote laid out as a business document (printable with `quote-print.css`), from the customer's
 * document (`customerQuoteWire`): the seller (logo, address, contact, VAT id), the customer,
 * number, revision, issue and validity dates, each line with its options in words, list price,
 * discount granted and net, taxes by rate, totals, delivery, notes, payment and delivery terms.
 * Where the revision stands on approval is stated (awaiting approval, or approved by whom and
 * when); the guardrails behind it only for `audience="rep"`, never on the customer's copy.
 */
export function QuoteDocument(props: QuoteDocumentProps) {
  const { document: doc } = props;
  const f = repFormat(props.locale ?? 'en', doc.currency);
  const { t, date } = f;
  const notice = approvalNotice(props, f);
  const policy = t(
    doc.delivery.shipPolicy === 'complete' ? 'rep.doc.shipComplete' : 'rep.doc.shipAsap',
  );
  const delivery =
    doc.delivery.status === 'ok' && doc.delivery.deliveryDate
      ? t('rep.doc.deliveryBy', { policy, date: date(doc.delivery.deliveryDate) })
      : t('rep.doc.deliveryTbc', { policy });
  const lineIds = doc.lines.map((l) => l.lineId);
  return (
    <article
      className="madeto-quote-document"
      data-state={notice?.state ?? 'valid'}
      data-audience={props.audience ?? 'customer'}
      aria-labelledby="quote-title"
    >
      <header className="madeto-quote-head">
        <div>
          <Seller seller={doc.seller} f={f} />
          <h2 id="quote-title">
            {doc.number === ''
              ? t('rep.draftTitle')
              : t('rep.storedTitle', { number: doc.number, revision: doc.revision })}
          </h2>
        </div>
        <dl className="madeto-quote-meta">
          <dt>{t('rep.doc.issued')}</dt>
          <dd>{date(doc.issuedOn)}</dd>
          <dt>{t('rep.validUntil')}</dt>
          <dd>{date(doc.validUntil)}</dd>
          <dt>{t('rep.salesRep')}</dt>
          <dd>{doc.rep}</dd>
        </dl>
      </header>
      <section aria-label={t('rep.customer')} className="madeto-quote-customer">
        <h3>{t('rep.customer')}</h3>
        <p>
          {doc.customer.name}
          {doc.customer.company && <>, {doc.customer.company}</>}
          <br />
          {doc.customer.email}
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
                {changeText(c, lineIds, f, props.audience ?? 'customer')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <QuoteDocumentLines doc={doc} f={f} />
      <section aria-label={t('rep.shipPolicy')} className="madeto-quote-delivery">
        <h3>{t('rep.shipPolicy')}</h3>
        <p>{delivery}</p>
      </section>
      {doc.terms.notes !== '' && (
        <section aria-label={t('rep.notes')} className="madeto-quote-notes">
          <h3>{t('rep.notes')}</h3>
          <p>{doc.terms.notes}</p>
        </section>
      )}
      <section aria-label={t('rep.doc.terms')} className="madeto-quote-terms">
        <h3>{t('rep.doc.terms')}</h3>
        <p>
          {t('rep.doc.footer', {
            currency: doc.currency,
            date: date(doc.issuedOn),
            validUntil: date(doc.validUntil),
          })}
        </p>
        {doc.terms.payment && (
          <p>
            <strong>{t('rep.doc.paymentTerms')}:</strong> {doc.terms.payment}
          </p>
        )}
        {doc.terms.delivery && (
          <p>
            <strong>{t('rep.doc.deliveryTerms')}:</strong> {doc.terms.delivery}
          </p>
        )}
      </section>
    </article>
  );
}
