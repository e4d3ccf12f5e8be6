import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { quotedFigures } from '../../src/engine/quotes/quoteChanges.ts';
import { ApprovalPanel } from '../../src/react/rep/ApprovalPanel.tsx';
import {
  QuoteApiError,
  type QuoteApproval,
  type QuoteUser,
  type QuoteView,
} from '../../src/react/rep/quoteApi.ts';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import { NOW, models, pricedState, repStates } from './repFixtures.ts';

afterEach(cleanup);

const priced = pricedState('approvalRequired');
const stored: QuoteView = {
  number: 'RQ-2026-000007',
  revision: 2,
  createdAt: NOW,
  quote: repStates.approvalRequired,
  quoted: quotedFigures(repStates.approvalRequired, priced, models),
  price: priced.price,
  promise: null,
  approvalRequired: true,
  changes: [],
  approval: null,
};
const approval: QuoteApproval = {
  number: stored.number,
  revision: stored.revision,
  approvedBy: 'Mara Manager',
  approvedAt: '2026-11-23T09:15:00.000Z',
};
const rep: QuoteUser = { name: 'Rita Rep', role: 'rep' };
const manager: QuoteUser = { name: 'Mara Manager', role: 'manager' };

/** Renders the panel with an `approve` that records its calls and answers with `result`. */
function setup(user: QuoteUser | undefined, result: () => Promise<QuoteApproval>) {
  const calls: unknown[][] = [];
  const el = render(
    <ApprovalPanel
      stored={stored}
      user={user}
      approve={(...args) => {
        calls.push(args);
        return result();
      }}
    />,
  );
  return { el, calls };
}

const button = () => page.getByRole('button', { name: 'Approve revision 2' });
const region = () => page.getByRole('region', { name: 'Approval' });

describe('ApprovalPanel', () => {
  it.each([
    ['a rep', rep, /you are signed in as Rita Rep, a rep\. A manager approves it/, true, true],
    ['a manager', manager, /You approve it as Mara Manager \(manager\)/, false, false],
    ['someone unknown', undefined, /sign in as a manager, or enter a manager token/, true, false],
  ] as const)(
    'signed in as %s: says who may approve; token field %s, button disabled %s; axe clean',
    async (_, user, text, tokenField, disabled) => {
      const { el } = setup(user, async () => approval);
      await expect.element(region()).toHaveTextContent(text);
      expect(page.getByLabelText('Manager token').query() !== null).toBe(tokenField);
      if (disabled) await expect.element(button()).toBeDisabled();
      else await expect.element(button()).toBeEnabled();
      expect(await seriousViolations(el)).toEqual([]);
    },
  );

  it.each([
    ['a rep with a manager token', rep, 'm4nager', [stored.number, 2, 'm4nager']],
    ['a manager, in their own name', manager, undefined, [stored.number, 2, undefined]],
    ['someone unknown, with their own token', undefined, undefined, [stored.number, 2, undefined]],
  ] as const)(
    'approving as %s calls approve(%j) and shows the approver',
    async (_, user, token, args) => {
      const { calls } = setup(user, async () => approval);
      if (token) await userEvent.type(page.getByLabelText('Manager token'), token);
      await userEvent.click(button());
      await expect.element(region()).toHaveTextContent('Approved by Mara Manager on 2026-11-23');
      expect(calls).toEqual([args]);
      expect(page.getByLabelText('Manager token').query()).toBeNull();
    },
  );

  it("a refusal by the backend is announced with its reason, and asks for a manager's token", async () => {
    const { el } = setup(undefined, async () => {
      throw new QuoteApiError(
        403,
        'MANAGER_REQUIRED',
        'approving quote RQ-2026-000007 needs a manager',
      );
    });
    await userEvent.click(button());
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'The approval failed: approving quote RQ-2026-000007 needs a manager Enter a manager token to approve.',
      );
    await expect.element(button()).toBeEnabled();
    expect(await seriousViolations(el)).toEqual([]);
  });

  it.each([
    ['approved', { ...stored, approval }, 'Approved by Mara Manager on 2026-11-23'],
    ['within every guardrail', { ...stored, approvalRequired: false }, ''],
  ] as const)('%s: no approve control', async (_, view, text) => {
    const el = render(
      <ApprovalPanel stored={view} user={manager} approve={async () => approval} />,
    );
    expect(page.getByRole('button', { name: /^Approve/ }).query()).toBeNull();
    expect(el.textContent).toBe(text);
  });
});
