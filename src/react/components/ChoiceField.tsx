import { useId, useRef } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { useAttributeExtras } from './OptionExtras.tsx';
import { useAttributeDomains, useWidgetState } from './useWidgetState.ts';
import { usePopularValue } from '../insights/popularHints.ts';
import { stateNote, ValueOption, type OptionVariant } from './ValueOption.tsx';
import { useWidgetStatic, valueState } from './WidgetContext.tsx';

type ChoiceAttribute = Extract<Attribute, { type: 'choice' }>;

/** Choice attributes with more values than this render as a dropdown. */
export const DROPDOWN_THRESHOLD = 8;

/** How a choice attribute is picked: cards, a segmented bar, or a dropdown for long lists. */
export function choiceVariant(attribute: ChoiceAttribute): 'cards' | 'segmented' | 'dropdown' {
  if (attribute.values.length > DROPDOWN_THRESHOLD) return 'dropdown';
  if (attribute.values.some((v) => v.image !== undefined || v.swatch !== undefined)) return 'cards';
  if (attribute.values.length <= 4 && attribute.values.every((v) => v.label.length <= 16))
    return 'segmented';
  return 'cards';
}

/**
 * A choice attribute as a radio group (cards or segments) or, for long lists, a dropdown. It reads
 * only its own value: a click elsewhere re-renders only the options whose state it changed.
 */
export function ChoiceField({ attribute, legend }: { attribute: ChoiceAttribute; legend: string }) {
  const value = useWidgetState((s) => s.effective.shown[attribute.id]);
  const id = useId();
  const variant = choiceVariant(attribute);
  // True from an arrow key's keydown until its default action (moving the checked radio) is done.
  const arrowed = useRef(false);
  if (variant === 'dropdown')
    return (
      <ChoiceDropdown
        attribute={attribute}
        legend={legend}
        id={id}
        current={typeof value === 'string' ? value : ''}
      />
    );
  const optionVariant: OptionVariant = variant === 'segmented' ? 'segment' : 'card';
  return (
    <fieldset className="madeto-field" data-type="choice" data-variant={variant}>
      <legend>{legend}</legend>
      <div
        className="madeto-options"
        onKeyDown={(e) => {
          if (!e.key.startsWith('Arrow')) return;
          arrowed.current = true;
          setTimeout(() => (arrowed.current = false), 0);
        }}
      >
        {attribute.values.map((v) => (
          <ValueOption
            key={v.id}
            attribute={attribute}
            valueKey={v.id}
            label={v.label}
            image={v.image}
            swatch={v.swatch}
            type="radio"
            name={id}
            checked={value === v.id}
            variant={optionVariant}
            arrowed={arrowed}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** A long choice list as a dropdown; each option says its delta, badge and state in words. */
function ChoiceDropdown({
  attribute,
  legend,
  id,
  current,
}: {
  attribute: ChoiceAttribute;
  legend: string;
  id: string;
  current: string;
}) {
  const { pick, t } = useWidgetStatic();
  const domains = useAttributeDomains(attribute.id);
  const { byKey } = useAttributeExtras(attribute.id);
  const popular = usePopularValue(attribute.id);
  return (
    <div className="madeto-field" data-type="choice" data-variant="dropdown">
      <label htmlFor={id}>{legend}</label>
      <select
        id={id}
        value={current}
        data-state={current ? 'selected' : 'empty'}
        onChange={(e) => {
          if (e.target.value !== '') pick(attribute, e.target.value);
        }}
      >
        <option value="" disabled>
          {t('field.choose')}
        </option>
        {attribute.values.map((v) => {
          const state = v.id === current ? 'selected' : valueState(domains, attribute.id, v.id);
          const extras = byKey?.get(v.id);
          // An option holds text only: delta, badge and state note follow the label.
          const notes = [
            extras?.priceDelta,
            extras?.availability,
            stateNote(state, t),
            v.id === popular && t('value.popular'),
          ].filter((x): x is string => Boolean(x));
          return (
            <option
              key={v.id}
              value={v.id}
              data-state={state}
              data-availability={extras?.availabilityState}
            >
              {notes.length > 0 ? `${v.label} (${notes.join(', ')})` : v.label}
            </option>
          );
        })}
      </select>
    </div>
  );
}
