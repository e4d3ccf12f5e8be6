import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpBatchSender } from '../../src/react/insights/insightsLink.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import { completedBatch, daysAgo } from './popularScenario.ts';
import { asManager, jsonCaller, startServerProcess, tempDb } from './serverProcess.ts';

/** A copy of the sample catalogue with `insights` as its `insights.json`. */
function catalogueWith(insights: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'madeto-insight-settings-'));
  cpSync('public/catalogue', dir, { recursive: true });
  writeFileSync(join(dir, 'insights.json'), JSON.stringify(insights));
  return dir;
}

describe("a shop's insights.json", () => {
  it('weights open quotes by its prior Beta(2, 6) once 4 are decided, and hands the widget its 45 idle minutes', async () => {
    const dir = catalogueWith({
      winRate: { prior: { won: 2, lost: 6 }, minDecided: 4 },
      popular: { minSample: 3, minValue: 2 },
      idleAbandonMinutes: 45,
    });
    const server = await startServerProcess(tempDb(), ['--catalogue', dir]);
    try {
      const call = jsonCaller(() => server);
      const events = await call('POST', '/api/events', {
        batchId: 'batch-settings-0001',
        events: [
          {
            type: 'opened',
            at: '2026-12-01T09:00:00Z',
            session: 'sess-settings',
            productId: 'DESK',
            channel: 'shop',
          },
        ],
      });
      expect([events.status, events.body['idleAbandonMinutes']]).toEqual([201, 45]);
      // The widget's sender reads it from the answer (and the link then uses it).
      const send = createHttpBatchSender(`${server.url}/api/events`);
      const answer = await send(
        {
          batchId: 'batch-settings-0002',
          events: [
            {
              type: 'opened',
              at: '2026-12-01T10:00:00Z',
              session: 'sess-settings-2',
              productId: 'DESK',
              channel: 'shop',
            },
          ],
        },
        { keepalive: false },
      );
      expect(answer).toMatchObject({ accepted: 1, idleAbandonMinutes: 45 });

      // Popular with buyers from 3 completed desks (not 20), a value from 2 (not 5): two desks
      // are too few; the third names steel (2 of 3) and dual (3), not aluminium (1).
      const popular = async () =>
        (await call('GET', '/api/insights/popular?productId=DESK', undefined, {})).body;
      const desks = [
        { frame: 'steel', drive: 'dual' },
        { frame: 'steel', drive: 'dual' },
        { frame: 'aluminium', drive: 'dual' },
      ];
      const at = daysAgo(1);
      expect(
        (
          await call(
            'POST',
            '/api/events',
            completedBatch('settings-pop-1', 'DESK', 'shop', desks.slice(0, 2), at),
          )
        ).status,
      ).toBe(201);
      expect(await popular()).toEqual({
        productId: 'DESK',
        minSample: 3,
        enough: false,
        popular: [],
      });
      expect(
        (
          await call(
            'POST',
            '/api/events',
            completedBatch('settings-pop-2', 'DESK', 'shop', desks.slice(2), at),
          )
        ).status,
      ).toBe(201);
      expect(await popular()).toEqual({
        productId: 'DESK',
        minSample: 3,
        enough: true,
        popular: [
          { attributeId: 'drive', value: 'dual' },
          { attributeId: 'frame', value: 'steel' },
        ],
      });

      // Five rep quotes of two desks each, priced on the plant's day.
      const date = dateAt(nowInstant(), 'Europe/Berlin');
      const numbers: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await call(
          'POST',
          '/api/quotes',
          deskRepQuote({ pricing: { date, currency: 'EUR' } }),
        );
        expect(r.status).toBe(201);
        numbers.push(r.body['number'] as string);
      }
      const bom = deskOrder('settings-bom', 2).lines[0]!.bom!;
      expect(bom.length).toBeGreaterThan(0);
      /** Each BOM item's expected need over the weeks ÷ its need in one quote. */
      const weights = async () => {
        const body = (await call('GET', '/api/insights/demand', undefined, asManager)).body;
        const rows = body['rows'] as { item: string; expected: number }[];
        const weight = bom.map(
          (need) =>
            rows.filter((r) => r.item === need.item).reduce((s, r) => s + r.expected, 0) /
            need.quantity,
        );
        return { body, weight };
      };
      const lose = async (n: string) =>
        expect((await call('POST', `/api/quotes/${n}/lost`, {})).status).toBe(200);

      // 0 decided < 4: the prior alone, 2 ÷ 8 = ¼; five open quotes weigh 5 × ¼ = 1.25 quotes.
      let { body, weight } = await weights();
      expect(body).toMatchObject({
        winRate: 0.25,
        winRateBasis: {
          method: 'beta',
          prior: { won: 2, lost: 6 },
          minDecided: 4,
          basis: 'prior',
          decided: 0,
        },
        openQuoteLines: 5,
      });
      for (const w of weight) expect(w).toBeCloseTo(1.25, 2);

      // 3 lost < 4: still ¼ (not (0 + 2) ÷ (3 + 8)); two open quotes weigh ½.
      for (const n of numbers.slice(0, 3)) await lose(n);
      ({ body, weight } = await weights());
      expect(body).toMatchObject({
        winRate: 0.25,
        winRateBasis: { basis: 'prior', won: 0, lost: 3, decided: 3 },
        openQuoteLines: 2,
      });
      for (const w of weight) expect(w).toBeCloseTo(0.5, 2);

      // 4 lost ≥ 4: the history counts, (0 + 2) ÷ (4 + 8) = 1/6 for the one open quote.
      await lose(numbers[3]!);
      ({ body, weight } = await weights());
      expect(body['winRate']).toBeCloseTo(1 / 6, 12);
      expect(body).toMatchObject({
        winRateBasis: { basis: 'history', won: 0, lost: 4, decided: 4 },
        openQuoteLines: 1,
      });
      for (const w of weight) expect(w).toBeCloseTo(1 / 6, 2);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it.each([
    [
      { winRate: { prior: { won: 0, lost: 0 } } },
      '$.winRate.prior: won and lost may not both be 0',
    ],
    [{ winRate: { prior: { won: -1, lost: 1 } } }, '$.winRate.prior.won: Too small'],
    [{ winRate: { minDecided: 2.5 } }, '$.winRate.minDecided: Invalid input: expected int'],
    [{ idleAbandonMinutes: 0 }, '$.idleAbandonMinutes: Too small: expected number to be >=1'],
    [{ popular: { minSample: -1 } }, '$.popular.minSample: Too small: expected number to be >=0'],
    [
      { idleMinutes: 45 },
      '$.idleMinutes: unknown setting (known: winRate, popular, idleAbandonMinutes)',
    ],
  ])(
    'a server with %j does not start: %s',
    async (insights, message) => {
      const dir = catalogueWith(insights);
      const started = startServerProcess(tempDb(), ['--catalogue', dir]);
      await expect(started).rejects.toThrow(join(dir, 'insights.json'));
      await expect(started).rejects.toThrow(message);
    },
    30_000,
  );
});
