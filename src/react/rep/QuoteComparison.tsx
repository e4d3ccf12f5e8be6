import type { ProductModel, ConfigurationComparison } from '../../engine/index.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { repFormat } from './repFormat.ts';

/** The props of `<QuoteComparison>`. */
export interface QuoteComparisonProps {
  comparison: ConfigurationComparison;
  currency: string;
  /** Locale of the words, money and dates (`Intl`); default English. */
  locale?: string;
  models: readonly ProductModel[];
  labels?: [string, string];
}

/** How the right side's total compares with the left's, from the sign of the decimal difference. */
const direction = (difference: string) =>
  /^[+-]?0(\.0+)?$/.test(difference) ? 'same' : difference.startsWith('-') ? 'cheaper' : 'dearer';

/**
 * Two configurations side by side: total price, delivery date, and only the options that differ
 * (from `compareConfigurations`).
 */
export function QuoteComparison(props: QuoteComparisonProps) {
  const f = repFormat(props.locale ?? 'en', props.currency);
  const { t } = f;
  const [a, b] = props.comparison.sides;
  const [la, lb] = props.labels ?? [
    t('rep.line', { line: a.line.lineId }),
    t('rep.line', { line: b.line.lineId }),
  ];
  const model = props.models.find((m) => m.id === a.line.productId);
  const yesNo = { yes: t('value.yes'), no: t('value.no') };
  const show = (attribute: string, v: unknown) =>
    v === undefined ? '—' : model ? valueLabel(model, attribute, v as never, yesNo) : String(v);
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
              <th scope="row">{model ? attributeLabel(model, o.attribute) : o.attribute}</th>
              <td>{show(o.attribute, o.left)}</td>
              <td>{show(o.attribute, o.right)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
