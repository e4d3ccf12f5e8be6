import type { Meta, StoryObj } from '@storybook/react-vite';
import { AttributeField } from '../src/react/components/AttributeField.tsx';
import { ConfiguratorStoreProvider } from '../src/react/store/ConfiguratorStoreContext.tsx';
import { parseModel } from '../src/engine/model/parseModel.ts';
import deskJson from '../test/fixtures/minimal/desk.json';

const desk = parseModel(deskJson);
const byId = (id: string) => desk.attributes.find((a) => a.id === id)!;

const meta = {
  title: 'Widget/AttributeField',
  component: AttributeField,
  decorators: [
    (Story) => (
      <ConfiguratorStoreProvider>
        <div className="madeto">
          <Story />
        </div>
      </ConfiguratorStoreProvider>
    ),
  ],
  args: { attribute: byId('frame') },
} satisfies Meta<typeof AttributeField>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Choice: Story = {};
export const Multi: Story = { args: { attribute: byId('accessories') } };
export const BooleanToggle: Story = { args: { attribute: byId('cableTray') } };
export const NumberInput: Story = { args: { attribute: byId('width') } };
export const Text: Story = { args: { attribute: byId('engraving') } };

/** Every attribute type at once. */
export const AllStates: Story = {
  render: () => (
    <>
      {desk.attributes.map((a) => (
        <AttributeField key={a.id} attribute={a} />
      ))}
    </>
  ),
};
