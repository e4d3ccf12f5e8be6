import { Temporal } from 'temporal-polyfill';
import type { PriceViolation } from '../../engine/index.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { repTranslator, type RepTranslate } from './i18n/repMessages.ts';

/**
 * The rep components' words and figures in one locale and currency: the catalogue's `t`, money
 * (decimal strings, exact), calendar dates, percentages written as "12.5" (meaning 12.5 %), counts,
 * and the locale's decimal separator (what a rep types in a discount field).
 */
export interface RepFormat {
  locale: string;
  currency: string;
  t: RepTranslate;
  money: (decimal: string) => string;
  /** A decimal money string with its sign ("+€12.00", "-€12.00"; "€0.00" for none). */
  signedMoney: (decimal: string) => string;
  date: (isoDate: string) => string;
  /**
   * The calendar day of an instant (an ISO timestamp such as a server's `approvedAt`) where the
   * rep is: in the browser's time zone, so that 00:30 in Berlin is not "yesterday".
   */
  instantDate: (instant: string) => string;
  /** A percentage written as a decimal string of percent points: "40" is "40%" ("40 %" in German). */
  percent: (points: string) => string;
  count: (n: number) => string;
  decimalSeparator: string;
}

const cache = new Map<string, RepFormat>();

/**
 * The `RepFormat` of a locale and currency (memoised: one per pair).
 *
 * @example
 * repFormat('de-DE', 'EUR').money('1234.5'); // '1.234,50 €'
 */
export function repFormat(locale: string, currency: string): RepFormat {
  const key = `${locale}|${currency}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const percent = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'percent',
    maximumFractionDigits: 4,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const separator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ??
    '.';
  const format: RepFormat = {
    locale,
    currency,
    t: repTranslator(locale),
    money: (d) => formatMoney(d, currency, locale),
    signedMoney: (d) => formatMoney(d, currency, locale, { signed: true }),
    date: (d) => formatDate(d, locale),
    instantDate: (i) =>
      formatDate(
        Temporal.Instant.from(i)
          .toZonedDateTimeISO(Temporal.Now.timeZoneId())
          .toPlainDate()
          .toString(),
        locale,
      ),
    percent: (p) => percent.format(p as Intl.StringNumericLiteral),
    count: (n) => count.format(n),
    decimalSeparator: separator,
  };
  cache.set(key, format);
  return format;
}

/**
 * A guardrail violation in the rep's language, with its figures formatted (the engine's own
 * `message` is English): the line, what the price or discount is and the limit it passes.
 */
export function violationText(
  v: Pick<PriceViolation, 'rule' | 'limit' | 'actual'> & { lineId?: string | undefined },
  f: RepFormat,
): string {
  const line = v.lineId ?? '';
  switch (v.rule) {
    case 'minNetUnit':
      return f.t('rep.violation.minNetUnit', {
        line,
        actual: f.money(v.actual),
        limit: f.money(v.limit),
      });
    case 'maxDiscountPercent':
      return f.t('rep.violation.maxDiscountPercent', {
        line,
        actual: f.percent(v.actual),
        limit: f.percent(v.limit),
      });
    case 'documentDiscount':
      return f.t('rep.violation.documentDiscount', {
        actual: f.money(v.actual),
        limit: f.money(v.limit),
      });
    default:
      return v.rule satisfies never;
  }
}
