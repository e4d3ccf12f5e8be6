import { describe, expect, it } from 'vitest';
import { customerQuoteWire, type CustomerQuoteWire } from '../../src/engine/index.ts';
import type { RepQuote } from '../../src/engine/quotes/repQuote.ts';
import { formatDate, formatMoney, formatRate } from '../../src/react/i18n/format.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { setupDemo, startRepQuote, storeMixedQuote, WAIT } from '../e2e/demoHarness.ts';
import { REP_TOKEN } from '../server/serverProcess.ts';
import { pdfText } from './pdfText.ts';

/**
 * The rep flow end to end: the real `madeto serve` (SQLite), the demo's rep page served by Vite
 * with /api proxied to it, driven in Chromium by Playwright (`setupDemo()`) — configure, save,
 * revise with an approval-needing discount that a rep cannot approve, revise back, open the
 * customer's link, print it to PDF and read the PDF's text back, accept it.
 */
const demo = setupDemo();

/** Everything the printed quote must say, as the customer's document words it (English). */
function expectedTexts(v: CustomerQuoteWire): [string, string][] {
  const money = (d: string) => formatMoney(d, v.currency, 'en');
  return [
    ['quote number and revision', `Quote ${v.number} · revision ${v.revision}`],
    ['seller', v.seller.name],
    ['customer name', v.customer.name],
    ['customer e-mail', v.customer.email],
    ['sales rep', v.rep],
    ['issue date', formatDate(v.issuedOn, 'en')],
    ['validity', formatDate(v.validUntil, 'en')],
    ...v.lines.flatMap((l): [string, string][] => [
      [`${l.lineId} product`, l.product],
      [`${l.lineId} list price`, money(l.listUnit)],
      [`${l.lineId} net`, money(l.net)],
      [`${l.lineId} tax rate`, formatRate(l.taxRate, 'en')],
      ...l.options.flatMap((o): [string, string][] => [
        [`${l.lineId} ${o.attribute}`, o.attribute],
        ...(o.value === '' || o.value === 'yes' || o.value === 'no'
          ? []
          : ([[`${l.lineId} ${o.attribute} value`, o.value]] as [string, string][])),
      ]),
    ]),
    ['net', money(v.totals.net)],
    ...v.taxes.flatMap((t): [string, string][] => [
      [`tax ${t.rate} amount`, money(t.amount)],
      [`tax ${t.rate} base`, money(t.base)],
    ]),
    ['total', money(v.totals.total)],
    ...(v.delivery.deliveryDate
      ? [['delivery date', formatDate(v.delivery.deliveryDate, 'en')] as [string, string]]
      : []),
  ];
}

/** Text compared without whitespace or case: a PDF breaks lines where the page does. */
const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();

describe('rep flow on the real backend', () => {
  it('configures, saves, revises, shares, prints and accepts a quote', async () => {
    const { base, browser } = demo;
    const page = await browser.newPage();
    await startRepQuote(demo, page, { email: 'rita@flow.example', password: 'rita-flow-pass-1' });
    const status = page.locator('.madeto-rep-form p[role="status"]');
    const save = async (name: string, revision: number) => {
      await page.getByRole('button', { name }).click();
      await expect
        .poll(() => status.textContent(), WAIT)
        .toMatch(new RegExp(`^Saved RQ-\\d{4}-\\d{6} revision ${revision}$`));
    };
    await save('Save quote', 1);
    const discount = page.getByLabel('Additional discount (%)');
    await discount.fill('40');
    await expect
      .poll(() => page.locator('.madeto-rep-approval').textContent(), WAIT)
      .toContain('Approval required');
    await save('Save as new revision', 2);

    // Revision 2 passes a guardrail: a rep is told it waits for a manager (no token to type).
    const approval = page.getByRole('region', { name: 'Approval' });
    await expect
      .poll(() => approval.textContent(), WAIT)
      .toContain('waits in the managers’ approval queue');
    expect(await approval.locator('input').count()).toBe(0);

    await discount.fill('');
    await save('Save as new revision', 3);
    const number = /RQ-\d{4}-\d{6}/.exec((await status.textContent()) ?? '')![0];

    const link = await page.locator('a[href*="#/shared/"]').getAttribute('href');
    expect(link).toMatch(/#\/shared\/[A-Za-z0-9_-]+$/);
    const customer = await browser.newPage();
    await customer.goto(link!.replace(/^https?:\/\/[^/]+/, base));
    await expect
      .poll(() => customer.locator('#quote-title').textContent(), WAIT)
      .toBe(`Quote ${number} · revision 3`);
    const pdf = await customer.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(pdfText(pdf));
    const token = /#\/shared\/([A-Za-z0-9_-]+)$/.exec(link!)![1]!;
    const shown = customerQuoteWire.parse(
      await (await fetch(`${demo.apiUrl}/api/shared/quotes/${token}`)).json(),
    );
    expect(shown.lines.length).toBeGreaterThan(0);
    const expected = expectedTexts(shown);
    const missing = expected.filter(([, t]) => !text.includes(squeeze(t)));
    expect(missing).toEqual([]);
    // the check can fail: a figure that is not on the page is not found
    expect(text.includes(squeeze(formatMoney('987654.32', shown.currency, 'en')))).toBe(false);
    expect(text).not.toMatch(/guardrail|minimum|maximum|exceeds/);
    await customer.getByRole('button', { name: 'Accept this quote' }).click();
    await expect
      .poll(() => customer.locator('.madeto-shared-actions [role="status"]').textContent(), WAIT)
      .toMatch(/^Thank you: order O-\d{4}-\d{6} is placed\.$/);

    // Duplicate the saved revision on the server: a new quote, revision 1, priced today.
    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect
      .poll(() => status.textContent(), WAIT)
      .toMatch(
        new RegExp(
          `^Duplicated ${number} revision 3 as RQ-\\d{4}-\\d{6} revision 1, priced on [A-Z][a-z]{2} \\d{1,2}, \\d{4}$`,
        ),
      );
    const copy = /as (RQ-\d{4}-\d{6})/.exec((await status.textContent()) ?? '')![1]!;
    expect(copy).not.toBe(number);
    const stored = (await (
      await fetch(`${demo.apiUrl}/api/quotes/${copy}`, {
        headers: { authorization: `Bearer ${REP_TOKEN}` },
      })
    ).json()) as { revisions: number[]; quote: RepQuote };
    // Priced on the plant's day (Berlin), which is not UTC's between 22:00/23:00 and midnight.
    expect([stored.revisions, stored.quote.pricing.date]).toEqual([
      [1],
      dateAt(nowInstant(), 'Europe/Berlin'),
    ]);
    await expect
      .poll(() => page.locator('.madeto-rep-form h2').first().textContent(), WAIT)
      .toBe(`Quote ${copy} · revision 1`);
  }, 120_000);
  it('prints a quote of several products: every line with its options is in the PDF', async () => {
    const { base, browser } = demo;
    const body = await storeMixedQuote(demo, (lines) => ({
      customer: { name: 'Bruno Costa', email: 'bruno@example.com', company: 'Costa Lda' },
      notes: 'Three products, one quote.',
      lines: [...lines, { lineId: 'L4', productId: 'INSTALL-DESK', quantity: 2 }],
    }));
    const customer = await browser.newPage();
    await customer.goto(`${base}/#/shared/${body.shareToken}`);
    await expect
      .poll(() => customer.locator('#quote-title').textContent(), WAIT)
      .toMatch(/^Quote RQ-\d{4}-\d{6} · revision 1$/);
    const text = squeeze(pdfText(await customer.pdf({ format: 'A4' })));
    const shown = customerQuoteWire.parse(
      await (await fetch(`${demo.apiUrl}/api/shared/quotes/${body.shareToken}`)).json(),
    );
    expect(shown.lines.map((l) => l.lineId)).toEqual(['L1', 'L2', 'L3', 'L4']);
    const expected = expectedTexts(shown);
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter(([, t]) => !text.includes(squeeze(t)))).toEqual([]);
    expect(text).toContain(squeeze('Costa Lda'));
  }, 120_000);
});
