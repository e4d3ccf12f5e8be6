import type { Meta, StoryObj } from '@storybook/react-vite';
import { QuoteDocument } from '../src/react/rep/QuoteDocument.tsx';
import { models, pricedState, repStates } from '../test/rep/repFixtures.ts';
import '../src/react/styles/quote-print.css';

const props = (state: keyof typeof repStates) => {
  const priced = pricedState(state);
  return {
    number: 'RQ-2026-000007',
    revision: 1,
    quote: repStates[state],
    price: priced.price,
    promise: priced.promise ?? null,
    approvalRequired: priced.approvalRequired,
    models,
    issued: '2026-11-23',
  };
};

const meta = {
  title: 'Rep/QuoteDocument',
  component: QuoteDocument,
  args: props('valid'),
} satisfies Meta<typeof QuoteDocument>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = {};
export const ApprovalRequired: Story = { args: props('approvalRequired') };
export const ShipAsap: Story = { args: props('shipAsap') };
/** An unsaved draft: no number, no revision. */
export const Draft: Story = {
  render: () => {
    const { quote, price, promise, approvalRequired, issued } = props('valid');
    return (
      <QuoteDocument
        quote={quote}
        price={price}
        promise={promise}
        approvalRequired={approvalRequired}
        models={models}
        issued={issued}
      />
    );
  },
};
export const ChangedSinceQuoted: Story = {
  args: {
    ...props('valid'),
    changes: [
      {
        kind: 'line-price',
        path: '$.lines[0].price.unit',
        message: "line 'L1' unit price 580.00 → 610.00 EUR",
        before: '580.00',
        after: '610.00',
      },
    ],
  },
};
/** Every state on one page. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      {(['valid', 'approvalRequired', 'shipAsap'] as const).map((s) => (
        <QuoteDocument key={s} {...props(s)} />
      ))}
    </div>
  ),
};
