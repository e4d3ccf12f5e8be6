import { describe, expect, it } from 'vitest';
import { de } from '../../src/react/i18n/de.ts';
import { en, type Message } from '../../src/react/i18n/en.ts';
import {
  formatDate,
  formatDayMonth,
  formatDelta,
  formatMoney,
  formatRate,
} from '../../src/react/i18n/format.ts';
import { catalogueFor, translate, translator } from '../../src/react/i18n/messages.ts';
import { repDe } from '../../src/react/rep/i18n/de.ts';
import { repEn } from '../../src/react/rep/i18n/en.ts';
import { repCatalogueFor, repTranslator } from '../../src/react/rep/i18n/repMessages.ts';

const NBSP = '\u00a0';

describe('formatMoney: decimal strings, exact, formatted by Intl', () => {
  it.each([
    ['1234.00', 'EUR', 'de-DE', {}, `1.234,00${NBSP}€`],
    ['1234.00', 'EUR', 'en', {}, '€1,234.00'],
    ['1234.5', 'EUR', 'en', {}, '€1,234.50'],
    // More digits than a double holds: the string goes to Intl untouched.
    ['12345678901234567.89', 'EUR', 'en', {}, '€12,345,678,901,234,567.89'],
    ['0.10', 'EUR', 'en', {}, '€0.10'],
    ['-45.00', 'EUR', 'de-DE', {}, `-45,00${NBSP}€`],
    ['1234', 'JPY', 'en', {}, '¥1,234'],
    ['1736.00', 'EUR', 'en', { short: true }, '€1,736'],
    ['1736.50', 'EUR', 'en', { short: true }, '€1,736.50'],
    ['190.00', 'EUR', 'en', { signed: true }, '+€190.00'],
  ])('%s %s %s %o → %s', (decimal, currency, locale, options, expected) => {
    expect(formatMoney(decimal, currency, locale, options)).toBe(expected);
  });

  it.each(['1,234.00', '12e3', '', 'NaN', '€5'])('rejects %j, naming it', (bad) => {
    expect(() => formatMoney(bad, 'EUR', 'en')).toThrow(`'${bad}'`);
  });
});

describe('formatDelta: signed, whole amounts without decimals', () => {
  it.each([
    ['120.00', 'EUR', 'en', '+€120'],
    ['-190.00', 'EUR', 'en', '-€190'],
    ['0.00', 'EUR', 'en', '€0'],
    ['69.68', 'EUR', 'en', '+€69.68'],
    ['120.00', 'EUR', 'de-DE', `+120${NBSP}€`],
    ['-190.00', 'EUR', 'de-DE', `-190${NBSP}€`],
  ])('%s %s %s → %s', (decimal, currency, locale, expected) => {
    expect(formatDelta(decimal, currency, locale)).toBe(expected);
  });
});

describe('formatRate', () => {
  it.each([
    ['0.19', 'en', '19%'],
    ['0.19', 'de-DE', `19${NBSP}%`],
    ['0.075', 'en', '7.5%'],
  ])('%s %s → %s', (decimal, locale, expected) => {
    expect(formatRate(decimal, locale)).toBe(expected);
  });
});

describe('formatDayMonth: day and month only (the timeline)', () => {
  it.each([
    ['2026-11-23', 'en-GB', '23 Nov'],
    ['2026-11-23', 'en-US', 'Nov 23'],
    ['2026-11-23', 'de-DE', '23. Nov.'],
    ['2026-12-31T23:30', 'en-GB', '31 Dec'],
  ] as const)('%s %s → %s', (date, locale, expected) => {
    expect(formatDayMonth(date, locale)).toBe(expected);
  });

  it('rejects a date that is not YYYY-MM-DD, naming it', () => {
    expect(() => formatDayMonth('23.11.2026', 'en')).toThrow("'23.11.2026'");
  });
});

describe('formatDate: a plain calendar date, never shifted by a time zone', () => {
  it.each([
    ['2026-03-02', 'en-US', 'medium', 'Mar 2, 2026'],
    ['2026-03-02', 'de-DE', 'medium', '02.03.2026'],
    ['2026-03-02', 'en-GB', 'long', '2 March 2026'],
    ['2026-01-01', 'de-DE', 'long', '1. Januar 2026'],
    // A plant-local date-time keeps its own day (no UTC conversion), even late in the evening.
    ['2026-12-31T23:30', 'en-US', 'medium', 'Dec 31, 2026'],
    ['2026-11-30T00:10', 'de-DE', 'short', '30.11.26'],
  ] as const)('%s %s %s → %s', (date, locale, style, expected) => {
    expect(formatDate(date, locale, style)).toBe(expected);
  });

  it.each(['02.03.2026', '2026-3-2', ''])('rejects %j, naming it', (bad) => {
    expect(() => formatDate(bad, 'en')).toThrow(`'${bad}'`);
  });
});

describe('messages', () => {
  it.each([
    ['en', 'price.tierHint', { quantity: 50, saves: '€1,736' }, 'Order 50 and save €1,736'],
    [
      'de-DE',
      'price.tierHint',
      { quantity: 50, saves: '1.736 €' },
      'Bestellen Sie 50 und sparen Sie 1.736 €',
    ],
    ['en', 'days.later', { count: 1 }, '+1 day'],
    ['en', 'days.later', { count: 9 }, '+9 days'],
    ['de-AT', 'days.later', { count: 1 }, '+1 Tag'],
    ['de', 'days.later', { count: 9 }, '+9 Tage'],
    ['fr-FR', 'badge.inStock', {}, 'in stock'],
    // A missing parameter stays visible instead of vanishing.
    ['en', 'price.total', { unused: 1 }, 'Total'],
    ['en', 'price.announce', {}, 'Price: {total}'],
  ] as const)('%s %s %o → %s', (locale, key, params, expected) => {
    expect(translator(locale)(key, params)).toBe(expected);
  });

  it.each([
    ['de', de],
    ['de-CH', de],
    ['DE_de', de],
    ['en-GB', en],
    ['pt-BR', en],
  ])('catalogueFor(%s)', (locale, catalogue) => {
    expect(catalogueFor(locale)).toBe(catalogue);
  });

  const placeholders = (m: unknown) =>
    JSON.stringify(m)
      .match(/\{\w+\}/g)
      ?.sort()
      .filter((x, i, all) => all.indexOf(x) === i) ?? [];

  it.each([
    ['the widget', en, de],
    ['rep mode', repEn, repDe],
  ] as const)(
    'German (%s) has every English key, the same shape and the same placeholders',
    (_name, english, german) => {
      const reference = english as Readonly<Record<string, Message>>;
      const other = german as Readonly<Record<string, Message>>;
      expect(Object.keys(other).sort()).toEqual(Object.keys(reference).sort());
      for (const key of Object.keys(reference)) {
        expect(typeof other[key], key).toBe(typeof reference[key]);
        expect(placeholders(other[key]), key).toEqual(placeholders(reference[key]));
        expect(translate(other, 'de', key, { count: 2 }), key).not.toBe('');
      }
    },
  );

  it('no key is in both the widget and the rep catalogue (one would hide the other)', () => {
    expect(Object.keys(repEn).filter((key) => key in en)).toEqual([]);
  });
});

describe('rep messages: the widget catalogue plus rep.* keys, by language', () => {
  it.each([
    ['de-AT', repDe],
    ['en-US', repEn],
    ['pt-BR', repEn],
  ])('repCatalogueFor(%s)', (locale, catalogue) => {
    expect(repCatalogueFor(locale)).toBe(catalogue);
  });

  it.each([
    ['en', 'rep.quote', {}, 'Quote'],
    ['de-DE', 'rep.quote', {}, 'Angebot'],
    ['de-DE', 'widget.loadError', {}, 'Dieses Produkt konnte nicht geladen werden'],
    ['en', 'rep.storedTitle', { number: 'Q-1', revision: 2 }, 'Quote Q-1 · revision 2'],
  ] as const)('%s %s %o → %s', (locale, key, params, expected) => {
    expect(repTranslator(locale)(key, params)).toBe(expected);
  });
});
