import { useId } from 'react';
import type { Attribute } from '../../engine/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { ValueOption } from './ValueOption.tsx';
import { shallowEqual, useWidgetState } from './useWidgetState.ts';
import { useWidgetStatic } from './WidgetContext.tsx';

type MultiAttribute = Extract<Attribute, { type: 'multi' }>;

/** The count limits of a multi attribute in words ("at least 1, at most 3"), or ''. */
export function limitsText(attribute: MultiAttribute, t: Translate): string {
  return [
    attribute.min !== undefined && attribute.min > 0
      ? t('field.atLeast', { count: attribute.min })
      : '',
    attribute.max !== undefined ? t('field.atMost', { count: attribute.max }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** A multi attribute as a group of checkboxes, with its min/max and a note while below min. */
export function MultiField({ attribute, legend }: { attribute: MultiAttribute; legend: string }) {
  const { t } = useWidgetStatic();
  const value = useWidgetState((s) => s.effective.shown[attribute.id], shallowEqual);
  const chosen = Array.isArray(value) ? (value as readonly string[]) : [];
  const name = useId();
  const limits = limitsText(attribute, t);
  const below = useWidgetState((s) => s.effective.underMin.has(attribute.id));
  // One look for the whole group: cards when any value has a picture or swatch (those without
  // keep a card's frame), else list rows — a grid of one card among bare rows reads as broken.
  const variant = attribute.values.some((v) => v.image !== undefined || v.swatch !== undefined)
    ? 'card'
    : 'list';
  return (
    <fieldset
      className="madeto-field"
      data-type="multi"
      data-state={below ? 'incomplete' : chosen.length > 0 ? 'selected' : 'empty'}
    >
      <legend>
        {legend}
        {limits && <span className="madeto-hint"> ({limits})</span>}
      </legend>
      <div className="madeto-options">
        {attribute.values.map((v) => (
          <ValueOption
            key={v.id}
            attribute={attribute}
            valueKey={v.id}
            label={v.label}
            image={v.image}
            swatch={v.swatch}
            type="checkbox"
            name={name}
            checked={chosen.includes(v.id)}
            variant={variant}
          />
        ))}
      </div>
      {below && (
        <p className="madeto-field-note" role="status">
          {t('field.chooseMore', { count: (attribute.min ?? 0) - chosen.length })}
        </p>
      )}
    </fieldset>
  );
}
