import { describe, expect, it } from 'vitest';
import { setupDemo } from './demoHarness.ts';
import { configureAll, demoProducts, openProduct } from './buyerSteps.ts';

const FEED = 'e2e-feed-token-0123456789';
const demo = setupDemo({
  env: { MADETO_INTEGRATION_TOKEN: FEED, MADETO_INTEGRATION_NAME: 'ERP feed' },
});
const desk = demoProducts().find((p) => p.id === 'DESK')!;

/** The plant-local dates from `from` (YYYY-MM-DD) over `days` calendar days. */
const days = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

describe('the availability feed reaches an open widget', () => {
  it('a change pushed through PATCH /api/availability moves the date on screen without a reload, and the old-data notice goes', async () => {
    const page = await demo.page('desktop');
    const region = await openProduct(page, demo.base, desk);
    await configureAll(region, desk);
    const delivery = region.locator('[data-kind="delivery"] dd');
    await expect.poll(() => delivery.textContent(), { timeout: 20_000 }).toBeTruthy();
    const before = await delivery.textContent();
    // The seeded snapshot is the catalogue's file of 23 November: older than the demo's 24 hours.
    const stale = region.locator('[data-state="stale-availability"]');
    await expect
      .poll(() => stale.textContent(), { timeout: 20_000 })
      .toMatch(/^Delivery dates use stock information from .+; they may change when you order\.$/);
    // Unchanged availability is asked for with the ETag and answered 304 (no body, no re-render).
    const answers: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/availability') answers.push(r.status());
    });
    await expect.poll(() => answers.includes(304), { timeout: 20_000 }).toBe(true);
    // A marker a reload would wipe.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    // The ERP closes the Berlin plant for the next five weeks (a calendar change).
    const current = await demo.api('GET', '/api/availability', undefined, {});
    const calendars = current.body['calendars'] as Record<string, { holidays: string[] }>;
    const berlin = calendars['DE-BER-PLANT']!;
    const today = new Date().toISOString().slice(0, 10);
    const patched = await demo.api(
      'PATCH',
      '/api/availability',
      {
        calendars: {
          'DE-BER-PLANT': { ...berlin, holidays: [...berlin.holidays, ...days(today, 35)] },
        },
      },
      { authorization: `Bearer ${FEED}` },
    );
    expect(patched.status).toBe(201);
    expect(patched.body).toMatchObject({ version: 2, change: { calendars: ['DE-BER-PLANT'] } });

    // The widget polls with its ETag: the new date appears, on the same page.
    await expect.poll(() => delivery.textContent(), { timeout: 20_000 }).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // The new snapshot is of now: the old-data notice is gone.
    await expect.poll(() => stale.count(), { timeout: 20_000 }).toBe(0);
  }, 120_000);
});
