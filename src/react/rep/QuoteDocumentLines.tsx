import type { CustomerQuoteWire } from '../../engine/index.ts';
import { formatRate } from '../i18n/format.ts';
import type { RepFormat } from './repFormat.ts';
import { LinePictureView } from '../preview/LinePictureView.tsx';

const isZero = (d: string) => /^-?0(\.0+)?$/.test(d);

/** A line's chosen options in words ("Top material: Oak"), as the document carries them. */
function Options({
  options,
  f,
}: {
  options: CustomerQuoteWire['lines'][number]['options'];
  f: RepFormat;
}) {
  if (options.length === 0) return null;
  // Booleans arrive as "yes"/"no": said in the reader's language.
  const words = (v: string) => (v === 'yes' ? f.t('value.yes') : v === 'no' ? f.t('value.no') : v);
  return (
    <dl className="madeto-quote-options">
      {options.map((o) => (
        <div key={o.attribute}>
          <dt>{o.attribute}</dt>
          <dd>{words(o.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The quoted items of a quote document: each line with its picture, product and chosen options in words,
 * quantity, unit list price, list amount, the discount granted (amount and share), net amount and
 * tax rate; one-time charges; then the list total, the discounts granted (with the document
 * discount), net, taxes by rate and the total. On a narrow screen each row stacks (quote-print.css).
 */
export function QuoteDocumentLines({ doc, f }: { doc: CustomerQuoteWire; f: RepFormat }) {
  const { t, money } = f;
  const percent = (rate: string) => formatRate(rate, f.locale);
  const cols = [
    t('rep.doc.item'),
    t('rep.doc.quantity'),
    t('rep.doc.listPrice'),
    t('rep.doc.listAmount'),
    t('rep.doc.discount'),
    t('rep.doc.net'),
    t('rep.doc.tax'),
  ];
  const foot = (label: string, value: string, className?: string) => (
    <tr className={className}>
      <th scope="row" colSpan={5}>
        {label}
      </th>
      <td colSpan={2}>{value}</td>
    </tr>
  );
  const cell = (i: number, text: string) => <td data-label={cols[i]}>{text}</td>;
  const { totals } = doc;
  return (
    <table className="madeto-quote-lines">
      <caption>{t('rep.doc.items')}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {doc.lines.map((l) => (
          <tr key={l.lineId}>
            <th scope="row">
              {/* The line's heading: its picture over its product, one block on paper. */}
              <div className="madeto-quote-line-head">
                {l.picture && (
                  <LinePictureView
                    picture={l.picture}
                    label={t('rep.doc.picture', { product: l.product })}
                  />
                )}
                {l.product}
              </div>
              <Options options={l.options} f={f} />
            </th>
            {cell(1, f.count(l.quantity))}
            {cell(2, money(l.listUnit))}
            {cell(3, money(l.list))}
            {cell(
              4,
              isZero(l.discount) ? '—' : `−${money(l.discount)} (${f.percent(l.discountPercent)})`,
            )}
            {cell(5, money(l.net))}
            {cell(6, percent(l.taxRate))}
          </tr>
        ))}
        {doc.charges.map((c) => (
          <tr key={c.label} data-kind="charge">
            <th scope="row">{c.label}</th>
            {cell(1, '1')}
            {cell(2, money(c.net))}
            {cell(3, money(c.net))}
            {cell(4, '—')}
            {cell(5, money(c.net))}
            {cell(6, '—')}
          </tr>
        ))}
      </tbody>
      <tfoot>
        {!isZero(totals.discounts) && (
          <>
            {foot(t('rep.doc.listTotal'), money(totals.list))}
            {foot(t('rep.doc.discountsGranted'), `−${money(totals.discounts)}`)}
          </>
        )}
        {!isZero(totals.documentDiscount) &&
          foot(
            t('rep.doc.documentDiscountIncluded'),
            `−${money(totals.documentDiscount)}`,
            'madeto-quote-sub',
          )}
        {foot(t('rep.doc.subtotal'), money(totals.net))}
        {doc.taxes.map((tax) => (
          <tr key={tax.rate}>
            <th scope="row" colSpan={5}>
              {t('rep.doc.taxLine', { rate: percent(tax.rate), base: money(tax.base) })}
            </th>
            <td colSpan={2}>{money(tax.amount)}</td>
          </tr>
        ))}
        {foot(t('rep.doc.total'), money(totals.total), 'madeto-quote-total')}
      </tfoot>
    </table>
  );
}
