import { describe, expect, it } from 'vitest';
import {
  applyQuoteEvent,
  quoteState,
  type QuoteEvent,
  type QuoteFacts,
  type QuoteState,
} from '../../../src/engine/quotes/quoteState.ts';

const today = '2026-12-07';
const base: QuoteFacts = { revision: 1, validUntil: '2099-12-31', approval: 'not-needed' };

/** One quote in each state. */
const inState: Record<QuoteState, QuoteFacts> = {
  draft: base,
  'awaiting-approval': { ...base, approval: 'required' },
  approved: { ...base, approval: 'approved' },
  sent: { ...base, sentRevision: 1 },
  viewed: { ...base, sentRevision: 1, viewedRevision: 1 },
  accepted: { ...base, sentRevision: 1, acceptedRevision: 1 },
  expired: { ...base, validUntil: '2026-12-06' },
  lost: { ...base, lost: true },
};

const events: Record<string, QuoteEvent> = {
  'revise (within guardrails)': { kind: 'revise', needsApproval: false, validUntil: '2099-12-31' },
  'revise (past a guardrail)': { kind: 'revise', needsApproval: true, validUntil: '2099-12-31' },
  approve: { kind: 'approve' },
  send: { kind: 'send' },
  view: { kind: 'view' },
  accept: { kind: 'accept' },
  lose: { kind: 'lose' },
};

/** Every state × event: the state it leads to, or the refusal's code. */
const table: Record<QuoteState, Record<keyof typeof events, string>> = {
  draft: {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'APPROVAL_NOT_NEEDED',
    send: 'sent',
    view: 'viewed',
    accept: 'accepted',
    lose: 'lost',
  },
  'awaiting-approval': {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'approved',
    send: 'awaiting-approval',
    view: 'awaiting-approval',
    accept: 'APPROVAL_REQUIRED',
    lose: 'lost',
  },
  approved: {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'approved',
    send: 'sent',
    view: 'viewed',
    accept: 'accepted',
    lose: 'lost',
  },
  sent: {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'APPROVAL_NOT_NEEDED',
    send: 'sent',
    view: 'viewed',
    accept: 'accepted',
    lose: 'lost',
  },
  viewed: {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'APPROVAL_NOT_NEEDED',
    send: 'viewed',
    view: 'viewed',
    accept: 'accepted',
    lose: 'lost',
  },
  accepted: {
    'revise (within guardrails)': 'QUOTE_CLOSED',
    'revise (past a guardrail)': 'QUOTE_CLOSED',
    approve: 'QUOTE_CLOSED',
    send: 'QUOTE_CLOSED',
    view: 'accepted',
    accept: 'QUOTE_CLOSED',
    lose: 'QUOTE_CLOSED',
  },
  expired: {
    'revise (within guardrails)': 'draft',
    'revise (past a guardrail)': 'awaiting-approval',
    approve: 'APPROVAL_NOT_NEEDED',
    send: 'QUOTE_EXPIRED',
    view: 'expired',
    accept: 'QUOTE_EXPIRED',
    lose: 'lost',
  },
  lost: {
    'revise (within guardrails)': 'QUOTE_CLOSED',
    'revise (past a guardrail)': 'QUOTE_CLOSED',
    approve: 'QUOTE_CLOSED',
    send: 'QUOTE_CLOSED',
    view: 'lost',
    accept: 'QUOTE_CLOSED',
    lose: 'QUOTE_CLOSED',
  },
};

describe('the quote state machine', () => {
  it.each(Object.entries(inState))('the facts of %s are in that state', (state, facts) => {
    expect(quoteState(facts, today)).toBe(state);
  });

  it.each(
    Object.entries(table).flatMap(([state, row]) =>
      Object.entries(row).map(([event, outcome]) => [state, event, outcome] as const),
    ),
  )('%s + %s → %s', (state, event, outcome) => {
    const result = applyQuoteEvent(inState[state as QuoteState], events[event]!, today);
    expect(result.ok ? result.state : result.code).toBe(outcome);
    if (!result.ok) expect(result.message).toMatch(/\S/);
  });

  it('a quote sent while awaiting approval is "sent" once approved, and viewed after', () => {
    let facts: QuoteFacts = inState['awaiting-approval'];
    for (const [event, state] of [
      [events['send']!, 'awaiting-approval'],
      [events['approve']!, 'sent'],
      [events['view']!, 'viewed'],
      [events['accept']!, 'accepted'],
    ] as const) {
      const r = applyQuoteEvent(facts, event, today);
      if (!r.ok) throw new Error(r.message);
      expect(r.state).toBe(state);
      facts = r.facts;
    }
  });

  it('a revision changed after approval needs approval again', () => {
    const r = applyQuoteEvent(inState.approved, events['revise (past a guardrail)']!, today);
    expect(r).toMatchObject({ ok: true, state: 'awaiting-approval', facts: { revision: 2 } });
    const accept = r.ok && applyQuoteEvent(r.facts, events['accept']!, today);
    expect(accept).toMatchObject({ ok: false, code: 'APPROVAL_REQUIRED' });
  });

  it('a quote is still valid on its last day and expired the day after', () => {
    const facts = { ...base, validUntil: today };
    expect(quoteState(facts, today)).toBe('draft');
    expect(quoteState(facts, '2026-12-08')).toBe('expired');
  });
});
