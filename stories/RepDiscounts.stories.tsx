import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { priceQuote } from '../src/engine/quotes/priceQuote.ts';
import { RepDiscounts } from '../src/react/rep/RepDiscounts.tsx';
import { quoteFromForm, toFormValues, type DiscountValues } from '../src/react/rep/repQuoteForm.ts';
import { repFormat } from '../src/react/rep/repFormat.ts';
import { data, pricedState, repStates } from '../test/rep/repFixtures.ts';
import { StatesGrid } from './StatesGrid.tsx';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

/** Discounts priced live by the engine: type past a guardrail to see the approval. */
function Live({ locale = 'en' }: { locale?: string }) {
  const f = repFormat(locale, 'EUR');
  const [discounts, setDiscounts] = useState<DiscountValues>({});
  const values = { ...toFormValues(repStates.valid, f), discounts };
  const priced = priceQuote(quoteFromForm(values, f), data);
  return (
    <RepDiscounts
      discounts={discounts}
      onChange={setDiscounts}
      currency="EUR"
      locale={locale}
      violations={priced.price.violations}
    />
  );
}

const approval = {
  discounts: repStates.approvalRequired.discounts,
  violations: pricedState('approvalRequired').price.violations,
};
const invalid = {
  discounts: { additionalPercent: 'ten', documentDiscount: '5.555' },
  errors: {
    additionalPercent: 'Additional discount (%): enter a percentage from 0 to 100, such as 12.5.',
    documentDiscount: 'Document discount (EUR): enter an amount of 0 or more, such as 50.00.',
  },
};

const meta = {
  title: 'Rep/RepDiscounts',
  component: RepDiscounts,
  args: { discounts: {}, onChange: fn(), currency: 'EUR', violations: [] },
} satisfies Meta<typeof RepDiscounts>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithinGuardrails: Story = { args: { discounts: { additionalPercent: '5' } } };
export const ApprovalRequired: Story = { args: approval };
/** What the rep typed is not a number: named next to each field. */
export const Invalid: Story = { args: invalid };
/** German labels, decimal commas, the guardrails in German with German percentages. */
export const German: Story = {
  args: {
    ...approval,
    discounts: { additionalPercent: '40', documentDiscount: '50,00' },
    locale: 'de-DE',
  },
};
/** The quote cannot be priced (a line's quantity is mistyped): nothing is said about guardrails. */
export const Unpriced: Story = { args: { violations: undefined } };
export const Interactive: Story = { render: () => <Live /> };
const states = ['within', 'approval-required', 'invalid', 'unpriced', 'german'] as const;
/** Every state on one page (with RTL and dark). */
export const AllStates: Story = {
  render: (args) => (
    <StatesGrid
      states={states}
      darkState="approval-required"
      columnWidth={320}
      render={(state) => {
        switch (state) {
          case 'within':
          case 'rtl':
            return <RepDiscounts {...args} discounts={{ additionalPercent: '5' }} />;
          case 'approval-required':
            return <RepDiscounts {...args} {...approval} />;
          case 'invalid':
            return <RepDiscounts {...args} {...invalid} />;
          case 'unpriced':
            return <RepDiscounts {...args} violations={undefined} />;
          case 'german':
            return <RepDiscounts {...args} {...approval} locale="de-DE" />;
          default:
            return state satisfies never;
        }
      }}
    />
  ),
};
