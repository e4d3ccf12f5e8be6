import { useId, useState } from 'react';
import { QuoteApiError, type QuoteApproval, type QuoteUser, type QuoteView } from './quoteApi.ts';
import { repFormat, type RepFormat } from './repFormat.ts';

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
  /** Locale of the words and dates (`de-DE`: German); default English. */
  locale?: string | undefined;
}

type State =
  | { kind: 'idle' }
  | { kind: 'approving' }
  | { kind: 'approved'; approval: QuoteApproval }
  // The error itself: its text follows the locale, also after a switch.
  | { kind: 'error'; error: unknown };

function explanation(revision: number, user: QuoteUser | undefined, f: RepFormat): string {
  if (!user) return f.t('rep.approval.signIn', { revision });
  switch (user.role) {
    case 'manager':
      return f.t('rep.approval.asManager', { revision, name: user.name });
    case 'rep':
      return f.t('rep.approval.asRep', { revision, name: user.name });
    default:
      return user.role satisfies never;
  }
}

/**
 * Why an approval failed, in the rep's language: the backend's refusals the panel knows by code;
 * anything else (a network failure, an unexpected answer) with the error's own message.
 */
function failure(e: unknown, stored: QuoteView, f: RepFormat): string {
  const at = { number: stored.number, revision: stored.revision };
  if (e instanceof QuoteApiError)
    switch (e.code) {
      case 'MANAGER_REQUIRED':
        return f.t('rep.approval.error.managerRequired');
      case 'TOKEN_INVALID':
        return f.t('rep.approval.error.tokenInvalid');
      case 'APPROVAL_NOT_NEEDED':
        return f.t('rep.approval.error.notNeeded', at);
      case 'QUOTE_NOT_FOUND':
        return f.t('rep.approval.error.notFound', at);
    }
  return e instanceof Error ? e.message : String(e);
}

/**
 * A manager's approval of a saved revision that breaks a guardrail: what is needed and who may
 * approve, a "Manager token" field unless the signed-in user is a manager, and an "Approve
 * revision N" button; once approved, who approved it (recorded by the server from the token) and
 * on which day (the rep's day, in `locale`). The backend's refusals are told in `locale` by their
 * code. Key it by number and revision so that another revision starts over.
 */
export function ApprovalPanel({ stored, approve, user, locale = 'en' }: ApprovalPanelProps) {
  const f = repFormat(locale, stored.quote.pricing.currency);
  const { t } = f;
  const [token, setToken] = useState('');
  const [state, setState] = useState<State>(
    stored.approval ? { kind: 'approved', approval: stored.approval } : { kind: 'idle' },
  );
  const describedBy = useId();
  if (!stored.approvalRequired) return null;
  if (state.kind === 'approved')
    return (
      <section
        aria-label={t('rep.approval.label')}
        className="madeto-rep-approve"
        data-state="approved"
      >
        <p role="status">
          {t('rep.approval.approved', {
            name: state.approval.approvedBy,
            date: f.instantDate(state.approval.approvedAt),
          })}
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
      setState({ kind: 'error', error: e });
    }
  };
  return (
    <section
      aria-label={t('rep.approval.label')}
      className="madeto-rep-approve"
      data-state={state.kind}
    >
      <p id={describedBy}>{explanation(stored.revision, user, f)}</p>
      {!asManager && (
        <label>
          {t('rep.approval.token')}
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
        {t('rep.approval.approve', { revision: stored.revision })}
      </button>
      {state.kind === 'error' && (
        <p role="alert">
          {t('rep.approval.failed', { reason: failure(state.error, stored, f) })}
          {state.error instanceof QuoteApiError &&
            state.error.code === 'MANAGER_REQUIRED' &&
            token.trim() === '' &&
            ` ${t('rep.approval.enterToken')}`}
        </p>
      )}
    </section>
  );
}
