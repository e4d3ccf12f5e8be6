import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { PriceSummary } from '../src/react/panels/PriceSummary.tsx';
import { NOW, gridStates, panelStates, type PanelStateName } from '../test/react/panelFixtures.ts';
import '../src/react/styles/panels.css';
import { framed, StatesGrid } from './StatesGrid.tsx';

/** The panel with a working quantity (tier hints change it), starting from a fixture state. */
function Live({ state }: { state: PanelStateName }) {
  const base = panelStates[state];
  const [quantity, setQuantity] = useState(base.quantity);
  return <PriceSummary context={{ ...base, quantity }} now={NOW} onQuantity={setQuantity} />;
}

const meta = {
  title: 'Panels/PriceSummary',
  component: PriceSummary,
  args: { context: panelStates.valid, now: NOW, onQuantity: fn() },
  decorators: [framed({ maxWidth: 420 })],
} satisfies Meta<typeof PriceSummary>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A complete desk: list price, the options that cost something, tax and total. */
export const Valid: Story = {};
/** Pricing not loaded yet. */
export const Loading: Story = { args: { context: panelStates.loading } };
/** An unreadable pricing document. */
export const ErrorState: Story = { args: { context: panelStates.error } };
/** Choices missing: the price of the choices so far. */
export const Incomplete: Story = { args: { context: panelStates.incomplete } };
/** A guardrail is broken: approval required, with the engine's reasons. */
export const ApprovalRequired: Story = { args: { context: panelStates.approvalRequired } };
/** 49 desks: "Order 50 and save …", one click away. */
export const TierHint: Story = { render: () => <Live state="tierHint" /> };
/** German: "1.234,00 €" and German labels. */
export const German: Story = { args: { context: panelStates.german } };
/** Long labels wrap inside the panel. */
export const LongLabels: Story = { args: { context: panelStates.longLabels } };

/** Every state side by side, then right-to-left (Arabic digits) and the dark theme. */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <StatesGrid
      states={gridStates}
      columnWidth={320}
      frameWidth={420}
      darkState="tierHint"
      render={(state) => <Live state={state} />}
    />
  ),
};
