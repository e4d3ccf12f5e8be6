import { describe, expect, it } from 'vitest';
import { lintPricing, lintPricingJson } from '../../../src/engine/pricing/lintPricing.ts';
import { parsePricing } from '../../../src/engine/pricing/parsePricing.ts';
import { models, pricingJson } from './fixture.ts';

describe('lintPricing: unpriced options', () => {
  const findings = lintPricing(parsePricing(pricingJson(), models), models);
  const messages = findings.filter((f) => f.code === 'unpriced-option').map((f) => f.message);
  it.each([
    [
      "book 'EUR-LIST': DESK accessories=hook has no price adjustment (it costs nothing extra)",
      true,
    ],
    ["book 'EUR-LIST': CHAIR fabric=mesh has no price adjustment (it costs nothing extra)", true],
    ["book 'GBP-GROSS': DESK top=oak has no price adjustment (it costs nothing extra)", true],
    [
      "book 'EUR-LIST': DESK frame=aluminium has no price adjustment (it costs nothing extra)",
      false,
    ],
    ["book 'EUR-LIST': DESK lock=true has no price adjustment (it costs nothing extra)", false],
    // leather is priced for CHAIR only; DESK has no fabric attribute at all
    [
      "book 'EUR-LIST': CHAIR fabric=leather has no price adjustment (it costs nothing extra)",
      false,
    ],
  ])('%s → %s', (message, reported) => {
    expect(messages.includes(message)).toBe(reported);
  });
  it('are warnings, and the fixture has no rule that never fires', () => {
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings.filter((f) => f.code === 'rule-never-fires')).toEqual([]);
  });
});

describe('lintPricing: rules that can never fire', () => {
  const cases: [string, unknown, string[] | undefined, RegExp | undefined][] = [
    [
      'the fixture rule fires',
      { all: [{ attribute: 'top', equals: 'oak' }, { quantity: { gte: 20 } }] },
      undefined,
      undefined,
    ],
    [
      'an unknown value',
      { attribute: 'top', equals: 'walnut' },
      undefined,
      /'walnut' is not a value of 'top'/,
    ],
    [
      'an unknown attribute',
      { attribute: 'legs', equals: 'x' },
      ['DESK'],
      /no model of DESK has an attribute 'legs'/,
    ],
    ['an empty quantity range', { quantity: { gte: 20, lt: 10 } }, undefined, /no quantity/],
    [
      'contradictory quantities',
      { all: [{ quantity: { gte: 20 } }, { quantity: { lte: 5 } }] },
      undefined,
      /no quantity/,
    ],
    [
      'two values of one choice',
      {
        all: [
          { attribute: 'top', equals: 'oak' },
          { attribute: 'top', equals: 'laminate' },
        ],
      },
      ['DESK'],
      /cannot equal both/,
    ],
    [
      'a number outside its range',
      { attribute: 'cableLength', gte: 10 },
      ['DESK'],
      /no value of 'cableLength'/,
    ],
    ['another product', { product: 'CHAIR' }, ['DESK'], /the rule is for DESK/],
    [
      'any of impossible tests',
      { any: [{ attribute: 'top', equals: 'walnut' }, { quantity: { lt: 1 } }] },
      undefined,
      /walnut.*and no quantity/,
    ],
    ['not is never judged', { not: { attribute: 'top', equals: 'walnut' } }, undefined, undefined],
  ];
  it.each(cases)('%s', (_name, when, products, reason) => {
    const json = pricingJson();
    json.priceRules[0].when = when;
    if (products) json.priceRules[0].products = products;
    const found = lintPricing(parsePricing(json, models), models).filter(
      (f) => f.code === 'rule-never-fires',
    );
    if (reason === undefined) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.path).toBe('$.priceRules[0].when');
      expect(found[0]!.message).toMatch(reason);
    }
  });
});

describe('lintPricingJson: problems of the file are pricing-schema errors', () => {
  it.each([
    [
      'pricing-schema',
      (p: Record<string, any>): void => void (p.priceBooks[0].products.DESK.list = '12,50'),
      '$.priceBooks[0].products.DESK.list',
    ],
    [
      'pricing-schema',
      (p: Record<string, any>): void => void (p.priceBooks[0].adjustments[0].value = 'wood'),
      '$.priceBooks[0].adjustments[0].value',
    ],
    [
      'pricing-schema',
      (p: Record<string, any>): void => void p.discountSchedules[0].products.push('SOFA'),
      '$.discountSchedules[0].products[1]',
    ],
  ] as const)('%s #%#', (code, edit, path) => {
    const json = pricingJson();
    edit(json);
    const errors = lintPricingJson(json, models).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.path])).toEqual([[code, path]]);
  });
});

describe('lintPricing: rates that are never used', () => {
  it('warns about a rate into a currency with a book', () => {
    const json = pricingJson();
    json.fx.push({ from: 'EUR', to: 'GBP', rate: '0.85', asOf: '2026-01-01' });
    const found = lintPricing(parsePricing(json, models), models).filter(
      (f) => f.code === 'unused-rate',
    );
    expect(found.map((f) => f.path)).toEqual(['$.fx[4]']);
  });
});
