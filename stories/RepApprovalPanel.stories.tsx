import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApprovalPanel } from '../src/react/rep/ApprovalPanel.tsx';
import { QuoteApiError, type QuoteApproval } from '../src/react/rep/quoteApi.ts';
import { managerApproval, repStates } from '../test/rep/repFixtures.ts';
import { quoteAnswer, storedForApproval } from '../test/rep/repStubs.ts';
import { StatesGrid } from './StatesGrid.tsx';
import '../src/react/styles/quote-print.css';

const approves = async () => managerApproval;
const refuses = async (): Promise<QuoteApproval> => {
  throw new QuoteApiError(
    403,
    'SELF_APPROVAL',
    'Mara Manager saved revision 2 of RQ-2026-000007: another manager must approve it',
  );
};

const rep = { name: 'Rita Rep', role: 'rep' } as const;
const manager = { name: 'Mara Manager', role: 'manager' } as const;
const own = storedForApproval({ createdBy: manager });
const approved = storedForApproval({ approval: managerApproval });
const notNeeded = quoteAnswer(repStates.valid);

/**
 * Where a saved revision past a guardrail stands on approval. The approver is whoever is signed
 * in: a manager approves in their own name (never their own revision); a rep is told it waits in
 * the managers' approval queue.
 */
const meta = {
  title: 'Rep/ApprovalPanel',
  component: ApprovalPanel,
  args: { stored: storedForApproval(), approve: fn(approves), user: rep },
} satisfies Meta<typeof ApprovalPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedInAsRep: Story = {};
export const SignedInAsManager: Story = { args: { user: manager } };
/** The manager saved this revision: the button is disabled and says why. */
export const OwnRevision: Story = { args: { user: manager, stored: own } };
export const UserUnknown: Story = { args: { user: undefined } };
export const Approved: Story = { args: { stored: approved } };
/** Click "Approve revision 2" to see the backend's refusal, in words. */
export const Refused: Story = { args: { user: manager, approve: fn(refuses) } };
/** The same panel in German (`locale="de-DE"`): words and the approval day. */
export const InGerman: Story = { args: { locale: 'de-DE', user: manager } };
/** Approved, in German: "Freigegeben von … am 23.11.2026". */
export const ApprovedInGerman: Story = { args: { locale: 'de-DE', stored: approved } };

const states = ['rep', 'manager', 'own revision', 'unknown', 'approved', 'not needed'] as const;
/** Every state on one page ("not needed" renders nothing: the revision is within every guardrail). */
export const AllStates: Story = {
  render: (args) => (
    <StatesGrid
      states={states}
      darkState="manager"
      columnWidth={320}
      render={(state) => {
        switch (state) {
          case 'rep':
          case 'rtl':
            return <ApprovalPanel {...args} user={rep} />;
          case 'manager':
            return <ApprovalPanel {...args} user={manager} />;
          case 'own revision':
            return <ApprovalPanel {...args} user={manager} stored={own} />;
          case 'unknown':
            return <ApprovalPanel {...args} user={undefined} />;
          case 'approved':
            return <ApprovalPanel {...args} stored={approved} />;
          case 'not needed':
            return <ApprovalPanel {...args} stored={notNeeded} />;
          default:
            return state satisfies never;
        }
      }}
    />
  ),
};
