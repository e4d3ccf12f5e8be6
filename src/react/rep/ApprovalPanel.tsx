import { useState } from 'react';
import type { QuoteApproval, QuoteView } from './quoteApi.ts';

/** The props of `<ApprovalPanel>`. */
export interface ApprovalPanelProps {
  /** The saved (or reopened) revision; the panel shows only when it needs approval. */
  stored: QuoteView;
  /** Records the approval of `stored.revision` (e.g. `repQuoteApi(…).approve`). */
  approve: (number: string, approvedBy: string, revision: number) => Promise<QuoteApproval>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'approving' }
  | { kind: 'approved'; approval: QuoteApproval }
  | { kind: 'error'; message: string };

/**
 * A manager's approval of a saved revision that breaks a guardrail: an "Approved by" name and an
 * "Approve revision N" button; once approved, who approved it and on which day. Key it by number
 * and revision so that another revision starts over.
 */
export function ApprovalPanel({ stored, approve }: ApprovalPanelProps) {
  const [by, setBy] = useState('');
  const [state, setState] = useState<State>(
    stored.approval ? { kind: 'approved', approval: stored.approval } : { kind: 'idle' },
  );
  if (!stored.approvalRequired) return null;
  if (state.kind === 'approved')
    return (
      <section aria-label="Approval" className="madeto-rep-approve" data-state="approved">
        <p role="status">
          Approved by {state.approval.approvedBy} on {state.approval.approvedAt.slice(0, 10)}
        </p>
      </section>
    );
  const submit = async () => {
    setState({ kind: 'approving' });
    try {
      const approval = await approve(stored.number, by.trim(), stored.revision);
      setState({ kind: 'approved', approval });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section aria-label="Approval" className="madeto-rep-approve" data-state={state.kind}>
      <label>
        Approved by
        <input value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={by.trim() === '' || state.kind === 'approving'}
        onClick={() => void submit()}
      >
        Approve revision {stored.revision}
      </button>
      {state.kind === 'error' && <p role="alert">The approval failed: {state.message}</p>}
    </section>
  );
}
