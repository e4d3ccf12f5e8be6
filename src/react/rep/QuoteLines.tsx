import type { ProductModel, Selection } from '../../engine/model/types.ts';
import type { PriceResult } from '../../engine/pricing/price.ts';
import type { RepQuoteLine } from '../../engine/quotes/repQuote.ts';
import { Configurator } from '../components/Configurator.tsx';
import { formatMoney } from '../i18n/format.ts';

/** The props of `<QuoteLines>`. */
export interface QuoteLinesProps {
  /** Locale for money (`Intl`); default English. */
  locale?: string;
  lines: readonly RepQuoteLine[];
  onChange: (lines: RepQuoteLine[]) => void;
  /** The products a rep can quote (with a model: configured in the widget). */
  models: readonly ProductModel[];
  /** The pricing document, handed to the widget for its price panels. */
  pricing?: object;
  price?: PriceResult | undefined;
  /** The line being configured in the widget. */
  active?: string | undefined;
  onActivate: (lineId: string | undefined) => void;
}

const nextId = (lines: readonly RepQuoteLine[]) => {
  let n = lines.length + 1;
  while (lines.some((l) => l.lineId === `L${n}`)) n++;
  return `L${n}`;
};

/**
 * The quote's lines, each its own product, selection and quantity: add, duplicate, remove, change
 * the quantity, and configure one line at a time in the configurator widget (reused, not forked).
 */
export function QuoteLines(props: QuoteLinesProps) {
  const { lines } = props;
  const set = (i: number, patch: Partial<RepQuoteLine>) =>
    props.onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const first = props.models[0];
  const active = lines.find((l) => l.lineId === props.active);
  const activeModel = props.models.find((m) => m.id === active?.productId);
  return (
    <section className="madeto-quote-lines-editor" aria-label="Quote lines">
      <ol>
        {lines.map((l, i) => {
          const p = props.price?.lines.find((x) => x.lineId === l.lineId);
          return (
            <li key={l.lineId} data-state={l.lineId === props.active ? 'active' : 'idle'}>
              <label>
                Product of line {l.lineId}
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
              <label>
                Quantity of line {l.lineId}
                <input
                  type="number"
                  min={1}
                  value={l.quantity}
                  onChange={(e) => set(i, { quantity: Math.max(1, Number(e.target.value) || 1) })}
                />
              </label>
              <span className="madeto-quote-line-price">
                {p ? formatMoney(p.extended, props.price!.currency, props.locale ?? 'en') : '—'}
              </span>
              <button
                type="button"
                aria-pressed={l.lineId === props.active}
                onClick={() => props.onActivate(l.lineId === props.active ? undefined : l.lineId)}
              >
                Configure line {l.lineId}
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
                Duplicate line {l.lineId}
              </button>
              <button
                type="button"
                disabled={lines.length === 1}
                onClick={() => props.onChange(lines.filter((_, j) => j !== i))}
              >
                Remove line {l.lineId}
              </button>
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
          Add a line
        </button>
      )}
      {active && activeModel && (
        <div className="madeto-quote-line-widget">
          <Configurator
            key={`${active.lineId}:${active.productId}`}
            model={activeModel}
            urlKey={false}
            layout="all"
            initialSelection={active.selection}
            initialQuantity={active.quantity}
            {...(props.pricing && { pricing: props.pricing })}
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
