import type { Meta, StoryObj } from '@storybook/react-vite';
import { BuyerConfigurator } from '../src/react/components/BuyerConfigurator.tsx';
import { parseModel } from '../src/engine/model/parseModel.ts';
import deskJson from '../test/fixtures/minimal/desk.json';

const desk = parseModel(deskJson);

/**
 * `<Configurator>` without the rep's editor: what a shop's embed app renders and what configures
 * each line of a rep's quote. The buyer's states are those of Widget/Configurator.
 */
const meta = {
  title: 'Widget/BuyerConfigurator',
  component: BuyerConfigurator,
  args: { model: desk, urlKey: false },
} satisfies Meta<typeof BuyerConfigurator>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The buyer's configurator, as `<Configurator>` renders it. */
export const Buyer: Story = {};

/** `mode="rep"` in a build without the rep's editor: an error saying so, in the widget's locale. */
export const RepModeNotInBuild: Story = { args: { mode: 'rep', locale: 'de-DE' } };

function Label({ children }: { children: string }) {
  return <h4 style={{ margin: '16px 0 4px', font: '600 13px system-ui' }}>{children}</h4>;
}

/** Both states side by side. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '8px', maxWidth: '980px' }}>
      <Label>Buyer (a step chosen)</Label>
      <BuyerConfigurator model={desk} urlKey={false} initialSelection={{ frame: 'steel' }} />
      <Label>Rep mode asked for: not part of this build</Label>
      <BuyerConfigurator model={desk} urlKey={false} mode="rep" />
    </div>
  ),
};
