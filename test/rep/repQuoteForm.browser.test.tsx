import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { priceQuote } from '../../src/engine/quotes/priceQuote.ts';
import type { RepQuote as RepQuoteData } from '../../src/engine/quotes/repQuote.ts';
import { QuoteApiError } from '../../src/react/rep/quoteApi.ts';
import { RepQuote } from '../../src/react/rep/RepQuote.tsx';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import { data, editorProps, repStates } from './repFixtures.ts';
import { memoryRepApi, refuseSaves } from './repStubs.ts';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';
import '../../src/react/styles/quote-print.css';
import '../../src/react/styles/rep.css';

afterEach(cleanup);

/** The editor on the sample quote with an in-memory backend; `api.calls` records what it was asked. */
function editor(initial: RepQuoteData = repStates.valid, locale?: string) {
  const api = memoryRepApi();
  const el = render(<RepQuote {...editorProps({ initial, api })} {...(locale && { locale })} />);
  const saves = () => api.calls.filter((c) => c.what === 'save');
  return { el, api, saves };
}

const formStatus = () => page.getByRole('status').filter({ hasText: /saved|Saved|gespeichert/ });

describe('RepQuote form: invalid input is named next to its field and blocks saving', () => {
  it.each([
    ['Customer name', '', 'Enter the name of the customer.', 'Ada Park'],
    [
      'Customer e-mail',
      'ana@',
      'Enter the customer’s e-mail address, such as ana@example.com.',
      'ada@example.com',
    ],
    ['Sales rep', '  ', 'Enter the name of the sales rep.', 'Rita Rep'],
    [
      'Quantity of line L1',
      '0',
      'Quantity of line L1: enter a whole number from 1 to 1,000,000.',
      '4',
    ],
    [
      'Quantity of line L2',
      '2.5',
      'Quantity of line L2: enter a whole number from 1 to 1,000,000.',
      '3',
    ],
    [
      'Additional discount (%)',
      'ten',
      'Additional discount (%): enter a percentage from 0 to 100, such as 12.5.',
      '10',
    ],
    [
      'Partner discount (%)',
      '101',
      'Partner discount (%): enter a percentage from 0 to 100, such as 12.5.',
      '100',
    ],
    [
      'Document discount (EUR)',
      '5.555',
      'Document discount (EUR): enter an amount of 0 or more, such as 50.00.',
      '5.55',
    ],
    ['Valid until', '2026-11-22', 'Valid until: choose Nov 23, 2026 or later.', '2026-11-23'],
  ])('%s = %j: "%s"; fixed to %j it saves', async (label, bad, message, good) => {
    const { el, api, saves } = editor();
    const field = page.getByLabelText(label, { exact: true });
    await userEvent.fill(field, bad);
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field).toHaveAccessibleDescription(message);
    await expect.element(field).toHaveFocus();
    await expect
      .element(page.getByText('Not saved: 1 field needs a correction.'))
      .toBeInTheDocument();
    expect(saves()).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);

    await userEvent.fill(field, good);
    await expect.element(field).toHaveAttribute('aria-invalid', 'false');
    expect(el.textContent).not.toContain(message);
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 1');
    expect(saves()).toHaveLength(1);
    expect(api.calls.map((c) => c.what)).toContain('save');
  });

  it('several errors at once: each field is named, the count is stated, the first is focused', async () => {
    const { el, saves } = editor();
    expect(el.querySelector('.madeto-rep-discounts')?.getAttribute('data-state')).toBe('valid');
    await userEvent.fill(page.getByLabelText('Customer name'), '');
    await userEvent.fill(page.getByLabelText('Quantity of line L3'), '');
    await userEvent.fill(page.getByLabelText('Additional discount (%)'), '-5');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect
      .element(page.getByText('Not saved: 3 fields need a correction.'))
      .toBeInTheDocument();
    await expect.element(page.getByLabelText('Customer name')).toHaveFocus();
    for (const label of ['Customer name', 'Quantity of line L3', 'Additional discount (%)'])
      await expect.element(page.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
    // A quantity or discount that is not a number cannot be priced: said, not guessed.
    await expect
      .element(page.getByRole('alert').filter({ hasText: 'cannot be priced' }))
      .toHaveTextContent('Quantity of line L3: enter a whole number');
    // Unpriced, nothing is claimed about the guardrails.
    expect(el.querySelector('.madeto-rep-discounts')?.getAttribute('data-state')).toBe('unpriced');
    expect(el.textContent).not.toContain('Within the pricing guardrails.');
    expect(saves()).toEqual([]);
  });

  it('errors show on saving (not while typing or on leaving a field), then follow every change', async () => {
    editor();
    const quantity = page.getByLabelText('Quantity of line L1');
    const email = page.getByLabelText('Customer e-mail');
    await userEvent.fill(quantity, '0');
    await userEvent.fill(email, 'ana');
    await userEvent.tab();
    await expect.element(quantity).toHaveAttribute('aria-invalid', 'false');
    await expect.element(email).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect.element(email).toHaveAttribute('aria-invalid', 'true');
    await userEvent.fill(quantity, '12');
    await expect.element(quantity).toHaveAttribute('aria-invalid', 'false');
    await userEvent.fill(email, 'ana@example.com');
    await expect.element(email).toHaveAttribute('aria-invalid', 'false');
    await userEvent.fill(quantity, '');
    await expect.element(quantity).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('RepQuote form: discounts are checked in place, the preview stays', () => {
  it('a percentage out of range marks its field as typed; the document stays, priced without it', async () => {
    const { el } = editor();
    const field = page.getByLabelText('Additional discount (%)');
    await userEvent.fill(field, '150');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(field)
      .toHaveAccessibleDescription(
        'Additional discount (%): enter a percentage from 0 to 100, such as 12.5.',
      );
    await expect.element(page.getByRole('article')).toBeVisible();
    expect(el.textContent).not.toContain('cannot be priced');
    expect(el.querySelector('.madeto-quote-document [data-label="Discount"]')?.textContent).toBe(
      '—',
    );
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('a document discount above the lines’ total is refused with a message; never a negative total', async () => {
    const { el, saves } = editor();
    const field = page.getByLabelText('Document discount (EUR)');
    await userEvent.fill(field, '999999');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(field)
      .toHaveAccessibleDescription(/is more than the lines’ total of €4,848\.00; enter at most/);
    const total = el.querySelector('.madeto-quote-total td')?.textContent ?? '';
    expect(total).toMatch(/^€[\d,]+\.\d\d$/);
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect
      .element(page.getByText('Not saved: 1 field needs a correction.'))
      .toBeInTheDocument();
    await expect.element(field).toHaveFocus();
    expect(saves()).toEqual([]);
    await userEvent.fill(field, '48.00');
    await expect.element(field).toHaveAttribute('aria-invalid', 'false');
  });
});

describe("RepQuote form: a line's own discounts", () => {
  const lineTotal = (el: HTMLElement, line: number) =>
    el.querySelectorAll('.madeto-quote-line-price')[line]?.textContent ?? '';

  it('out of range is marked at its field as typed, the preview stays; a valid one prices that line only and is saved', async () => {
    const { el, saves } = editor();
    const field = page.getByLabelText('Additional discount of line L1 (%)');
    const beforeL1 = lineTotal(el, 0);
    const beforeL2 = lineTotal(el, 1);
    await userEvent.fill(field, '150');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(field)
      .toHaveAccessibleDescription(
        'Additional discount of line L1 (%): enter a percentage from 0 to 100, such as 12.5. Empty: the quote’s discount applies.',
      );
    await expect.element(page.getByRole('article')).toBeVisible();
    expect(el.textContent).not.toContain('cannot be priced');
    expect(lineTotal(el, 0)).toBe(beforeL1);
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect
      .element(page.getByText('Not saved: 1 field needs a correction.'))
      .toBeInTheDocument();
    await expect.element(field).toHaveFocus();
    expect(saves()).toEqual([]);

    await userEvent.fill(field, '10');
    await expect.element(field).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(() => lineTotal(el, 0)).not.toBe(beforeL1);
    expect(lineTotal(el, 1)).toBe(beforeL2);
    const money = (s: string) => Number(s.replace(/[^\d.]/g, ''));
    expect(money(lineTotal(el, 0))).toBeCloseTo(money(beforeL1) * 0.9, 0);
    const total = el.querySelector('.madeto-quote-total td')?.textContent ?? '';
    expect(total).toMatch(/^€[\d,]+\.\d\d$/);
    expect(await seriousViolations(el)).toEqual([]);

    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 1');
    const [sent] = saves()[0]!.args as [RepQuoteData];
    expect(sent.lines.map((l) => l.discounts)).toEqual([
      { additionalPercent: '10' },
      undefined,
      undefined,
    ]);
    expect(sent.discounts).toEqual({});
    // The saved revision comes back with the line's discount in its field.
    await expect.element(field).toHaveValue('10');
  });

  it("a refusal of the backend at a line discount's path marks that field, focused, until it is changed", async () => {
    const api = memoryRepApi();
    const accept = refuseSaves(
      api,
      () =>
        new QuoteApiError(
          400,
          'QUOTE_INVALID',
          '$.lines[1].discounts.partnerPercent: a percentage from 0 to 100',
          [{ path: '$.lines[1].discounts.partnerPercent', message: 'a percentage from 0 to 100' }],
        ),
    );
    const el = render(<RepQuote {...editorProps({ api })} />);
    const field = page.getByLabelText('Partner discount of line L2 (%)');
    await userEvent.fill(field, '5');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(field)
      .toHaveAccessibleDescription(
        /^Partner discount of line L2 \(%\): the server refused this value \(a percentage from 0 to 100\)\./,
      );
    await expect.element(field).toHaveFocus();
    await expect.element(page.getByRole('article')).toBeVisible();
    await userEvent.fill(field, '6');
    await expect.element(field).toHaveAttribute('aria-invalid', 'false');
    accept();
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 1');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('reachable by keyboard in line order: quantity, the line’s buttons, then its discounts', async () => {
    editor();
    const remove = page.getByRole('button', { name: 'Remove line L1' });
    (remove.element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByLabelText('Additional discount of line L1 (%)')).toHaveFocus();
    await userEvent.keyboard('7');
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByLabelText('Partner discount of line L1 (%)')).toHaveFocus();
    await expect
      .element(page.getByLabelText('Additional discount of line L1 (%)'))
      .toHaveValue('7');
  });

  it('on a phone (390 px) the line discounts stack inside the editor, nothing wider than the page', async () => {
    await page.viewport(390, 800);
    try {
      const { el } = editor();
      await expect.element(page.getByLabelText('Partner discount of line L3 (%)')).toBeVisible();
      const fields = [...el.querySelectorAll<HTMLElement>('.madeto-quote-line-discounts input')];
      expect(fields.length).toBe(6);
      for (const input of fields)
        expect(input.getBoundingClientRect().right).toBeLessThanOrEqual(390);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    } finally {
      await page.viewport(1280, 800);
    }
  });

  it('in German: labels and errors in German, a decimal comma typed and saved as the engine’s decimal', async () => {
    const { el, saves } = editor(repStates.valid, 'de-DE');
    const field = page.getByLabelText('Partnerrabatt der Position L2 (%)', { exact: true });
    await expect
      .element(page.getByRole('group', { name: 'Rabatte der Position L2' }))
      .toBeVisible();
    await userEvent.fill(field, '12.5');
    await expect
      .element(field)
      .toHaveAccessibleDescription(
        'Partnerrabatt der Position L2 (%): Geben Sie einen Prozentsatz von 0 bis 100 ein, z. B. 12,5. Leer: Es gilt der Rabatt des Angebots.',
      );
    await userEvent.fill(field, '12,5');
    await expect.element(field).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(page.getByRole('button', { name: 'Angebot speichern' }));
    await expect.element(formStatus()).toHaveTextContent('RQ-2026-000001 Version 1 gespeichert');
    const [sent] = saves()[0]!.args as [RepQuoteData];
    expect(sent.lines[1]!.discounts).toEqual({ partnerPercent: '12.5' });
    await expect.element(field).toHaveValue('12,5');
    expect(await seriousViolations(el)).toEqual([]);
  });
});

describe('RepQuote form: a valid save sends the quote the form describes', () => {
  it('edits of every kind reach the API; the price follows the watched values', async () => {
    const { el, saves } = editor();
    const total = () => el.querySelector('.madeto-quote-total td')?.textContent ?? '';
    const before = total();
    await userEvent.fill(page.getByLabelText('Customer name'), '  Bea Berg ');
    await userEvent.fill(page.getByLabelText('Company'), '');
    await userEvent.fill(page.getByLabelText('Quantity of line L1'), '7');
    await expect.poll(total).not.toBe(before);
    await userEvent.fill(page.getByLabelText('Partner discount (%)'), '12.5');
    await userEvent.fill(page.getByLabelText('Valid until'), '2027-01-15');
    await userEvent.click(page.getByLabelText('Ship each item as soon as possible'));
    await userEvent.fill(page.getByRole('textbox', { name: 'Notes' }), 'Call before delivery.');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 1');
    const [sent] = saves()[0]!.args as [RepQuoteData, string | undefined];
    const expected: RepQuoteData = {
      ...repStates.valid,
      validUntil: '2027-01-15',
      shipPolicy: 'asap',
      discounts: { partnerPercent: '12.5' },
      customer: { name: 'Bea Berg', email: 'ana@example.com' },
      notes: 'Call before delivery.',
      lines: repStates.valid.lines.map((l) => (l.lineId === 'L1' ? { ...l, quantity: 7 } : l)),
    };
    expect(sent).toEqual(expected);
    expect(total()).toContain(
      new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(
        Number(priceQuote(expected, data).price.total),
      ),
    );
    await expect
      .element(page.getByRole('heading', { name: 'Quote RQ-2026-000001 · revision 1' }).first())
      .toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Save as new revision' }));
    await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 2');
    expect(saves()[1]!.args).toEqual([expected, 'RQ-2026-000001']);
  });

  it('a discount past a guardrail is saved as typed: approval required, never clamped', async () => {
    const { saves } = editor();
    await userEvent.fill(page.getByLabelText('Additional discount (%)'), '40');
    const approval = page.getByRole('alert').filter({ hasText: 'Approval required' }).first();
    await expect.element(approval).toHaveTextContent('a discount of 40% exceeds the maximum');
    await expect
      .element(page.getByLabelText('Additional discount (%)'))
      .toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(formStatus()).toHaveTextContent('Saved');
    expect((saves()[0]!.args[0] as RepQuoteData).discounts).toEqual({ additionalPercent: '40' });
  });
});

describe('RepQuote form: what the backend refuses is said, and the form keeps what was typed', () => {
  it("a refused save shows the backend's message; the next save goes through", async () => {
    const api = memoryRepApi();
    const accept = refuseSaves(
      api,
      () =>
        new QuoteApiError(
          422,
          'INVALID_CONFIGURATION',
          "$.lines[0].selection: 'frame' is required",
        ),
    );
    render(<RepQuote {...editorProps({ api })} />);
    const status = page.getByRole('status').filter({ hasText: /frame|Saved/ });
    await userEvent.fill(page.getByLabelText('Customer name'), 'Bea Berg');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(status).toHaveTextContent("$.lines[0].selection: 'frame' is required");
    await expect.element(status).toHaveAttribute('data-state', 'error');
    await expect.element(page.getByLabelText('Customer name')).toHaveValue('Bea Berg');
    accept();
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect.element(status).toHaveTextContent('Saved RQ-2026-000001 revision 1');
    await userEvent.click(page.getByRole('button', { name: 'Duplicate', exact: true }));
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Duplicated' }))
      .toHaveTextContent(
        'Duplicated RQ-2026-000001 revision 1 as RQ-2026-000002 revision 1, priced on Nov 23, 2026',
      );
    expect(api.calls.filter((c) => c.what === 'duplicate').map((c) => c.args)).toEqual([
      ['RQ-2026-000001', 1],
    ]);
  });
});

describe('RepQuote Duplicate: the saved revision on the server, a draft or unsaved changes here', () => {
  const duplicateButton = () => page.getByRole('button', { name: 'Duplicate', exact: true });
  it.each([
    [
      'an unsaved draft',
      async () => {},
      'Not saved yet: Duplicate keeps a copy here, not saved; saving the copy creates a new quote.',
    ],
    [
      'a saved quote with unsaved changes',
      async () => {
        await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
        await expect.element(formStatus()).toHaveTextContent('Saved RQ-2026-000001 revision 1');
        await userEvent.fill(page.getByLabelText('Customer name'), 'Bea Berg');
      },
      'Unsaved changes: Duplicate copies them here, not saved; saving the copy creates a new quote.',
    ],
  ] as const)(
    '%s is duplicated here, saying so; saving the copy makes a new quote',
    async (_, before, hint) => {
      const { el, api } = editor();
      await before();
      await expect.element(duplicateButton()).toHaveAccessibleDescription(hint);
      await userEvent.click(duplicateButton());
      await expect
        .element(page.getByRole('status').filter({ hasText: 'Duplicated here' }))
        .toHaveTextContent('Duplicated here, not saved: saving the copy creates a new quote');
      await expect.element(page.getByRole('heading', { name: 'New quote' })).toBeVisible();
      await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
      await expect.element(formStatus()).toHaveTextContent(/^Saved RQ-2026-00000\d revision 1$/);
      const saves = api.calls.filter((c) => c.what === 'save');
      expect(saves.at(-1)!.args[1]).toBeUndefined();
      expect(api.calls.some((c) => c.what === 'duplicate')).toBe(false);
      expect(await seriousViolations(el)).toEqual([]);
    },
  );

  it('in German: the copy of a saved revision is announced with its new number and date', async () => {
    const { api } = editor(repStates.valid, 'de-DE');
    await userEvent.click(page.getByRole('button', { name: 'Angebot speichern' }));
    await expect.element(formStatus()).toHaveTextContent('RQ-2026-000001 Version 1 gespeichert');
    await userEvent.click(page.getByRole('button', { name: 'Duplizieren', exact: true }));
    await expect
      .element(page.getByRole('status').filter({ hasText: 'dupliziert' }))
      .toHaveTextContent(
        'RQ-2026-000001 Version 1 dupliziert als RQ-2026-000002 Version 1, Preisstand 23.11.2026',
      );
    expect(api.calls.filter((c) => c.what === 'duplicate')).toHaveLength(1);
  });
});

describe('RepQuote in German (locale de-DE)', () => {
  const de = (decimal: string) =>
    new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(Number(decimal));

  it('German labels, numbers, dates and percentages; German decimal commas are typed and saved', async () => {
    const { el, saves } = editor(repStates.valid, 'de-DE');
    await expect.element(page.getByRole('region', { name: 'Angebot', exact: true })).toBeVisible();
    for (const label of ['Name des Kunden', 'E-Mail des Kunden', 'Gültig bis', 'Zusatzrabatt (%)'])
      await expect.element(page.getByLabelText(label, { exact: true })).toBeVisible();
    const total = priceQuote(repStates.valid, data).price.total;
    expect(Number(total)).toBeGreaterThan(1000);
    expect(el.querySelector('.madeto-quote-total')?.textContent).toBe(`Gesamt${de(total)}`);
    expect(de(total)).toMatch(/^\d{1,3}(\.\d{3})+,\d{2}\s€$/);
    const meta = el.querySelector('.madeto-quote-meta')?.textContent ?? '';
    expect(meta).toContain('Gültig bis23.12.2026');
    expect(meta).toContain('Ausgestellt23.11.2026');
    expect(el.querySelector('tbody tr td:last-child')?.textContent).toBe('19\u00a0%');

    const partner = page.getByLabelText('Partnerrabatt (%)');
    await userEvent.fill(partner, '12.5');
    await userEvent.click(page.getByRole('button', { name: 'Angebot speichern' }));
    await expect
      .element(partner)
      .toHaveAccessibleDescription(
        'Partnerrabatt (%): Geben Sie einen Prozentsatz von 0 bis 100 ein, z. B. 12,5.',
      );
    await expect
      .element(page.getByText('Nicht gespeichert: 1 Feld muss korrigiert werden.'))
      .toBeInTheDocument();
    await userEvent.fill(partner, '12,5');
    await userEvent.click(page.getByRole('button', { name: 'Angebot speichern' }));
    await expect.element(formStatus()).toHaveTextContent('RQ-2026-000001 Version 1 gespeichert');
    expect((saves()[0]!.args[0] as RepQuoteData).discounts).toEqual({ partnerPercent: '12.5' });
    // The saved quote comes back into the form in German notation.
    await expect.element(partner).toHaveValue('12,5');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('errors shown in English are said in German once the page switches to German', async () => {
    function Switchable() {
      const [locale, setLocale] = useState('en');
      return (
        <>
          <button type="button" onClick={() => setLocale('de-DE')}>
            Deutsch
          </button>
          <RepQuote {...editorProps({ api: memoryRepApi(), locale })} />
        </>
      );
    }
    render(<Switchable />);
    await userEvent.fill(page.getByLabelText('Customer name'), '');
    await userEvent.click(page.getByRole('button', { name: 'Save quote' }));
    await expect
      .element(page.getByLabelText('Customer name'))
      .toHaveAccessibleDescription('Enter the name of the customer.');
    await userEvent.click(page.getByRole('button', { name: 'Deutsch' }));
    const name = page.getByLabelText('Name des Kunden');
    await expect.element(name).toHaveAttribute('aria-invalid', 'true');
    await expect.element(name).not.toHaveAccessibleDescription('Enter the name of the customer.');
    await expect.element(name).toHaveAccessibleDescription('Geben Sie den Namen des Kunden ein.');
  });

  it('switching the language keeps what was typed, in the new notation', async () => {
    const api = memoryRepApi();
    function Switchable() {
      const [locale, setLocale] = useState('en');
      return (
        <>
          <button type="button" onClick={() => setLocale('de-DE')}>
            Deutsch
          </button>
          <RepQuote {...editorProps({ api, locale })} />
        </>
      );
    }
    render(<Switchable />);
    await userEvent.fill(page.getByLabelText('Partner discount (%)'), '12.5');
    await userEvent.click(page.getByRole('button', { name: 'Deutsch' }));
    await expect.element(page.getByLabelText('Partnerrabatt (%)')).toHaveValue('12,5');
    await userEvent.click(page.getByRole('button', { name: 'Angebot speichern' }));
    await expect.element(formStatus()).toHaveTextContent('RQ-2026-000001 Version 1 gespeichert');
    const [sent] = api.calls.find((c) => c.what === 'save')!.args as [RepQuoteData];
    expect(sent.discounts).toEqual({ partnerPercent: '12.5' });
  });

  it('approval required and its guardrails in German, with German percentages', async () => {
    const { el } = editor(repStates.approvalRequired, 'de-DE');
    await expect
      .element(page.getByRole('alert').filter({ hasText: 'Freigabe erforderlich' }).first())
      .toHaveTextContent('Ein Rabatt von 40 % überschreitet das Maximum');
    expect(el.querySelector('.madeto-quote-approval')?.textContent).toContain(
      'Dieses Angebot kann erst angenommen werden',
    );
    expect(await seriousViolations(el)).toEqual([]);
  });
});
