import { describe, expect, it } from 'vitest';
import { price, type PriceResult } from '../../../src/engine/pricing/price.ts';
import { models, pricingWith } from './fixture.ts';

const pricing = pricingWith();

/** Prices one line of the fixture and returns the result. */
function one(
  line: { productId?: string; quantity?: number; selection?: Record<string, unknown> },
  request: Record<string, unknown> = {},
  p = pricing,
): PriceResult {
  return price(
    {
      date: '2026-03-02',
      currency: 'EUR',
      ...request,
      lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, ...line }],
    },
    { pricing: p, models },
  );
}

describe('the per-line waterfall (hand-worked)', () => {
  // [name, line, request, expected unit, expected extended line]
  const cases: [string, Parameters<typeof one>[0], Record<string, unknown>, string, string][] = [
    ['list price only', { selection: { frame: 'steel' } }, {}, '1000.00', '1000.00'],
    // 1000 + 120 (aluminium) + 180 (oak) + 3 × 4.00 (cable) + 45 (rack) + 60 (light) + 30 (lock) = 1447
    [
      'amounts, amount × value, multi and boolean options',
      {
        selection: {
          frame: 'aluminium',
          top: 'oak',
          cableLength: 3,
          accessories: ['rack', 'light'],
          lock: true,
        },
      },
      {},
      '1447.00',
      '1447.00',
    ],
    // percent on the configured list: (1000 + 120) × 8 % = 89.60 → 1209.60 (not compounded)
    [
      'percent of the configured list',
      { selection: { frame: 'aluminium', color: 'custom' } },
      {},
      '1209.60',
      '1209.60',
    ],
    // ACME contract: oak costs 150 instead of 180 → 1150
    [
      'contract option override',
      { selection: { top: 'oak' } },
      { customerId: 'ACME' },
      '1150.00',
      '1150.00',
    ],
    // BIGCO contract: steel desks cost 900 whatever the options
    [
      'contract unit price ignores extras',
      { selection: { frame: 'steel', top: 'oak' } },
      { customerId: 'BIGCO' },
      '900.00',
      '900.00',
    ],
    [
      'contract unit price needs its selection',
      { selection: { frame: 'aluminium' } },
      { customerId: 'BIGCO' },
      '1120.00',
      '1120.00',
    ],
    // OAK-20: oak costs 160 from 20 units: (1000 + 160) × 0.95 (tier 10–49) = 1102; × 20 = 22040
    [
      'price rule before volume',
      { quantity: 20, selection: { top: 'oak' } },
      {},
      '1102.00',
      '22040.00',
    ],
    // at 19 the rule does not fire: (1000 + 180) × 0.95 = 1121; × 19 = 21299
    [
      'price rule below its quantity',
      { quantity: 19, selection: { top: 'oak' } },
      {},
      '1121.00',
      '21299.00',
    ],
    // DEALER formula: 1120 × 0.88 = 985.60 → 990 (multiple of 10) → 989.99
    [
      'book formula',
      { selection: { frame: 'aluminium' } },
      { customerId: 'DEALER' },
      '989.99',
      '989.99',
    ],
    // range: 1120 × 0.95 = 1064 for 10..49
    ['range tier', { quantity: 10, selection: { frame: 'aluminium' } }, {}, '1064.00', '10640.00'],
    // rep 3 % then partner 10 %: 1000 × 0.97 × 0.9 = 873
    [
      'rep and partner discounts',
      {},
      { discounts: { additionalPercent: '3', partnerPercent: '10' } },
      '873.00',
      '873.00',
    ],
    // slab: 9 × 200 + 3 × 180 = 2340 → 195 per unit
    ['slab', { productId: 'CHAIR', quantity: 12 }, {}, '195.00', '2340.00'],
    // slab, finalUnit: 9 × 200 + 2 × 180 = 2160; 2160 / 11 = 196.3636… → 196.36; × 11 = 2159.96
    [
      'slab, unit rounded (finalUnit)',
      { productId: 'CHAIR', quantity: 11 },
      {},
      '196.36',
      '2159.96',
    ],
    // slab, roundAt line: line = round(2160.00) = 2160.00; unit shown 196.36
    [
      'slab, line rounded (line)',
      { productId: 'CHAIR', quantity: 11 },
      { roundingPolicy: { roundAt: 'line' } },
      '196.36',
      '2160.00',
    ],
    // leather is CHAIR-only: 200 + 90 = 290
    [
      'product-scoped adjustment',
      { productId: 'CHAIR', selection: { fabric: 'leather' } },
      {},
      '290.00',
      '290.00',
    ],
    // block: 1..10 cost 12.00 as a block
    ['block inside', { productId: 'CLIPS', quantity: 7 }, {}, '1.71', '12.00'],
    // block overage: 12.00 + (15 − 10) × 0.70 = 15.50; unit shown 15.50 / 15 = 1.0333 → 1.03 (line not 1.03 × 15)
    ['block overage', { productId: 'CLIPS', quantity: 15 }, {}, '1.03', '15.50'],
    // the 1.005 trap: finalUnit rounds the unit half-up to 1.01; × 3 = 3.03
    ['1.005 half-up, finalUnit', { productId: 'LAMP', quantity: 3 }, {}, '1.01', '3.03'],
    [
      '1.005 half-even, finalUnit',
      { productId: 'LAMP', quantity: 3 },
      { roundingPolicy: { mode: 'halfEven' } },
      '1.00',
      '3.00',
    ],
    // roundAt line: 3 × 1.005 = 3.015 → 3.02 (half-up and half-even alike: 1 is odd)
    [
      '1.005, roundAt line',
      { productId: 'LAMP', quantity: 3 },
      { roundingPolicy: { roundAt: 'line' } },
      '1.01',
      '3.02',
    ],
    // fx: 1120.00 EUR × 1.0850 = 1215.20 USD → charm 1215.00 → 1214.99
    [
      'fx and charm',
      { selection: { frame: 'aluminium' } },
      { currency: 'USD' },
      '1214.99',
      '1214.99',
    ],
    // the dated rate: on 2026-02-15 the rate of 2026-02-01 (1.0700): 1198.40 → 1198 → 1197.99
    [
      'fx, dated rate',
      { selection: { frame: 'aluminium' } },
      { currency: 'USD', date: '2026-02-15' },
      '1197.99',
      '1197.99',
    ],
    // JPY (0 places): (1000 + 30) × 162.35 = 167220.5 → 167221
    ['JPY exponent 0', { selection: { lock: true } }, { currency: 'JPY' }, '167221', '167221'],
    [
      'JPY half-even',
      { selection: { lock: true } },
      { currency: 'JPY', roundingPolicy: { mode: 'halfEven' } },
      '167220',
      '167220',
    ],
    // KWD (3 places): (1000 + 45) × 0.3325 = 347.4625 → 347.463
    [
      'KWD exponent 3',
      { selection: { accessories: ['rack'] } },
      { currency: 'KWD' },
      '347.463',
      '347.463',
    ],
  ];
  it.each(cases)('%s', (_name, line, request, unit, extended) => {
    const result = one(line, request);
    expect(result.lines[0]!.unit).toBe(unit);
    expect(result.lines[0]!.extended).toBe(extended);
  });
});

describe('rounding policies on one waterfall', () => {
  // DESK aluminium + custom colour, 10 units, rep 3 %, partner 10 %:
  // list 1120 + 8 % = 1209.60; volume −5 % = 1149.12; rep −3 % = 1114.6464; partner −10 % = 1003.18176
  const line = { quantity: 10, selection: { frame: 'aluminium', color: 'custom' } };
  const discounts = { additionalPercent: '3', partnerPercent: '10' };
  const cases: [string, Record<string, string>, string, string][] = [
    // finalUnit: 1003.18176 → 1003.18; × 10 = 10031.80
    ['finalUnit', { roundAt: 'finalUnit' }, '1003.18', '10031.80'],
    // eachStep: 1114.6464 → 1114.65; × 0.9 = 1003.185 → 1003.19; × 10 = 10031.90
    ['eachStep', { roundAt: 'eachStep' }, '1003.19', '10031.90'],
    // eachStep half-even: 1003.185 → 1003.18
    ['eachStep halfEven', { roundAt: 'eachStep', mode: 'halfEven' }, '1003.18', '10031.80'],
    // line: 10 × 1003.18176 = 10031.8176 → 10031.82; unit shown 1003.18
    ['line', { roundAt: 'line' }, '1003.18', '10031.82'],
  ];
  it.each(cases)('%s', (_name, roundingPolicy, unit, extended) => {
    const result = one(line, { discounts, roundingPolicy });
    expect(result.lines[0]!.unit).toBe(unit);
    expect(result.lines[0]!.extended).toBe(extended);
  });
});

describe('the waterfall records every step', () => {
  it('lists list, options, contract, rule, volume, discounts, tax in order', () => {
    const result = one(
      { quantity: 20, selection: { frame: 'steel', top: 'oak', drive: 'dual' } },
      { customerId: 'ACME', discounts: { additionalPercent: '3', partnerPercent: '10' } },
    );
    const steps = result.lines[0]!.waterfall.map((s) => [s.kind, s.unit ?? null]);
    // 1000; +180 oak; +250 dual; contract oak 150 → 1400; OAK-20 oak 160 → 1410;
    // −5 % → 1339.50; −3 % → 1299.315; −10 % → 1169.3835; rounded 1169.38
    expect(steps).toEqual([
      ['list', '1000.00'],
      ['option', '1180.00'],
      ['option', '1430.00'],
      ['contract', '1400.00'],
      ['priceRule', '1410.00'],
      ['volume', '1339.50'],
      ['additionalDiscount', '1299.315'],
      ['partnerDiscount', '1169.3835'],
      ['rounding', '1169.38'],
      ['tax', null],
    ]);
    expect(result.lines[0]!.line).toBe('23387.60');
  });
  it('records the fx conversion and the charm', () => {
    const steps = one({ selection: { frame: 'aluminium' } }, { currency: 'USD' }).lines[0]!
      .waterfall;
    expect(steps.map((s) => [s.kind, s.currency, s.unit ?? null])).toEqual([
      ['list', 'EUR', '1000.00'],
      ['option', 'EUR', '1120.00'],
      ['fx', 'USD', '1215.20'],
      ['charm', 'USD', '1214.99'],
      ['volume', 'USD', '1214.99'], // tier 1–9: −0 %
      ['tax', 'USD', null],
    ]);
  });
  it('says when a contract price ignored the option extras', () => {
    const l = one({ selection: { frame: 'steel', top: 'oak' } }, { customerId: 'BIGCO' }).lines[0]!;
    expect(l.contractUnitPrice).toBe(true);
    expect(l.waterfall.find((s) => s.kind === 'contract')?.label).toMatch(/extras ignored/);
  });
});

describe('tier cliffs: when one more unit is cheaper, the result says so', () => {
  const cases: [string, number, Record<string, unknown>, unknown][] = [
    // 49 × 1120 × 0.95 = 52136; 50 × 1120 × 0.90 = 50400 → save 1736
    [
      '49 aluminium desks',
      49,
      { frame: 'aluminium' },
      { quantity: 50, line: '50400.00', saves: '1736.00' },
    ],
    // 48 × 950 = 45600; 50 × 900 = 45000 → save 600
    ['48 steel desks', 48, {}, { quantity: 50, line: '45000.00', saves: '600.00' }],
    // 45 × 950 = 42750 < 45000: no cliff
    ['45 steel desks', 45, {}, undefined],
    // 9 × 1000 = 9000 < 10 × 950 = 9500: no cliff
    ['9 steel desks', 9, {}, undefined],
  ];
  it.each(cases)('%s', (_name, quantity, selection, hint) => {
    expect(one({ quantity, selection }).lines[0]!.tierHint).toEqual(hint);
  });
});

describe('guardrails require approval and never clamp', () => {
  it.each([
    // 1000 × 0.8 × 0.9 = 720 < 750; discount 1 − 0.8 × 0.9 = 28 % ≤ 30 %
    ['20', '10', [{ rule: 'minNetUnit', limit: '750.00', actual: '720.00' }], '720.00'],
    // 1000 × 0.75 × 0.9 = 675; discount 32.5 % > 30 %
    [
      '25',
      '10',
      [
        { rule: 'minNetUnit', limit: '750.00', actual: '675.00' },
        { rule: 'maxDiscountPercent', limit: '30', actual: '32.5' },
      ],
      '675.00',
    ],
    ['10', '10', [], '810.00'],
  ] as const)('rep %s, partner %s', (additionalPercent, partnerPercent, expected, unit) => {
    const result = one({}, { discounts: { additionalPercent, partnerPercent } });
    expect(result.violations.map(({ rule, limit, actual }) => ({ rule, limit, actual }))).toEqual(
      expected,
    );
    expect(result.approvalRequired).toBe(expected.length > 0);
    expect(result.lines[0]!.unit).toBe(unit);
  });
});

describe('pricing file variants', () => {
  it.each([
    [
      'a customer book named by customerId',
      (p: Record<string, any>) => {
        p.priceBooks[1].customerId = 'DEALER';
        delete p.priceBooks[1].customerIds;
      },
      { customerId: 'DEALER' },
      '989.99', // the dealer formula: 1120 × 0.88 = 985.60 → 990 → 989.99
    ],
    ['a general book for another customer', () => {}, { customerId: 'SOMEONE' }, '1120.00'],
    [
      'an expired book is not used',
      (p: Record<string, any>) => (p.priceBooks[1].validTo = '2026-03-02'), // validTo is exclusive
      { customerId: 'DEALER' },
      '1120.00',
    ],
    [
      'a last tier without "to" is open',
      (p: Record<string, any>) => delete p.discountSchedules[0].tiers[2].to,
      { quantity: 60 },
      '1008.00', // 1120 × 0.90
    ],
  ])('%s', (_name, edit, request, unit) => {
    const { quantity, ...rest } = request as { quantity?: number };
    const r = one(
      { quantity: quantity ?? 1, selection: { frame: 'aluminium' } },
      rest,
      pricingWith(edit),
    );
    expect(r.lines[0]!.unit).toBe(unit);
  });
});

describe('guardrails in a converted currency', () => {
  it('compares with the limit converted at the rate', () => {
    // 1000 EUR × 1.085 = 1085.00 USD → charm 1084.99; rep −30 % = 759.493 → 759.49
    // limit 750.00 EUR × 1.085 = 813.75 USD; the 30 % discount is not above the 30 % maximum
    const r = one({}, { currency: 'USD', discounts: { additionalPercent: '30' } });
    expect(r.lines[0]!.unit).toBe('759.49');
    expect(r.violations.map(({ rule, limit, actual }) => ({ rule, limit, actual }))).toEqual([
      { rule: 'minNetUnit', limit: '813.75', actual: '759.49' },
    ]);
  });
});
