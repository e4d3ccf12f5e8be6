import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { priceQuote } from '../../src/engine/quotes/priceQuote.ts';
import type { RepQuote as RepQuoteData } from '../../src/engine/quotes/repQuote.ts';
import { QuoteComparison } from '../../src/react/rep/QuoteComparison.tsx';
import { QuoteDocument } from '../../src/react/rep/QuoteDocument.tsx';
import { RepDiscounts } from '../../src/react/rep/RepDiscounts.tsx';
import { RepQuote } from '../../src/react/rep/RepQuote.tsx';
import { SharedQuoteView } from '../../src/react/rep/SharedQuoteView.tsx';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import {
  comparison,
  data,
  editorProps,
  managerApproval,
  models,
  pricedState,
  productsComparison,
  repStates,
  seller,
} from './repFixtures.ts';
import { customerAnswer, quoteAnswer } from './repStubs.ts';
import type { QuoteChange } from '../../src/engine/quotes/quoteChanges.ts';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';
import '../../src/react/styles/quote-print.css';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('QuoteDocument', () => {
  it.each(['valid', 'approvalRequired', 'shipAsap'] as const)(
    '%s: lines with options, totals, taxes, delivery and validity; no serious axe violation',
    async (state) => {
      const priced = pricedState(state);
      const quote = repStates[state];
      const el = render(
        <QuoteDocument
          document={customerAnswer(quote, { number: 'RQ-2026-000007', revision: 2 })}
          audience="rep"
          guardrails={priced.price.violations}
        />,
      );
      const text = el.textContent ?? '';
      const day = (iso: string) =>
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${iso}T00:00:00Z`),
        );
      expect(text).toContain('Quote RQ-2026-000007 · revision 2');
      expect(quote.validUntil).toBe('2026-12-23');
      expect(text).toContain('Valid untilDec 23, 2026');
      expect(el.querySelectorAll('tbody tr')).toHaveLength(quote.lines.length);
      const total = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(
        Number(priced.price.total),
      );
      expect(el.querySelector('.madeto-quote-total')?.textContent).toContain(total);
      expect(el.textContent).toContain(`delivery by ${day(priced.promise!.deliveryDate!)}`);
      expect(el.querySelector('tbody tr td:last-child')?.textContent).toBe('19%');
      expect(el.textContent).toContain(
        quote.shipPolicy === 'complete' ? 'Shipped complete' : 'as soon as possible',
      );
      expect(page.getByRole('alert').query() !== null).toBe(priced.approvalRequired);
      expect(await seriousViolations(el)).toEqual([]);
    },
  );
});

describe('QuoteDocument for the customer', () => {
  const priced = pricedState('approvalRequired');
  const at = { number: 'RQ-2026-000007', revision: 2 };
  const doc = (over: Partial<Parameters<typeof QuoteDocument>[0]> = {}) =>
    render(
      <QuoteDocument
        document={customerAnswer(repStates.approvalRequired, at)}
        guardrails={priced.price.violations}
        {...over}
      />,
    );
  const money = (d: string) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(Number(d));

  it('names no guardrail and no limit on the customer’s copy; the rep’s copy names them', async () => {
    const violation = priced.price.violations[0]!;
    expect(violation.rule).toBe('maxDiscountPercent');
    const customer = doc();
    const text = customer.textContent ?? '';
    expect(text).toContain('awaits the seller’s approval');
    for (const word of ['guardrail', 'minimum', 'maximum', 'exceeds', '25%'])
      expect(text, word).not.toContain(word);
    expect(await seriousViolations(customer)).toEqual([]);
    cleanup();
    const rep = doc({ audience: 'rep' });
    expect(rep.textContent).toContain('a discount of 40% exceeds the maximum of 25%');
  });

  it('states an approval by name and date, as approved, without an alert', async () => {
    const el = doc({
      document: customerAnswer(repStates.approvalRequired, { ...at, approval: managerApproval }),
    });
    expect(el.querySelector('.madeto-quote-approval')?.textContent).toBe(
      'Approved by Mara Manager on Nov 23, 2026.',
    );
    expect(el.querySelector('article')?.getAttribute('data-state')).toBe('approved');
    expect(page.getByRole('alert').query()).toBeNull();
  });

  it('shows the seller, list prices, the discounts granted and net; options in words', async () => {
    const el = doc();
    const text = el.textContent ?? '';
    const s = seller.seller;
    expect(el.querySelector('address img')?.getAttribute('src')).toBe(s.logoUrl);
    for (const t of [s.name, ...s.address, `VAT ID ${s.vatId}`, seller.paymentTerms])
      expect(text).toContain(t);
    const line = priced.price.lines[0]!;
    const row = el.querySelector('tbody tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[1]).toBe(money(line.listUnit));
    expect(cells[3]).toMatch(/^−€[\d,.]+ \(40%\)$/);
    expect(text).toContain('Discounts granted');
    expect(text).toContain('List price total');
    expect(text).toContain('Desk installation');
    // options in words: the desk's top material by its label, never its id
    expect(row.textContent).toContain('Top material');
    expect(row.textContent).not.toMatch(/topMaterial|cableTray|false/);
  });
});

describe('RepDiscounts', () => {
  it('types discounts as they are and shows approval required with each guardrail', async () => {
    const seen: RepQuoteData['discounts'][] = [];
    const priced = pricedState('approvalRequired');
    render(
      <RepDiscounts
        discounts={{}}
        onChange={(d) => seen.push(d)}
        currency="EUR"
        violations={priced.price.violations}
      />,
    );
    await userEvent.type(page.getByLabelText('Additional discount (%)'), '4');
    expect(seen.at(-1)).toEqual({ additionalPercent: '4' });
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent(/Approval required/);
    expect(priced.price.violations.length).toBeGreaterThan(0);
  });
});

describe('QuoteComparison', () => {
  it('shows only the differing options, both totals and both delivery dates', async () => {
    const el = render(<QuoteComparison comparison={comparison} currency="EUR" models={models} />);
    expect(el.querySelectorAll('[data-kind="differing-option"]')).toHaveLength(
      comparison.differingOptions.length,
    );
    expect(comparison.differingOptions.map((o) => o.attribute)).toEqual(['cableTray']);
    expect(comparison.sides[0].deliveryDate).toBe('2026-12-03');
    expect(el.textContent).toContain('DeliveryDec 3, 2026');
    expect(el.querySelector('[data-state="cheaper"]')?.textContent).toBe(
      `(-${new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(
        Number(comparison.totalDifference.replace('-', '')),
      )})`,
    );
    expect(await seriousViolations(el)).toEqual([]);
  });
});

describe('QuoteComparison of two products', () => {
  it('names each side’s options in its own product’s words, never raw ids', async () => {
    const el = render(
      <QuoteComparison comparison={productsComparison} currency="EUR" models={models} />,
    );
    const text = el.textContent ?? '';
    expect(productsComparison.differingOptions.map((o) => o.attribute)).toContain('eAssist');
    expect(text).toContain('MAHLE X20 e-assist');
    expect(text).toContain('ProductArbeitsplatz Pro height-adjustable desk');
    expect(text).not.toMatch(/eAssist|true|false|frameMaterial|carbon\b/);
    expect(await seriousViolations(el)).toEqual([]);
  });
});

describe('RepQuote editor', () => {
  it('prices live, flags approval without clamping, saves and revises through the API', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url.endsWith('/api/me'))
        return respond({
          id: 'u1',
          name: 'Rita Rep',
          email: null,
          role: 'rep',
          authenticatedBy: 'token',
        });
      const body = JSON.parse(String(init.body)) as RepQuoteData;
      calls.push({ url, body });
      // A duplicate answers a new quote: the last one sent, priced on the server's today.
      const duplicated = url.endsWith('/duplicate');
      const quote = duplicated
        ? {
            ...(calls.at(-2)!.body as RepQuoteData),
            pricing: { date: '2026-11-24', currency: 'EUR' },
          }
        : body;
      const priced = priceQuote(quote, data);
      const revision = url.endsWith('/revisions') ? 2 : 1;
      expect(priced.price.currency).toBe('EUR');
      return respond(
        quoteAnswer(quote, {
          number: duplicated ? 'RQ-2026-000002' : 'RQ-2026-000001',
          revision,
          shareToken: 'tok_abc',
        }),
        201,
      );
    });
    const el = render(<RepQuote {...editorProps({ apiBase: 'http://backend.test' })} />);
    const totalOf = () => el.querySelector('.madeto-quote-total td')?.textContent ?? '';
    const before = totalOf();
    await userEvent.type(page.getByLabelText('Additional discount (%)'), '40');
    await expect.element(page.getByRole('alert').first()).toHaveTextContent(/Approval required/);
    expect(totalOf()).not.toBe(before);
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect
      .element(page.getByRole('status').last())
      .toHaveTextContent('Saved RQ-2026-000001 revision 1');
    expect(calls[0]).toMatchObject({
      url: 'http://backend.test/api/quotes',
      body: { discounts: { additionalPercent: '40' } },
    });
    await expect.element(page.getByRole('link', { name: /#\/shared\/tok_abc/ })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Save as new revision' }));
    await expect.element(page.getByRole('status').last()).toHaveTextContent('revision 2');
    expect(calls[1]?.url).toBe('http://backend.test/api/quotes/RQ-2026-000001/revisions');
    // Duplicate of a saved revision: the server's copy is opened, priced on the server's today.
    await expect
      .element(page.getByRole('button', { name: 'Duplicate', exact: true }))
      .toHaveAccessibleDescription(
        'Duplicate saves a copy of revision 2 as a new quote, priced today.',
      );
    await userEvent.click(page.getByRole('button', { name: 'Duplicate', exact: true }));
    await expect
      .element(page.getByRole('status').last())
      .toHaveTextContent(
        'Duplicated RQ-2026-000001 revision 2 as RQ-2026-000002 revision 1, priced on Nov 24, 2026',
      );
    expect(calls[2]).toEqual({
      url: 'http://backend.test/api/quotes/RQ-2026-000001/duplicate',
      body: { revision: 2 },
    });
    await expect
      .element(page.getByRole('heading', { name: 'Quote RQ-2026-000002 · revision 1' }).first())
      .toBeVisible();
    // the form now holds the copy: its next revision is of the new quote, at the new date
    await userEvent.click(page.getByRole('button', { name: 'Save as new revision' }));
    await expect
      .poll(() => calls[3])
      .toMatchObject({
        url: 'http://backend.test/api/quotes/RQ-2026-000002/revisions',
        body: { pricing: { date: '2026-11-24' }, discounts: { additionalPercent: '40' } },
      });
    expect(await seriousViolations(el)).toEqual([]);
  });
});

/** A backend answer for `quote` stored as RQ-2026-000009 revision 3, with `changes`. */
const answer = (
  quote: RepQuoteData,
  changes: QuoteChange[] = [],
  over: Parameters<typeof quoteAnswer>[1] = {},
) => quoteAnswer(quote, { number: 'RQ-2026-000009', revision: 3, ...over }, changes);
const respond = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('SharedQuoteView', () => {
  it.each([
    ['open', repStates.valid, {}, false, ''],
    ['approval-required', repStates.approvalRequired, {}, true, 'awaits approval'],
    ['approved', repStates.approvalRequired, { approval: managerApproval }, false, 'Approved by'],
    ['expired', repStates.valid, { state: 'expired' }, true, 'expired on Dec 23, 2026'],
  ] as const)('%s: accept disabled %s', async (state, quote, over, disabled, why) => {
    vi.stubGlobal('fetch', async () => respond(answer(quote, [], over).document));
    const el = render(<SharedQuoteView apiBase="" token="tok_abc" />);
    const accept = page.getByRole('button', { name: 'Accept this quote' });
    await expect.element(accept).toBeInTheDocument();
    expect(el.querySelector('.madeto-shared-quote')?.getAttribute('data-state')).toBe(state);
    if (disabled) await expect.element(accept).toBeDisabled();
    else await expect.element(accept).toBeEnabled();
    expect(el.textContent).toContain(why);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('accepting places an order and says its number', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('/accept')
        ? respond(
            {
              id: 'o1',
              number: 'O-2026-000042',
              kind: 'order',
              status: 'accepted',
              totals: { total: '1.00', currency: 'EUR' },
            },
            201,
          )
        : respond(answer(repStates.valid).document),
    );
    render(<SharedQuoteView apiBase="" token="tok_abc" />);
    await userEvent.click(page.getByRole('button', { name: 'Accept this quote' }));
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent('Thank you: order O-2026-000042 is placed.');
  });
});

describe('RepQuote reopened', () => {
  it('shows the stored revision and exactly what changed since it was quoted', async () => {
    const change: QuoteChange = {
      kind: 'line-price',
      path: '$.lines[0].price.unit',
      message: "line 'L1' unit price 580.00 → 610.00 EUR",
      before: '580.00',
      after: '610.00',
    };
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return respond(answer(repStates.shipAsap, [change]));
    });
    render(<RepQuote {...editorProps()} />);
    await userEvent.type(page.getByLabelText('Quote number'), 'RQ-2026-000009');
    await userEvent.click(page.getByRole('button', { name: 'Open', exact: true }));
    await expect
      .element(page.getByRole('heading', { name: 'Quote RQ-2026-000009 · revision 3' }).first())
      .toBeVisible();
    await expect
      .element(page.getByRole('status', { name: 'Changes since quoted' }))
      .toHaveTextContent('Line L1: price €580.00 → €610.00');
    expect(urls.filter((u) => !u.endsWith('/api/me'))).toEqual(['/api/quotes/RQ-2026-000009']);
    await expect.element(page.getByLabelText('Ship each item as soon as possible')).toBeChecked();
    await expect.element(page.getByRole('combobox', { name: /^Revision/ })).toHaveValue('3');
  });
});

describe('RepQuote approval', () => {
  it('a manager reopens a revision past a guardrail, approves it in their name, and the document says so', async () => {
    const opened = answer(repStates.approvalRequired);
    expect(opened.approvalStatus).toBe('required');
    const approval = { ...managerApproval, number: opened.number, revision: opened.revision };
    const calls: { url: string; method: string; body: unknown }[] = [];
    let approved = false;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body && JSON.parse(String(init.body)),
      });
      if (url.endsWith('/approve')) {
        approved = true;
        return respond(approval, 201);
      }
      return respond(answer(repStates.approvalRequired, [], approved ? { approval } : {}));
    });
    const manager = { name: 'Mara Manager', role: 'manager' } as const;
    const el = render(<RepQuote {...editorProps({ user: manager })} />);
    await userEvent.type(page.getByLabelText('Quote number'), opened.number);
    await userEvent.click(page.getByRole('button', { name: 'Open', exact: true }));
    const approve = page.getByRole('button', { name: `Approve revision ${opened.revision}` });
    await expect
      .element(page.getByRole('region', { name: 'Approval' }))
      .toHaveTextContent(/You approve it as Mara Manager/);
    await expect
      .element(page.getByRole('article').getByRole('alert'))
      .toHaveTextContent(/Approval required: .*exceeds the maximum/);
    expect(await seriousViolations(el)).toEqual([]);
    await userEvent.click(approve);
    await expect
      .element(page.getByRole('region', { name: 'Approval' }))
      .toHaveTextContent('Approved by Mara Manager on Nov 23, 2026');
    expect(calls.find((c) => c.url.endsWith('/approve'))).toEqual({
      url: `/api/quotes/${opened.number}/approve`,
      method: 'POST',
      body: { revision: opened.revision },
    });
    // the revision is reloaded: the document now says approved, as the customer's does
    await expect
      .element(page.getByRole('article').getByRole('status').first())
      .toHaveTextContent(/^Approved by Mara Manager on Nov 23, 2026, past the guardrails/);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it.each([
    [
      'already approved',
      repStates.approvalRequired,
      true,
      'Approved by Mara Manager on Nov 23, 2026',
    ],
    ['within every guardrail', repStates.valid, false, ''],
  ] as const)('reopened, %s: no approve control', async (_, quote, approved, text) => {
    const opened = answer(quote, [], approved ? { approval: managerApproval } : {});
    vi.stubGlobal('fetch', async () => respond(opened));
    const el = render(
      <RepQuote {...editorProps({ user: { name: 'Mara Manager', role: 'manager' } })} />,
    );
    await userEvent.type(page.getByLabelText('Quote number'), opened.number);
    await userEvent.click(page.getByRole('button', { name: 'Open', exact: true }));
    await expect
      .element(page.getByRole('heading', { name: `Quote ${opened.number} · revision 3` }).first())
      .toBeVisible();
    expect(page.getByRole('button', { name: /^Approve revision/ }).query()).toBeNull();
    expect(el.querySelector('.madeto-rep-approve')?.textContent ?? '').toBe(text);
  });
});
