import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/server/catalogue.ts';
import { createVerifier } from '../../src/server/verifier.ts';
import { deskOrder } from '../engine/orders/orderFixture.ts';

const dir = new URL('../../public/catalogue', import.meta.url).pathname;
const catalogue = loadCatalogue(dir);
const threads = createVerifier(catalogue, dir, 2);
const inline = createVerifier(catalogue, dir, 0);
afterAll(() => threads.close());

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
    const [a, b] = await Promise.all([
      threads.verify(p, dates, true),
      inline.verify(p, dates, true),
    ]);
    expect(a).toEqual({ status: b.status, differences: b.differences });
    expect(threads.live()).toBe(2);
    expect(inline.live()).toBe(0);
  });
});
