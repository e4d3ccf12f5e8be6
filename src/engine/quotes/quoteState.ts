/**
 * The life of a rep's quote as a pure state machine: what is known about a quote (`QuoteFacts`),
 * the state it is in (`quoteState`), and what an event does to it (`applyQuoteEvent`). The server
 * stores the facts (revisions, approvals, sends, views, the order) and asks these functions; no
 * clock: `today` is a parameter.
 */

/** The states of a quote, in the order a quote usually goes through them. */
export const QUOTE_STATES = [
  'draft',
  'awaiting-approval',
  'approved',
  'sent',
  'viewed',
  'accepted',
  'expired',
  'lost',
] as const;

/** One state of a quote (see `quoteState`). */
export type QuoteState = (typeof QUOTE_STATES)[number];

/**
 * Whether the latest revision needs a manager: `not-needed` (within every guardrail), `required`
 * (past a guardrail, not approved) or `approved` (a manager approved this very revision).
 */
export type ApprovalStatus = 'not-needed' | 'required' | 'approved';

/** What is known about a quote: its latest revision and what happened to it. */
export interface QuoteFacts {
  /** The latest revision. */
  revision: number;
  /** The last day the quote may be accepted (YYYY-MM-DD). */
  validUntil: string;
  approval: ApprovalStatus;
  /** The revision last e-mailed to the customer (undefined: never sent). */
  sentRevision?: number | undefined;
  /** The revision the customer last opened through the link (undefined: never). */
  viewedRevision?: number | undefined;
  /** The revision the customer accepted (undefined: not accepted). */
  acceptedRevision?: number | undefined;
  /** Marked lost by a rep. */
  lost?: boolean | undefined;
}

/** Something that happens to a quote. */
export type QuoteEvent =
  | { kind: 'revise'; needsApproval: boolean; validUntil: string }
  | { kind: 'approve' }
  | { kind: 'send' }
  | { kind: 'view' }
  | { kind: 'accept' }
  | { kind: 'lose' };

/** What an event did: the new facts and state, or why it is refused (a stable code, a message). */
export type QuoteEventResult =
  | { ok: true; facts: QuoteFacts; state: QuoteState }
  | { ok: false; code: QuoteEventRefusal; message: string };

/** Why an event is refused. */
export type QuoteEventRefusal =
  'QUOTE_CLOSED' | 'QUOTE_EXPIRED' | 'APPROVAL_NOT_NEEDED' | 'APPROVAL_REQUIRED';

/**
 * The state of a quote on `today`: accepted and lost are final; then expired (past `validUntil`);
 * then awaiting approval (the latest revision is past a guardrail and not approved: it cannot be
 * accepted, even if it was sent); then viewed and sent (of the latest revision); then approved;
 * else draft.
 *
 * @example
 * quoteState({ revision: 2, validUntil: '2099-01-01', approval: 'approved', sentRevision: 2 }, '2026-12-07') // 'sent'
 */
export function quoteState(facts: QuoteFacts, today: string): QuoteState {
  if (facts.acceptedRevision !== undefined) return 'accepted';
  if (facts.lost) return 'lost';
  if (facts.validUntil < today) return 'expired';
  if (facts.approval === 'required') return 'awaiting-approval';
  if (facts.viewedRevision === facts.revision) return 'viewed';
  if (facts.sentRevision === facts.revision) return 'sent';
  if (facts.approval === 'approved') return 'approved';
  return 'draft';
}

const refuse = (code: QuoteEventRefusal, message: string): QuoteEventResult => ({
  ok: false,
  code,
  message,
});

/**
 * Applies `event` to a quote on `today`: a new revision (approval again when it needs it; the
 * customer has not seen it yet), a manager's approval (only of a revision that needs it), a send,
 * a view of the link, the customer's acceptance (only when nothing needs approval and the quote
 * is valid), or marking it lost. Accepted and lost quotes take no more events, except views.
 *
 * @example
 * applyQuoteEvent({ revision: 1, validUntil: '2099-01-01', approval: 'required' }, { kind: 'approve' }, '2026-12-07')
 * // { ok: true, facts: { …, approval: 'approved' }, state: 'approved' }
 */
export function applyQuoteEvent(
  facts: QuoteFacts,
  event: QuoteEvent,
  today: string,
): QuoteEventResult {
  const state = quoteState(facts, today);
  const done = (next: QuoteFacts): QuoteEventResult => ({
    ok: true,
    facts: next,
    state: quoteState(next, today),
  });
  if (event.kind === 'view') return done({ ...facts, viewedRevision: facts.revision });
  if (state === 'accepted' || state === 'lost')
    return refuse('QUOTE_CLOSED', `the quote is ${state}: it takes no more changes`);
  switch (event.kind) {
    case 'revise':
      return done({
        ...facts,
        revision: facts.revision + 1,
        validUntil: event.validUntil,
        approval: event.needsApproval ? 'required' : 'not-needed',
      });
    case 'approve':
      if (facts.approval === 'not-needed')
        return refuse(
          'APPROVAL_NOT_NEEDED',
          `revision ${facts.revision} is within every guardrail: it needs no approval`,
        );
      // Approving an approved revision again changes nothing (the first approval is kept).
      return done({ ...facts, approval: 'approved' });
    case 'send':
      if (state === 'expired')
        return refuse('QUOTE_EXPIRED', `the quote was valid until ${facts.validUntil}`);
      return done({ ...facts, sentRevision: facts.revision });
    case 'accept':
      if (state === 'expired')
        return refuse('QUOTE_EXPIRED', `the quote was valid until ${facts.validUntil}`);
      if (facts.approval === 'required')
        return refuse(
          'APPROVAL_REQUIRED',
          `revision ${facts.revision} needs a manager's approval before it can be accepted`,
        );
      return done({ ...facts, acceptedRevision: facts.revision });
    case 'lose':
      return done({ ...facts, lost: true });
    default:
      return event satisfies never;
  }
}
