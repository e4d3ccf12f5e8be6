// End-to-end on the built files, at a desktop and a phone width: the sticky summary bar (phone
// only), Share (the link copied and loading the same configuration), shop.html answering its
// own madeto-submit, and madeto-change only for the buyer's changes (never on load).
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { hostEvents, open, server, setupE2e } from './e2eHarness.ts';

setupE2e();

const WIDTHS = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const;

/** shop.html at a width, with clipboard access, once the widget is usable and has settled. */
async function shop(width: number, height: number, query = '') {
  const opened = await open(`/embed/shop.html${query}`, async (page) => {
    await page.setViewportSize({ width, height });
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  const { page } = opened;
  await expect
    .poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['madeto-ready', 'madeto-price', 'madeto-promise']));
  return opened;
}

const desk = (page: Page) => page.locator('#desk');
const types = async (page: Page) => (await hostEvents(page)).map((e) => e.type);

describe.each(WIDTHS)('shop.html at %s width (%i px)', (name, width, height) => {
  it(`the summary bar: ${name === 'phone' ? 'sticks to the bottom, Review jumps to the summary' : 'none beside the summary column'}`, async () => {
    const { page, problems } = await shop(width, height);
    const review = desk(page).getByRole('button', { name: 'Review' });
    if (name === 'desktop') {
      expect(await review.isVisible()).toBe(false);
    } else {
      await expect.poll(() => review.isVisible()).toBe(true);
      const bar = desk(page).getByRole('group', { name: 'Your configuration' });
      // The bar is on screen at the bottom while the choices fill the screen above it.
      const box = (await bar.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
      expect(box.y).toBeGreaterThan(height / 2);
      const price = (await hostEvents(page)).filter((e) => e.type === 'madeto-price').at(-1)!;
      const total = (await bar.textContent()) ?? '';
      expect(total.replace(/[^\d.]/g, '')).toContain(price.detail.total);
      await review.click();
      const heading = desk(page).getByRole('heading', { name: 'Price' });
      await expect
        .poll(async () => (await heading.boundingBox())?.y ?? -1)
        .toBeLessThan(height / 2);
      expect(
        await page.evaluate(
          () => document.getElementById('desk')!.shadowRoot!.activeElement?.className ?? 'nothing',
        ),
      ).toBe('madeto-panel-stack');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Share copies a link that opens the same configuration, and says so', async () => {
    const { page, problems } = await shop(width, height);
    await desk(page)
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .click();
    await expect.poll(() => page.url()).toMatch(/madeto-desk=/);
    await desk(page).getByRole('button', { name: 'Share' }).click();
    await expect
      .poll(() => desk(page).getByRole('status').filter({ hasText: 'Link copied' }).count())
      .toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('madeto-desk')).toMatch(
      /^DESK@[^|]+\|q=1\|.*frame=aluminium/,
    );
    const again = await open(link, (p) => p.setViewportSize({ width, height }));
    const radio = desk(again.page).getByRole('radio', { name: /Aluminium, 2-stage/ });
    await expect.poll(() => radio.isChecked(), { timeout: 30_000 }).toBe(true);
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('shop.html answers its own madeto-submit: the buyer sees the thank-you with its number', async () => {
    const { page, problems } = await shop(width, height);
    await desk(page).getByRole('button', { name: 'Complete for me' }).click();
    const send = desk(page).getByRole('button', { name: 'Send request' });
    await desk(page).getByRole('textbox', { name: 'Name' }).fill('Anna Muster');
    await desk(page).getByRole('textbox', { name: 'Email' }).fill('anna@example.com');
    await expect.poll(() => send.isEnabled()).toBe(true);
    await expect.poll(() => send.getAttribute('aria-disabled')).not.toBe('true');
    await send.click();
    await expect
      .poll(() => desk(page).getByText('Thank you — your request SHOP-0001 was sent.').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await page.locator('#requests li').allTextContents()).toEqual([
      'SHOP-0001: 1 line(s), quote-request',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('madeto-change fires for the buyer changes only, never on load', async () => {
    const { page, problems } = await shop(width, height);
    // Settled: the deferred panels and the value extras have rendered.
    await page.waitForTimeout(1000);
    expect(await types(page)).not.toContain('madeto-change');
    await desk(page)
      .getByRole('radio', { name: /Steel, 3-stage/ })
      .click();
    await expect
      .poll(async () => (await types(page)).filter((t) => t === 'madeto-change').length)
      .toBe(1);
    const change = (await hostEvents(page)).find((e) => e.type === 'madeto-change')!;
    expect(change.detail.selection).toMatchObject({ frame: 'steel' });
    await expect
      .poll(() => new URL(page.url()).searchParams.get('madeto-desk'))
      .toMatch(/frame=steel/);
    const saved = new URL(page.url()).searchParams.get('madeto-desk')!;
    await page.close();
    // A configuration loaded from the URL is not a change either.
    const loaded = await shop(width, height, `?madeto-desk=${encodeURIComponent(saved)}`);
    await loaded.page.waitForTimeout(1000);
    expect(
      await desk(loaded.page)
        .getByRole('radio', { name: /Steel, 3-stage/ })
        .isChecked(),
    ).toBe(true);
    expect(await types(loaded.page)).not.toContain('madeto-change');
    expect([...problems, ...loaded.problems]).toEqual([]);
    await loaded.page.close();
  });
});

describe('the loader on shop.html', () => {
  it('preloads the documents the widget names with the app, and each is downloaded once', async () => {
    const before = server.requests.length;
    const { page, problems } = await shop(1280, 900);
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map(
        (link) => new URL(link.href).pathname,
      ),
    );
    const documents = [
      '/catalogue/availability.json',
      '/catalogue/desk.json',
      '/catalogue/pricing.json',
    ];
    expect(preloaded.sort()).toEqual(documents);
    const fetched = server.requests
      .slice(before)
      .filter((path) => /^\/catalogue\/\w+\.json$/.test(path));
    expect(fetched.sort()).toEqual(documents);
    expect(problems).toEqual([]);
    await page.close();
  });
});
