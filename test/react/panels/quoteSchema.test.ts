import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/react/i18n/messages.ts';
import { quoteSchema } from '../../../src/react/panels/quoteSchema.ts';

const MIN = '2026-12-03';
const ok = { name: 'Ada', email: 'ada@example.com', company: '', notes: '', requestedDate: '' };

/** The first error per field, as the form shows it. */
function errors(locale: string, input: unknown): Record<string, string> {
  const result = quoteSchema(translator(locale), locale, MIN).safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe('quoteSchema: the quote form’s rules, with messages in the buyer’s language', () => {
  it.each<[string, string, object, Record<string, string>]>([
    ['valid, minimal', 'en', {}, {}],
    ['valid, everything', 'en', { company: 'ACME', notes: 'Blue', requestedDate: MIN }, {}],
    ['name required', 'en', { name: '   ' }, { name: 'Enter your name.' }],
    [
      'email checked',
      'en',
      { email: 'ada@' },
      { email: 'Enter a valid email address, such as name@example.com.' },
    ],
    [
      'email checked (de)',
      'de',
      { email: 'x' },
      { email: 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.' },
    ],
    [
      'date before the promise',
      'en',
      { requestedDate: '2026-12-02' },
      { requestedDate: 'Choose Dec 3, 2026 or later.' },
    ],
    [
      'date before the promise (de)',
      'de-DE',
      { requestedDate: '2026-01-01' },
      { requestedDate: 'Wählen Sie den 03.12.2026 oder später.' },
    ],
    ['not a date', 'en', { requestedDate: '2026-13-45' }, { requestedDate: 'Enter a date.' }],
    [
      'notes too long',
      'en',
      { notes: 'x'.repeat(2001) },
      { notes: 'Use at most 2000 characters.' },
    ],
  ])('%s', (_what, locale, change, expected) => {
    expect(errors(locale, { ...ok, ...change })).toEqual(expected);
  });

  it('trims what it hands on', () => {
    const values = quoteSchema(translator('en'), 'en', MIN).parse({
      ...ok,
      name: '  Ada  ',
      email: ' ada@example.com ',
    });
    expect(values).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
  });
});
