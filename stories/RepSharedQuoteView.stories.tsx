import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SharedQuoteView } from '../src/react/rep/SharedQuoteView.tsx';
import { models, repStates } from '../test/rep/repFixtures.ts';
import { quoteAnswer, sharedApi } from '../test/rep/repStubs.ts';
import '../src/react/styles/quote-print.css';

const open = quoteAnswer(repStates.valid, { number: 'RQ-2026-000009', revision: 3 });
const approval = quoteAnswer(repStates.approvalRequired, { number: 'RQ-2026-000010' });

/**
 * The customer's view of a share link. The stories hand in a stand-in for the backend
 * (`api`); without one it loads `/api/shared/quotes/:token` from a reference backend.
 */
const meta = {
  title: 'Rep/SharedQuoteView',
  component: SharedQuoteView,
  args: { apiBase: '', token: 'tok_story', models, today: '2026-11-23', api: sharedApi(open) },
} satisfies Meta<typeof SharedQuoteView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
export const ApprovalRequired: Story = { args: { api: sharedApi(approval) } };
export const Expired: Story = { args: { today: '2027-01-01' } };
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
export const German: Story = { args: { locale: 'de-DE', today: '2027-01-01' } };

const states = [
  ['open', { api: sharedApi(open) }],
  ['approval-required', { api: sharedApi(approval) }],
  ['expired', { api: sharedApi(open), today: '2027-01-01' }],
  ['loading', { api: sharedApi('pending') }],
  ['error', { api: sharedApi('error') }],
  ['german', { api: sharedApi(approval), locale: 'de-DE' }],
] as const;
/** Every state on one page: open, approval required, expired, loading, error, German. */
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
