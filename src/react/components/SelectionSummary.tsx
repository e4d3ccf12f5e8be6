import { useId } from 'react';
import type { ProductModel, SelectionValue } from '../../engine/model/types.ts';
import { useWidget } from './WidgetContext.tsx';

/** Shows a selected value as the buyer reads it: labels, not ids. */
export function describeValue(
  model: ProductModel,
  attributeId: string,
  value: SelectionValue,
): string {
  const attr = model.attributes.find((a) => a.id === attributeId);
  if (!attr) return String(value);
  const label = (id: string) =>
    attr.type === 'choice' || attr.type === 'multi'
      ? (attr.values.find((v) => v.id === id)?.label ?? id)
      : id;
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number')
    return attr.type === 'number' && attr.unit ? `${value} ${attr.unit}` : String(value);
  return label(value as string);
}

/** The effective selection (relevant, well-formed choices) as a labelled list. */
export function SelectionSummary() {
  const { model, derived } = useWidget();
  const titleId = useId();
  const chosen = model.attributes.filter((a) => derived.shown[a.id] !== undefined);
  return (
    <section className="madeto-summary" aria-labelledby={titleId}>
      <h3 id={titleId}>Your selection</h3>
      <div data-testid="selection">
        {chosen.length === 0 ? (
          <p>Nothing chosen yet.</p>
        ) : (
          <dl>
            {chosen.map((a) => (
              <div key={a.id} data-attribute={a.id}>
                <dt>{a.label}</dt>
                <dd>{describeValue(model, a.id, derived.shown[a.id]!)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}
