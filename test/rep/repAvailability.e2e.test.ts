import { describe, expect, it } from 'vitest';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { setupDemo, startRepQuote, WAIT } from '../e2e/demoHarness.ts';

const FEED = 'e2e-rep-feed-token-0123456789';
const demo = setupDemo({
  env: { MADETO_INTEGRATION_TOKEN: FEED, MADETO_INTEGRATION_NAME: 'ERP feed' },
});

/** `count` plant-local calendar days from `from` (YYYY-MM-DD). */
const days = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

/** Closes the Berlin plant for `count` days from the plant's today, through the feed. */
async function closeBerlin(count: number, version: number) {
  const current = await demo.api('GET', '/api/availability', undefined, {});
  const calendars = current.body['calendars'] as Record<string, { holidays: string[] }>;
  const berlin = calendars['DE-BER-PLANT']!;
  const today = dateAt(nowInstant(), 'Europe/Berlin');
  const patched = await demo.api(
    'PATCH',
    '/api/availability',
    {
      calendars: {
        'DE-BER-PLANT': { ...berlin, holidays: [...berlin.holidays, ...days(today, count)] },
      },
    },
    { authorization: `Bearer ${FEED}` },
  );
  expect([patched.status, patched.body['version']]).toEqual([201, version]);
}

describe('the rep app reads the live availability feed', () => {
  it('a change pushed through PATCH /api/availability moves the date of a draft and of a stored quote in the open editor, without a reload', async () => {
    const page = await demo.page('desktop');
    const answers: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/availability') answers.push(r.status());
    });
    await startRepQuote(demo, page, { email: 'rita@feed.example', password: 'rita-feed-pass-1' });
    const delivery = page.locator('.madeto-quote-document').getByText(/delivery by /);
    await expect.poll(() => delivery.textContent(), WAIT).toBeTruthy();
    const draftBefore = await delivery.textContent();
    // The seeded snapshot is the catalogue's file of 23 November: older than a day, said so.
    const stale = page.locator('[data-state="stale-availability"]');
    await expect
      .poll(() => stale.textContent(), WAIT)
      .toMatch(/^Delivery dates use stock information from .+; they may change when you order\.$/);
    // Read with the ETag: unchanged availability is a 304.
    await expect.poll(() => answers.includes(304), WAIT).toBe(true);
    // A marker a reload would wipe.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    // The draft: the plant closes for five weeks; the new date appears on the same page.
    await closeBerlin(35, 2);
    await expect.poll(() => delivery.textContent(), WAIT).not.toBe(draftBefore);
    await expect.poll(() => stale.count(), WAIT).toBe(0);

    // A stored revision shows the backend's promise; a feed change asks for it again.
    await page.getByRole('button', { name: 'Save quote' }).click();
    await expect
      .poll(() => page.locator('.madeto-rep-form p[role="status"]').textContent(), WAIT)
      .toMatch(/^Saved RQ-\d{4}-\d{6} revision 1$/);
    const storedBefore = await delivery.textContent();
    expect(storedBefore).not.toBe(draftBefore);
    await closeBerlin(70, 3);
    await expect.poll(() => delivery.textContent(), WAIT).not.toBe(storedBefore);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  }, 120_000);
});
