import { describe, expect, it } from 'vitest';
import {
  optionDeltas,
  priceDeltaHook,
  priceDeltaPerUnit,
} from '../../../src/engine/pricing/optionDeltas.ts';
import { models, pricingWith } from './fixture.ts';

const pricing = pricingWith();
const base = { productId: 'DESK', quantity: 1, currency: 'EUR', date: '2026-03-02' };

describe('optionDeltas: what the widget shows next to each value', () => {
  it('prices every value of a desk in EUR', () => {
    const r = optionDeltas(
      { ...base, selection: { frame: 'steel', top: 'laminate', lock: false } },
      { pricing, models },
    );
    expect(r.unit).toBe('1000.00');
    expect(r.deltas).toEqual({
      frame: { steel: '0.00', aluminium: '120.00' },
      top: { laminate: '0.00', oak: '180.00' },
      drive: { single: '0.00', dual: '250.00' },
      // custom: 8 % of 1000 per unit (its one-time 150.00 is not a unit price)
      color: { black: '0.00', white: '0.00', custom: '80.00' },
      accessories: { rack: '45.00', light: '60.00', hook: '0.00' },
      lock: { true: '30.00', false: '0.00' },
    });
  });

  // [name, query changes, attribute, value, expected delta]
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    // volume applies: 120 × 0.95 = 114
    ['through the volume tier', { quantity: 10 }, 'frame', 'aluminium', '114.00'],
    // converted and charmed units: 1214.99 − 1084.99 = 130.00 (not 120 × 1.085 = 130.20)
    ['in USD after charm', { currency: 'USD' }, 'frame', 'aluminium', '130.00'],
    // ACME's contract: oak costs 150
    ['with a contract', { customerId: 'ACME' }, 'top', 'oak', '150.00'],
    // a selected multi value shows what it adds (removing it saves 45)
    [
      'a selected multi value',
      { selection: { accessories: ['rack'] } },
      'accessories',
      'rack',
      '45.00',
    ],
    // switching from aluminium back to steel saves 120
    [
      'instead of the current value',
      { selection: { frame: 'aluminium' } },
      'frame',
      'steel',
      '-120.00',
    ],
  ];
  it.each(cases)('%s', (_name, changes, attribute, value, expected) => {
    const r = optionDeltas({ ...base, selection: {}, ...changes }, { pricing, models });
    expect(r.deltas[attribute]?.[value]).toBe(expected);
  });
});

describe('priceDeltaPerUnit (for lead-time option swaps)', () => {
  it.each([
    ['oak → laminate', { top: 'oak' }, { top: 'laminate' }, 5, '-180.00'],
    // from 20 units OAK-20 makes oak 160: (1160 − 1000) × 0.95 = 152 per unit
    ['laminate → oak at 20 units', { top: 'laminate' }, { top: 'oak' }, 20, '152.00'],
  ] as const)('%s', (_name, from, to, quantity, expected) => {
    expect(priceDeltaPerUnit({ ...base, quantity, selection: from }, to, { pricing, models })).toBe(
      expected,
    );
  });
});

describe('priceDeltaHook: the lead-time hook', () => {
  const hook = priceDeltaHook({ pricing, models }, { currency: 'EUR', date: '2026-03-02' });
  it.each([
    ['DESK', { top: 'oak' }, { top: 'laminate' }, 1, '-180.00'],
    ['CHAIR', { fabric: 'mesh' }, { fabric: 'leather' }, 1, '90.00'],
    ['SOFA', {}, {}, 1, undefined], // no book prices it
  ] as const)('%s %j → %j', (productId, from, to, quantity, expected) => {
    expect(hook(productId, from, to, quantity)).toBe(expected);
  });
});

describe('models may be an array, a map or a record', () => {
  it.each([
    ['array', models],
    ['map', new Map(models.map((m) => [m.id, m]))],
    ['record', Object.fromEntries(models.map((m) => [m.id, m]))],
  ] as const)('%s', (_name, given) => {
    const r = optionDeltas({ ...base, selection: {} }, { pricing, models: given });
    expect(r.deltas.frame).toEqual({ steel: '0.00', aluminium: '120.00' });
  });
});
