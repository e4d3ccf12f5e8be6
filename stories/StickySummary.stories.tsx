import type { Meta, StoryObj } from '@storybook/react-vite';
import { StickySummary } from '../src/react/components/StickySummary.tsx';
import { priceOutcome, pricingDate, promiseOutcome } from '../src/react/panels/panelEngine.ts';
import { NOW, gridStates, panelStates, type PanelStateName } from '../test/react/panelFixtures.ts';
import '../src/react/styles/madeto.css';
import { framed, StatesGrid } from './StatesGrid.tsx';

/**
 * The bar of a fixture state, fed as the panel stack feeds it: the engine's price and promise of
 * the panel context (in a widget it shows only in a narrow slot; here it is always shown).
 */
function Bar({ state }: { state: PanelStateName }) {
  const context = panelStates[state];
  return (
    <StickySummary
      price={priceOutcome(context, pricingDate(context, NOW))}
      promise={promiseOutcome(context, NOW)}
      locale={context.locale}
      onReview={() => {}}
    />
  );
}

const meta = {
  title: 'Widget/StickySummary',
  component: Bar,
  args: { state: 'valid' },
  argTypes: { state: { control: 'select', options: Object.keys(panelStates) } },
  decorators: [framed({ maxWidth: 390 })],
} satisfies Meta<typeof Bar>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A complete desk: its total and delivery date. */
export const Valid: Story = {};
/** Choices missing: the price so far. */
export const Incomplete: Story = { args: { state: 'incomplete' } };
/** No source for the laminate: not available. */
export const Unavailable: Story = { args: { state: 'unavailable' } };
/** Prices and availability still loading. */
export const Loading: Story = { args: { state: 'loading' } };

/** Every state side by side (loading, absent, error, …), then right-to-left and the dark theme. */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <StatesGrid
      states={gridStates}
      columnWidth={340}
      frameWidth={390}
      darkState="valid"
      render={(state) => <Bar state={state} />}
    />
  ),
};
