import type { Meta, StoryObj } from '@storybook/react-vite';
import { QuoteComparison } from '../src/react/rep/QuoteComparison.tsx';
import { compareConfigurations } from '../src/engine/quotes/compareConfigurations.ts';
import { comparison, data, models, repStates } from '../test/rep/repFixtures.ts';
import '../src/react/styles/quote-print.css';

const same = compareConfigurations(
  repStates.valid,
  repStates.valid.lines[0]!,
  repStates.valid.lines[0]!,
  data,
);

const meta = {
  title: 'Rep/QuoteComparison',
  component: QuoteComparison,
  args: { comparison, currency: 'EUR', models },
} satisfies Meta<typeof QuoteComparison>;
export default meta;
type Story = StoryObj<typeof meta>;

export const DifferentOptions: Story = {};
export const Identical: Story = { args: { comparison: same } };
/** Every state on one page. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <QuoteComparison {...args} />
      <QuoteComparison {...args} comparison={same} />
    </div>
  ),
};
