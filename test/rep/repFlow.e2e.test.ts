import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium.ts';
import type { PriceResult } from '../../src/engine/pricing/price.ts';
import type { RepQuote } from '../../src/engine/quotes/repQuote.ts';
import { formatDate, formatMoney, formatRate } from '../../src/react/i18n/format.ts';
import { attributeLabel, valueLabel } from '../../src/react/panels/labels.ts';
import { models } from '../engine/orders/orderFixture.ts';
import {
  MANAGER_NAME,
  MANAGER_TOKEN,
  REP_TOKEN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';
import { pdfText } from './pdfText.ts';

/**
 * The rep flow end to end: the real `madeto serve` (SQLite), the demo's rep page served by Vite
 * with /api proxied to it, driven in Chromium by Playwright — configure, save, revise with an
 * approval-needing discount that a rep cannot approve and a manager's token can, revise back, open
 * the customer's link, print it to PDF and read the PDF's text back, accept it.
 */
let api: ServerProcess;
let vite: ViteDevServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  api = await startServerProcess(tempDb());
  vite = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'error',
    server: { port: 0, strictPort: false, proxy: { '/api': { target: api.url } } },
  });
  await vite.listen();
  base = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await api?.stop();
});

/** The shared quote as the customer's page shows it (`GET /api/shared/quotes/:token`). */
interface SharedView {
  number: string;
  revision: number;
  createdAt: string;
  quote: RepQuote;
  price: PriceResult;
  promise: { status: string; deliveryDate?: string } | null;
}

/** Everything the printed quote must say, as the document formats it (English). */
function expectedTexts(v: SharedView): [string, string][] {
  const money = (d: string) => formatMoney(d, v.price.currency, 'en');
  const byId = new Map(models.map((m) => [m.id, m] as const));
  return [
    ['quote number and revision', `Quote ${v.number} · revision ${v.revision}`],
    ['customer name', v.quote.customer.name],
    ['customer e-mail', v.quote.customer.email],
    ['sales rep', v.quote.rep],
    ['issue date', formatDate(v.createdAt, 'en')],
    ['validity', formatDate(v.quote.validUntil, 'en')],
    ...v.quote.lines.flatMap((l): [string, string][] => {
      const model = byId.get(l.productId);
      const p = v.price.lines.find((x) => x.lineId === l.lineId)!;
      return [
        [`${l.lineId} product`, model?.name ?? l.productId],
        [`${l.lineId} unit price`, money(p.unit)],
        [`${l.lineId} net`, money(p.extended)],
        [`${l.lineId} tax rate`, formatRate(p.taxRate, 'en')],
        ...Object.entries(l.selection).flatMap(([attribute, value]): [string, string][] => {
          const label = model ? valueLabel(model, attribute, value) : String(value);
          return [
            [`${l.lineId} ${attribute}`, model ? attributeLabel(model, attribute) : attribute],
            ...(label === ''
              ? []
              : ([[`${l.lineId} ${attribute}=${String(value)}`, label]] as [string, string][])),
          ];
        }),
      ];
    }),
    ['subtotal', money(v.price.subtotal)],
    ...v.price.taxes.flatMap((t): [string, string][] => [
      [`tax ${t.taxId} amount`, money(t.amount)],
      [`tax ${t.taxId} base`, money(t.base)],
    ]),
    ['total', money(v.price.total)],
    ...(v.promise?.deliveryDate
      ? [['delivery date', formatDate(v.promise.deliveryDate, 'en')] as [string, string]]
      : []),
  ];
}

/** Text compared without whitespace or case: a PDF breaks lines where the page does. */
const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();

describe('rep flow on the real backend', () => {
  it('configures, saves, revises, shares, prints and accepts a quote', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/#/rep`);
    await page.getByLabel('Rep token').fill(REP_TOKEN);
    await page.getByLabel('Sales rep').fill('Rita Rep');
    await page.getByLabel('Customer name').fill('Ana Lima');
    await page.getByLabel('Customer e-mail').fill('ana@example.com');
    await page.getByRole('button', { name: 'Configure line L1' }).click();
    await page.getByRole('button', { name: 'Complete for me', exact: true }).last().click();
    const status = page.locator('.madeto-rep-form p[role="status"]');
    const save = async (name: string, revision: number) => {
      await page.getByRole('button', { name }).click();
      await expect
        .poll(() => status.textContent(), { timeout: 20_000 })
        .toMatch(new RegExp(`^Saved RQ-\\d{4}-\\d{6} revision ${revision}$`));
    };
    await save('Save quote', 1);
    const discount = page.getByLabel('Additional discount (%)');
    await discount.fill('40');
    await expect
      .poll(() => page.locator('.madeto-rep-approval').textContent())
      .toContain('Approval required');
    await save('Save as new revision', 2);

    // Revision 2 passes a guardrail: a rep's token cannot approve it, a manager's can.
    const approval = page.getByRole('region', { name: 'Approval' });
    await expect.poll(() => approval.textContent()).toContain('needs a manager’s approval');
    const managerToken = approval.getByLabel('Manager token');
    const approve = approval.getByRole('button', { name: 'Approve revision 2' });
    await managerToken.fill(REP_TOKEN);
    await approve.click();
    await expect
      .poll(() => approval.getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(/the token is a rep’s; only a manager may approve\./);
    await managerToken.fill(MANAGER_TOKEN);
    await approve.click();
    await expect
      .poll(() => approval.textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^Approved by ${MANAGER_NAME} on [A-Z][a-z]{2} \\d{1,2}, \\d{4}$`));

    await discount.fill('');
    await save('Save as new revision', 3);
    const number = /RQ-\d{4}-\d{6}/.exec((await status.textContent()) ?? '')![0];

    const link = await page.locator('a[href*="#/shared/"]').getAttribute('href');
    expect(link).toMatch(/#\/shared\/[A-Za-z0-9_-]+$/);
    const customer = await browser.newPage();
    await customer.goto(link!.replace(/^https?:\/\/[^/]+/, base));
    await expect
      .poll(() => customer.locator('#quote-title').textContent(), { timeout: 20_000 })
      .toBe(`Quote ${number} · revision 3`);
    const pdf = await customer.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(pdfText(pdf));
    const token = /#\/shared\/([A-Za-z0-9_-]+)$/.exec(link!)![1]!;
    const shown = (await (
      await fetch(`${api.url}/api/shared/quotes/${token}`)
    ).json()) as SharedView;
    expect(shown.quote.lines.length).toBeGreaterThan(0);
    const expected = expectedTexts(shown);
    const missing = expected.filter(([, t]) => !text.includes(squeeze(t)));
    expect(missing).toEqual([]);
    // the check can fail: a figure that is not on the page is not found
    expect(text.includes(squeeze(formatMoney('987654.32', shown.price.currency, 'en')))).toBe(
      false,
    );
    await customer.getByRole('button', { name: 'Accept this quote' }).click();
    await expect
      .poll(() => customer.locator('.madeto-shared-actions [role="status"]').textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^Thank you: order O-\d{4}-\d{6} is placed\.$/);

    // Duplicate the saved revision on the server: a new quote, revision 1, priced today.
    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toMatch(
        new RegExp(
          `^Duplicated ${number} revision 3 as RQ-\\d{4}-\\d{6} revision 1, priced on [A-Z][a-z]{2} \\d{1,2}, \\d{4}$`,
        ),
      );
    const copy = /as (RQ-\d{4}-\d{6})/.exec((await status.textContent()) ?? '')![1]!;
    expect(copy).not.toBe(number);
    const stored = (await (
      await fetch(`${api.url}/api/quotes/${copy}`, {
        headers: { authorization: `Bearer ${REP_TOKEN}` },
      })
    ).json()) as { revisions: number[]; quote: RepQuote };
    expect([stored.revisions, stored.quote.pricing.date]).toEqual([
      [1],
      new Date().toISOString().slice(0, 10),
    ]);
    await expect
      .poll(() => page.locator('.madeto-rep-form h2').first().textContent())
      .toBe(`Quote ${copy} · revision 1`);
  }, 120_000);
  it('prints a quote of several products: every line with its options is in the PDF', async () => {
    const mixed = JSON.parse(
      readFileSync(
        new URL('../../public/catalogue/requests/promise-mixed.json', import.meta.url),
        'utf8',
      ),
    ) as { lines: RepQuote['lines'] };
    const today = new Date().toISOString().slice(0, 10);
    const created = await fetch(`${api.url}/api/quotes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        rep: 'Rita Rep',
        validUntil: '2099-12-31',
        shipPolicy: 'asap',
        pricing: { date: today, currency: 'EUR' },
        customer: { name: 'Bruno Costa', email: 'bruno@example.com', company: 'Costa Lda' },
        notes: 'Three products, one quote.',
        lines: [...mixed.lines, { lineId: 'L4', productId: 'INSTALL-DESK', quantity: 2 }],
      }),
    });
    const body = (await created.json()) as { shareToken: string; error?: unknown };
    expect([created.status, body.error]).toEqual([201, undefined]);
    const customer = await browser.newPage();
    await customer.goto(`${base}/#/shared/${body.shareToken}`);
    await expect
      .poll(() => customer.locator('#quote-title').textContent(), { timeout: 20_000 })
      .toMatch(/^Quote RQ-\d{4}-\d{6} · revision 1$/);
    const text = squeeze(pdfText(await customer.pdf({ format: 'A4' })));
    const shown = (await (
      await fetch(`${api.url}/api/shared/quotes/${body.shareToken}`)
    ).json()) as SharedView;
    expect(shown.quote.lines.map((l) => l.productId)).toEqual([
      'DESK',
      'BIKE',
      'SOFA',
      'INSTALL-DESK',
    ]);
    const expected = expectedTexts(shown);
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter(([, t]) => !text.includes(squeeze(t)))).toEqual([]);
    expect(text).toContain(squeeze('Costa Lda'));
  }, 120_000);
});
