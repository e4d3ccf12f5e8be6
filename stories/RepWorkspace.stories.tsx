import type { Meta, StoryObj } from '@storybook/react-vite';
import { RepWorkspace } from '../src/react/rep/RepWorkspace.tsx';
import { data, models, NOW, seller } from '../test/rep/repFixtures.ts';
import {
  approvalItems,
  memoryPipelineApi,
  memoryRepApi,
  memorySessionApi,
  pipelineItems,
} from '../test/rep/repStubs.ts';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';
import '../src/react/styles/rep.css';

const lists = () => memoryPipelineApi(pipelineItems, approvalItems);

/**
 * The rep app: sign-in (e-mail and password; any password but "wrong" signs in here), then who
 * is signed in, "Sign out", the inbox, a manager's approvals and the quote editor — on stand-ins
 * for the backend.
 */
const meta = {
  title: 'Rep/RepWorkspace',
  component: RepWorkspace,
  args: {
    models,
    pricing: data.pricing,
    snapshot: data.snapshot,
    apiBase: '',
    now: NOW,
    seller,
    sessionApi: memorySessionApi('rep'),
    pipelineApi: lists,
    quoteApi: () => memoryRepApi(),
  },
} satisfies Meta<typeof RepWorkspace>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {};
export const SignedInAsRep: Story = { args: { sessionApi: memorySessionApi('rep', true) } };
export const SignedInAsManager: Story = {
  args: { sessionApi: memorySessionApi('manager', true) },
};
export const German: Story = { args: { locale: 'de-DE' } };

const states = [
  ['signed-out', memorySessionApi('rep')],
  ['rep', memorySessionApi('rep', true)],
  ['manager', memorySessionApi('manager', true)],
] as const;
/** Every state on one page: signed out, a rep's inbox, a manager's (with Approvals). */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      {states.map(([name, session]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <RepWorkspace {...args} sessionApi={session} />
        </figure>
      ))}
    </div>
  ),
};
