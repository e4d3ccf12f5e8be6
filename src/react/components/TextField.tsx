import { useId } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { shallowEqual, useWidgetState } from './useWidgetState.ts';
import { useWidgetStatic } from './WidgetContext.tsx';

type TextAttribute = Extract<Attribute, { type: 'text' }>;

/**
 * A text attribute as a text input. What the buyer types is kept as typed — never cut to the
 * limit or silently dropped: a value the model refuses is named in the field (which characters,
 * which limit) and left out of the configuration until corrected, and the steps, the price and
 * the quote form say the configuration is not complete. The attribute's description is shown.
 */
export function TextField({ attribute, legend }: { attribute: TextAttribute; legend: string }) {
  const { t, send } = useWidgetStatic();
  const value = useWidgetState((s) => s.intent.selection[attribute.id]);
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const text = typeof value === 'string' ? value : '';
  const refusal = useWidgetState((s) => s.messages.texts.get(attribute.id), shallowEqual);
  const describedBy = [
    attribute.description || attribute.maxLength ? hintId : '',
    refusal ? errorId : '',
  ]
    .filter(Boolean)
    .join(' ');
  const problem = (() => {
    if (!refusal) return undefined;
    switch (refusal.problem) {
      case 'too-long':
        return t('field.textTooLongBy', {
          label: legend,
          max: refusal.maxLength ?? 0,
          length: refusal.length,
        });
      case 'too-short':
        return t('field.textTooShortBy', {
          label: legend,
          min: refusal.minLength ?? 0,
          length: refusal.length,
        });
      case 'pattern':
        return refusal.refused.length > 0
          ? t('field.textRefusedChars', {
              label: legend,
              chars: refusal.refused.map((c) => `“${c}”`).join(', '),
            })
          : t('field.textPattern', { label: legend });
      default:
        return refusal.problem satisfies never;
    }
  })();
  return (
    <div
      className="madeto-field"
      data-type="text"
      data-state={refusal ? 'invalid' : text ? 'selected' : 'empty'}
    >
      <label htmlFor={id}>{legend}</label>
      {(attribute.description || attribute.maxLength !== undefined) && (
        <span id={hintId} className="madeto-hint">
          {attribute.description}
          {attribute.description && attribute.maxLength !== undefined && ' '}
          {attribute.maxLength !== undefined &&
            t('field.textLimit', { max: attribute.maxLength, length: text.length })}
        </span>
      )}
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={refusal ? true : undefined}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        onChange={(e) => send({ type: 'setText', attribute: attribute.id, text: e.target.value })}
      />
      {problem && (
        <span id={errorId} className="madeto-error">
          {problem} {t('field.textNotKept')}
        </span>
      )}
    </div>
  );
}
