import type { ProductModel } from '../../engine/model/types.ts';
import type { PriceResult } from '../../engine/pricing/price.ts';
import type { RepQuote } from '../../engine/quotes/repQuote.ts';
import { formatRate } from '../i18n/format.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { documentFigures } from './documentFigures.ts';
import type { RepFormat } from './repFormat.ts';

const isZero = (d: string) => /^-?0(\.0+)?$/.test(d);

/** A line's chosen options in words ("Top material: Oak"); never an id the model can name. */
function Options({
  model,
  selection,
  yesNo,
}: {
  model?: ProductModel | undefined;
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
 * The quoted items of a quote document: each line with its product and chosen options in words,
 * quantity, list price, the discount granted, net unit price, net amount and tax rate; then the
 * list total, the discounts granted (lines and document), net subtotal, taxes by rate and the
 * total. A table: on a narrow screen each row stacks (see quote-print.css).
 */
export function QuoteDocumentLines(props: {
  quote: RepQuote;
  price: PriceResult;
  models: readonly ProductModel[];
  f: RepFormat;
}) {
  const { quote, price, f } = props;
  const { t, money } = f;
  const percent = (rate: string) => formatRate(rate, f.locale);
  const models = new Map(props.models.map((m) => [m.id, m] as const));
  const yesNo = { yes: t('value.yes'), no: t('value.no') };
  const figures = documentFigures(price);
  const cols = [
    t('rep.doc.item'),
    t('rep.doc.quantity'),
    t('rep.doc.listPrice'),
    t('rep.doc.discount'),
    t('rep.doc.unitPrice'),
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
        {quote.lines.map((l) => {
          const p = price.lines.find((x) => x.lineId === l.lineId);
          const fig = figures.lines.get(l.lineId);
          const model = models.get(l.productId);
          const cell = (i: number, text: string) => <td data-label={cols[i]}>{text}</td>;
          return (
            <tr key={l.lineId}>
              <th scope="row">
                {model?.name ?? l.productId}
                <Options model={model} selection={l.selection} yesNo={yesNo} />
              </th>
              {cell(1, f.count(l.quantity))}
              {cell(2, fig ? money(fig.listUnit) : '—')}
              {cell(
                3,
                fig && !isZero(fig.discountUnit)
                  ? `−${money(fig.discountUnit)} (${f.percent(fig.discountPercent)})`
                  : '—',
              )}
              {cell(4, fig ? money(fig.netUnit) : '—')}
              {cell(5, fig ? money(fig.net) : '—')}
              {cell(6, p ? percent(p.taxRate) : '—')}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {!isZero(figures.discountsTotal) && foot(t('rep.doc.listTotal'), money(figures.listTotal))}
        {!isZero(figures.lineDiscounts) &&
          foot(t('rep.doc.discountsGranted'), `−${money(figures.lineDiscounts)}`)}
        {!isZero(price.documentDiscount) &&
          foot(t('rep.doc.documentDiscount'), `−${money(price.documentDiscount)}`)}
        {foot(t('rep.doc.subtotal'), money(price.subtotal))}
        {price.taxes.map((tax) => (
          <tr key={tax.taxId}>
            <th scope="row" colSpan={5}>
              {t('rep.doc.taxLine', {
                taxId: tax.taxId,
                rate: percent(tax.rate),
                base: money(tax.base),
              })}
            </th>
            <td colSpan={2}>{money(tax.amount)}</td>
          </tr>
        ))}
        {foot(t('rep.doc.total'), money(price.total), 'madeto-quote-total')}
      </tfoot>
    </table>
  );
}
