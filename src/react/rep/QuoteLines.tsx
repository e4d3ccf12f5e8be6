import { useId } from 'react';
import type {
  ProductModel,
  Selection,
  PriceResult,
  PriceViolation,
  RepQuoteLine,
} from '../../engine/index.ts';
import { BuyerConfigurator } from '../components/BuyerConfigurator.tsx';
import type { InsightsLink } from '../insights/insightsLink.ts';
import { repFormat } from './repFormat.ts';
import {
  concernsLineField,
  LINE_DISCOUNT_FIELDS,
  lineDiscountLabel,
  type LineDiscountField,
  type QuoteLineValue,
} from './repQuoteForm.ts';

/** The props of `<QuoteLines>`. */
export interface QuoteLinesProps {
  /** Locale of the labels and money (`Intl`); default English. */
  locale?: string;
  /** The lines; a quantity may be text as typed (checked by the form, see `errors`). */
  lines: readonly QuoteLineValue[];
  /** Called with the lines after an edit (added, removed, quantity or discount typed). */
  onChange: (lines: QuoteLineValue[]) => void;
  /** The products a rep can quote (with a model: configured in the widget). */
  models: readonly ProductModel[];
  /** The pricing document, handed to the widget for its price panels. */
  pricing?: object;
  /** The quote's price: each line's extended amount is shown beside it (none: a dash). */
  price?: PriceResult | undefined;
  /** The line being configured in the widget. */
  active?: string | undefined;
  /** Called with the line to configure in the widget (`undefined`: none). */
  onActivate: (lineId: string | undefined) => void;
  /** What is wrong with a line's quantity as typed, by line id (shown next to the field). */
  errors?: Readonly<Record<string, string>>;
  /** What is wrong with a line's own discounts as typed, by line id (shown next to each field). */
  discountErrors?: Readonly<Record<string, Partial<Record<LineDiscountField, string>>>>;
  /** The guardrails past: a line's own discount field is marked where its line passes one. */
  violations?: readonly PriceViolation[] | undefined;
  /** The id of the element that states the approval (the fields it concerns point to it). */
  approvalId?: string | undefined;
  /** Where the configured line's events go (channel `rep`); absent: none are reported. */
  insights?: InsightsLink | undefined;
}

/** A quote line's configuration key: its widget's React key and its insights session's key. */
export const quoteLineKey = (line: { lineId: string; productId: string }): string =>
  `${line.lineId}:${line.productId}`;

const nextId = (lines: readonly QuoteLineValue[]) => {
  let n = lines.length + 1;
  while (lines.some((l) => l.lineId === `L${n}`)) n++;
  return `L${n}`;
};

/** A quantity as typed, when it is one the widget can start from. */
const wholeQuantity = (q: number | string) => {
  const n = Number(String(q).trim());
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

/**
 * The quote's lines, each its own product, selection and quantity: add, duplicate, remove, change
 * the quantity (as typed: never clamped; an error names what is wrong), give a line its own
 * additional and partner discounts (empty: the quote's apply; an error beside the field), and
 * configure one line at a time in the configurator widget (reused, not forked).
 */
export function QuoteLines(props: QuoteLinesProps) {
  const id = useId();
  const { lines } = props;
  const f = repFormat(props.locale ?? 'en', props.price?.currency ?? 'EUR');
  const { t } = f;
  const set = (i: number, patch: Partial<QuoteLineValue>) =>
    props.onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const first = props.models[0];
  const active = lines.find((l) => l.lineId === props.active);
  const activeModel = props.models.find((m) => m.id === active?.productId);
  const activeQuantity = active && wholeQuantity(active.quantity);
  return (
    <section className="madeto-quote-lines-editor" aria-label={t('rep.lines')}>
      <ol>
        {lines.map((l, i) => {
          const p = props.price?.lines.find((x) => x.lineId === l.lineId);
          const line = l.lineId;
          const error = props.errors?.[line];
          const quantityId = `${id}-${line}-quantity`;
          return (
            <li key={line} data-state={line === props.active ? 'active' : 'idle'}>
              <label>
                {t('rep.lineProduct', { line })}
                <select
                  value={l.productId}
                  onChange={(e) => set(i, { productId: e.target.value, selection: {} })}
                >
                  {props.models.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <span className="madeto-form-field" data-state={error ? 'invalid' : 'valid'}>
                <label htmlFor={quantityId}>{t('rep.lineQuantity', { line })}</label>
                <input
                  id={quantityId}
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  value={l.quantity}
                  aria-invalid={error !== undefined}
                  aria-describedby={error ? `${quantityId}-error` : undefined}
                  onChange={(e) => set(i, { quantity: e.target.value })}
                />
                {error && (
                  <span id={`${quantityId}-error`} className="madeto-form-field-error">
                    {error}
                  </span>
                )}
              </span>
              <span className="madeto-quote-line-price">{p ? f.money(p.extended) : '—'}</span>
              <button
                type="button"
                aria-pressed={line === props.active}
                onClick={() => props.onActivate(line === props.active ? undefined : line)}
              >
                {t('rep.configureLine', { line })}
              </button>
              <button
                type="button"
                onClick={() =>
                  props.onChange([
                    ...lines.slice(0, i + 1),
                    { ...l, lineId: nextId(lines) },
                    ...lines.slice(i + 1),
                  ])
                }
              >
                {t('rep.duplicateLine', { line })}
              </button>
              <button
                type="button"
                disabled={lines.length === 1}
                onClick={() => props.onChange(lines.filter((_, j) => j !== i))}
              >
                {t('rep.removeLine', { line })}
              </button>
              <fieldset className="madeto-quote-line-discounts">
                <legend>{t('rep.lineDiscounts', { line })}</legend>
                {LINE_DISCOUNT_FIELDS.map((key) => {
                  const fieldId = `${id}-${line}-${key}`;
                  const fieldError = props.discountErrors?.[line]?.[key];
                  const past = (props.violations ?? []).some((v) => concernsLineField(v, l, key));
                  const describedBy = [
                    fieldError && `${fieldId}-error`,
                    past && props.approvalId,
                    `${id}-${line}-hint`,
                  ];
                  return (
                    <span
                      key={key}
                      className="madeto-form-field"
                      data-state={fieldError ? 'invalid' : past ? 'approval-required' : 'valid'}
                    >
                      <label htmlFor={fieldId}>{lineDiscountLabel(t, key, line)}</label>
                      <input
                        id={fieldId}
                        inputMode="decimal"
                        autoComplete="off"
                        value={l.discounts?.[key] ?? ''}
                        aria-invalid={fieldError !== undefined}
                        aria-describedby={describedBy.filter(Boolean).join(' ')}
                        onChange={(e) => {
                          const discounts = { ...l.discounts };
                          if (e.target.value.trim() === '') delete discounts[key];
                          else discounts[key] = e.target.value;
                          set(i, { discounts });
                        }}
                      />
                      {fieldError && (
                        <span id={`${fieldId}-error`} className="madeto-form-field-error">
                          {fieldError}
                        </span>
                      )}
                    </span>
                  );
                })}
                <p id={`${id}-${line}-hint`} className="madeto-hint">
                  {t('rep.lineDiscountsHint')}
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {first && (
        <button
          type="button"
          onClick={() =>
            props.onChange([
              ...lines,
              { lineId: nextId(lines), productId: first.id, quantity: 1, selection: {} },
            ])
          }
        >
          {t('rep.addLine')}
        </button>
      )}
      {active && activeModel && (
        <div className="madeto-quote-line-widget">
          <BuyerConfigurator
            key={quoteLineKey(active)}
            model={activeModel}
            urlKey={false}
            layout="all"
            locale={f.locale}
            initialSelection={active.selection}
            {...(activeQuantity !== undefined && { initialQuantity: activeQuantity })}
            {...(props.pricing && { pricing: props.pricing })}
            insights={props.insights}
            insightsKey={quoteLineKey(active)}
            onChange={(selection: Selection) => {
              const i = lines.findIndex((l) => l.lineId === active.lineId);
              if (JSON.stringify(selection) !== JSON.stringify(active.selection))
                set(i, { selection: selection as RepQuoteLine['selection'] });
            }}
          />
        </div>
      )}
    </section>
  );
}
