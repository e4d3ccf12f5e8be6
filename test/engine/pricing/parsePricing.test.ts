import { describe, expect, it } from 'vitest';
import { parsePricing } from '../../../src/engine/pricing/parsePricing.ts';
import { PricingError, type PricingIssue } from '../../../src/engine/pricing/PricingError.ts';
import { models, pricingJson } from './fixture.ts';

function issuesOf(edit: (p: Record<string, any>) => void, withModels = true): PricingIssue[] {
  const json = pricingJson();
  edit(json);
  try {
    parsePricing(json, withModels ? models : undefined);
  } catch (error) {
    if (error instanceof PricingError) {
      expect(error.code).toBe('PRICING_INVALID');
      return error.issues;
    }
    throw error;
  }
  return [];
}

describe('parsePricing: the fixture', () => {
  it('is valid, with defaults applied', () => {
    const p = parsePricing(pricingJson(), models);
    expect(p.priceBooks[0]!.adjustments[0]!.per).toBe('unit');
    expect(p.roundingPolicy.charm.USD).toEqual({ roundTo: '1', surcharge: '-0.01' });
  });
});

describe('parsePricing: every problem with its path', () => {
  // [name, edit, path, message]
  const cases: [string, (p: Record<string, any>) => void, string, RegExp][] = [
    [
      'a comma decimal',
      (p) => (p.priceBooks[0].products.DESK.list = '12,50'),
      '$.priceBooks[0].products.DESK.list',
      /decimal string.*"12,50"/,
    ],
    [
      'a float as money',
      (p) => (p.priceBooks[0].products.DESK.list = 1000),
      '$.priceBooks[0].products.DESK.list',
      /JSON number/,
    ],
    [
      'a negative list price',
      (p) => (p.priceBooks[0].products.DESK.list = '-1.00'),
      '$.priceBooks[0].products.DESK.list',
      /negative/,
    ],
    [
      'a percentage above 100',
      (p) => (p.discountSchedules[0].tiers[1].percent = '120'),
      '$.discountSchedules[0].tiers[1].percent',
      /between 0 and 100/,
    ],
    [
      'overlapping tiers',
      (p) => (p.discountSchedules[0].tiers[1].from = 8),
      '$.discountSchedules[0].tiers[1].from',
      /overlaps tier 0 \(1–9\)/,
    ],
    [
      'a gap between tiers',
      (p) => (p.discountSchedules[0].tiers[2].from = 60),
      '$.discountSchedules[0].tiers[2].from',
      /gap before tier 2: quantities 50\.\.59/,
    ],
    [
      'tiers not from 1',
      (p) => (p.discountSchedules[0].tiers[0].from = 2),
      '$.discountSchedules[0].tiers[0].from',
      /start at 1/,
    ],
    [
      'an empty tier',
      (p) => (p.blockPrices[0].tiers[0].to = 1),
      '$.blockPrices[0].tiers[0].to',
      /empty/,
    ],
    [
      'an open tier before another',
      (p) => (p.discountSchedules[0].tiers[1].to = null),
      '$.discountSchedules[0].tiers[2].from',
      /overlaps/,
    ],
    [
      'an unknown product in a schedule',
      (p) => p.discountSchedules[0].products.push('SOFA'),
      '$.discountSchedules[0].products[1]',
      /unknown product 'SOFA'/,
    ],
    [
      'an unknown product in a guardrail',
      (p) => (p.guardrails[0].product = 'TABLE'),
      '$.guardrails[0].product',
      /unknown product 'TABLE'/,
    ],
    [
      'an unknown attribute',
      (p) => (p.priceBooks[0].adjustments[0].attribute = 'legs'),
      '$.priceBooks[0].adjustments[0].attribute',
      /unknown attribute 'legs'/,
    ],
    [
      'an unknown value',
      (p) => (p.priceBooks[0].adjustments[0].value = 'wood'),
      '$.priceBooks[0].adjustments[0].value',
      /'wood'.*steel, aluminium/,
    ],
    [
      'amount × value on a choice',
      (p) => (p.priceBooks[0].adjustments[5].attribute = 'frame'),
      '$.priceBooks[0].adjustments[5].attribute',
      /number attribute/,
    ],
    [
      'an unknown value in a contract',
      (p) => (p.contracts[0].overrides[0].value = 'walnut'),
      '$.contracts[0].overrides[0].value',
      /walnut/,
    ],
    [
      'an unknown value in a rule action',
      (p) => (p.priceRules[0].then[0].setOptionAmount.value = 'teak'),
      '$.priceRules[0].then[0].setOptionAmount.value',
      /teak/,
    ],
    [
      'fx from a currency without a book',
      (p) => p.fx.push({ from: 'CHF', to: 'USD', rate: '1.1', asOf: '2026-01-01' }),
      '$.fx[4].from',
      /no price book in CHF/,
    ],
    [
      'charm without a book or rate',
      (p) => (p.roundingPolicy.charm.SEK = { roundTo: '1' }),
      '$.roundingPolicy.charm.SEK',
      /neither a price book nor an fx rate/,
    ],
    [
      'a bad currency code',
      (p) => (p.priceBooks[0].currency = 'eur'),
      '$.priceBooks[0].currency',
      /ISO 4217/,
    ],
    [
      'a bad date',
      (p) => (p.priceBooks[0].validFrom = '2026-02-30'),
      '$.priceBooks[0].validFrom',
      /calendar date/,
    ],
    [
      'overlapping books',
      (p) => p.priceBooks.push({ ...p.priceBooks[0], id: 'EUR-2' }),
      '$.priceBooks[3].validFrom',
      /overlaps book 'EUR-LIST'/,
    ],
    [
      'a duplicate rule id',
      (p) => p.priceRules.push(p.priceRules[0]),
      '$.priceRules[1].id',
      /duplicate price rule id 'OAK-20'/,
    ],
    [
      'a product in two schedules',
      (p) => p.discountSchedules[1].products.push('DESK'),
      '$.discountSchedules[1].products[1]',
      /already in schedule 'VOL'/,
    ],
    // keys the spec does not define are dropped, but a misspelt rule test is an error
    [
      'a misspelt rule test',
      (p) => (p.priceRules[0].when = { attribute: 'top', equal: 'oak' }),
      '$.priceRules[0].when',
      /./,
    ],
  ];
  it.each(cases)('%s', (_name, edit, path, message) => {
    const issues = issuesOf(edit);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('lists every problem at once', () => {
    const issues = issuesOf((p) => {
      p.priceBooks[0].products.DESK.list = '12,50';
      p.discountSchedules[0].tiers[0].percent = 5;
    });
    expect(issues.map((i) => i.path)).toEqual([
      '$.priceBooks[0].products.DESK.list',
      '$.discountSchedules[0].tiers[0].percent',
    ]);
  });

  it('checks attribute references only when models are given', () => {
    expect(issuesOf((p) => (p.priceBooks[0].adjustments[0].value = 'wood'), false)).toEqual([]);
  });
});
