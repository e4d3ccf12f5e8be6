import { describe, expect, it } from 'vitest';
import { madeto } from './run.ts';

/** `madeto complete --objective cheapest|fastest` on the sample catalogue. */
const CAT = 'public/catalogue';
const PRICING = ['--pricing', `${CAT}/pricing.json`];
const SNAPSHOT = ['--snapshot', `${CAT}/availability.json`];
const NOW = ['--now', '2026-12-07T09:00:00+01:00'];

describe('madeto complete --objective', () => {
  it.each([
    ['desk', 'cheapest', { total: '667.59', currency: 'EUR' }, { width: 1000 }],
    ['sofa', 'cheapest', { currency: 'EUR' }, { arms: 'none' }],
    ['bike', 'fastest', { deliveryDate: '2026-12-15' }, { frameMaterial: 'aluminium' }],
  ])('%s %s', (product, objective, figures, chosen) => {
    const r = madeto(
      'complete',
      `${CAT}/${product}.json`,
      '--objective',
      objective,
      ...PRICING,
      ...SNAPSHOT,
      ...NOW,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { objective: string; selection: object };
    expect(out).toMatchObject({ objective, ...figures, selection: chosen });
  });

  it('keeps the selection and prices the quantity, currency and customer asked for', () => {
    const r = madeto(
      'complete',
      `${CAT}/desk.json`,
      '--objective',
      'cheapest',
      '--select',
      'topMaterial=oak',
      '--quantity',
      '20',
      '--currency',
      'USD',
      '--date',
      '2026-12-07',
      ...PRICING,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { selection: { topMaterial: string }; currency: string };
    expect(out.selection.topMaterial).toBe('oak');
    expect(out.currency).toBe('USD');
  });

  it.each([
    [['--objective', 'cheapest'], 2, /cheapest needs a price book \(--pricing P\)/],
    [['--objective', 'fastest', ...PRICING], 2, /fastest needs an availability snapshot/],
    [['--objective', 'cheapest', ...PRICING, '--quantity', '1.5'], 2, /--quantity: '1.5'/],
    [['--objective', 'cheapest', ...PRICING, '--date', '2026-02-30'], 2, /--date: '2026-02-30'/],
    [['--objective', 'cheapest', ...PRICING, '--date', '2026-12-07', ...NOW], 2, /not both/],
    [
      ['--objective', 'cheapest', '--pricing', `${CAT}/desk.json`],
      1,
      /desk\.json: The pricing file is invalid/,
    ],
  ])('%j → exit %d', (args, code, message) => {
    const r = madeto('complete', `${CAT}/desk.json`, ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
