import { chromium, type Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REP_TOKEN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';

/**
 * The rep flow end to end: the real `madeto serve` (SQLite), the demo's rep page served by Vite
 * with /api proxied to it, driven in Chromium by Playwright — configure, save, revise with an
 * approval-needing discount, revise back, open the customer's link, print it to PDF, accept it.
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
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await api?.stop();
});

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
    expect(pdf.length).toBeGreaterThan(10_000);
    await customer.getByRole('button', { name: 'Accept this quote' }).click();
    await expect
      .poll(() => customer.locator('.madeto-shared-actions [role="status"]').textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^Thank you: order O-\d{4}-\d{6} is placed\.$/);
  }, 120_000);
});
