import { memo, useId, useState } from 'react';
import type { QuantityCheck } from '../../core/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { shallowEqual, useWidgetState } from './useWidgetState.ts';
import { useWidgetStatic } from './WidgetContext.tsx';

/** The words for a refused quantity. */
export function quantityProblemText(
  refusal: Extract<QuantityCheck, { state: 'refused' }>,
  t: Translate,
): string {
  const { min, max, step } = refusal.limits;
  const input = refusal.input.trim();
  switch (refusal.problem) {
    case 'not-a-number':
      return t('field.quantityNotNumber', { input, min, max });
    case 'not-whole':
      return t('field.quantityNotWhole', { input, min, max });
    case 'below-min':
      return t('field.quantityBelow', { input, min });
    case 'above-max':
      return t('field.quantityAbove', { input, max });
    case 'off-step':
      return t('field.quantityStep', { input, min, next: min + step, step });
    default:
      return refusal.problem satisfies never;
  }
}

/**
 * The quantity to configure, within the model's limits (`quantity.min`, `max`, `step`). What the
 * buyer types stays in the field; a refused value is named next to it (and the quantity in use
 * said), never silently replaced.
 */
export const QuantityField = memo(function QuantityField() {
  const { t, send } = useWidgetStatic();
  // Its own slice only: a click on a value does not re-render the quantity.
  const quantity = useWidgetState((s) => s.intent.quantity);
  const refusal = useWidgetState((s) => s.messages.quantity);
  const { min, max, step } = useWidgetState((s) => s.quantityLimits, shallowEqual);
  const [draft, setDraft] = useState<{ base: number; text: string }>();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const text = draft?.base === quantity ? draft.text : String(quantity);
  return (
    <div
      className="madeto-field madeto-quantity"
      data-type="quantity"
      data-state={refusal ? 'invalid' : 'valid'}
    >
      <label htmlFor={id}>{t('field.quantity')}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={refusal ? true : undefined}
        aria-describedby={refusal ? `${hintId} ${errorId}` : hintId}
        onChange={(e) => {
          setDraft({ base: quantity, text: e.target.value });
          send({ type: 'setQuantity', input: e.target.value });
        }}
        onBlur={() => {
          if (!refusal) setDraft(undefined);
        }}
      />
      <span id={hintId} className="madeto-hint">
        {step === 1
          ? t('field.quantityRange', { min, max })
          : t('field.quantityRangeStep', { min, max, step })}
      </span>
      {refusal && (
        <span id={errorId} className="madeto-error" role="alert">
          {quantityProblemText(refusal, t)} {t('field.quantityKept', { quantity })}
        </span>
      )}
    </div>
  );
});
