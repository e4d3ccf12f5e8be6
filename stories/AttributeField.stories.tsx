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

/** Every picker of the showcase model at once, in one widget. */
export const AllStates: Story = {
  render: () => (
    <Configurator
      model={showcase}
      urlKey={false}
      layout="all"
      initialSelection={{ material: 'mdf', colour: 'black', monogram: 'ab' }}
    />
  ),
};
