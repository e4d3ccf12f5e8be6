import { useId, useState } from 'react';
import { QuoteApiError, type QuoteApproval, type QuoteUser, type QuoteView } from './quoteApi.ts';
import { repFormat, type RepFormat } from './repFormat.ts';

/** The props of `<ApprovalPanel>`. */
export interface ApprovalPanelProps {
  /** The saved (or reopened) revision; the panel shows only when it is past a guardrail. */
  stored: Pick<QuoteView, 'number' | 'revision' | 'approvalStatus' | 'approval' | 'createdBy'> & {
    quote: Pick<QuoteView['quote'], 'pricing'>;
  };
  /** Records the signed-in manager's approval of `stored.revision` (`repQuoteApi(…).approve`). */
  approve: (number: string, revision: number) => Promise<QuoteApproval>;
  /** Who is signed in, when known: a manager (or admin) approves; a rep is told who will. */
  user?: QuoteUser | undefined;
  /** Told once the approval is recorded (the editor reloads the revision). */
  onApproved?: ((approval: QuoteApproval) => void) | undefined;
  /** Locale of the words and dates (`de-DE`: German); default English. */
  locale?: string | undefined;
}

type State =
  | { kind: 'idle' }
  | { kind: 'approving' }
  | { kind: 'approved'; approval: QuoteApproval }
  // The error itself: its text follows the locale, also after a switch.
  | { kind: 'error'; error: unknown };

/**
 * Why an approval failed, in the user's language: the backend's refusals the panel knows by code;
 * anything else (a network failure, an unexpected answer) with the error's own message.
 */
function failure(e: unknown, stored: ApprovalPanelProps['stored'], f: RepFormat): string {
  const at = { number: stored.number, revision: stored.revision };
  if (e instanceof QuoteApiError)
    switch (e.code) {
      case 'MANAGER_REQUIRED':
        return f.t('rep.approval.error.managerRequired');
      case 'SELF_APPROVAL':
        return f.t('rep.queue.error.self');
      case 'APPROVAL_NOT_NEEDED':
        return f.t('rep.approval.error.notNeeded', at);
      case 'QUOTE_NOT_FOUND':
        return f.t('rep.approval.error.notFound', at);
    }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Where a saved revision past a guardrail stands on approval, in the rep's editor: approved (by
 * whom, on which day in `locale`); else, for a signed-in manager or admin, an "Approve revision N"
 * button in their own name (disabled, saying why, on a revision they saved themselves: someone
 * else approves it); for a rep, that it waits in the managers' approval queue. No token is typed:
 * the approver is whoever is signed in. Key it by number and revision so that another revision
 * starts over.
 */
export function ApprovalPanel({
  stored,
  approve,
  user,
  onApproved,
  locale = 'en',
}: ApprovalPanelProps) {
  const f = repFormat(locale, stored.quote.pricing.currency);
  const { t } = f;
  const reason = useId();
  const [state, setState] = useState<State>(
    stored.approval ? { kind: 'approved', approval: stored.approval } : { kind: 'idle' },
  );
  if (stored.approvalStatus === 'not-needed') return null;
  const region = (kind: string, children: React.ReactNode) => (
    <section aria-label={t('rep.approval.label')} className="madeto-rep-approve" data-state={kind}>
      {children}
    </section>
  );
  if (state.kind === 'approved')
    return region(
      'approved',
      <p role="status">
        {t('rep.approval.approved', {
          name: state.approval.approvedBy,
          date: f.instantDate(state.approval.approvedAt),
        })}
      </p>,
    );
  const approver = user?.role === 'manager' || user?.role === 'admin';
  if (!approver)
    return region(
      'waiting',
      <p>
        {user
          ? t('rep.approval.waits', { revision: stored.revision })
          : t('rep.approval.signIn', { revision: stored.revision })}
      </p>,
    );
  const own = stored.createdBy !== null && stored.createdBy?.name === user.name;
  const submit = async () => {
    setState({ kind: 'approving' });
    try {
      const approval = await approve(stored.number, stored.revision);
      setState({ kind: 'approved', approval });
      onApproved?.(approval);
    } catch (e) {
      setState({ kind: 'error', error: e });
    }
  };
  return region(
    state.kind,
    <>
      <p>{t('rep.approval.asManager', { revision: stored.revision, name: user.name })}</p>
      <button
        type="button"
        disabled={own || state.kind === 'approving'}
        aria-describedby={own ? reason : undefined}
        onClick={() => void submit()}
      >
        {t('rep.approval.approve', { revision: stored.revision })}
      </button>
      {own && <p id={reason}>{t('rep.queue.own')}</p>}
      {state.kind === 'error' && (
        <p role="alert">{t('rep.approval.failed', { reason: failure(state.error, stored, f) })}</p>
      )}
    </>,
  );
}
