import type { ProductModel } from '../../engine/model/types.ts';
import type { ConfigurationComparison } from '../../engine/quotes/compareConfigurations.ts';
import { attributeLabel, valueLabel } from '../panels/labels.ts';
import { formatMoney } from '../i18n/format.ts';

/** The props of `<QuoteComparison>`. */
export interface QuoteComparisonProps {
  comparison: ConfigurationComparison;
  currency: string;
  /** Locale for money (`Intl`); default English. */
  locale?: string;
  models: readonly ProductModel[];
  labels?: [string, string];
}

/**
 * Two configurations side by side: total price, delivery date, and only the options that differ
 * (from `compareConfigurations`).
 */
export function QuoteComparison(props: QuoteComparisonProps) {
  const [a, b] = props.comparison.sides;
  const [la, lb] = props.labels ?? [`Line ${a.line.lineId}`, `Line ${b.line.lineId}`];
  const money = (x: string) => formatMoney(x, props.currency, props.locale ?? 'en');
  const model = props.models.find((m) => m.id === a.line.productId);
  const show = (attribute: string, v: unknown) =>
    v === undefined ? '—' : model ? valueLabel(model, attribute, v as never) : String(v);
  const diff = Number(props.comparison.totalDifference);
  return (
    <table className="madeto-quote-comparison">
      <caption>Comparison</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{la}</th>
          <th scope="col">{lb}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Total</th>
          <td>{money(a.total)}</td>
          <td>
            {money(b.total)}{' '}
            <span data-state={diff > 0 ? 'dearer' : diff < 0 ? 'cheaper' : 'same'}>
              ({diff > 0 ? '+' : diff < 0 ? '−' : '±'}
              {money(String(Math.abs(diff)))})
            </span>
          </td>
        </tr>
        <tr>
          <th scope="row">Delivery</th>
          <td>{a.deliveryDate ?? 'to be confirmed'}</td>
          <td>{b.deliveryDate ?? 'to be confirmed'}</td>
        </tr>
        {props.comparison.differingOptions.length === 0 ? (
          <tr>
            <th scope="row">Options</th>
            <td colSpan={2}>The same options</td>
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
