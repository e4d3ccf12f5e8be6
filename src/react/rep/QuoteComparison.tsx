import type { ConfigurationComparison, ProductModel, SelectionValue } from '../../engine/index.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { repFormat } from './repFormat.ts';

/** The props of `<QuoteComparison>`. */
export interface QuoteComparisonProps {
  /** The engine's comparison of two configured lines (`compareConfigurations`). */
  comparison: ConfigurationComparison;
  /** The currency of the totals. */
  currency: string;
  /** Locale of the words, money and dates (`Intl`); default English. */
  locale?: string;
  /** The models of the two lines' products (their options in the buyer's words). */
  models: readonly ProductModel[];
  /** The two columns' headings; by default "Line L1" and "Line L2" (the lines' ids). */
  labels?: [string, string];
}

/** How the right side's total compares with the left's, from the sign of the decimal difference. */
const direction = (difference: string) =>
  /^[+-]?0(\.0+)?$/.test(difference) ? 'same' : difference.startsWith('-') ? 'cheaper' : 'dearer';

/**
 * Two configurations side by side: total price, delivery date, and only the options that differ
 * (from `compareConfigurations`), each in words of its own product's model (two lines may be
 * different products: then the products are named too); never a raw id where the model has a label.
 */
export function QuoteComparison(props: QuoteComparisonProps) {
  const f = repFormat(props.locale ?? 'en', props.currency);
  const { t } = f;
  const [a, b] = props.comparison.sides;
  const [la, lb] = props.labels ?? [
    t('rep.line', { line: a.line.lineId }),
    t('rep.line', { line: b.line.lineId }),
  ];
  // Each side in its own product's words: two lines may be different products.
  const modelOf = (productId: string) => props.models.find((m) => m.id === productId);
  const left = modelOf(a.line.productId);
  const right = modelOf(b.line.productId);
  const yesNo = { yes: t('value.yes'), no: t('value.no') };
  const show = (
    model: ProductModel | undefined,
    attribute: string,
    v: SelectionValue | undefined,
  ) => (v === undefined ? '—' : model ? valueLabel(model, attribute, v, yesNo) : String(v));
  const label = (attribute: string) => {
    const model = [left, right].find((m) => m?.attributes.some((x) => x.id === attribute));
    return model ? attributeLabel(model, attribute) : attribute;
  };
  const delivery = (d: string | undefined) => (d === undefined ? t('rep.compare.tbc') : f.date(d));
  const difference = props.comparison.totalDifference;
  return (
    <table className="madeto-quote-comparison">
      <caption>{t('rep.compare.caption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{la}</th>
          <th scope="col">{lb}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('rep.compare.total')}</th>
          <td>{f.money(a.total)}</td>
          <td>
            {f.money(b.total)}{' '}
            <span data-state={direction(difference)}>({f.signedMoney(difference)})</span>
          </td>
        </tr>
        {a.line.productId !== b.line.productId && (
          <tr>
            <th scope="row">{t('rep.compare.product')}</th>
            <td>{left?.name ?? a.line.productId}</td>
            <td>{right?.name ?? b.line.productId}</td>
          </tr>
        )}
        <tr>
          <th scope="row">{t('rep.compare.delivery')}</th>
          <td>{delivery(a.deliveryDate)}</td>
          <td>{delivery(b.deliveryDate)}</td>
        </tr>
        {props.comparison.differingOptions.length === 0 ? (
          <tr>
            <th scope="row">{t('rep.compare.options')}</th>
            <td colSpan={2}>{t('rep.compare.same')}</td>
          </tr>
        ) : (
          props.comparison.differingOptions.map((o) => (
            <tr key={o.attribute} data-kind="differing-option">
              <th scope="row">{label(o.attribute)}</th>
              <td>{show(left, o.attribute, o.left)}</td>
              <td>{show(right, o.attribute, o.right)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
