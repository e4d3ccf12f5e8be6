import { describe, expect, it } from 'vitest';
import { price } from '../../../src/engine/pricing/price.ts';
import { deskSelection, models, pricing } from '../orders/orderFixture.ts';

/** One desk (871.00 list, guardrails: at most 25 % discount, net unit at least 520.00). */
const request = (discounts: Record<string, string>) => ({
  date: '2026-12-07',
  currency: 'EUR',
  lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
  discounts,
});
const priced = (discounts: Record<string, string>) =>
  price(request(discounts), { pricing, models, optionDeltas: false });

describe('guardrails see the document discount', () => {
  it('a document discount of 300.00 on 871.00 (34 %) needs approval like a 34 % rep discount', () => {
    const rep = priced({ additionalPercent: '34' });
    expect(rep.violations.map((v) => v.rule)).toEqual(['maxDiscountPercent']);
    const document = priced({ documentDiscount: '300.00' });
    expect(document.approvalRequired).toBe(true);
    expect(document.violations).toEqual([
      expect.objectContaining({
        rule: 'maxDiscountPercent',
        limit: '25',
        actual: '34.4432',
        lineId: 'L1',
        message: expect.stringContaining('with its share of the document discount'),
      }),
    ]);
  });

  it('a document discount percentage counts as well', () => {
    expect(priced({ documentDiscountPercent: '30' }).violations.map((v) => v.rule)).toEqual([
      'maxDiscountPercent',
    ]);
  });

  it('a rep discount and a document discount combine: 20 % and 10 % → 28 %', () => {
    const r = priced({ additionalPercent: '20', documentDiscountPercent: '10' });
    expect(r.violations).toEqual([
      expect.objectContaining({ rule: 'maxDiscountPercent', actual: '28' }),
    ]);
  });

  it('a document discount that takes the net unit below the minimum needs approval', () => {
    // 20 % rep discount: 696.80 (within 25 %); a document discount of 200.00 → 496.80 < 520.00.
    const r = priced({ additionalPercent: '20', documentDiscount: '200.00' });
    expect(r.violations.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['minNetUnit', 'maxDiscountPercent']),
    );
  });

  it('a small document discount within every guardrail needs none', () => {
    expect(priced({ documentDiscount: '50.00' }).approvalRequired).toBe(false);
  });
});
