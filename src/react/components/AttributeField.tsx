import { memo } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { BooleanField } from './BooleanField.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { MultiField } from './MultiField.tsx';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

/**
 * One attribute as a real form control, by type: cards, a segmented bar or a dropdown for a
 * choice, checkboxes for a multi (with min/max), a checkbox for a boolean, a number input with its
 * step and allowed ranges, a text input with its pattern. Must be inside `<Configurator>`.
 * Memoised: a field re-renders when its own state changes (see `useWidgetState`), not with every
 * render of the widget.
 */
export const AttributeField = memo(function AttributeField({
  attribute,
}: {
  /** The model's attribute (`model.attributes`) to show, with its state from the widget. */
  attribute: Attribute;
}) {
  const legend = attribute.label;
  switch (attribute.type) {
    case 'choice':
      return <ChoiceField attribute={attribute} legend={legend} />;
    case 'multi':
      return <MultiField attribute={attribute} legend={legend} />;
    case 'boolean':
      return <BooleanField attribute={attribute} legend={legend} />;
    case 'number':
      return <NumberField attribute={attribute} legend={legend} />;
    case 'text':
      return <TextField attribute={attribute} legend={legend} />;
    default:
      return attribute satisfies never;
  }
});
