import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApprovalPanel } from '../src/react/rep/ApprovalPanel.tsx';
import { QuoteApiError, type QuoteApproval } from '../src/react/rep/quoteApi.ts';
import { managerApproval, storedForApproval } from '../test/rep/repFixtures.ts';
import { StatesGrid } from './StatesGrid.tsx';
import '../src/react/styles/quote-print.css';

const approves = async () => managerApproval;
const refuses = async (): Promise<QuoteApproval> => {
  throw new QuoteApiError(
    403,
    'MANAGER_REQUIRED',
    "approving quote RQ-2026-000007 needs a manager: Rita Rep is signed in as a rep; sign in with a manager's token",
  );
};

const rep = { name: 'Rita Rep', role: 'rep' } as const;
const manager = { name: 'Mara Manager', role: 'manager' } as const;

/**
 * A manager's approval of a saved revision past a guardrail. The server records the approver
 * from the token: a rep is asked for a manager token, a manager approves in their own name.
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
export const UserUnknown: Story = { args: { user: undefined } };
export const Approved: Story = {
  args: { stored: storedForApproval({ approval: managerApproval }) },
};
/** Click "Approve revision 2" to see the backend's refusal of a rep's token. */
export const RefusedForARep: Story = { args: { user: undefined, approve: fn(refuses) } };
/** The same panel in German (`locale="de-DE"`): words and the approval day. */
export const InGerman: Story = { args: { locale: 'de-DE' } };
/** Approved, in German: "Freigegeben von … am 23.11.2026". */
export const ApprovedInGerman: Story = {
  args: { locale: 'de-DE', stored: storedForApproval({ approval: managerApproval }) },
};

const states = ['rep', 'manager', 'unknown', 'approved', 'not needed'] as const;
/** Every state on one page ("not needed" renders nothing: the revision is within every guardrail). */
export const AllStates: Story = {
  render: (args) => (
    <StatesGrid
      states={states}
      darkState="rep"
      columnWidth={320}
      render={(state) => {
        switch (state) {
          case 'rep':
          case 'rtl':
            return <ApprovalPanel {...args} user={rep} />;
          case 'manager':
            return <ApprovalPanel {...args} user={manager} />;
          case 'unknown':
            return <ApprovalPanel {...args} user={undefined} />;
          case 'approved':
            return (
              <ApprovalPanel {...args} stored={storedForApproval({ approval: managerApproval })} />
            );
          case 'not needed':
            return (
              <ApprovalPanel {...args} stored={storedForApproval({ approvalRequired: false })} />
            );
          default:
            return state satisfies never;
        }
      }}
    />
  ),
};
