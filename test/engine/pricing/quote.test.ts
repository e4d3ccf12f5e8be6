import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/engine/pricing/money.ts';
import { price, type PriceResult } from '../../../src/engine/pricing/price.ts';
import { PricingError } from '../../../src/engine/pricing/PricingError.ts';
import { models, pricingWith, readFixture } from './fixture.ts';

const pricing = pricingWith();
const run = (request: Record<string, unknown>) =>
  price({ date: '2026-03-02', currency: 'EUR', ...request }, { pricing, models });
const desk = (lineId: string, extra: Record<string, unknown> = {}) => ({
  lineId,
  productId: 'DESK',
  quantity: 1,
  selection: { frame: 'steel' },
  ...extra,
});
const lamp = (lineId: string) => ({ lineId, productId: 'LAMP', quantity: 1 });

/** The displayed parts add up: subtotal = Σ lines + charges, total = subtotal + tax. */
function expectConsistent(r: PriceResult): void {
  const sum = (xs: string[]) => xs.reduce((a, x) => a.plus(dec(x)), dec('0'));
  const parts = [...r.lines, ...r.charges];
  expect(sum(parts.map((p) => p.line)).eq(dec(r.subtotal))).toBe(true);
  expect(sum(parts.map((p) => p.tax)).eq(dec(r.tax))).toBe(true);
  expect(sum(parts.map((p) => p.gross)).eq(dec(r.total))).toBe(true);
  expect(dec(r.subtotal).plus(dec(r.tax)).eq(dec(r.total))).toBe(true);
}

describe('quote level and tax (hand-worked)', () => {
  // [name, request, per line [line, tax, gross, documentDiscount], subtotal, tax, total]
  const cases: [
    string,
    Record<string, unknown>,
    [string, string, string, string][],
    string,
    string,
    string,
  ][] = [
    // gross book: 3 × 1000.00 = 3000.00 gross; net = 3000 / 1.20 = 2500.00 on the line
    // (per unit it would be 833.33 × 3 = 2499.99: the trap)
    [
      'tax-inclusive, back-calculated on the line',
      { currency: 'GBP', taxId: 'UK20', lines: [desk('L1', { quantity: 3 })] },
      [['2500.00', '500.00', '3000.00', '0.00']],
      '2500.00',
      '500.00',
      '3000.00',
    ],
    // 1000 / 1.2 = 833.333… → 833.33; tax 166.67
    [
      'tax-inclusive, one unit',
      { currency: 'GBP', taxId: 'UK20', lines: [desk('L1')] },
      [['833.33', '166.67', '1000.00', '0.00']],
      '833.33',
      '166.67',
      '1000.00',
    ],
    // gross, per line: 1000 / 1.2 = 833.33 (tax 166.67) three times: net 2499.99, tax 500.01
    [
      'tax-inclusive, per line',
      { currency: 'GBP', taxId: 'UK20', lines: [desk('A'), desk('B'), desk('C')] },
      [
        ['833.33', '166.67', '1000.00', '0.00'],
        ['833.33', '166.67', '1000.00', '0.00'],
        ['833.33', '166.67', '1000.00', '0.00'],
      ],
      '2499.99',
      '500.01',
      '3000.00',
    ],
    // gross, global: 3000 / 1.2 = 2500.00 once, tax 500.00 split 166.67 + 166.67 + 166.66
    [
      'tax-inclusive, global',
      {
        currency: 'GBP',
        taxId: 'UK20',
        lines: [desk('A'), desk('B'), desk('C')],
        roundingPolicy: { taxRounding: 'global' },
      },
      [
        ['833.33', '166.67', '1000.00', '0.00'],
        ['833.33', '166.67', '1000.00', '0.00'],
        ['833.34', '166.66', '1000.00', '0.00'],
      ],
      '2500.00',
      '500.00',
      '3000.00',
    ],
    // per line: 1.01 × 0.19 = 0.1919 → 0.19, three times = 0.57
    [
      'per-line tax',
      { lines: [lamp('A'), lamp('B'), lamp('C')] },
      [
        ['1.01', '0.19', '1.20', '0.00'],
        ['1.01', '0.19', '1.20', '0.00'],
        ['1.01', '0.19', '1.20', '0.00'],
      ],
      '3.03',
      '0.57',
      '3.60',
    ],
    // global: 3.03 × 0.19 = 0.5757 → 0.58, split 20 + 19 + 19 by largest remainder
    [
      'global tax',
      { lines: [lamp('A'), lamp('B'), lamp('C')], roundingPolicy: { taxRounding: 'global' } },
      [
        ['1.01', '0.20', '1.21', '0.00'],
        ['1.01', '0.19', '1.20', '0.00'],
        ['1.01', '0.19', '1.20', '0.00'],
      ],
      '3.03',
      '0.58',
      '3.61',
    ],
    // 100.00 over 3 × 1000: 33.34 + 33.33 + 33.33; tax 966.66 × 0.19 = 183.6654 → 183.67, 966.67 × 0.19 = 183.6673 → 183.67
    [
      'document discount to the cent',
      { lines: [desk('L1'), desk('L2'), desk('L3')], discounts: { documentDiscount: '100.00' } },
      [
        ['966.66', '183.67', '1150.33', '33.34'],
        ['966.67', '183.67', '1150.34', '33.33'],
        ['966.67', '183.67', '1150.34', '33.33'],
      ],
      '2900.00',
      '551.01',
      '3451.01',
    ],
    // 10 % of 3000 = 300.00: 100.00 each
    [
      'document discount percent',
      { lines: [desk('L1'), desk('L2'), desk('L3')], discounts: { documentDiscountPercent: '10' } },
      [
        ['900.00', '171.00', '1071.00', '100.00'],
        ['900.00', '171.00', '1071.00', '100.00'],
        ['900.00', '171.00', '1071.00', '100.00'],
      ],
      '2700.00',
      '513.00',
      '3213.00',
    ],
    // warranty: 6 % of the hardware lines only (DESK 1000; the CHAIR is seating) = 60.00
    [
      'percent of total by category',
      {
        lines: [
          desk('L1'),
          { lineId: 'C', productId: 'CHAIR', quantity: 1 },
          { lineId: 'W', productId: 'WARRANTY', quantity: 1 },
        ],
      },
      [
        ['1000.00', '190.00', '1190.00', '0.00'],
        ['200.00', '38.00', '238.00', '0.00'],
        ['60.00', '11.40', '71.40', '0.00'],
      ],
      '1260.00',
      '239.40',
      '1499.40',
    ],
    // custom colour: 2 × 1209.60 = 2419.20 + a one-time 150.00 (not discounted); doc discount 50 to the line only:
    // 2369.20 × 0.19 = 450.148 → 450.15; charge 150 × 0.19 = 28.50
    [
      'one-time charge',
      {
        lines: [desk('L1', { quantity: 2, selection: { frame: 'aluminium', color: 'custom' } })],
        discounts: { documentDiscount: '50.00' },
      },
      [['2369.20', '450.15', '2819.35', '50.00']],
      '2519.20',
      '478.65',
      '2997.85',
    ],
  ];
  it.each(cases)('%s', (_name, request, lines, subtotal, tax, total) => {
    const r = run(request);
    expect(r.lines.map((l) => [l.line, l.tax, l.gross, l.documentDiscount])).toEqual(lines);
    expect([r.subtotal, r.tax, r.total]).toEqual([subtotal, tax, total]);
    expectConsistent(r);
  });

  it('prices the fixture request (ACME, rep, partner, document discount, block, warranty)', () => {
    const r = price(readFixture('request.json'), { pricing, models });
    // DESK 10 × (1000 + 150 oak (contract) + 250 dual) × 0.95 × 0.97 × 0.9 = 10 × 1161.09 = 11610.90
    // CLIPS 15: (12.00 + 5 × 0.70) × 0.97 × 0.9 = 13.5315 → 13.53
    // WARRANTY: 6 % of 11624.43 = 697.4658 → 697.47
    // document discount 100.00 by largest remainder: 94.23 + 0.11 + 5.66
    expect(r.lines.map((l) => [l.extended, l.documentDiscount, l.line, l.tax])).toEqual([
      ['11610.90', '94.23', '11516.67', '2188.17'],
      ['13.53', '0.11', '13.42', '2.55'],
      ['697.47', '5.66', '691.81', '131.44'],
    ]);
    expect([r.subtotal, r.tax, r.total]).toEqual(['12221.90', '2322.16', '14544.06']);
    expect(r.charges).toEqual([]);
    expectConsistent(r);
  });
});

describe('invalid requests are errors with paths', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'unknown product',
      { lines: [{ lineId: 'L1', productId: 'SOFA', quantity: 1 }] },
      '$.lines[0].productId',
      /SOFA/,
    ],
    [
      'unknown value',
      { lines: [desk('L1', { selection: { frame: 'wood' } })] },
      '$.lines[0].selection.frame',
      /steel, aluminium/,
    ],
    [
      'unknown attribute',
      { lines: [desk('L1', { selection: { legs: 'x' } })] },
      '$.lines[0].selection.legs',
      /unknown attribute 'legs'/,
    ],
    ['unknown tax', { taxId: 'FR20', lines: [desk('L1')] }, '$.taxId', /FR20/],
    [
      'float money',
      { lines: [desk('L1')], discounts: { documentDiscount: 12.5 } },
      '$.discounts.documentDiscount',
      /JSON number/,
    ],
    [
      'no book in a currency without a rate',
      { currency: 'CHF', lines: [desk('L1')] },
      '$.lines[0].productId',
      /CHF/,
    ],
    ['quantity 0', { lines: [desk('L1', { quantity: 0 })] }, '$.lines[0].quantity', /./],
    ['duplicate line ids', { lines: [desk('L1'), desk('L1')] }, '$.lines[1].lineId', /duplicate/],
  ];
  it.each(cases)('%s', (_name, request, path, message) => {
    let error: unknown;
    try {
      run(request);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PricingError);
    const issues = (error as PricingError).issues;
    expect((error as PricingError).code).toBe('PRICE_REQUEST_INVALID');
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
  });
});

describe('price accepts the pricing as parsed or as read', () => {
  it('gives the same result for the raw JSON', () => {
    const request = readFixture('request.json');
    const raw = readFixture('pricing.json');
    expect(price(request, { pricing: raw as never, models })).toEqual(
      price(request, { pricing, models }),
    );
  });
  it('reports a raw pricing file that is invalid', () => {
    const raw = readFixture('pricing.json') as Record<string, any>;
    raw.fx[0].rate = 1.085;
    expect(() => price(readFixture('request.json'), { pricing: raw as never, models })).toThrow(
      /\$\.fx\[0\]\.rate/,
    );
  });
});

describe('which tax a line gets', () => {
  const reduced = pricingWith((p) =>
    p.taxes.push({ id: 'RED7', rate: '0.07', products: ['CHAIR'] }),
  );
  const lines = [desk('D'), { lineId: 'C', productId: 'CHAIR', quantity: 1 }];
  it.each([
    // DESK: the default DE19 (1000 × 0.19); CHAIR: its product's RED7 (200 × 0.07)
    [
      'by product, else the default',
      {},
      [
        ['D', 'DE19', '190.00'],
        ['C', 'RED7', '14.00'],
      ],
    ],
    // a request taxId wins over both
    [
      'the request names one',
      { taxId: 'UK20' },
      [
        ['D', 'UK20', '200.00'],
        ['C', 'UK20', '40.00'],
      ],
    ],
  ] as const)('%s', (_name, extra, expected) => {
    const r = price(
      { date: '2026-03-02', currency: 'EUR', lines, ...extra },
      { pricing: reduced, models },
    );
    expect(r.lines.map((l) => [l.lineId, l.taxId, l.tax])).toEqual(expected);
  });
});

describe('each configured line carries its option deltas', () => {
  it('as optionDeltas computes them, in the request context', () => {
    // ACME, 10 units: oak costs 150 (contract) × 0.95 (tier 10–49) × 0.97 (rep) = 138.225 → unit
    // 1000 × 0.95 × 0.97 = 921.50 → 1059.73 (1059.725 rounded half-up) → +138.23
    const r = run({
      customerId: 'ACME',
      discounts: { additionalPercent: '3' },
      lines: [desk('L1', { quantity: 10 }), { lineId: 'W', productId: 'WARRANTY', quantity: 1 }],
    });
    expect(r.lines[0]!.optionDeltas?.top).toEqual({ laminate: '0.00', oak: '138.23' });
    expect(r.lines[1]!.optionDeltas).toBeUndefined();
  });
  it('unless asked not to', () => {
    const request = { date: '2026-03-02', currency: 'EUR', lines: [desk('L1')] };
    expect(
      price(request, { pricing, models, optionDeltas: false }).lines[0]!.optionDeltas,
    ).toBeUndefined();
  });
});
