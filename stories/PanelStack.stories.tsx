import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { fn } from 'storybook/test';
import { PanelStack } from '../src/react/panels/defaultPanels.tsx';
import { NOW, gridStates, panelStates } from '../test/react/panelFixtures.ts';
import '../src/react/styles/panels.css';
import { Frame, StatesGrid } from './StatesGrid.tsx';

/** The quote form sends through react-query, as inside a `<Configurator>` (which owns a client). */
function Client({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * The panels a `<Configurator>` shows beside the options, for a host that lays them out itself:
 * price, delivery and the quote form, sharing one `now`.
 */
const meta = {
  title: 'Panels/PanelStack',
  component: PanelStack,
  args: { context: panelStates.valid, now: NOW, onApply: fn(), onQuantity: fn() },
  decorators: [
    (Story) => (
      <Client>
        <Frame maxWidth={420}>
          <Story />
        </Frame>
      </Client>
    ),
  ],
} satisfies Meta<typeof PanelStack>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A complete desk: its price, its delivery date and the quote form, ready to send. */
export const Valid: Story = {};
/** Choices missing: the price so far, and a form that waits for the configuration. */
export const Incomplete: Story = { args: { context: panelStates.incomplete } };

/** Every state side by side, then right-to-left and the dark theme. */
export const AllStates: Story = {
  decorators: [
    (Story) => (
      <Client>
        <Story />
      </Client>
    ),
  ],
  render: () => (
    <StatesGrid
      states={gridStates}
      columnWidth={320}
      frameWidth={420}
      darkState="valid"
      render={(state) => <PanelStack context={panelStates[state]} now={NOW} />}
    />
  ),
};
