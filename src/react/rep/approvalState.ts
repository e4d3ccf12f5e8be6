import type { QuoteApproval } from './quoteApi.ts';

/**
 * Where a quote revision stands on approval, the same everywhere it is shown (the rep's editor,
 * the customer's page, the printed document, the accept button): `not-needed` (within every
 * guardrail), `required` (past a guardrail, no manager approved this revision yet), `approved`
 * (past a guardrail and approved by a manager).
 */
export type ApprovalState =
  { kind: 'not-needed' } | { kind: 'required' } | { kind: 'approved'; approval: QuoteApproval };

/**
 * The approval state of a revision from what the backend answers: whether it needs approval and
 * who approved it (an approval of another revision does not count: a changed revision needs its
 * own).
 *
 * @example
 * approvalState(true, { number: 'RQ-2026-000001', revision: 2, approvedBy: 'Mara', approvedAt: '…' }, 2).kind; // 'approved'
 */
export function approvalState(
  approvalRequired: boolean,
  approval: QuoteApproval | null | undefined,
  revision?: number,
): ApprovalState {
  if (!approvalRequired) return { kind: 'not-needed' };
  if (approval && (revision === undefined || approval.revision === revision))
    return { kind: 'approved', approval };
  return { kind: 'required' };
}
