import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/server/catalogue.ts';
import { parseSnapshot } from '../../src/engine/index.ts';
import { createVerifier, type PromiseSnapshot } from '../../src/server/verifier.ts';
import { deskOrder, models } from '../engine/orders/orderFixture.ts';

const dir = new URL('../../public/catalogue', import.meta.url).pathname;
const catalogue = loadCatalogue(dir);
const threads = createVerifier(catalogue, dir, 2);
const inline = createVerifier(catalogue, dir, 0);
afterAll(() => threads.close());
const v1: PromiseSnapshot = {
  version: 1,
  document: catalogue.snapshotJson,
  snapshot: catalogue.snapshot!,
};
// A later feed version: another snapshot time, and the handsets gone.
const document2: Record<string, any> = {
  ...(catalogue.snapshotJson as Record<string, any>),
  snapshotAt: '2026-11-23T08:00:00Z',
};
document2.stock = {
  ...document2.stock,
  'HSET-MEM4-LED': { onHand: 0 },
  'HSET-UD-2B': { onHand: 0 },
};
const v2: PromiseSnapshot = {
  version: 2,
  document: document2,
  snapshot: parseSnapshot(document2, models),
};

describe('verifier: worker threads give the event loop verdicts', () => {
  const cases: [string, (p: any) => void][] = [
    ['a valid order', () => undefined],
    ['a tampered total', (p) => (p.totals.total = '1.00')],
    ['an invalid selection', (p) => (p.lines[0].selection.frame = 'gold')],
    ['another price date', (p) => (p.pricing.date = '2026-01-01')],
  ];
  it.each(cases)('%s', async (_, edit) => {
    const p = structuredClone(deskOrder('verifier-0001'));
    edit(p);
    const dates = ['2026-11-23'];
    const [a, b] = await Promise.all([threads.verify(p, dates, v1), inline.verify(p, dates, v1)]);
    expect(a).toEqual({ status: b.status, differences: b.differences });
    expect(threads.live()).toBe(2);
    expect(inline.live()).toBe(0);
  });

  it('verifies the promise on the version it is given (each thread parses a version once)', async () => {
    const p = deskOrder('verifier-0002');
    const dates = ['2026-11-23'];
    const run = (v: PromiseSnapshot) =>
      Promise.all([1, 2, 3, 4].map(() => threads.verify(p, dates, v)));
    const codes = (vs: { differences: { code: string; path: string }[] }[]) =>
      vs.map((v) => v.differences.map((d) => `${d.code} ${d.path}`).sort());
    const onV1 = await run(v1);
    expect(codes(onV1)).toEqual(Array(4).fill([]));
    const onV2 = await run(v2);
    const inlineV2 = await inline.verify(p, dates, v2);
    expect(codes(onV2)).toEqual(Array(4).fill(codes([inlineV2])[0]));
    expect(codes([inlineV2])[0]).toEqual(
      expect.arrayContaining(['promise-snapshot $.promise.snapshotAt']),
    );
    expect(codes(await run(v1))).toEqual(Array(4).fill([]));
  });
});
