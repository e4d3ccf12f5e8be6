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
import { managerApproval, repStates } from './repFixtures.ts';
import { quoteAnswer, storedForApproval } from './repStubs.ts';

afterEach(cleanup);

const stored = storedForApproval();
const rep: QuoteUser = { name: 'Rita Rep', role: 'rep' };
const manager: QuoteUser = { name: 'Mara Manager', role: 'manager' };
const admin: QuoteUser = { name: 'Ada Admin', role: 'admin' };

/** Renders the panel with an `approve` that records its calls and answers with `result`. */
function setup(
  user: QuoteUser | undefined,
  result: () => Promise<QuoteApproval>,
  view: QuoteView = stored,
) {
  const calls: unknown[][] = [];
  const approved: QuoteApproval[] = [];
  const el = render(
    <ApprovalPanel
      stored={view}
      user={user}
      onApproved={(a) => approved.push(a)}
      approve={(...args) => {
        calls.push(args);
        return result();
      }}
    />,
  );
  return { el, calls, approved };
}

const button = () => page.getByRole('button', { name: 'Approve revision 2' });
const region = () => page.getByRole('region', { name: 'Approval' });

describe('ApprovalPanel: the signed-in user approves, no token is typed', () => {
  it.each([
    ['a rep', rep, /waits in the managers’ approval queue/, false],
    ['a manager', manager, /You approve it as Mara Manager\./, true],
    ['an admin', admin, /You approve it as Ada Admin\./, true],
    ['someone unknown', undefined, /needs a manager’s approval\.$/, false],
  ] as const)(
    'signed in as %s: says who approves; an approve button: %s; axe clean',
    async (_, user, text, approves) => {
      const { el } = setup(user, async () => managerApproval);
      await expect.element(region()).toHaveTextContent(text);
      expect(button().query() !== null).toBe(approves);
      expect(el.querySelector('input')).toBeNull();
      expect(await seriousViolations(el)).toEqual([]);
    },
  );

  it('a manager approves in their own name: approve(number, revision), then who and when', async () => {
    const { calls, approved } = setup(manager, async () => managerApproval);
    await userEvent.click(button());
    await expect.element(region()).toHaveTextContent('Approved by Mara Manager on Nov 23, 2026');
    expect(calls).toEqual([[stored.number, 2]]);
    expect(approved).toEqual([managerApproval]);
  });

  it('a manager’s own revision: the button is disabled and says why next to it', async () => {
    const { el } = setup(
      manager,
      async () => managerApproval,
      storedForApproval({ createdBy: manager }),
    );
    await expect.element(button()).toBeDisabled();
    await expect
      .element(button())
      .toHaveAccessibleDescription('You saved this revision: another manager must approve it.');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it.each([
    [
      'SELF_APPROVAL',
      new QuoteApiError(403, 'SELF_APPROVAL', 'Mara Manager saved revision 2'),
      'The approval failed: you saved this revision; another manager must approve it.',
    ],
    [
      'MANAGER_REQUIRED',
      new QuoteApiError(403, 'MANAGER_REQUIRED', 'approving quote RQ-2026-000007 needs a manager'),
      'The approval failed: you are signed in as a rep; only a manager may approve.',
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
      const { el } = setup(manager, async () => {
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
      storedForApproval({ approval: managerApproval }),
      'Approved by Mara Manager on Nov 23, 2026',
    ],
    ['within every guardrail', quoteAnswer(repStates.valid), ''],
  ] as const)('%s: no approve control', async (_, view, text) => {
    const el = render(
      <ApprovalPanel stored={view} user={manager} approve={async () => managerApproval} />,
    );
    expect(page.getByRole('button', { name: /^Approve/ }).query()).toBeNull();
    expect(el.textContent).toBe(text);
  });
});

describe('ApprovalPanel in German (locale de-DE)', () => {
  const region_ = () => page.getByRole('region', { name: 'Freigabe' });

  it.each([
    ['a rep', rep, /wartet in der Freigabeliste der Vertriebsleitung/],
    ['a manager', manager, /Sie geben sie als Mara Manager frei/],
  ] as const)('signed in as %s: German words only', async (_, user, text) => {
    const el = render(
      <ApprovalPanel
        stored={stored}
        user={user}
        locale="de-DE"
        approve={async () => managerApproval}
      />,
    );
    await expect.element(region_()).toHaveTextContent(text);
    expect(el.textContent).not.toMatch(/Approv|Revision|approval/);
    expect(await seriousViolations(el)).toEqual([]);
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
            user={manager}
            locale={locale}
            approve={async () => {
              throw new QuoteApiError(403, 'SELF_APPROVAL', 'Mara Manager saved revision 2');
            }}
          />
        </>
      );
    }
    render(<Switching />);
    await userEvent.click(button());
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'The approval failed: you saved this revision; another manager must approve it.',
      );
    await userEvent.click(page.getByRole('button', { name: 'Deutsch' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'Die Freigabe ist fehlgeschlagen: Sie haben diese Version gespeichert; eine andere Führungskraft muss sie freigeben.',
      );
  });

  it('an approved revision names approver and day in German', async () => {
    const el = render(
      <ApprovalPanel
        stored={storedForApproval({
          approval: { ...managerApproval, approvedAt: '2026-11-20T10:00:00.000Z' },
        })}
        user={manager}
        locale="de-DE"
        approve={async () => managerApproval}
      />,
    );
    await expect.element(region_()).toHaveTextContent('Freigegeben von Mara Manager am 20.11.2026');
    expect(el.textContent).toBe('Freigegeben von Mara Manager am 20.11.2026');
  });
});
