import type { Meta, StoryObj } from '@storybook/react-vite';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { parseModel } from '../src/engine/model/parseModel.ts';
import deskJson from '../test/fixtures/minimal/desk.json';

const desk = parseModel(deskJson);

const meta = {
  title: 'Widget/Configurator',
  component: Configurator,
  args: { model: desk },
} satisfies Meta<typeof Configurator>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Nothing chosen yet: every group and attribute as a real control. */
export const Empty: Story = {};

/** A partly configured desk: the summary lists what was chosen. */
export const Configured: Story = {
  args: {
    initialSelection: {
      frame: 'steel',
      top: 'oak',
      drive: 'dual',
      width: 1750,
      accessories: ['arm'],
    },
  },
};

/** The states that exist so far, side by side (the full widget adds price, date and conflicts). */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '24px' }}>
      <Configurator {...args} />
      <Configurator
        {...args}
        initialSelection={{ frame: 'aluminium', top: 'laminate', cableTray: true }}
      />
      <div dir="rtl">
        <Configurator {...args} />
      </div>
    </div>
  ),
};
