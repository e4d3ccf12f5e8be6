import type { Meta, StoryObj } from '@storybook/react-vite';
import { SharedQuoteView } from '../src/react/rep/SharedQuoteView.tsx';
import { models } from '../test/rep/repFixtures.ts';
import '../src/react/styles/quote-print.css';

/**
 * The customer's view of a share link; it loads `/api/shared/quotes/:token` from a reference
 * backend (`madeto serve`). Without one the story shows the error state.
 */
const meta = {
  title: 'Rep/SharedQuoteView',
  component: SharedQuoteView,
  args: { apiBase: '', token: 'no-such-token', models, today: '2026-11-23' },
} satisfies Meta<typeof SharedQuoteView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NotFound: Story = {};
/** Every state this story can show without a backend. */
export const AllStates: Story = {};
