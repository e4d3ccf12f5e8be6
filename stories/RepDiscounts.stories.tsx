import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { RepDiscounts } from '../src/react/rep/RepDiscounts.tsx';
import { priceQuote } from '../src/engine/quotes/priceQuote.ts';
import type { RepQuote } from '../src/engine/quotes/repQuote.ts';
import { data, pricedState, repStates } from '../test/rep/repFixtures.ts';
import '../src/react/styles/quote-print.css';

/** Discounts priced live by the engine: type past a guardrail to see the approval. */
function Live() {
  const [discounts, setDiscounts] = useState<RepQuote['discounts']>({});
  const priced = priceQuote({ ...repStates.valid, discounts }, data);
  return (
    <RepDiscounts
      discounts={discounts}
      onChange={setDiscounts}
      currency="EUR"
      violations={priced.price.violations}
    />
  );
}

const meta = {
  title: 'Rep/RepDiscounts',
  component: RepDiscounts,
  args: { discounts: {}, onChange: fn(), currency: 'EUR', violations: [] },
} satisfies Meta<typeof RepDiscounts>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithinGuardrails: Story = { args: { discounts: { additionalPercent: '5' } } };
export const ApprovalRequired: Story = {
  args: {
    discounts: repStates.approvalRequired.discounts,
    violations: pricedState('approvalRequired').price.violations,
  },
};
export const Interactive: Story = { render: () => <Live /> };
/** Every state on one page. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <RepDiscounts {...args} />
      <RepDiscounts
        {...args}
        discounts={repStates.approvalRequired.discounts}
        violations={pricedState('approvalRequired').price.violations}
      />
    </div>
  ),
};
