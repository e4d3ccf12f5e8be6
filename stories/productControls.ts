import type { ArgTypes } from '@storybook/react-vite';
import type { ProductModel, Selection } from '../src/engine/index.ts';

/**
 * Storybook controls for every attribute of a product (repeated-module instances included, e.g.
 * `seat[2].seatType`): a select of the values for a choice, checkboxes for a multi, a number field
 * within the attribute's range, a toggle, a text field. Each control is named by the attribute's
 * label and grouped by the model's group; a value left empty stays unchosen (the widget's
 * defaults apply).
 */
export function attributeControls(model: ProductModel): ArgTypes {
  const groupLabel = (id: string) => model.groups.find((g) => g.id === id)?.label ?? id;
  return Object.fromEntries(
    model.attributes.map((a) => {
      const common = {
        name: a.label,
        description: `\`${a.id}\``,
        table: { category: groupLabel(a.group) },
      };
      switch (a.type) {
        case 'choice':
          return [
            a.id,
            {
              ...common,
              options: a.values.map((v) => v.id),
              control: {
                type: 'select',
                labels: Object.fromEntries(a.values.map((v) => [v.id, v.label])),
              },
            },
          ];
        case 'multi':
          return [
            a.id,
            {
              ...common,
              options: a.values.map((v) => v.id),
              control: {
                type: 'check',
                labels: Object.fromEntries(a.values.map((v) => [v.id, v.label])),
              },
            },
          ];
        case 'number':
          return [
            a.id,
            { ...common, control: { type: 'number', min: a.min, max: a.max, step: a.step } },
          ];
        case 'boolean':
          return [a.id, { ...common, control: { type: 'boolean' } }];
        case 'text':
          return [a.id, { ...common, control: { type: 'text' } }];
        default:
          return a satisfies never;
      }
    }),
  );
}

/** The story's args as a selection: only the attributes of the model that hold a value. */
export function selectionOf(model: ProductModel, args: Record<string, unknown>): Selection {
  const out: Record<string, Selection[string]> = {};
  for (const a of model.attributes) {
    const v = args[a.id];
    if (v === undefined || v === '' || (Array.isArray(v) && a.type !== 'multi')) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[a.id] = v;
    else if (Array.isArray(v)) out[a.id] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
