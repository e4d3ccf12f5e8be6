import { memo, useId, type RefObject } from 'react';
import type { Attribute, ValueState } from '../../engine/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { OptionExtras } from './OptionExtras.tsx';
import { useWidgetState } from './useWidgetState.ts';
import { useWidgetStatic, valueState } from './WidgetContext.tsx';
import { usePopularState } from '../insights/popularHints.ts';

/** How an option looks: a card (image or swatch), a segment of a bar, or a plain list row. */
export type OptionVariant = 'card' | 'segment' | 'list';

/** The words a screen reader hears for a value's state (the visible badge says the same). */
export function stateNote(state: ValueState, t: Translate): string {
  switch (state) {
    case 'selected':
    case 'available':
      return '';
    case 'conflict':
      return t('value.conflict');
    case 'impossible':
      return t('value.impossible');
    default:
      return state satisfies never;
  }
}

/**
 * One value of a choice or multi attribute as a native radio or checkbox inside its label, with
 * `data-state`, the price delta, the availability badge and "Popular with buyers" (if the shop
 * shows hints; like the others, part of the value's accessible description). Resting the pointer
 * on it or focusing it by keyboard shows it in the product picture before it is chosen (the
 * widget's peek store; a pointer on its way to a click, and the click's own focus, draw nothing).
 * Conflicting and impossible values
 * stay clickable: picking them (click, Space, Enter) opens the explanation. `arrowed` is set by
 * the radio group while an arrow key moves the focus: arrowing onto a value that is not
 * available only moves the focus there (no dialog pops up under the buyer's keys). Memoised, and
 * it reads only its own value's state: a click re-renders the values whose state it changed.
 */
export const ValueOption = memo(function ValueOption({
  attribute,
  valueKey,
  label,
  image,
  swatch,
  type,
  name,
  checked,
  variant,
  arrowed,
}: {
  attribute: Attribute;
  valueKey: string;
  label: string;
  image?: string | undefined;
  swatch?: string | undefined;
  type: 'radio' | 'checkbox';
  name: string;
  checked: boolean;
  variant: OptionVariant;
  arrowed?: RefObject<boolean> | undefined;
}) {
  const { pick, t, peek } = useWidgetStatic();
  const domainState = useWidgetState((s) => valueState(s.domains, attribute.id, valueKey));
  const peeked = {
    attribute: attribute.id,
    key: valueKey,
    type: attribute.type === 'multi' ? 'multi' : 'choice',
  } as const;
  const state: ValueState = checked ? 'selected' : domainState;
  const noteId = useId();
  const note = stateNote(state, t);
  const popular = usePopularState(attribute.id, valueKey);
  return (
    <label
      className="madeto-option"
      data-state={state}
      data-variant={variant}
      onPointerEnter={() => peek.hover(peeked)}
      onPointerLeave={() => peek.unhover(peeked)}
      onPointerDown={() => peek.press(peeked)}
    >
      <input
        type={type}
        name={name}
        value={valueKey}
        checked={checked}
        aria-describedby={noteId}
        onFocus={() => peek.focus(peeked)}
        onBlur={() => peek.leave(peeked)}
        onChange={() => {
          if (arrowed?.current && state !== 'available') return;
          pick(attribute, valueKey);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || checked) return;
          e.preventDefault();
          pick(attribute, valueKey);
        }}
      />
      {image && <img className="madeto-option-image" src={image} alt="" loading="lazy" />}
      {swatch && (
        <span className="madeto-swatch" style={{ background: swatch }} aria-hidden="true" />
      )}
      <span className="madeto-option-label">{label}</span>
      <OptionExtras
        id={noteId}
        attributeId={attribute.id}
        valueKey={valueKey}
        note={note}
        popular={popular === 'off' ? undefined : popular === 'popular' ? t('value.popular') : ''}
      />
    </label>
  );
});
