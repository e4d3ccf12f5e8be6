import { useId } from 'react';
import type { ProductModel, SelectionValue } from '../../engine/index.ts';
import { translator, type Translate } from '../i18n/messages.ts';
import { useWidget } from './WidgetContext.tsx';

const english = translator('en');

/** Shows a selected value as the buyer reads it: labels, not ids; yes/no/none in `t`'s language. */
export function describeValue(
  model: ProductModel,
  attributeId: string,
  value: SelectionValue,
  t: Translate = english,
): string {
  const attr = model.attributes.find((a) => a.id === attributeId);
  if (!attr) return String(value);
  const label = (id: string) =>
    attr.type === 'choice' || attr.type === 'multi'
      ? (attr.values.find((v) => v.id === id)?.label ?? id)
      : id;
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : t('value.none');
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number')
    return attr.type === 'number' && attr.unit ? `${value} ${attr.unit}` : String(value);
  return label(value as string);
}

/** The effective selection (relevant, well-formed choices) as a labelled list. */
export function SelectionSummary() {
  const { model, derived, t } = useWidget();
  const titleId = useId();
  const chosen = model.attributes.filter((a) => derived.shown[a.id] !== undefined);
  return (
    <section className="madeto-summary" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('summary.title')}</h3>
      <div data-testid="selection">
        {chosen.length === 0 ? (
          <p>{t('summary.empty')}</p>
        ) : (
          <dl>
            {chosen.map((a) => (
              <div key={a.id} data-attribute={a.id}>
                <dt>{a.label}</dt>
                <dd>{describeValue(model, a.id, derived.shown[a.id]!, t)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}
