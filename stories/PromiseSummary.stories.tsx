import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import type { Selection } from '../src/engine/model/types.ts';
import { PromiseSummary } from '../src/react/panels/PromiseSummary.tsx';
import { NOW, gridStates, panelStates, type PanelStateName } from '../test/react/panelFixtures.ts';
import '../src/react/styles/panels.css';
import { framed, StatesGrid } from './StatesGrid.tsx';

/** The panel whose suggestions really change the selection, from a fixture state. */
function Live({ state }: { state: PanelStateName }) {
  const base = panelStates[state];
  const [selection, setSelection] = useState<Selection>(base.selection);
  return (
    <PromiseSummary
      context={{ ...base, selection }}
      now={NOW}
      onApply={(patch) => setSelection((s) => ({ ...s, ...patch }))}
    />
  );
}

const meta = {
  title: 'Panels/PromiseSummary',
  component: PromiseSummary,
  args: { context: panelStates.valid, now: NOW, onApply: fn() },
  decorators: [framed()],
} satisfies Meta<typeof PromiseSummary>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A complete desk: ship and delivery dates, the main driver in words, faster options, timeline. */
export const Valid: Story = {};
/** The snapshot is not loaded yet. */
export const Loading: Story = { args: { context: panelStates.loading } };
/** An unreadable snapshot. */
export const ErrorState: Story = { args: { context: panelStates.error } };
/** Choices missing: an estimate for the choices so far. */
export const Incomplete: Story = { args: { context: panelStates.incomplete } };
/** No source for the chosen laminate: unavailable, with the swaps that make it deliverable. */
export const Unavailable: Story = { render: () => <Live state="unavailable" /> };
/** 49 desks: capacity and material drivers, a split delivery. */
export const Volume: Story = { render: () => <Live state="tierHint" /> };
/** German dates and words. */
export const German: Story = { args: { context: panelStates.german } };
/** Long value labels in the driver and suggestion texts. */
export const LongLabels: Story = { args: { context: panelStates.longLabels } };

/** Every state side by side, then right-to-left and the dark theme. */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <StatesGrid
      states={gridStates}
      columnWidth={340}
      darkState="unavailable"
      render={(state) => <Live state={state} />}
    />
  ),
};
