import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { byLanguage, catalogueFor, translate, type MessageParams } from '../../i18n/messages.ts';
import { repDe } from './de.ts';
import { repEn, type RepMessageKey, type RepMessages } from './en.ts';

/** A `t()` of the rep components: the widget's keys and the rep mode's `rep.*` keys. */
export type RepTranslate = (key: MessageKey | RepMessageKey, params?: MessageParams) => string;

const repCatalogues: Readonly<Record<string, RepMessages>> = { en: repEn, de: repDe };

/**
 * The rep catalogue of a BCP 47 locale, by its language; English when the language has none.
 *
 * @example
 * repCatalogueFor('de-AT')['rep.quote']; // 'Angebot'
 */
export function repCatalogueFor(locale: string): RepMessages {
  return byLanguage(repCatalogues, locale) ?? repEn;
}

/** The rep components' `t()` for a locale (not a hook: usable in formatters and tests). */
export function repTranslator(locale: string): RepTranslate {
  const messages = { ...catalogueFor(locale), ...repCatalogueFor(locale) };
  return (key, params) => translate(messages, locale, key, params);
}

/** The rep components' `t()` of a locale, memoised per locale. */
export function useRepMessages(locale: string): RepTranslate {
  return useMemo(() => repTranslator(locale), [locale]);
}
