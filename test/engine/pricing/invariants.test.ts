import { describe, expect, it } from 'vitest';
import { dec, minorUnits } from '../../../src/engine/pricing/money.ts';
import { price } from '../../../src/engine/pricing/price.ts';
import { models, pricingWith } from './fixture.ts';

const pricing = pricingWith();

/** A small deterministic generator (a fixed seed: the same requests on every run). */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function randomRequest(next: (n: number) => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)]!;
  const currency = pick(['EUR', 'EUR', 'USD', 'JPY', 'KWD', 'GBP'] as const);
  const lines = Array.from({ length: 1 + next(4) }, (_, i) => {
    const productId: string = pick(['DESK', 'DESK', 'CHAIR', 'CLIPS', 'LAMP']);
    const selection: Record<string, unknown> =
      productId === 'DESK'
        ? {
            frame: pick(['steel', 'aluminium']),
            top: pick(['laminate', 'oak']),
            color: pick(['black', 'custom']),
            cableLength: next(6),
            accessories: pick([[], ['rack'], ['rack', 'light']]),
            lock: pick([true, false]),
          }
        : productId === 'CHAIR'
          ? { fabric: pick(['mesh', 'leather']) }
          : {};
    return { lineId: `L${i}`, productId, quantity: 1 + next(120), category: 'hardware', selection };
  });
  if (currency !== 'GBP' && next(3) === 0)
    lines.push({
      lineId: 'W',
      productId: 'WARRANTY',
      quantity: 1,
      category: 'service',
      selection: {},
    });
  const gbpLines = lines.filter((l) => l.productId === 'DESK' || l.productId === 'CHAIR');
  return {
    date: '2026-03-02',
    currency,
    ...(currency === 'GBP' && { taxId: 'UK20' }),
    customerId: pick(['ACME', 'BIGCO', 'NOBODY']),
    lines:
      currency === 'GBP'
        ? gbpLines.length
          ? gbpLines
          : [{ lineId: 'G', productId: 'DESK', quantity: 3, selection: {} }]
        : lines,
    discounts: {
      additionalPercent: pick(['0', '3', '7.5']),
      partnerPercent: pick(['0', '10']),
      ...(next(2) === 0 && { documentDiscount: pick(['0.01', '1', '100.00', '333.33']) }),
    },
    roundingPolicy: {
      mode: pick(['halfUp', 'halfEven']),
      roundAt: pick(['finalUnit', 'eachStep', 'line']),
      taxRounding: pick(['perLine', 'global']),
    },
  };
}

describe('invariants over 300 generated requests (seeded)', () => {
  const next = lcg(20260302);
  const requests = Array.from({ length: 300 }, () => randomRequest(next));
  it.each(requests.map((r, i) => [i, r] as const))(
    'request %i adds up to the minor unit',
    (_i, request) => {
      const r = price(request, { pricing, models, optionDeltas: false });
      const dp = minorUnits(r.currency);
      const sum = (xs: string[]) => xs.reduce((a, x) => a.plus(dec(x)), dec('0'));
      const parts = [...r.lines, ...r.charges];
      // every displayed amount has exactly the currency's minor digits
      for (const p of parts)
        for (const v of [p.line, p.tax, p.gross])
          expect(v).toMatch(dp === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${dp}}$`));
      // the totals are the sums of what is displayed
      expect(sum(parts.map((p) => p.line)).eq(dec(r.subtotal))).toBe(true);
      expect(sum(parts.map((p) => p.tax)).eq(dec(r.tax))).toBe(true);
      expect(dec(r.subtotal).plus(dec(r.tax)).eq(dec(r.total))).toBe(true);
      // the document discount is allocated to the cent, and each line is extended − its share
      expect(sum(r.lines.map((l) => l.documentDiscount)).eq(dec(r.documentDiscount))).toBe(true);
      for (const l of r.lines) {
        expect(dec(l.line).plus(dec(l.tax)).eq(dec(l.gross))).toBe(true);
        const afterDiscount = dec(l.extended).minus(dec(l.documentDiscount));
        expect((l.taxInclusive ? dec(l.gross) : dec(l.line)).eq(afterDiscount)).toBe(true);
        // unit-priced lines under finalUnit / eachStep: the line is the displayed unit × quantity
        if (r.roundingPolicy.roundAt !== 'line' && l.productId !== 'CLIPS' && l.kind === 'product')
          expect(
            dec(l.unit)
              .times(dec(String(l.quantity)))
              .eq(dec(l.extended)),
          ).toBe(true);
      }
    },
  );
});
