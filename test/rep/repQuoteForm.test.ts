import { describe, expect, it } from 'vitest';
import { z } from '../../src/engine/zod.ts';
import { repFormat } from '../../src/react/rep/repFormat.ts';
import {
  quoteFromForm,
  relocaliseDiscounts,
  repQuoteFormSchema,
  toFormValues,
  type RepQuoteFormValues,
} from '../../src/react/rep/repQuoteForm.ts';
import { repStates } from './repFixtures.ts';

const en = repFormat('en', 'EUR');
const de = repFormat('de-DE', 'EUR');
const jpy = repFormat('en', 'JPY');
const TODAY = '2026-11-23';

/** The sample quote's form values with `over` applied. */
const values = (over: Partial<RepQuoteFormValues> = {}, f = en): RepQuoteFormValues => ({
  ...toFormValues(repStates.valid, f),
  ...over,
});
/** The schema's issues as `path: message`. */
const issues = (v: RepQuoteFormValues, f = en) =>
  z
    .safeParse(repQuoteFormSchema(f, TODAY), v)
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('repQuoteFormSchema', () => {
  const base = values();
  it.each<[string, RepQuoteFormValues, typeof en, string[]]>([
    ['the sample quote', base, en, []],
    ['the sample quote in German', values({}, de), de, []],
    [
      'no customer name',
      { ...base, customer: { ...base.customer, name: ' ' } },
      en,
      ['customer.name: Enter the name of the customer.'],
    ],
    [
      'an e-mail without a domain',
      { ...base, customer: { ...base.customer, email: 'ana@' } },
      en,
      ['customer.email: Enter the customer’s e-mail address, such as ana@example.com.'],
    ],
    ['no rep', { ...base, rep: '' }, en, ['rep: Enter the name of the sales rep.']],
    [
      'a rep name of 201 characters',
      { ...base, rep: 'R'.repeat(201) },
      en,
      ['rep: Sales rep has 201 characters: use at most 200.'],
    ],
    [
      'notes of 4,001 characters, in German',
      { ...base, notes: 'n'.repeat(4001) },
      de,
      ['notes: Anmerkungen hat 4.001 Zeichen: höchstens 4.000 sind erlaubt.'],
    ],
    [
      'valid until yesterday',
      { ...base, validUntil: '2026-11-22' },
      de,
      ['validUntil: Gültig bis: Wählen Sie den 23.11.2026 oder später.'],
    ],
    [
      'a quantity of 0 and one of 2.5',
      {
        ...base,
        lines: base.lines.map((l, i) => ({ ...l, quantity: ['0', '2.5', 5][i]! })),
      },
      en,
      [
        'lines.0.quantity: Quantity of line L1: enter a whole number from 1 to 1,000,000.',
        'lines.1.quantity: Quantity of line L2: enter a whole number from 1 to 1,000,000.',
      ],
    ],
    [
      'German: a point where a comma belongs, over 100 %',
      { ...base, discounts: { additionalPercent: '12.5', partnerPercent: '100,5' } },
      de,
      [
        'discounts.additionalPercent: Zusatzrabatt (%): Geben Sie einen Prozentsatz von 0 bis 100 ein, z. B. 12,5.',
        'discounts.partnerPercent: Partnerrabatt (%): Geben Sie einen Prozentsatz von 0 bis 100 ein, z. B. 12,5.',
      ],
    ],
    [
      'a yen amount with decimals',
      {
        ...base,
        pricing: { ...base.pricing, currency: 'JPY' },
        discounts: { documentDiscount: '50.5' },
      },
      jpy,
      [
        'discounts.documentDiscount: Document discount (JPY): enter an amount of 0 or more, such as 50.',
      ],
    ],
    [
      'a discount past a guardrail is valid input',
      { ...base, discounts: { additionalPercent: '40', documentDiscount: '50.00' } },
      en,
      [],
    ],
  ])('%s', (_name, v, f, expected) => {
    expect(issues(v, f)).toEqual(expected);
  });
});

describe('form values ↔ quote', () => {
  it.each([
    ['en', en, '40', '50.00'],
    ['de-DE', de, '40', '50,00'],
  ])('%s: a stored quote round-trips through the form', (_locale, f, percent, amount) => {
    const v = toFormValues(repStates.approvalRequired, f);
    expect(v.discounts).toEqual({ additionalPercent: percent, documentDiscount: amount });
    expect(quoteFromForm(v, f)).toEqual(repStates.approvalRequired);
  });

  it('trims texts, drops empty discounts and an empty company, reads typed quantities', () => {
    const v = values(
      {
        rep: ' Rita Rep ',
        discounts: { additionalPercent: ' ', partnerPercent: '12,5' },
        customer: { name: ' Ana Lima ', email: 'ana@example.com ', company: '' },
        lines: repStates.valid.lines.map((l) => ({ ...l, quantity: ` ${l.quantity} ` })),
      },
      de,
    );
    const q = quoteFromForm(v, de);
    expect(q.rep).toBe('Rita Rep');
    expect(q.discounts).toEqual({ partnerPercent: '12.5' });
    expect(q.customer).toEqual({ name: 'Ana Lima', email: 'ana@example.com' });
    expect(q.lines.map((l) => l.quantity)).toEqual(repStates.valid.lines.map((l) => l.quantity));
  });

  it.each([
    [
      en,
      de,
      { partnerPercent: '12.5', documentDiscount: '50' },
      { partnerPercent: '12,5', documentDiscount: '50' },
    ],
    [de, en, { additionalPercent: '7,25' }, { additionalPercent: '7.25' }],
  ])('relocaliseDiscounts %#', (from, to, typed, expected) => {
    expect(relocaliseDiscounts(typed, from, to)).toEqual(expected);
  });
});
