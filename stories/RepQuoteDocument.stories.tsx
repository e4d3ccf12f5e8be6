import type { Meta, StoryObj } from '@storybook/react-vite';
import type { QuoteChange } from '../src/engine/quotes/quoteChanges.ts';
import { QuoteDocument, type QuoteDocumentProps } from '../src/react/rep/QuoteDocument.tsx';
import { managerApproval, pricedState, repStates } from '../test/rep/repFixtures.ts';
import { customerAnswer } from '../test/rep/repStubs.ts';
import '../src/react/styles/quote-print.css';

const changes: QuoteChange[] = [
  {
    kind: 'line-price',
    path: '$.lines[0].price.unit',
    message: "line 'L1' unit price 580.00 → 610.00 EUR",
    before: '580.00',
    after: '610.00',
  },
];
const at = { number: 'RQ-2026-000007', revision: 2 };
const props = (state: keyof typeof repStates): QuoteDocumentProps => ({
  document: customerAnswer(repStates[state], at),
});
const guardrails = pricedState('approvalRequired').price.violations;
/** An unsaved draft: no number yet. */
const draft: QuoteDocumentProps = {
  document: { ...customerAnswer(repStates.valid, at), number: '', revision: 0 },
};
const approved: QuoteDocumentProps = {
  document: customerAnswer(repStates.approvalRequired, { ...at, approval: managerApproval }),
};
const repCopy: QuoteDocumentProps = { ...props('approvalRequired'), audience: 'rep', guardrails };

const meta = {
  title: 'Rep/QuoteDocument',
  component: QuoteDocument,
  args: props('valid'),
} satisfies Meta<typeof QuoteDocument>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = {};
/** The customer's copy of a revision awaiting approval: no guardrail is named. */
export const ApprovalRequired: Story = { args: props('approvalRequired') };
/** The rep's copy of the same revision: the guardrails it passes. */
export const ApprovalRequiredRep: Story = { args: repCopy };
/** Approved by a manager, as the customer sees it. */
export const Approved: Story = { args: approved };
export const ShipAsap: Story = { args: props('shipAsap') };
export const Draft: Story = { args: draft };
export const ChangedSinceQuoted: Story = { args: { ...props('valid'), changes } };
/** German words, numbers, percentages and dates. */
export const German: Story = { args: { ...props('approvalRequired'), locale: 'de-DE' } };

const states: [string, QuoteDocumentProps][] = [
  ['valid', props('valid')],
  ['approval-required', props('approvalRequired')],
  ['approval-required-rep', repCopy],
  ['approved', approved],
  ['ship-asap', props('shipAsap')],
  ['draft', draft],
  ['changed-since-quoted', { ...props('valid'), changes }],
  ['german', { ...props('approvalRequired'), locale: 'de-DE' }],
];
/** Every state on one page. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      {states.map(([name, p]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <QuoteDocument {...p} />
        </figure>
      ))}
    </div>
  ),
};
