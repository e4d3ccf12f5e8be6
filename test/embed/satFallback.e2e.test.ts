// The SAT fallback in the built embed: a model whose decision diagram passes the node limit
// (`maxNodes`, tiny here) and runs on the page answers exactly through `madeto-sat.<hash>.js`, a
// file beside the app that the shop app fetches only then, under the strict-CSP page; a file that
// does not load shows the widget's error state with the file's reason.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { open, server, setupE2e } from './e2eHarness.ts';

setupE2e();

const satFiles = (from: number) =>
  server.requests.slice(from).filter((r) => /\/madeto\/madeto-sat\.[0-9a-f]{10}\.js$/.test(r));

/** csp.html's desk on the page path, with `maxNodes` in its JSON options when given. */
const onThePage = (maxNodes?: number) => async (page: Page) =>
  page.route('**/embed/csp.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace('<madeto-configurator id="desk"', '<madeto-configurator id="desk" engine="page"')
      .replace(
        '"model": "/catalogue/desk.json",',
        `"model": "/catalogue/desk.json",${maxNodes === undefined ? '' : ` "maxNodes": ${maxNodes},`}`,
      );
    await route.fulfill({ response, body });
  });

describe('the SAT fallback on the page, in the embed', () => {
  it('a model past the node limit answers through madeto-sat: explained, repaired, no CSP violation', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp.html', onThePage(5));
    const desk = page.locator('#desk');
    await desk.getByRole('radio', { name: /^Aluminium/ }).click({ timeout: 30_000 });
    expect(satFiles(before)).toHaveLength(1);
    await desk.getByRole('button', { name: /Desktop/ }).click();
    const walnut = desk.getByRole('radio', { name: /walnut/i });
    await expect
      .poll(() => walnut.evaluate((el) => el.closest('label')?.dataset.state))
      .toBe('conflict');
    await walnut.click();
    const dialog = desk.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain('The aluminium frame carries laminate, oak or bamboo tops, not walnut.');
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.poll(() => walnut.isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('a model within the limit never fetches the file', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp.html', onThePage());
    await page
      .locator('#desk')
      .getByRole('radio', { name: /^Aluminium/ })
      .click({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(satFiles(before)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a file that does not load: the error state says which file and why', async () => {
    const { page, problems } = await open('/embed/csp.html', async (p) => {
      await onThePage(5)(p);
      await p.route(/\/madeto-sat\.\w+\.js$/, (route) => route.abort());
    });
    const alert = page
      .locator('#desk')
      .getByText(/the SAT fallback .*madeto-sat\.\w+\.js could not be loaded/);
    await alert.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('#desk').getByText('This product cannot be configured').count())
      .toBe(1);
    expect(problems.filter((p) => !/madeto-sat|ERR_FAILED/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);
});
