import { describe, expect, it } from 'vitest';
import type { PriceViolation } from '../../src/engine/index.ts';
import {
  concernsLineField,
  concernsQuoteField,
  type QuoteLineValue,
} from '../../src/react/rep/repQuoteForm.ts';

const violation = (rule: PriceViolation['rule'], lineId?: string): PriceViolation => ({
  rule,
  limit: '20',
  actual: '25',
  ...(lineId !== undefined && { lineId }),
  message: 'past the guardrail',
  buyer: 'needs approval',
});

const line = (lineId: string, discounts?: QuoteLineValue['discounts']): QuoteLineValue => ({
  lineId,
  productId: 'DESK',
  selection: {},
  quantity: 1,
  ...(discounts !== undefined && { discounts }),
});

describe('which discount field a guardrail concerns', () => {
  const lines = [
    line('L1', { additionalPercent: '25' }),
    line('L2'),
    line('L3', { additionalPercent: ' ' }),
  ];
  it.each([
    // [rule, line, quote field, concerned]
    ['maxDiscountPercent', 'L1', 'additionalPercent', false], // L1 sets its own additional %
    ['maxDiscountPercent', 'L1', 'partnerPercent', true], // … but the quote's partner % applies
    ['maxDiscountPercent', 'L1', 'documentDiscount', false],
    ['minNetUnit', 'L2', 'additionalPercent', true], // L2 sets none: the quote's apply
    ['minNetUnit', 'L3', 'additionalPercent', true], // blank is not set
    ['documentDiscount', undefined, 'documentDiscount', true],
    ['documentDiscount', undefined, 'additionalPercent', false],
  ] as const)('%s on %s concerns the quote’s %s: %s', (rule, lineId, key, expected) => {
    expect(concernsQuoteField(violation(rule, lineId), key, lines)).toBe(expected);
  });

  it('marks a line’s own field only for that line’s guardrails, where the line sets it', () => {
    const [l1, l2] = lines;
    expect(concernsLineField(violation('maxDiscountPercent', 'L1'), l1!, 'additionalPercent')).toBe(
      true,
    );
    expect(concernsLineField(violation('maxDiscountPercent', 'L1'), l1!, 'partnerPercent')).toBe(
      false,
    );
    expect(concernsLineField(violation('maxDiscountPercent', 'L2'), l1!, 'additionalPercent')).toBe(
      false,
    );
    expect(concernsLineField(violation('maxDiscountPercent', 'L2'), l2!, 'additionalPercent')).toBe(
      false,
    );
    expect(concernsLineField(violation('documentDiscount'), l1!, 'additionalPercent')).toBe(false);
  });
});
