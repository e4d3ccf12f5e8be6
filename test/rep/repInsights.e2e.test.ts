import { describe, expect, it } from 'vitest';
import { setupDemo, startRepQuote, WAIT } from '../e2e/demoHarness.ts';
import { MANAGER_TOKEN } from '../server/serverProcess.ts';

/**
 * Issue 20's rep channel end to end: a rep signed in on the demo's `#/rep` (session cookie and
 * CSRF token, Vite proxying to the real `madeto serve`) configures a line and saves the quote; the
 * line's events reach `POST /api/events` as channel `rep`, so the insights per channel count it
 * there (opened, completed, quoted; its values' popularity) and not as the shop's.
 */
const demo = setupDemo();

type Json = Record<string, unknown>;

describe("a rep's configured line in the insights", () => {
  it('is recorded with channel rep: funnel and popularity per channel', async () => {
    const page = await demo.browser.newPage();
    const posted: { status: number; channels: string[] }[] = [];
    page.on('requestfinished', (r) => {
      if (!r.url().endsWith('/api/events')) return;
      void r.response().then((res) =>
        posted.push({
          status: res?.status() ?? 0,
          channels: (
            JSON.parse(r.postData() ?? '{}') as { events: { channel: string }[] }
          ).events.map((e) => e.channel),
        }),
      );
    });
    await startRepQuote(demo, page, {
      email: 'rita@insights.example',
      password: 'rita-insights-pass-1',
    });
    await page.getByRole('button', { name: 'Save quote' }).click();
    await expect
      .poll(() => page.locator('.madeto-rep-form p[role="status"]').textContent(), WAIT)
      .toMatch(/^Saved RQ-\d{4}-\d{6} revision 1$/);

    const get = async (path: string) =>
      (await (
        await fetch(`${demo.apiUrl}${path}`, {
          headers: { authorization: `Bearer ${MANAGER_TOKEN}` },
        })
      ).json()) as Json;
    const stages = async (channel: string) =>
      ((await get(`/api/insights/funnel?channel=${channel}`))['steps'] as Json[]).map(
        (s) => s['sessions'],
      );
    // Batches leave after 5 s: completed and quoted once, all as the rep's. (Opened counts 2:
    // the dev server's React StrictMode mounts the line's widget twice; a production build once.)
    await expect.poll(async () => (await stages('rep')).slice(1), WAIT).toEqual([1, 1, 0]);
    expect((await stages('rep'))[0]).toBeGreaterThanOrEqual(1);
    expect(await stages('shop')).toEqual([0, 0, 0, 0]);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.every((p) => p.status === 201 && p.channels.every((c) => c === 'rep'))).toBe(
      true,
    );
    const rep = (await get('/api/insights/popularity?channel=rep'))['rows'] as Json[];
    expect(rep.length).toBeGreaterThan(0);
    expect(rep.every((r) => r['productId'] === 'DESK' && r['count'] === 1)).toBe(true);
    expect((await get('/api/insights/popularity?channel=shop'))['rows']).toEqual([]);
  }, 120_000);
});
