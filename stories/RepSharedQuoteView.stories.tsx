import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SharedQuoteView } from '../src/react/rep/SharedQuoteView.tsx';
import { managerApproval, repStates } from '../test/rep/repFixtures.ts';
import { customerAnswer, sharedApi } from '../test/rep/repStubs.ts';
import '../src/react/styles/quote-print.css';

const open = customerAnswer(repStates.valid, { number: 'RQ-2026-000009', revision: 3 });
const approval = customerAnswer(repStates.approvalRequired, { number: 'RQ-2026-000010' });
const approved = customerAnswer(repStates.approvalRequired, {
  number: 'RQ-2026-000007',
  revision: 2,
  approval: managerApproval,
});
const expired = customerAnswer(repStates.valid, { number: 'RQ-2026-000009', state: 'expired' });

/**
 * The customer's view of a share link. The stories hand in a stand-in for the backend
 * (`api`); without one it loads `/api/shared/quotes/:token` from a reference backend.
 */
const meta = {
  title: 'Rep/SharedQuoteView',
  component: SharedQuoteView,
  args: { apiBase: '', token: 'tok_story', api: sharedApi(open) },
} satisfies Meta<typeof SharedQuoteView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
export const ApprovalRequired: Story = { args: { api: sharedApi(approval) } };
/** Approved by a manager: the customer sees it approved and can accept. */
export const Approved: Story = { args: { api: sharedApi(approved) } };
export const Expired: Story = { args: { api: sharedApi(expired) } };
export const Loading: Story = { args: { api: sharedApi('pending') } };
export const NotFound: Story = { args: { api: sharedApi('error') } };
/** Accepted: the play function accepts the quote; the order number is shown. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Accept this quote' }));
    await expect(await canvas.findByText(/order O-2026-000042 is placed/)).toBeInTheDocument();
  },
};
export const German: Story = { args: { locale: 'de-DE', api: sharedApi(expired) } };

const states = [
  ['open', { api: sharedApi(open) }],
  ['approval-required', { api: sharedApi(approval) }],
  ['approved', { api: sharedApi(approved) }],
  ['expired', { api: sharedApi(expired) }],
  ['loading', { api: sharedApi('pending') }],
  ['error', { api: sharedApi('error') }],
  ['german', { api: sharedApi(approval), locale: 'de-DE' }],
] as const;
/** Every state on one page: open, approval required, approved, expired, loading, error, German. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      {states.map(([name, over]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <SharedQuoteView {...args} token={`tok_${name}`} {...over} />
        </figure>
      ))}
    </div>
  ),
};
