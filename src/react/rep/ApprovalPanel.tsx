import { useId, useState } from 'react';
import { QuoteApiError, type QuoteApproval, type QuoteUser, type QuoteView } from './quoteApi.ts';

/** The props of `<ApprovalPanel>`. */
export interface ApprovalPanelProps {
  /** The saved (or reopened) revision; the panel shows only when it needs approval. */
  stored: QuoteView;
  /**
   * Records the approval of `stored.revision` (e.g. `repQuoteApi(…).approve`). The backend
   * records the signed-in manager as approver; `asToken` signs the call in with a manager's token
   * typed into the panel.
   */
  approve: (number: string, revision: number, asToken?: string) => Promise<QuoteApproval>;
  /**
   * Who is signed in (`repQuoteApi(…).me()`), when known. A rep is told that a manager must
   * approve and asked for a manager token; a manager approves in their own name.
   */
  user?: QuoteUser | undefined;
}

type State =
  | { kind: 'idle' }
  | { kind: 'approving' }
  | { kind: 'approved'; approval: QuoteApproval }
  | { kind: 'error'; message: string; managerRequired: boolean };

function explanation(revision: number, user: QuoteUser | undefined): string {
  if (user?.role === 'manager')
    return `Revision ${revision} passes a guardrail. You approve it as ${user.name} (manager).`;
  if (user?.role === 'rep')
    return `Revision ${revision} passes a guardrail and needs a manager's approval: you are signed in as ${user.name}, a rep. A manager approves it with their manager token.`;
  return `Revision ${revision} passes a guardrail and needs a manager's approval: sign in as a manager, or enter a manager token.`;
}

/**
 * A manager's approval of a saved revision that breaks a guardrail: what is needed and who may
 * approve, a "Manager token" field unless the signed-in user is a manager, and an "Approve
 * revision N" button; once approved, who approved it (recorded by the server from the token) and
 * on which day. Key it by number and revision so that another revision starts over.
 */
export function ApprovalPanel({ stored, approve, user }: ApprovalPanelProps) {
  const [token, setToken] = useState('');
  const [state, setState] = useState<State>(
    stored.approval ? { kind: 'approved', approval: stored.approval } : { kind: 'idle' },
  );
  const describedBy = useId();
  if (!stored.approvalRequired) return null;
  if (state.kind === 'approved')
    return (
      <section aria-label="Approval" className="madeto-rep-approve" data-state="approved">
        <p role="status">
          Approved by {state.approval.approvedBy} on {state.approval.approvedAt.slice(0, 10)}
        </p>
      </section>
    );
  const asManager = user?.role === 'manager';
  const submit = async () => {
    setState({ kind: 'approving' });
    try {
      const approval = await approve(
        stored.number,
        stored.revision,
        asManager || token.trim() === '' ? undefined : token.trim(),
      );
      setState({ kind: 'approved', approval });
    } catch (e) {
      setState({
        kind: 'error',
        message: e instanceof Error ? e.message : String(e),
        managerRequired: e instanceof QuoteApiError && e.code === 'MANAGER_REQUIRED',
      });
    }
  };
  return (
    <section aria-label="Approval" className="madeto-rep-approve" data-state={state.kind}>
      <p id={describedBy}>{explanation(stored.revision, user)}</p>
      {!asManager && (
        <label>
          Manager token
          <input
            type="password"
            autoComplete="off"
            aria-describedby={describedBy}
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
      )}
      <button
        type="button"
        disabled={state.kind === 'approving' || (user?.role === 'rep' && token.trim() === '')}
        onClick={() => void submit()}
      >
        Approve revision {stored.revision}
      </button>
      {state.kind === 'error' && (
        <p role="alert">
          The approval failed: {state.message}
          {state.managerRequired && token.trim() === '' && ' Enter a manager token to approve.'}
        </p>
      )}
    </section>
  );
}
