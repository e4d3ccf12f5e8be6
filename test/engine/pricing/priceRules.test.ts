import { describe, expect, it } from 'vitest';
import { price } from '../../../src/engine/pricing/price.ts';
import { models, pricingWith } from './fixture.ts';

/** The unit of one DESK line priced with `rules` in place of the fixture's price rules. */
function unitWith(
  rules: unknown[],
  quantity: number,
  selection: Record<string, unknown>,
  customerId?: string,
): string {
  const pricing = pricingWith((p) => (p.priceRules = rules));
  const request = {
    date: '2026-03-02',
    currency: 'EUR',
    ...(customerId && { customerId }),
    lines: [{ lineId: 'L1', productId: 'DESK', quantity, selection }],
  };
  return price(request, { pricing, models }).lines[0]!.unit;
}

const rule = (id: string, then: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  stage: 'beforeVolume',
  priority: 0,
  when: { product: 'DESK' },
  then,
  ...extra,
});

describe('price rules: stages, actions and priority (hand-worked)', () => {
  const steelOak = { frame: 'steel', top: 'oak' };
  const cases: [string, unknown[], number, Record<string, unknown>, string | undefined, string][] =
    [
      // 1000 × 0.95 (tier 10–49) = 950; after volume −2 % = 931
      [
        'afterVolume discount',
        [rule('A', [{ discountPercent: { percent: '2' } }], { stage: 'afterVolume' })],
        10,
        {},
        undefined,
        '931.00',
      ],
      // the unit is set before volume, so it is volume-discounted: 900 × 0.95 = 855
      [
        'beforeVolume unit price',
        [rule('U', [{ setUnitPrice: { amount: '900.00' } }])],
        10,
        {},
        undefined,
        '855.00',
      ],
      // after volume it is not: 900
      [
        'afterVolume unit price',
        [rule('U', [{ setUnitPrice: { amount: '900.00' } }], { stage: 'afterVolume' })],
        10,
        {},
        undefined,
        '900.00',
      ],
      [
        'beforeVolume surcharge',
        [rule('S', [{ addAmount: { amount: '25.00' } }])],
        1,
        {},
        undefined,
        '1025.00',
      ],
      // after volume the option's new amount is not volume-discounted: 1180 × 0.95 = 1121; + (100 − 180) = 1041
      [
        'afterVolume option amount',
        [
          rule('O', [{ setOptionAmount: { attribute: 'top', value: 'oak', amount: '100.00' } }], {
            stage: 'afterVolume',
          }),
        ],
        10,
        steelOak,
        undefined,
        '1041.00',
      ],
      // priority 1 (150) runs before priority 5 (170): the last one wins → 1170
      [
        'priority: lower first',
        [
          rule('P5', [{ setOptionAmount: { attribute: 'top', value: 'oak', amount: '170.00' } }], {
            priority: 5,
          }),
          rule('P1', [{ setOptionAmount: { attribute: 'top', value: 'oak', amount: '150.00' } }], {
            priority: 1,
          }),
        ],
        1,
        steelOak,
        undefined,
        '1170.00',
      ],
      [
        'a rule for another product',
        [rule('C', [{ addAmount: { amount: '25.00' } }], { products: ['CHAIR'] })],
        1,
        {},
        undefined,
        '1000.00',
      ],
      [
        'a customer condition that holds',
        [rule('K', [{ discountPercent: { percent: '10' } }], { when: { customerId: 'ACME' } })],
        1,
        {},
        'ACME',
        '900.00',
      ],
      [
        'a customer condition that does not',
        [rule('K', [{ discountPercent: { percent: '10' } }], { when: { customerId: 'ACME' } })],
        1,
        {},
        undefined,
        '1000.00',
      ],
      [
        'any / not / category',
        [
          rule('N', [{ addAmount: { amount: '10.00' } }], {
            when: {
              all: [
                { category: 'hardware' },
                {
                  any: [
                    { attribute: 'top', equals: 'walnut' },
                    { not: { attribute: 'frame', equals: 'aluminium' } },
                  ],
                },
              ],
            },
          }),
        ],
        1,
        { frame: 'steel' },
        undefined,
        '1010.00',
      ],
      [
        'a multi "has" and a number range',
        [
          rule('M', [{ addAmount: { amount: '10.00' } }], {
            when: {
              all: [
                { attribute: 'accessories', has: 'rack' },
                { attribute: 'cableLength', gte: 2 },
              ],
            },
          }),
        ],
        1,
        { accessories: ['rack'], cableLength: 2 },
        undefined,
        '1063.00',
      ], // 1000 + 45 + 2 × 4 + 10
    ];
  it.each(cases)('%s', (_name, rules, quantity, selection, customerId, unit) => {
    expect(unitWith(rules, quantity, selection, customerId)).toBe(unit);
  });
});
