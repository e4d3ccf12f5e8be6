import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { QuoteLines } from '../src/react/rep/QuoteLines.tsx';
import type { RepQuoteLine } from '../src/engine/quotes/repQuote.ts';
import { models, pricedState, repStates } from '../test/rep/repFixtures.ts';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

function Live({ active }: { active?: string }) {
  const [lines, setLines] = useState<RepQuoteLine[]>(repStates.valid.lines);
  const [current, setCurrent] = useState(active);
  return (
    <QuoteLines
      lines={lines}
      onChange={setLines}
      models={models}
      price={pricedState('valid').price}
      active={current}
      onActivate={setCurrent}
    />
  );
}

const meta = {
  title: 'Rep/QuoteLines',
  component: QuoteLines,
  args: {
    lines: repStates.valid.lines,
    onChange: fn(),
    models,
    price: pricedState('valid').price,
    onActivate: fn(),
  },
} satisfies Meta<typeof QuoteLines>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Lines: Story = {};
export const Unpriced: Story = { args: { price: undefined } };
export const Configuring: Story = { render: () => <Live active="L1" /> };
/** Every state on one page. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      <QuoteLines {...args} />
      <QuoteLines {...args} price={undefined} />
      <Live active="L1" />
    </div>
  ),
};
