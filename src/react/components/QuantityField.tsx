import { useId, useState } from 'react';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { useWidget } from './WidgetContext.tsx';

/** The quantity to configure (a whole number ≥ 1), kept in the store and the URL. */
export function QuantityField() {
  const quantity = useConfigurator((s) => s.quantity);
  const setQuantity = useConfigurator((s) => s.setQuantity);
  const [draft, setDraft] = useState<{ base: number; text: string }>();
  const id = useId();
  const { t } = useWidget();
  const text = draft?.base === quantity ? draft.text : String(quantity);
  const commit = () => {
    const q = Number(text);
    if (text.trim() !== '' && Number.isFinite(q)) setQuantity(q);
    setDraft(undefined);
  };
  return (
    <div className="madeto-field madeto-quantity" data-type="quantity">
      <label htmlFor={id}>{t('field.quantity')}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setDraft({ base: quantity, text: next });
          const q = Number(next);
          if (next.trim() !== '' && Number.isInteger(q) && q >= 1) setQuantity(q);
        }}
        onBlur={commit}
      />
    </div>
  );
}
