import { expect } from 'vitest';
import { REP_TOKEN } from './serverProcess.ts';

type Selection = Record<string, string | string[] | number | boolean>;

/** An ISO instant `days` before now, whole seconds. */
export const daysAgo = (days: number): string =>
  new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * One batch of configurations opened and completed (one session each) on `productId`, the
 * `i`-th holding `selections[i]`, all at `at`.
 */
export function completedBatch(
  batchId: string,
  productId: string,
  channel: 'shop' | 'rep',
  selections: readonly Selection[],
  at: string,
) {
  return {
    batchId,
    events: selections.flatMap((selection, i) => {
      const session = `${batchId}-s${i}`.replace(/[^A-Za-z0-9_-]/g, '');
      const base = { at, session, productId, channel };
      return [
        { type: 'opened', ...base },
        { type: 'completed', ...base, selection },
      ];
    }),
  };
}

/**
 * The sofa's shop configurations of the last 90 days, counted by hand: 20 in all (the minimum
 * sample), the first seat's type standard 12 / chaise 8, firmness soft 10 / medium 10 (a tie), fabric 4 each
 * of five (below 5, the least a value needs), extras scatter-pillows 6 / bolsters 3.
 */
export const SOFA_SHOP: Selection[] = Array.from({ length: 20 }, (_, i) => ({
  'seat[1].seatType': i < 12 ? 'standard' : 'chaise',
  'seat[1].firmness': i % 2 === 0 ? 'soft' : 'medium',
  fabric: ['boucle-cream', 'boucle-stone', 'velvet-emerald', 'velvet-navy', 'velvet-rust'][i % 5]!,
  extras: i < 6 ? ['scatter-pillows'] : i < 9 ? ['bolsters'] : [],
  'seat[1].headrest': true,
}));

/**
 * `GET /api/insights/popular` of a running server (SQLite or PostgreSQL) on the sofa, which no
 * other scenario touches (its seats are a repeated module: `seat[1].seatType`): nothing below the minimum sample; then each attribute's most chosen
 * shop value of the last 90 days, none on a tie or below 5 configurations, never a boolean, and
 * neither rep configurations nor older ones counted (they would make chaise the most chosen).
 */
export async function popularScenario(base: string): Promise<void> {
  const post = async (body: unknown, token?: string) =>
    (
      await fetch(`${base}/api/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      })
    ).status;
  const popular = async () => {
    const r = await fetch(`${base}/api/insights/popular?productId=SOFA`);
    expect(r.status).toBe(200);
    return (await r.json()) as unknown;
  };
  const chaise = Array.from({ length: 10 }, () => ({
    'seat[1].seatType': 'chaise',
    'seat[1].firmness': 'medium',
  }));
  expect(
    await post(completedBatch('pop-rep-0001', 'SOFA', 'rep', chaise, daysAgo(1)), REP_TOKEN),
  ).toBe(201);
  expect(await post(completedBatch('pop-old-0001', 'SOFA', 'shop', chaise, daysAgo(120)))).toBe(
    201,
  );
  expect(
    await post(completedBatch('pop-shop-0001', 'SOFA', 'shop', SOFA_SHOP.slice(0, 19), daysAgo(1))),
  ).toBe(201);
  // 19 shop configurations (10 rep and 10 older ones not counted): not enough to name any.
  expect(await popular()).toEqual({ productId: 'SOFA', minSample: 20, enough: false, popular: [] });
  expect(
    await post(completedBatch('pop-shop-0002', 'SOFA', 'shop', SOFA_SHOP.slice(19), daysAgo(2))),
  ).toBe(201);
  expect(await popular()).toEqual({
    productId: 'SOFA',
    minSample: 20,
    enough: true,
    popular: [
      { attributeId: 'extras', value: 'scatter-pillows' },
      { attributeId: 'seat[1].seatType', value: 'standard' },
    ],
  });
  const bad = await fetch(`${base}/api/insights/popular?productId=CHAIR`);
  expect(bad.status).toBe(400);
}
