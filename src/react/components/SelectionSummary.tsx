import { useId } from 'react';
import { valueLabel, type ProductModel, type SelectionValue } from '../../engine/index.ts';
import { translator, type Translate } from '../i18n/messages.ts';
import { useWidget } from './WidgetContext.tsx';

const english = translator('en');

/**
 * Shows a selected value as the buyer reads it: the engine's `valueLabel` (labels, not ids; the
 * wording the customer's quote document uses), with yes/no/none in `t`'s language.
 */
export function describeValue(
  model: ProductModel,
  attributeId: string,
  value: SelectionValue,
  t: Translate = english,
): string {
  if (Array.isArray(value) && value.length === 0) return t('value.none');
  return valueLabel(model, attributeId, value, { yes: t('value.yes'), no: t('value.no') });
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
