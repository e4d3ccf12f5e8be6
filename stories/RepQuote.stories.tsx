import type { Meta, StoryObj } from '@storybook/react-vite';
import { RepQuote } from '../src/react/rep/RepQuote.tsx';
import { NOW, data, models, repStates } from '../test/rep/repFixtures.ts';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

/** The editor; saving needs a reference backend at `apiBase` (`madeto serve`, proxied at /api). */
const meta = {
  title: 'Rep/RepQuote',
  component: RepQuote,
  args: {
    models,
    pricing: data.pricing,
    snapshot: data.snapshot,
    apiBase: '',
    token: 'storybook-rep-token',
    now: NOW,
    initial: repStates.valid,
  },
} satisfies Meta<typeof RepQuote>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = {};
export const ApprovalRequired: Story = { args: { initial: repStates.approvalRequired } };
export const ShipAsap: Story = { args: { initial: repStates.shipAsap } };
/** An unpriceable line (a product the pricing does not know): the error is shown, not thrown. */
export const Unpriceable: Story = {
  args: {
    initial: {
      ...repStates.valid,
      lines: [{ lineId: 'L1', productId: 'UNKNOWN', quantity: 1, selection: {} }],
    },
  },
};
/** Every state on one page. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 32 }}>
      <RepQuote {...args} initial={repStates.valid} />
      <RepQuote {...args} initial={repStates.approvalRequired} />
    </div>
  ),
};
