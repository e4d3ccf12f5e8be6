import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { addUser } from '../server/quoteJourney.ts';
import { FIRST_BATCH } from '../server/insightsScenario.ts';
import { MANAGER_TOKEN } from '../server/serverProcess.ts';
import { setupDemo, VIEWPORTS, type Width } from './demoHarness.ts';

/**
 * Issue 20's dashboard proof: the real backend (`madeto serve`, SQLite) holding seeded events and
 * an order, the demo on Vite, a manager signing in at `#/insights` in Chromium at 1280 and 390 px:
 * the charts draw, the tables show what the API answers, the CSV links download the API's CSV.
 */
const demo = setupDemo();
let manager = { email: '', password: '' };

const api = async (path: string) => {
  const r = await fetch(`${demo.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${MANAGER_TOKEN}` },
  });
  return { status: r.status, text: await r.text() };
};

// After setupDemo's start: the manager, one batch of events and one order to show.
beforeAll(async () => {
  manager = addUser(
    demo.db,
    { role: 'manager', name: 'Mara Manager', email: 'mara@example.com' },
    'mara-pass-1234',
  );
  const post = (path: string, body: unknown) =>
    fetch(`${demo.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/api/events', FIRST_BATCH)).status).toBe(201);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  expect((await post('/api/orders', deskOrder('dashboard-order-1', 2, 'order', now))).status).toBe(
    201,
  );
}, 60_000);

async function signedIn(width: Width): Promise<Page> {
  const context = await demo.browser.newContext({ ...VIEWPORTS[width], acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${demo.base}/#/insights`);
  await page.getByLabel('E-mail').fill(manager.email);
  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Insights/ }).waitFor({ timeout: 20_000 });
  return page;
}

/** The rows of the table captioned `caption`, as cell texts. */
const tableRows = (page: Page, caption: string | RegExp) =>
  page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );

describe('the insights dashboard', () => {
  it.each<Width>(['desktop', 'phone'])(
    'draws the charts, shows the API figures, downloads CSV (%s)',
    async (width) => {
      const page = await signedIn(width);
      // Every chart drew (Chart.js loaded on demand) and painted pixels.
      const charts = page.locator('.insights-chart');
      await expect.poll(() => charts.count(), { timeout: 20_000 }).toBe(4);
      await expect
        .poll(() => page.locator('.insights-chart[data-state="ready"]').count(), {
          timeout: 20_000,
        })
        .toBe(4);
      const painted = await page.locator('.insights-chart canvas').evaluateAll((canvases) =>
        canvases.map((c) => {
          const el = c as HTMLCanvasElement;
          const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
          let ink = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
          return ink;
        }),
      );
      expect(painted.every((ink) => ink > 500)).toBe(true);

      // The tables hold what the API answers.
      const popularity = JSON.parse((await api('/api/insights/popularity')).text) as {
        rows: {
          productId: string;
          attributeLabel: string;
          valueLabel: string;
          count: number;
          share: number;
        }[];
      };
      expect(await tableRows(page, 'Options in completed configurations')).toEqual(
        popularity.rows.map((r) => [
          r.productId,
          r.attributeLabel,
          r.valueLabel,
          String(r.count),
          `${Math.round(r.share * 1000) / 10} %`,
          expect.any(String),
          expect.any(String),
        ]),
      );
      const funnel = JSON.parse((await api('/api/insights/funnel')).text) as {
        steps: { stage: string; sessions: number; dropped: number }[];
      };
      expect(
        (await tableRows(page, 'Sessions per stage and drop-off')).map((r) => r.slice(0, 3)),
      ).toEqual(funnel.steps.map((s) => [s.stage, String(s.sessions), String(s.dropped)]));
      expect(funnel.steps.map((s) => s.sessions)).toEqual([3, 2, 1, 0]);
      const demand = JSON.parse((await api('/api/insights/demand')).text) as {
        rows: { item: string }[];
        winRate: number;
        winRateBasis: { decided: number };
      };
      expect(demand.rows.length).toBeGreaterThan(0);
      expect((await tableRows(page, /^Per item and week/)).map((r) => r[0])).toEqual(
        demand.rows.map((r) => r.item),
      );
      // No rep quote decided yet: open quotes weigh Laplace's (0 + 1) ÷ (0 + 2), and the table
      // says which rate it used and why (before: "open quotes count 0").
      expect([demand.winRate, demand.winRateBasis.decided]).toEqual([0.5, 0]);
      expect(
        await page
          .getByRole('table', { name: /^Per item and week/ })
          .locator('caption')
          .textContent(),
      ).toMatch(
        /open quotes × win rate 50 % \(no rep quote won or lost yet: an even prior, \(0 \+ 1\) ÷ \(0 \+ 2\)\)/,
      );

      // The common configurations in the model's words, not ids (A, then B: one each).
      const configs = JSON.parse((await api('/api/insights/configurations')).text) as {
        rows: { productId: string; configuration: string; count: number }[];
      };
      expect(await tableRows(page, /^Completed configurations$/)).toEqual([
        [
          'DESK',
          'Frame: Steel, 3-stage columns; Lifting system: Single motor, 38 mm/s; Accessories: Under-desk drawer, lockable',
          '1',
        ],
        [
          'DESK',
          'Frame: Steel, 3-stage columns; Lifting system: Dual motor, 40 mm/s, anti-collision',
          '1',
        ],
      ]);
      expect(configs.rows.map((r) => [r.productId, r.configuration, String(r.count)])).toEqual(
        await tableRows(page, /^Completed configurations$/),
      );

      // Every section's CSV link downloads exactly the API's CSV (the page's own sign-in).
      for (const [name, path] of [
        ['funnel', '/api/insights/funnel?format=csv'],
        ['option popularity', '/api/insights/popularity?format=csv'],
        ['promised lead time', '/api/insights/leadtime?format=csv'],
        ['quote win and loss by discount', '/api/insights/winloss?format=csv'],
        ['conflicts met most often', '/api/insights/conflicts?format=csv'],
        ['most common configurations', '/api/insights/configurations?format=csv'],
        ['component demand', '/api/insights/demand?format=csv'],
        ['postponement advisor', '/api/insights/advisor?format=csv'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: `Download CSV of ${name}` }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^\w+\.csv$/);
        expect(readFileSync((await download.path())!, 'utf8')).toBe((await api(path)).text);
      }

      // A channel filter reaches the API: reps made no configurations here.
      await page.getByLabel('Channel').selectOption('rep');
      await expect
        .poll(() => tableRows(page, 'Options in completed configurations'), { timeout: 20_000 })
        .toEqual([['No data in this range.']]);
      await page.getByLabel('Channel').selectOption('');
      await page.locator('.insights-chart[data-state="ready"]').nth(3).waitFor();

      // axe finds nothing on the dashboard (every control named, contrast, tables and regions).
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: unknown): Promise<AxeResult> } }).axe;
        type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
        const result = await axe.run(document);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
      });
      expect(violations).toEqual([]);
      // A long caption wraps inside its table's scrolling region: read whole without scrolling
      // sideways (on a phone the demand caption ran off the screen).
      const demandTable = page.getByRole('table', { name: /^Per item and week/ });
      const [caption, region] = await Promise.all([
        demandTable.locator('caption').boundingBox(),
        demandTable.locator('xpath=..').boundingBox(),
      ]);
      expect(caption!.x + caption!.width).toBeLessThanOrEqual(region!.x + region!.width + 0.5);

      // A range with no lead times: that chart says so instead of drawing an empty grid.
      await page.getByLabel('From', { exact: true }).fill('2020-01-01');
      await page.getByLabel('To', { exact: true }).fill('2020-01-31');
      await expect
        .poll(() => page.locator('.insights-chart[data-state="empty"]').allTextContents(), {
          timeout: 20_000,
        })
        .toContain('Nothing to draw in this range.');
      await page.getByLabel('From', { exact: true }).fill('');
      await page.getByLabel('To', { exact: true }).fill('');
      await page.locator('.insights-chart[data-state="ready"]').nth(3).waitFor();
      await page.screenshot({ path: `/tmp/insights-${width}.png`, fullPage: true });
      await page.context().close();
    },
    90_000,
  );

  it('a rep signed in is told the insights are for managers, with a way back and a way out', async () => {
    const rep = addUser(
      demo.db,
      { role: 'rep', name: 'Rita Rep', email: 'rita-insights@example.com' },
      'rita-pass-1234',
    );
    const context = await demo.browser.newContext(VIEWPORTS.phone);
    const page = await context.newPage();
    await page.goto(`${demo.base}/#/insights`);
    await page.getByLabel('E-mail').fill(rep.email);
    await page.getByLabel('Password').fill(rep.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe('The insights are for managers: Rita Rep is signed in as a rep.');
    expect(
      await page.getByRole('link', { name: 'Back to the sales rep quotes' }).getAttribute('href'),
    ).toBe('#/rep');
    await page.getByRole('button', { name: 'Sign out to sign in as a manager' }).click();
    await page.getByLabel('E-mail').waitFor({ timeout: 20_000 });
    // Signed out for real: the session is gone on the server too.
    expect((await page.request.get(`${demo.base}/api/me`)).status()).toBe(401);
    await context.close();
  }, 60_000);
});
