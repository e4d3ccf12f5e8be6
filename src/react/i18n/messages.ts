import { useMemo } from 'react';
import { de } from './de.ts';
import { en, type Message, type MessageKey, type Messages } from './en.ts';

/** Interpolation values of a message: `{name}` placeholders; `count` also picks the plural form. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates a key with parameters in the catalogue's locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Readonly<Record<string, Messages>> = { en, de };

/**
 * The catalogue of a BCP 47 locale, by its language ("de-AT" → German); English when the
 * language has no catalogue.
 */
export function catalogueFor(locale: string): Messages {
  return byLanguage(catalogues, locale) ?? en;
}

/**
 * The entry of `byLang` for a BCP 47 locale's language ("de-AT" → `byLang.de`), if any.
 *
 * @example
 * byLanguage({ de: 'Deutsch' }, 'de-CH'); // 'Deutsch'
 */
export function byLanguage<T>(byLang: Readonly<Record<string, T>>, locale: string): T | undefined {
  return byLang[locale.toLowerCase().split(/[-_]/)[0] ?? 'en'];
}

function pick(message: Message, locale: string, params: MessageParams | undefined): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.count ?? 0);
  return new Intl.PluralRules(locale).select(count) === 'one' ? message.one : message.other;
}

/**
 * Formats one message: picks the plural form (by `count`), then replaces every `{name}` with its
 * parameter. A placeholder without a parameter is left as written, so a missing value is visible.
 *
 * @example
 * translate(en, 'en', 'price.tierHint', { quantity: 50, saves: '€1,736' }); // 'Order 50 and save €1,736'
 */
export function translate<K extends string>(
  messages: Readonly<Record<K, Message>>,
  locale: string,
  key: K,
  params?: MessageParams,
): string {
  const text = pick(messages[key], locale, params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** A `t()` for a locale (not a hook: usable in value-extras functions and tests). */
export function translator(locale: string): Translate {
  const messages = catalogueFor(locale);
  return (key, params) => translate(messages, locale, key, params);
}

/** The `t()` of a locale, memoised per locale. */
export function useMessages(locale: string): Translate {
  return useMemo(() => translator(locale), [locale]);
}
