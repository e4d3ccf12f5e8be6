import { useEffect, useId } from 'react';
import type { ProductModel, Selection } from '../../engine/model/types.ts';
import { ConfiguratorStoreProvider, useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { AttributeField } from './AttributeField.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';

export interface ConfiguratorProps {
  model: ProductModel;
  initialSelection?: Selection;
  onChange?: (selection: Selection) => void;
}

/**
 * The configurator widget (first, minimal version): the model's groups as steps, each attribute as
 * a real form control, and the current selection. Every instance owns its store.
 */
export function Configurator({ model, initialSelection, onChange }: ConfiguratorProps) {
  const idPrefix = useId();
  return (
    <ConfiguratorStoreProvider {...(initialSelection ? { initialSelection } : {})}>
      <div className="madeto" data-product={model.id}>
        <h2>{model.name}</h2>
        <form
          className="madeto-steps"
          onSubmit={(e) => e.preventDefault()}
          aria-label={`Configure ${model.name}`}
        >
          {model.groups.map((group) => {
            const attributes = model.attributes.filter((a) => a.group === group.id);
            if (attributes.length === 0) return null;
            return (
              <section
                key={group.id}
                className="madeto-group"
                aria-labelledby={`${idPrefix}-${group.id}`}
              >
                <h3 id={`${idPrefix}-${group.id}`}>{group.label}</h3>
                {attributes.map((a) => (
                  <AttributeField key={a.id} attribute={a} />
                ))}
              </section>
            );
          })}
        </form>
        <SelectionSummary model={model} />
        {onChange && <ChangeReporter onChange={onChange} />}
      </div>
    </ConfiguratorStoreProvider>
  );
}

function ChangeReporter({ onChange }: { onChange: (selection: Selection) => void }) {
  const selection = useConfigurator((s) => s.selection);
  useEffect(() => {
    onChange(selection);
  }, [selection, onChange]);
  return null;
}
