import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ApprovalPanel } from '../../src/react/rep/ApprovalPanel.tsx';
import {
  QuoteApiError,
  type QuoteApproval,
  type QuoteUser,
  type QuoteView,
} from '../../src/react/rep/quoteApi.ts';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import { managerApproval, storedForApproval } from './repFixtures.ts';

afterEach(cleanup);

const stored = storedForApproval();
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
      const { el } = setup(user, async () => managerApproval);
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
      const { calls } = setup(user, async () => managerApproval);
      if (token) await userEvent.type(page.getByLabelText('Manager token'), token);
      await userEvent.click(button());
      await expect.element(region()).toHaveTextContent('Approved by Mara Manager on Nov 23, 2026');
      expect(calls).toEqual([args]);
      expect(page.getByLabelText('Manager token').query()).toBeNull();
    },
  );

  it.each([
    [
      'MANAGER_REQUIRED',
      new QuoteApiError(403, 'MANAGER_REQUIRED', 'approving quote RQ-2026-000007 needs a manager'),
      'The approval failed: the token is a rep’s; only a manager may approve. Enter a manager token to approve.',
    ],
    [
      'TOKEN_INVALID',
      new QuoteApiError(401, 'TOKEN_INVALID', 'the bearer token is not known'),
      'The approval failed: the server does not know this token.',
    ],
    [
      'APPROVAL_NOT_NEEDED',
      new QuoteApiError(409, 'APPROVAL_NOT_NEEDED', 'within every guardrail'),
      'The approval failed: revision 2 is within every guardrail and needs no approval.',
    ],
    [
      'QUOTE_NOT_FOUND',
      new QuoteApiError(404, 'QUOTE_NOT_FOUND', "no rep quote 'RQ-2026-000007'"),
      'The approval failed: quote RQ-2026-000007 revision 2 was not found.',
    ],
    [
      'an unknown failure (its own message)',
      new TypeError('Failed to fetch'),
      'The approval failed: Failed to fetch',
    ],
  ] as const)(
    'a refusal %s is announced with its reason; the button stays enabled',
    async (_, error, text) => {
      const { el } = setup(undefined, async () => {
        throw error;
      });
      await userEvent.click(button());
      await expect.element(page.getByRole('alert')).toHaveTextContent(text);
      await expect.element(button()).toBeEnabled();
      expect(await seriousViolations(el)).toEqual([]);
    },
  );

  it.each([
    [
      'approved',
      { ...stored, approval: managerApproval },
      'Approved by Mara Manager on Nov 23, 2026',
    ],
    ['within every guardrail', { ...stored, approvalRequired: false }, ''],
  ] as const)('%s: no approve control', async (_, view, text) => {
    const el = render(
      <ApprovalPanel stored={view} user={manager} approve={async () => managerApproval} />,
    );
    expect(page.getByRole('button', { name: /^Approve/ }).query()).toBeNull();
    expect(el.textContent).toBe(text);
  });
});

describe('ApprovalPanel in German (locale de-DE)', () => {
  const render_ = (
    view: QuoteView,
    user: QuoteUser | undefined,
    result: () => Promise<QuoteApproval>,
  ) => render(<ApprovalPanel stored={view} user={user} locale="de-DE" approve={result} />);
  const region_ = () => page.getByRole('region', { name: 'Freigabe' });

  it.each([
    ['a rep', rep, /Sie sind als Rita Rep angemeldet \(Vertrieb\)/, true],
    ['a manager', manager, /Sie geben sie als Mara Manager \(Führungskraft\) frei/, false],
    ['someone unknown', undefined, /Melden Sie sich als Führungskraft an/, true],
  ] as const)(
    'signed in as %s: German explanation, token field %s',
    async (_, user, text, field) => {
      const el = render_(stored, user, async () => managerApproval);
      await expect.element(region_()).toHaveTextContent(text);
      await expect.element(page.getByRole('button', { name: 'Version 2 freigeben' })).toBeVisible();
      expect(page.getByLabelText('Token der Führungskraft').query() !== null).toBe(field);
      expect(el.textContent).not.toMatch(/Approv|Manager token|Revision/);
      expect(await seriousViolations(el)).toEqual([]);
    },
  );

  it.each([
    [
      'approving',
      stored,
      async () => managerApproval,
      'Freigegeben von Mara Manager am 23.11.2026',
    ],
    [
      'a refused token',
      stored,
      async (): Promise<QuoteApproval> => {
        throw new QuoteApiError(
          403,
          'MANAGER_REQUIRED',
          'approving quote RQ-2026-000007 needs a manager',
        );
      },
      'Die Freigabe ist fehlgeschlagen: Das Token gehört zum Vertrieb; nur eine Führungskraft darf freigeben. Geben Sie zum Freigeben das Token einer Führungskraft ein.',
    ],
  ] as const)('%s: said in German, dates in German notation', async (_, view, result, text) => {
    render_(view, undefined, result);
    await userEvent.click(page.getByRole('button', { name: 'Version 2 freigeben' }));
    await expect.element(region_()).toHaveTextContent(text);
  });

  it('a refusal shown in English is said in German once the locale switches', async () => {
    function Switching() {
      const [locale, setLocale] = useState('en');
      return (
        <>
          <button type="button" onClick={() => setLocale('de-DE')}>
            Deutsch
          </button>
          <ApprovalPanel
            stored={stored}
            user={undefined}
            locale={locale}
            approve={async () => {
              throw new QuoteApiError(401, 'TOKEN_INVALID', 'the bearer token is not known');
            }}
          />
        </>
      );
    }
    render(<Switching />);
    await userEvent.click(button());
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The approval failed: the server does not know this token.');
    await userEvent.click(page.getByRole('button', { name: 'Deutsch' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Die Freigabe ist fehlgeschlagen: Der Server kennt dieses Token nicht.');
  });

  it('an approved revision names approver and day in German', async () => {
    const el = render_(
      { ...stored, approval: { ...managerApproval, approvedAt: '2026-11-20T10:00:00.000Z' } },
      manager,
      async () => managerApproval,
    );
    await expect.element(region_()).toHaveTextContent('Freigegeben von Mara Manager am 20.11.2026');
    expect(el.textContent).toBe('Freigegeben von Mara Manager am 20.11.2026');
  });
});
