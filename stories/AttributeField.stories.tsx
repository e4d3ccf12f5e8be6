import type { Meta, StoryObj } from '@storybook/react-vite';
import { AttributeField } from '../src/react/components/AttributeField.tsx';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { parseModel } from '../src/engine/model/parseModel.ts';
import showcaseJson from '../test/fixtures/widget/showcase.json';

const showcase = parseModel(showcaseJson);
const byId = (id: string) => showcase.attributes.find((a) => a.id === id)!;

/** The showcase model reduced to one attribute, so a field can be seen alone in a widget. */
function only(id: string) {
  const { relevantWhen: _hidden, ...attribute } = showcaseJson.attributes.find(
    (a) => a.id === id,
  )! as (typeof showcaseJson.attributes)[number] & { relevantWhen?: string };
  return parseModel({
    ...showcaseJson,
    groups: showcaseJson.groups.filter((g) => g.id === attribute.group),
    attributes: [attribute],
    constraints: showcaseJson.constraints.filter(
      (c) => id === 'handle' && c.id === 'ceramic-discontinued',
    ),
  });
}

// AttributeField lives inside a <Configurator> (it reads the widget's derived state), so each
// story shows the widget reduced to one attribute.
const meta = {
  title: 'Widget/AttributeField',
  component: AttributeField,
  args: { attribute: byId('size') },
  render: (args) => <Configurator model={only(args.attribute.id)} urlKey={false} />,
} satisfies Meta<typeof AttributeField>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A short choice as a segmented bar. */
export const Segmented: Story = {};
/** Values with images as cards (one with a long label). */
export const Cards: Story = { args: { attribute: byId('material') } };
/** Values with swatches. */
export const Swatches: Story = { args: { attribute: byId('colour') } };
/** A long list as a dropdown; the ceramic knob is impossible. */
export const Dropdown: Story = { args: { attribute: byId('handle') } };
/** A multi-select with min 1 and max 2. */
export const Multi: Story = { args: { attribute: byId('shelves') } };
/** A boolean (mixed until decided). */
export const BooleanToggle: Story = { args: { attribute: byId('glassDoors') } };
/** A number with its step and allowed ranges. */
export const NumberInput: Story = { args: { attribute: byId('height') } };
/** Text with its pattern and length. */
export const Text: Story = { args: { attribute: byId('monogram') } };

function Label({ children }: { children: string }) {
  return <h4 style={{ margin: '16px 0 4px', font: '600 13px system-ui' }}>{children}</h4>;
}

/**
 * Every picker of the showcase model in its states: nothing chosen; chosen, with conflicting and
 * impossible (discontinued) values and a starting monogram off its pattern (dropped and named);
 * German; right to left; dark. The showcase's long value labels appear in every widget.
 */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '8px', maxWidth: '980px' }}>
      <Label>Nothing chosen (required fields empty, booleans mixed)</Label>
      <Configurator model={showcase} urlKey={false} layout="all" />
      <Label>
        Chosen: conflicts, the impossible knob; the off-pattern monogram is dropped and named
      </Label>
      <Configurator
        model={showcase}
        urlKey={false}
        layout="all"
        initialSelection={{ material: 'mdf', colour: 'black', monogram: 'ab' }}
      />
      <Label>German (de-DE): notes, hints and errors</Label>
      <Configurator
        model={showcase}
        urlKey={false}
        layout="all"
        locale="de-DE"
        initialSelection={{ material: 'mdf', monogram: 'ab' }}
      />
      <Label>Right to left</Label>
      <Configurator model={showcase} urlKey={false} layout="all" dir="rtl" locale="ar" />
      <Label>Dark theme</Label>
      <Configurator model={showcase} urlKey={false} layout="all" theme="dark" />
    </div>
  ),
};
