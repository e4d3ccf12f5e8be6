import { describe, expect, it } from 'vitest';
import { allocate } from '../../../src/engine/pricing/allocate.ts';
import {
  dec,
  isDecimalString,
  minorUnits,
  money,
  round,
  roundQuotient,
  roundToMultiple,
  type RoundingMode,
} from '../../../src/engine/pricing/money.ts';

describe('round: half-up and half-even on exact decimals', () => {
  // 1.005 is 1.00499999999999989… as a float, so float rounding gives 1.00; decimals give 1.01.
  const cases: [string, number, RoundingMode, string][] = [
    ['1.005', 2, 'halfUp', '1.01'],
    ['1.005', 2, 'halfEven', '1.00'],
    ['1.015', 2, 'halfEven', '1.02'],
    ['1.0049999', 2, 'halfUp', '1.00'],
    ['-1.005', 2, 'halfUp', '-1.01'],
    ['2.5', 0, 'halfUp', '3'],
    ['2.5', 0, 'halfEven', '2'],
    ['3.5', 0, 'halfEven', '4'],
    ['342.4755', 3, 'halfUp', '342.476'],
  ];
  it.each(cases)('%s to %i places %s → %s', (value, dp, mode, expected) => {
    expect(round(dec(value), dp, mode).toFixed(dp)).toBe(expected);
  });
  it('differs from float rounding on the 1.005 trap', () => {
    expect((1.005).toFixed(2)).toBe('1.00'); // the float answer the engine must not give
    expect(round(dec('1.005'), 2, 'halfUp').toFixed(2)).toBe('1.01');
  });
});

describe('roundQuotient: an exact quotient, rounded once', () => {
  const cases: [string, string, number, RoundingMode, string][] = [
    ['3000.00', '1.20', 2, 'halfUp', '2500.00'], // 3000 / 1.2 = 2500 exactly
    ['1000.00', '1.20', 2, 'halfUp', '833.33'], // 833.333…
    ['2160', '11', 2, 'halfUp', '196.36'], // 196.3636…
    ['1', '8', 2, 'halfUp', '0.13'], // 0.125 → half-up
    ['1', '8', 2, 'halfEven', '0.12'], // 0.125 → even
    ['-1', '8', 2, 'halfUp', '-0.13'],
    ['1215.20', '1', 0, 'halfUp', '1215'],
  ];
  it.each(cases)('%s ÷ %s to %i places %s → %s', (n, d, dp, mode, expected) => {
    expect(roundQuotient(dec(n), dec(d), dp, mode).toFixed(dp)).toBe(expected);
  });
});

describe('roundToMultiple (charm and formula)', () => {
  const cases: [string, string, string][] = [
    ['1215.20', '1', '1215'],
    ['985.60', '10', '990'],
    ['984.99', '10', '980'],
    ['1215.50', '1', '1216'],
    ['12.34', '0.05', '12.35'],
  ];
  it.each(cases)('%s to a multiple of %s → %s', (value, step, expected) => {
    expect(roundToMultiple(dec(value), dec(step), 'halfUp').eq(dec(expected))).toBe(true);
  });
});

describe('minorUnits and money: ISO 4217 exponents', () => {
  const cases: [string, number, string, string][] = [
    ['EUR', 2, '12.5', '12.50'],
    ['USD', 2, '1214.99', '1214.99'],
    ['JPY', 0, '167221', '167221'],
    ['KWD', 3, '347.463', '347.463'],
    ['BHD', 3, '1', '1.000'],
  ];
  it.each(cases)('%s has %i minor digits: %s → %s', (currency, dp, amount, shown) => {
    expect(minorUnits(currency)).toBe(dp);
    expect(money(dec(amount), currency)).toBe(shown);
  });
});

describe('isDecimalString: strict', () => {
  const cases: [string, boolean][] = [
    ['12.50', true],
    ['-0.01', true],
    ['19', true],
    ['12,50', false],
    ['1e3', false],
    [' 5', false],
    ['.5', false],
    ['05', false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (text, ok) => expect(isDecimalString(text)).toBe(ok));
});

describe('allocate: largest remainder, ties to the larger share', () => {
  const cases: [string, bigint, bigint[], bigint[]][] = [
    ['proportional', 10000n, [100000n, 50000n, 50000n], [5000n, 2500n, 2500n]],
    // 100 / 3 = 33.33… each; the one unit left goes to the first (equal remainders and weights)
    ['equal thirds', 100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    // 2 × 1/4 = 0.5 and 2 × 3/4 = 1.5: equal remainders .5, the larger share (weight 3) wins
    ['tie to the larger share', 2n, [1n, 3n], [0n, 2n]],
    // 10000 × 1161090/1232190 = 9422.97, × 1353/… = 10.98, × 69747/… = 566.04 → +1 to .98 and .97
    ['remainders', 10000n, [1161090n, 1353n, 69747n], [9423n, 11n, 566n]],
    ['negative', -100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    ['no weight', 100n, [0n, 0n], [0n, 0n]],
  ];
  it.each(cases)('%s', (_name, total, weights, expected) => {
    const parts = allocate(total, weights);
    expect(parts).toEqual(expected);
    if (weights.some((w) => w > 0n)) expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
  });
});
