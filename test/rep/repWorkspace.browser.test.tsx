import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { RepWorkspace } from '../../src/react/rep/RepWorkspace.tsx';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import { data, models, NOW, seller } from './repFixtures.ts';
import {
  approvalItems,
  memoryPipelineApi,
  memoryRepApi,
  memorySessionApi,
  pipelineItems,
} from './repStubs.ts';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';
import '../../src/react/styles/quote-print.css';
import '../../src/react/styles/rep.css';

afterEach(cleanup);

function workspace(role: 'rep' | 'manager', signedIn: boolean, locale?: string) {
  const session = memorySessionApi(role, signedIn);
  const lists = memoryPipelineApi(pipelineItems, approvalItems);
  const quotes = memoryRepApi();
  const el = render(
    <RepWorkspace
      models={models}
      pricing={data.pricing}
      snapshot={data.snapshot}
      apiBase=""
      now={NOW}
      seller={seller}
      sessionApi={session}
      pipelineApi={() => lists}
      quoteApi={() => quotes}
      {...(locale && { locale })}
    />,
  );
  return { el, session, lists, quotes };
}

describe('RepWorkspace: sign-in instead of pasted tokens', () => {
  it('asks for e-mail and password, names each error, refuses a wrong password, then signs in', async () => {
    const { el, session } = workspace('rep', false);
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect
      .element(page.getByLabelText('E-mail'))
      .toHaveAccessibleDescription('Enter your e-mail address.');
    await expect
      .element(page.getByLabelText('Password'))
      .toHaveAccessibleDescription('Enter your password.');
    expect(await seriousViolations(el)).toEqual([]);
    await userEvent.fill(page.getByLabelText('E-mail'), 'rep@demo.madeto');
    await userEvent.fill(page.getByLabelText('Password'), 'wrong');
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The e-mail or the password is wrong.');
    await userEvent.fill(page.getByLabelText('Password'), 'right-one');
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect.element(page.getByText('Signed in as Rita Rep (sales rep)')).toBeVisible();
    expect(page.getByRole('button', { name: 'Approvals' }).query()).toBeNull();
    expect(await seriousViolations(el)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Sign out' }));
    await expect.element(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(session.calls).toContain('signOut');
  });

  it('in German: the sign-in form and its messages', async () => {
    workspace('rep', false, 'de-DE');
    await userEvent.click(page.getByRole('button', { name: 'Anmelden' }));
    await expect
      .element(page.getByLabelText('E-Mail'))
      .toHaveAccessibleDescription('Geben Sie Ihre E-Mail-Adresse ein.');
    await userEvent.fill(page.getByLabelText('E-Mail'), 'rita@');
    await userEvent.click(page.getByRole('button', { name: 'Anmelden' }));
    await expect
      .element(page.getByLabelText('E-Mail'))
      .toHaveAccessibleDescription('Geben Sie eine E-Mail-Adresse wie rita@example.com ein.');
  });
});

describe('RepWorkspace: inbox and pipeline', () => {
  it('lists requests, quotes with revision and state, and orders; searches, filters and pages', async () => {
    const { el, lists } = workspace('rep', true);
    const rows = () => el.querySelectorAll('tbody tr');
    await expect.element(page.getByRole('cell', { name: 'Buyer request' })).toBeVisible();
    expect(rows()).toHaveLength(4);
    expect(el.textContent).toContain('RQ-2026-000007 · rev. 2');
    expect(el.textContent).toContain('awaiting approval');
    expect(await seriousViolations(el)).toEqual([]);
    await userEvent.fill(page.getByLabelText('Search number, customer or product'), 'bruno');
    await userEvent.click(page.getByRole('button', { name: 'Search', exact: true }));
    await expect.poll(() => rows().length).toBe(1);
    await userEvent.fill(page.getByLabelText('Search number, customer or product'), '');
    await userEvent.click(page.getByRole('button', { name: 'Search', exact: true }));
    await userEvent.selectOptions(page.getByLabelText('State'), 'accepted');
    await expect.poll(() => rows().length).toBe(1);
    expect(el.querySelector('tbody tr')?.getAttribute('data-state')).toBe('accepted');
    expect(lists.queries.at(-1)).toMatchObject({ state: 'accepted', page: 1 });
  });

  it('"Convert" on a new request converts it through the backend', async () => {
    const { quotes } = workspace('rep', true);
    await userEvent.click(page.getByRole('button', { name: 'Convert Q-2026-000004 to a quote' }));
    await expect.poll(() => quotes.calls.map((c) => c.what)).toContain('convert');
    expect(quotes.calls.find((c) => c.what === 'convert')?.args).toEqual(['Q-2026-000004']);
    // the stand-in has no such request: the failure is said, in words
    await expect.element(page.getByRole('alert')).toHaveTextContent(/no quote request/);
  });
});

describe('RepWorkspace: a manager’s approval queue', () => {
  it('shows the queue with the guardrails; the manager’s own revision says why it is disabled', async () => {
    const { el } = workspace('manager', true);
    await userEvent.click(page.getByRole('button', { name: 'Approvals' }));
    const own = page.getByRole('button', { name: 'Approve revision 1' });
    await expect.element(own).toBeDisabled();
    await expect
      .element(own)
      .toHaveAccessibleDescription('You saved this revision: another manager must approve it.');
    await expect.element(page.getByRole('button', { name: 'Approve revision 2' })).toBeEnabled();
    expect(el.textContent).toContain(
      'Line L1: the net unit price €506.22 is below the minimum €520.00.',
    );
    expect(await seriousViolations(el)).toEqual([]);
  });
});
