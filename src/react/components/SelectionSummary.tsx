import { useId } from 'react';
import type { ProductModel, SelectionValue } from '../../engine/model/types.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';

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

/** The current selection as a labelled list, announced politely to screen readers. */
export function SelectionSummary({ model }: { model: ProductModel }) {
  const selection = useConfigurator((s) => s.selection);
  const titleId = useId();
  const chosen = model.attributes.filter((a) => selection[a.id] !== undefined);
  return (
    <section className="madeto-summary" aria-labelledby={titleId}>
      <h3 id={titleId}>Your selection</h3>
      <output aria-live="polite" data-testid="selection">
        {chosen.length === 0 ? (
          <p>Nothing chosen yet.</p>
        ) : (
          <dl>
            {chosen.map((a) => (
              <div key={a.id}>
                <dt>{a.label}</dt>
                <dd>{describeValue(model, a.id, selection[a.id]!)}</dd>
              </div>
            ))}
          </dl>
        )}
      </output>
    </section>
  );
}
