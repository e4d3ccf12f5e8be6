import { describe, expect, it } from 'vitest';
import { draftQuote } from '../../src/engine/quotes/draftQuote.ts';
import { draftPrice } from '../../src/react/rep/draftPrice.ts';
import { repFormat } from '../../src/react/rep/repFormat.ts';
import { repQuoteFormSchemaFor, toFormValues } from '../../src/react/rep/repQuoteForm.ts';
import { data, repStates } from './repFixtures.ts';

const today = '2026-11-23';
const priceOf = (discounts: Record<string, string>, locale = 'en', quote = repStates.valid) => {
  const f = repFormat(locale, 'EUR');
  const values = { ...toFormValues(quote, f), discounts };
  return draftPrice(values, repQuoteFormSchemaFor(locale, 'EUR', today), f, data);
};

describe('draftPrice: the rep editor’s live preview', () => {
  it.each([
    ['no discount', {}, 'valid', {}],
    ['within the guardrails', { additionalPercent: '10' }, 'valid', {}],
    ['past a guardrail', { additionalPercent: '40' }, 'approval-required', {}],
    [
      'a percentage above 100: its field, priced without it',
      { additionalPercent: '150' },
      'valid',
      {
        additionalPercent:
          'Additional discount (%): enter a percentage from 0 to 100, such as 12.5.',
      },
    ],
    [
      'not a number',
      { partnerPercent: 'ten' },
      'valid',
      { partnerPercent: 'Partner discount (%): enter a percentage from 0 to 100, such as 12.5.' },
    ],
    [
      'a document discount above the lines’ total: refused on its field',
      { documentDiscount: '999999' },
      'valid',
      {
        documentDiscount:
          'Document discount: €999,999.00 is more than the lines’ total of €4,848.00; enter at most €4,848.00.',
      },
    ],
  ] as const)('%s', (_, discounts, kind, errors) => {
    const d = priceOf(discounts);
    expect(d.kind).toBe(kind);
    expect(d.discountErrors).toEqual(errors);
    if (d.kind === 'unpriceable') throw new Error('priced');
    expect(d.priced.price.total.startsWith('-')).toBe(false);
  });

  it('a document discount equal to the lines’ total is allowed (total 0, never negative)', () => {
    const d = priceOf({ documentDiscount: '4848.00' });
    if (d.kind === 'unpriceable') throw new Error('priced');
    expect([d.discountErrors, d.priced.price.subtotal]).toEqual([{}, '0.00']);
  });

  it('German messages in a German editor', () => {
    expect(priceOf({ additionalPercent: '150' }, 'de-DE').discountErrors.additionalPercent).toBe(
      'Zusatzrabatt (%): Geben Sie einen Prozentsatz von 0 bis 100 ein, z. B. 12,5.',
    );
  });

  it('a fresh draft is incomplete, not "approval required": an unconfigured line waits', () => {
    const d = priceOf({}, 'en', draftQuote('DESK', today, 'EUR'));
    if (d.kind === 'unpriceable') throw new Error('priced');
    expect([d.kind, d.incompleteLines, d.violations]).toEqual(['incomplete', ['L1'], []]);
    // the engine alone would call it approval required (the base price is below the minimum)
    expect(d.priced.approvalRequired).toBe(true);
  });
});
