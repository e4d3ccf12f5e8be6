// The product picture inside the embed (shadow DOM) under public/embed/csp.html's strict policy
// (style-src 'self', img-src 'self' data:): drawn, tinted through CSSOM styles, changing with a
// choice, with no CSP violation.
import { describe, expect, it } from 'vitest';
import { open, setupE2e } from './e2eHarness.ts';

setupE2e();

describe('the product picture under the strict CSP page', () => {
  it('is drawn in the shadow DOM, tints through the CSSOM, changes with a choice, no violation', async () => {
    const { page, problems } = await open('/embed/csp.html');
    await page.setViewportSize({ width: 1280, height: 900 });
    const widget = page.locator('#desk');
    const figure = widget.locator('figure.madeto-preview');
    await figure.waitFor({ timeout: 20_000 });
    // The picture's file may replace its same-size stand-in at any moment: scroll whichever is
    // there (the locator finds it anew each time), then wait for the drawn picture.
    await expect
      .poll(
        () =>
          figure
            .evaluate((el) => {
              el.scrollIntoView({ block: 'nearest' });
              return true;
            })
            .catch(() => false),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect.poll(() => figure.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    // In the shadow root: document.querySelector cannot see it.
    expect(await page.evaluate(() => document.querySelector('figure.madeto-preview'))).toBeNull();
    await widget.getByRole('radio', { name: /Traffic white/ }).click();
    const tinted = widget.locator('.madeto-preview-frame:last-child [data-tinted]').first();
    await expect
      .poll(() => tinted.evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(241, 240, 234)');
    expect(await tinted.evaluate((el) => getComputedStyle(el).maskImage)).toMatch(/^url\(/);
    await page.waitForTimeout(400);
    const white = await figure.locator('.madeto-preview-stage').screenshot();
    await widget.getByRole('radio', { name: /Jet black/ }).click();
    await expect
      .poll(() => tinted.evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(14, 14, 16)');
    await page.waitForTimeout(400);
    const black = await figure.locator('.madeto-preview-stage').screenshot();
    expect(black.equals(white)).toBe(false);
    const loaded = await figure
      .locator('img.madeto-preview-layer')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every(Boolean)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  // The shop app fetches the picture from its own file (madeto-preview.<hash>.js) once the widget
  // has rendered; until it runs, a placeholder of the first view's exact box holds its place.
  it('the placeholder has the picture box: nothing moves when its file arrives (held back here)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { page, problems } = await open('/embed/csp.html', (p) =>
      p.route(/\/madeto-preview\.\w+\.js$/, async (route) => {
        await held;
        await route.continue();
      }),
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    const widget = page.locator('#desk');
    const busy = widget.locator('figure.madeto-preview[aria-busy="true"]');
    await busy.waitFor({ timeout: 20_000 });
    await busy.scrollIntoViewIfNeeded();
    const box = async (selector: string) =>
      widget.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      });
    const before = await box('figure.madeto-preview');
    const stageBefore = await box('.madeto-preview-stage');
    expect(stageBefore[2]! * stageBefore[3]!).toBeGreaterThan(0);
    release();
    await widget.locator('figure.madeto-preview:not([aria-busy])').waitFor({ timeout: 20_000 });
    expect(await box('figure.madeto-preview')).toEqual(before);
    expect(await box('.madeto-preview-stage')).toEqual(stageBefore);
    expect(problems).toEqual([]);
    await page.close();
  });
});
