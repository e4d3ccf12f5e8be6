import type { Meta, StoryObj } from '@storybook/react-vite';
import { QuoteComparison } from '../src/react/rep/QuoteComparison.tsx';
import { compareConfigurations } from '../src/engine/quotes/compareConfigurations.ts';
import {
  comparison,
  data,
  models,
  productsComparison,
  repStates,
} from '../test/rep/repFixtures.ts';
import { StatesGrid } from './StatesGrid.tsx';
import '../src/react/styles/quote-print.css';

const same = compareConfigurations(
  repStates.valid,
  repStates.valid.lines[0]!,
  repStates.valid.lines[0]!,
  data,
);
const reversed = compareConfigurations(
  repStates.valid,
  repStates.valid.lines[1]!,
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
export const Dearer: Story = { args: { comparison: reversed } };
export const Identical: Story = { args: { comparison: same } };
export const German: Story = { args: { locale: 'de-DE' } };
/** A desk and a bike: each side in its own product's words. */
export const TwoProducts: Story = { args: { comparison: productsComparison } };
const states = ['cheaper', 'dearer', 'identical', 'german', 'two-products'] as const;
/** Every state on one page (with RTL and dark). */
export const AllStates: Story = {
  render: (args) => (
    <StatesGrid
      states={states}
      darkState="cheaper"
      columnWidth={360}
      render={(state) => {
        switch (state) {
          case 'cheaper':
          case 'rtl':
            return <QuoteComparison {...args} />;
          case 'dearer':
            return <QuoteComparison {...args} comparison={reversed} />;
          case 'identical':
            return <QuoteComparison {...args} comparison={same} />;
          case 'german':
            return <QuoteComparison {...args} locale="de-DE" />;
          case 'two-products':
            return <QuoteComparison {...args} comparison={productsComparison} />;
          default:
            return state satisfies never;
        }
      }}
    />
  ),
};
