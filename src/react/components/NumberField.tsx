import { useId, useState } from 'react';
import type { Attribute, Domains } from '../../engine/index.ts';
import { valueKeys } from '../../core/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { useAttributeDomains, useWidgetState } from './useWidgetState.ts';
import { useWidgetStatic, valueState } from './WidgetContext.tsx';

type NumberAttribute = Extract<Attribute, { type: 'number' }>;

/** The values of a number attribute that can be chosen now, as ranges ("1000–1500, 1750"). */
export function allowedRanges(
  attribute: NumberAttribute,
  domains: Domains | undefined,
  t: Translate,
): string {
  const keys = valueKeys(attribute);
  const runs: string[][] = [];
  let run: string[] = [];
  for (const key of keys) {
    const state = valueState(domains, attribute.id, key);
    if (state === 'available' || state === 'selected') run.push(key);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const unit = attribute.unit ? ` ${attribute.unit}` : '';
  if (runs.length === 0) return t('field.noneAllowed');
  return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]}–${r.at(-1)}`)).join(', ') + unit;
}

/**
 * A number attribute as a number input with its step. The value is taken on Enter or when the
 * field loses focus: a value off the step grid is named as an error; a value that conflicts opens
 * the explanation like any other value.
 */
export function NumberField({ attribute, legend }: { attribute: NumberAttribute; legend: string }) {
  const { pick, t } = useWidgetStatic();
  const domains = useAttributeDomains(attribute.id);
  const clear = useConfigurator((s) => s.clear);
  const stored = useWidgetState((s) => s.effective.shown[attribute.id]);
  const value = typeof stored === 'number' ? String(stored) : '';
  const [draft, setDraft] = useState<{ base: string; text: string }>();
  const text = draft?.base === value ? draft.text : value;
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const keys = valueKeys(attribute);
  const keyOf = (t: string) => String(Number(Number(t).toFixed(10)));
  const commit = () => {
    if (text === value) return setProblem(undefined);
    if (text.trim() === '') {
      setDraft(undefined);
      setProblem(undefined);
      return clear(attribute.id);
    }
    const key = keyOf(text);
    if (!keys.includes(key)) {
      // The text stays in the field, named as an error, until the buyer fixes it.
      setProblem(
        t('field.offGrid', {
          value: text,
          min: attribute.min,
          max: attribute.max,
          step: attribute.step,
        }),
      );
      return;
    }
    setDraft(undefined);
    setProblem(undefined);
    pick(attribute, key);
  };
  const state = value === '' ? 'empty' : valueState(domains, attribute.id, value);
  return (
    <div className="madeto-field" data-type="number" data-state={problem ? 'invalid' : state}>
      <label htmlFor={id}>
        {legend}
        {attribute.unit ? ` (${attribute.unit})` : ''}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={attribute.min}
        max={attribute.max}
        step={attribute.step}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        onChange={(e) => {
          const next = e.target.value;
          setDraft({ base: value, text: next });
          // A value on the grid that fits is taken at once; anything else waits for Enter/blur.
          const key = next.trim() === '' ? '' : keyOf(next);
          if (keys.includes(key) && valueState(domains, attribute.id, key) === 'available') {
            setProblem(undefined);
            pick(attribute, key);
          }
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span id={hintId} className="madeto-hint">
        {t('field.allowed', { ranges: allowedRanges(attribute, domains, t) })}
      </span>
      {problem && (
        <span id={errorId} className="madeto-error">
          {problem}
        </span>
      )}
    </div>
  );
}
