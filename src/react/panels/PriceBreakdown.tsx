import type {
  LineResult,
  PriceResult,
  WaterfallStep,
  ProductModel,
  Selection,
} from '../../engine/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { formatMoney, formatRate } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';
import { refLabel } from './labels.ts';

/** What the breakdown shows: the engine's result, named with the model, in a locale. */
export interface PriceBreakdownProps {
  result: PriceResult;
  model: ProductModel;
  selection: Selection;
  t: Translate;
  locale: string;
}

/** Whether a decimal string is zero ("0.00", "-0.00"): a test of the text, not arithmetic. */
export function isZero(decimal: string): boolean {
  return /^[+-]?0*(\.0*)?$/.test(decimal);
}

/** The amount with the opposite sign, by its text (a discount shown as a reduction). */
function negated(decimal: string): string {
  return decimal.startsWith('-') ? decimal.slice(1) : `-${decimal}`;
}

const adjustmentKey: Partial<Record<WaterfallStep['kind'], MessageKey>> = {
  contract: 'waterfall.contract',
  priceRule: 'waterfall.priceRule',
  formula: 'waterfall.formula',
  fx: 'waterfall.fx',
  charm: 'waterfall.charm',
  volume: 'waterfall.volume',
  block: 'waterfall.block',
  percentOfTotal: 'waterfall.percentOfTotal',
  additionalDiscount: 'waterfall.additionalDiscount',
  partnerDiscount: 'waterfall.partnerDiscount',
  rounding: 'waterfall.rounding',
};

function Row(props: { label: string; value: string; kind?: string }) {
  return (
    <div className="madeto-price-row" data-kind={props.kind}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

function LineBreakdown({
  line,
  currency,
  ...p
}: Omit<PriceBreakdownProps, 'result'> & { line: LineResult; currency: string }) {
  const money = (d: string, signed = false) => formatMoney(d, currency, p.locale, { signed });
  const options = line.waterfall.filter(
    (s) => s.kind === 'option' && s.unitAmount !== undefined && !isZero(s.unitAmount),
  );
  // Steps that changed nothing (a volume tier of 0 %) are left out; a conversion has no amount.
  const adjustments = line.waterfall.filter(
    (s) =>
      adjustmentKey[s.kind] !== undefined && (s.unitAmount === undefined || !isZero(s.unitAmount)),
  );
  return (
    <>
      <Row label={p.t('price.list')} value={money(line.listUnit)} kind="list" />
      {options.map((s, i) => (
        <Row
          key={`o${i}`}
          kind="option"
          label={refLabel(p.model, s.ref ?? s.label, p.selection)}
          value={money(s.unitAmount!, true)}
        />
      ))}
      {adjustments.map((s, i) => (
        <Row
          key={`a${i}`}
          kind={s.kind}
          label={p.t(adjustmentKey[s.kind]!)}
          value={s.unitAmount === undefined ? money(s.unit ?? s.line) : money(s.unitAmount, true)}
        />
      ))}
      <Row label={p.t('price.unit')} value={money(line.unit)} kind="unit" />
      <Row
        kind="extended"
        label={p.t('price.lineTotal', { quantity: line.quantity, unit: money(line.unit) })}
        value={money(line.extended)}
      />
    </>
  );
}

/**
 * The price breakdown of a result, in the buyer's words only (a step's internal `label` — rule,
 * contract and book ids — is never shown): per line the list price, the options that cost something,
 * every other waterfall step (contract, rules, volume, discounts, rounding), the unit price and
 * the line; then charges, the order discount, the subtotal, each tax and the total — all figures
 * exactly as the engine returned them.
 */
export function PriceBreakdown(props: PriceBreakdownProps) {
  const { result, t, locale } = props;
  const money = (d: string, signed = false) => formatMoney(d, result.currency, locale, { signed });
  const product = result.lines.filter((l) => l.kind === 'product');
  return (
    <dl className="madeto-price-breakdown">
      {result.lines.map((line) => (
        <LineBreakdown key={line.lineId} {...props} line={line} currency={result.currency} />
      ))}
      {result.charges.map((c, i) => (
        <Row
          key={`c${i}`}
          kind="charge"
          label={`${t('price.charges')}: ${refLabel(props.model, c.value === undefined ? c.attribute : `${c.attribute}=${String(c.value)}`, props.selection)}`}
          value={money(c.amount)}
        />
      ))}
      {!isZero(result.documentDiscount) && (
        <Row
          kind="documentDiscount"
          label={t('price.documentDiscount')}
          value={money(negated(result.documentDiscount), true)}
        />
      )}
      {(product.length !== 1 || result.charges.length > 0 || result.taxes.length > 0) && (
        <Row kind="subtotal" label={t('price.subtotal')} value={money(result.subtotal)} />
      )}
      {result.taxes.map((x) => (
        <Row
          key={x.taxId}
          kind="tax"
          label={t('price.tax', { rate: formatRate(x.rate, locale) })}
          value={money(x.amount)}
        />
      ))}
      <Row kind="total" label={t('price.total')} value={money(result.total)} />
    </dl>
  );
}
