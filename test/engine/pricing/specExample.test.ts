import { describe, expect, it } from 'vitest';
import { parsePricing } from '../../../src/engine/pricing/parsePricing.ts';
import { price } from '../../../src/engine/pricing/price.ts';
import { readFixture } from './fixture.ts';

/** The JSON of pricing.md's "Shapes" section, verbatim, priced from the book alone (no models). */
describe("pricing.md's own example", () => {
  const pricing = parsePricing(readFixture('spec-example.pricing.json'));
  const result = price(readFixture('spec-example.request.json'), { pricing });

  it('prices the example request (eachStep, ACME, rep, partner, document discount)', () => {
    // 400.00 list + 120.00 aluminium + 150.00 oak (ACME's contract; the book has no oak price)
    // = 670.00; −5 % (tier 10–49) = 636.50; −3 % = 617.405 → 617.41; −10 % = 555.669 → 555.67
    const l = result.lines[0]!;
    expect(l.waterfall.map((s) => [s.kind, s.unit ?? null])).toEqual([
      ['list', '400.00'],
      ['option', '520.00'],
      ['contract', '670.00'],
      ['volume', '636.50'],
      ['additionalDiscount', '617.41'],
      ['partnerDiscount', '555.67'],
      ['documentDiscount', null],
      ['tax', null],
    ]);
    // line 10 × 555.67 = 5556.70, − 100.00 = 5456.70; tax 5456.70 × 0.19 = 1036.773 → 1036.77
    expect([l.unit, l.extended, l.documentDiscount, l.line, l.tax, l.gross]).toEqual([
      '555.67',
      '5556.70',
      '100.00',
      '5456.70',
      '1036.77',
      '6493.47',
    ]);
    expect([result.subtotal, result.tax, result.total]).toEqual(['5456.70', '1036.77', '6493.47']);
  });

  it('requires approval below the guardrail, without clamping', () => {
    expect(result.approvalRequired).toBe(true);
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'minNetUnit',
        limit: '750.00',
        actual: '555.67',
        lineId: 'L1',
      }),
    ]);
  });

  it("converts with the spec's numbers: 1,120.00 EUR × 1.0850 = 1,215.20 USD → 1,215.00 → 1,214.99", () => {
    // 400 + 120 (aluminium) + 150 × 4.00 (cableLength) = 1120.00
    const usd = price(
      {
        date: '2026-03-02',
        currency: 'USD',
        lines: [
          {
            lineId: 'L1',
            productId: 'DESK',
            quantity: 1,
            selection: { frame: 'aluminium', cableLength: 150 },
          },
        ],
      },
      { pricing },
    );
    expect(usd.lines[0]!.listUnit).toBe('1214.99');
  });
});
