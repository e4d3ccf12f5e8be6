import { expect } from 'vitest';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import { asManager, jsonCaller, type ServerProcess } from './serverProcess.ts';

type Json = Record<string, unknown>;

/**
 * Quote win/loss by discount and the component demand weighted by the win rate, on a running
 * server with no quotes yet and mail configured (SQLite or PostgreSQL). Four rep quotes of two
 * desks each, counted by hand: A (no discount) sent and accepted — won, and an order; B (3 %)
 * and C (8 %) marked lost; D (no discount) left open. Win rate 1 ÷ 3; bands 0 %: won 1, open 1;
 * 0–5 %: lost 1; 5–10 %: lost 1. Demand: A's order counts its BOM in full, D's quote the same BOM ×
 * the smoothed win rate (Laplace: (1 won + 1) ÷ (3 decided + 2) = 0.4), B and C nothing.
 */
export async function winLossScenario(server: ServerProcess): Promise<void> {
  const call = jsonCaller(() => server);
  const quote = async (additionalPercent?: string) => {
    const r = await call(
      'POST',
      '/api/quotes',
      deskRepQuote(additionalPercent === undefined ? {} : { discounts: { additionalPercent } }),
    );
    expect(r.status).toBe(201);
    return r.body['number'] as string;
  };
  const [a, b, c] = [await quote(), await quote('3'), await quote('8')];
  await quote();
  const bom = deskOrder('winloss-bom', 2).lines[0]!.bom!;
  expect(bom.length).toBeGreaterThan(0);
  /** Each BOM item's demand summed over the weeks: [confirmed, expected]. */
  const demandOf = (body: Json) => {
    const rows = body['rows'] as { item: string; confirmed: number; expected: number }[];
    return (item: string) => {
      const mine = rows.filter((r) => r.item === item);
      const sum = (k: 'confirmed' | 'expected') => mine.reduce((s, r) => s + r[k], 0);
      return [sum('confirmed'), sum('expected')];
    };
  };

  // Nothing decided yet: the four open quotes still weigh (0 + 1) ÷ (0 + 2) = ½ each, so the
  // expected need is 4 × ½ = 2 desks' BOM (before, an unknown rate made them weigh 0).
  const undecided = (await call('GET', '/api/insights/demand', undefined, asManager)).body;
  expect(undecided).toMatchObject({
    orderLines: 0,
    openQuoteLines: 4,
    winRate: 0.5,
    winRateBasis: { method: 'laplace', won: 0, lost: 0, decided: 0 },
  });
  for (const need of bom) {
    const [confirmed, expected] = demandOf(undecided)(need.item);
    expect([need.item, confirmed]).toEqual([need.item, 0]);
    expect(expected).toBeCloseTo(need.quantity * 2, 2);
  }

  const sent = await call('POST', `/api/quotes/${a}/send`, {});
  expect(sent.status).toBe(200);
  const token = (sent.body['link'] as string).split('#/shared/')[1]!;
  expect((await call('POST', `/api/shared/quotes/${token}/accept`, {}, {})).status).toBe(201);
  for (const lost of [b, c])
    expect((await call('POST', `/api/quotes/${lost}/lost`, {})).status).toBe(200);

  const winloss = (await call('GET', '/api/insights/winloss', undefined, asManager)).body;
  expect(winloss['quotes']).toBe(4);
  expect(winloss['winRate']).toBeCloseTo(1 / 3, 10);
  expect(
    (winloss['bands'] as Json[]).map((x) => [
      x['label'],
      x['won'],
      x['lost'],
      x['open'],
      x['winRate'],
    ]),
  ).toEqual([
    ['0 %', 1, 0, 1, 1],
    ['0–5 %', 0, 1, 0, 0],
    ['5–10 %', 0, 1, 0, 0],
    ['10–15 %', 0, 0, 0, 0],
    ['15 % +', 0, 0, 0, 0],
  ]);

  const demand = (await call('GET', '/api/insights/demand', undefined, asManager)).body;
  expect(demand).toMatchObject({
    orderLines: 1,
    openQuoteLines: 1,
    winRate: 0.4,
    winRateBasis: { method: 'laplace', won: 1, lost: 2, decided: 3 },
  });
  for (const need of bom) {
    const [confirmed, expected] = demandOf(demand)(need.item);
    expect([need.item, confirmed]).toEqual([need.item, need.quantity]);
    expect(expected).toBeCloseTo(need.quantity * 0.4, 2);
  }
}
