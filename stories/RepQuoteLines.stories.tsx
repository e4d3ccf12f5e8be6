import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { QuoteLines } from '../src/react/rep/QuoteLines.tsx';
import type { QuoteLineValue } from '../src/react/rep/repQuoteForm.ts';
import { models, pricedState, repStates } from '../test/rep/repFixtures.ts';
import { StatesGrid } from './StatesGrid.tsx';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

function Live({ active, locale }: { active?: string; locale?: string }) {
  const [lines, setLines] = useState<QuoteLineValue[]>(repStates.valid.lines);
  const [current, setCurrent] = useState(active);
  return (
    <QuoteLines
      lines={lines}
      onChange={setLines}
      models={models}
      price={pricedState('valid').price}
      active={current}
      onActivate={setCurrent}
      {...(locale && { locale })}
    />
  );
}

/** Lines as the form holds them while a quantity is typed wrong (the error names it). */
const mistyped: QuoteLineValue[] = repStates.valid.lines.map((l) =>
  l.lineId === 'L2' ? { ...l, quantity: '0' } : l,
);
const mistypedError = { L2: 'Quantity of line L2: enter a whole number from 1 to 1,000,000.' };

/** A line with its own discounts, one of them typed out of range (the error beside the field). */
const lineDiscounted: QuoteLineValue[] = repStates.valid.lines.map((l) =>
  l.lineId === 'L1' ? { ...l, discounts: { additionalPercent: '150', partnerPercent: '5' } } : l,
);
const lineDiscountError = {
  L1: {
    additionalPercent:
      'Additional discount of line L1 (%): enter a percentage from 0 to 100, such as 12.5.',
  },
};

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
export const InvalidQuantity: Story = {
  args: { lines: mistyped, errors: mistypedError, price: undefined },
};
export const LineDiscountInvalid: Story = {
  args: { lines: lineDiscounted, discountErrors: lineDiscountError },
};
export const German: Story = { args: { locale: 'de-DE' } };
export const Configuring: Story = { render: () => <Live active="L1" /> };
const states = ['priced', 'unpriced', 'invalid-quantity', 'line-discount', 'german'] as const;
/**
 * Every state on one page: priced, unpriced, a mistyped quantity, a line's own discount out of
 * range, German, RTL, dark; then configuring.
 */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      <StatesGrid
        states={states}
        darkState="invalid-quantity"
        columnWidth={520}
        render={(state) => {
          switch (state) {
            case 'priced':
            case 'rtl':
              return <QuoteLines {...args} />;
            case 'unpriced':
              return <QuoteLines {...args} price={undefined} />;
            case 'invalid-quantity':
              return (
                <QuoteLines {...args} lines={mistyped} errors={mistypedError} price={undefined} />
              );
            case 'line-discount':
              return (
                <QuoteLines {...args} lines={lineDiscounted} discountErrors={lineDiscountError} />
              );
            case 'german':
              return <QuoteLines {...args} locale="de-DE" />;
            default:
              return state satisfies never;
          }
        }}
      />
      <figure data-story-state="configuring" style={{ margin: 0 }}>
        <figcaption>configuring</figcaption>
        <Live active="L1" />
      </figure>
    </div>
  ),
};
