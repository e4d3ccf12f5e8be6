import { useId } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { textProblem } from '../../core/index.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { useWidget } from './WidgetContext.tsx';

type TextAttribute = Extract<Attribute, { type: 'text' }>;

/**
 * A text attribute as a text input with its length limits and pattern. Text is not part of the
 * solver; a value that breaks its limits stays in the field, is named as an error and is not
 * part of the effective selection.
 */
export function TextField({ attribute, legend }: { attribute: TextAttribute; legend: string }) {
  const value = useConfigurator((s) => s.selection[attribute.id]);
  const select = useConfigurator((s) => s.select);
  const clear = useConfigurator((s) => s.clear);
  const { t } = useWidget();
  const id = useId();
  const errorId = useId();
  const text = typeof value === 'string' ? value : '';
  const problem = text === '' ? undefined : textProblem(attribute, text);
  return (
    <div
      className="madeto-field"
      data-type="text"
      data-state={problem ? 'invalid' : text ? 'selected' : 'empty'}
    >
      <label htmlFor={id}>{legend}</label>
      <input
        id={id}
        type="text"
        {...(attribute.maxLength === undefined ? {} : { maxLength: attribute.maxLength })}
        {...(attribute.minLength === undefined ? {} : { minLength: attribute.minLength })}
        {...(attribute.pattern === undefined ? {} : { pattern: attribute.pattern })}
        value={text}
        aria-invalid={problem ? true : undefined}
        {...(problem ? { 'aria-describedby': errorId } : {})}
        onChange={(e) =>
          e.target.value === '' ? clear(attribute.id) : select(attribute.id, e.target.value)
        }
      />
      {problem && (
        <span id={errorId} className="madeto-error">
          {problem === 'too-short'
            ? t('field.textTooShort', { label: legend, count: attribute.minLength ?? 0 })
            : problem === 'too-long'
              ? t('field.textTooLong', { label: legend, count: attribute.maxLength ?? 0 })
              : t('field.textPattern', { label: legend })}
        </span>
      )}
    </div>
  );
}
