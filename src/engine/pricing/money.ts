import Big from 'big.js';

/**
 * The one decimal module of the pricing engine: every amount is a `Decimal` (big.js), parsed from a
 * decimal string, never from a float. Multiplication and addition are exact; divisions are only
 * used for display (`DISPLAY_DP` places) or through `roundQuotient`, which rounds an exact quotient
 * without an intermediate rounding step (no double rounding).
 */
export type Decimal = Big;

/** A private big.js constructor: strict (no number inputs), plain notation, its own settings. */
const Dec = Big();
Dec.strict = true;
Dec.DP = 40;
Dec.RM = Dec.roundHalfUp;
Dec.NE = -100;
Dec.PE = 100;

/** Decimal places kept when an unrounded quotient is shown (a waterfall step of a slab line). */
export const DISPLAY_DP = 10;

/** How a half is rounded (pricing.md step 8): away from zero, or to the even neighbour. */
export type RoundingMode = 'halfUp' | 'halfEven';

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Whether `text` is a plain decimal string such as `"12.50"`, `"-0.01"` or `"19"`.
 *
 * @example
 * isDecimalString('12,50'); // false
 */
export function isDecimalString(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * Parses a decimal string strictly: digits with an optional "." and fraction, an optional minus.
 * Throws on anything else ("12,50", "1e3", " 5"); callers validate input with zod first.
 *
 * @example
 * dec('1120.00').times(dec('1.0850')).toFixed(); // '1215.2000'
 */
export function dec(text: string): Decimal {
  if (!DECIMAL.test(text)) throw new Error(`not a decimal string: '${text}'`);
  return new Dec(text);
}

/**
 * An integer (a quantity) as a decimal.
 *
 * @example
 * decInt(10).times(dec('1120.00')).toFixed(2); // '11200.00'
 */
export function decInt(n: number): Decimal {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return new Dec(String(n));
}

/**
 * A number attribute's value as a decimal (its shortest round-trip text; never money).
 *
 * @example
 * decNumber(1.5).toFixed(); // '1.5'
 */
export function decNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return new Dec(String(n).includes('e') ? n.toFixed(20) : String(n));
}

/** Zero. */
export const ZERO: Decimal = new Dec('0');
/** One. */
export const ONE: Decimal = new Dec('1');
const HUNDRED = new Dec('100');

/**
 * `percent` % of `amount`, exact.
 *
 * @example
 * percentOf(dec('1000'), dec('8')).toFixed(); // '80'
 */
export function percentOf(amount: Decimal, percent: Decimal): Decimal {
  return amount.times(percent).div(HUNDRED);
}

/**
 * `amount` reduced by `percent` %: amount × (1 − percent / 100), exact.
 *
 * @example
 * lessPercent(dec('1000'), dec('5')).toFixed(); // '950'
 */
export function lessPercent(amount: Decimal, percent: Decimal): Decimal {
  return amount.minus(percentOf(amount, percent));
}

function rm(mode: RoundingMode): 1 | 2 {
  switch (mode) {
    case 'halfUp':
      return Dec.roundHalfUp;
    case 'halfEven':
      return Dec.roundHalfEven;
    default:
      return mode satisfies never;
  }
}

/**
 * Rounds to `dp` decimal places. Half-up rounds halves away from zero (1.005 → 1.01, −1.005 →
 * −1.01); half-even to the even neighbour (1.005 → 1.00, 1.015 → 1.02).
 *
 * @example
 * round(dec('1.005'), 2, 'halfUp').toFixed(2); // '1.01'
 */
export function round(amount: Decimal, dp: number, mode: RoundingMode): Decimal {
  return amount.round(dp, rm(mode));
}

function scaleOf(d: Decimal): number {
  const text = d.toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function toBigInt(d: Decimal, scale: number): bigint {
  return BigInt(d.times(new Dec(`1e${scale}`)).toFixed(0));
}

/**
 * Rounds the exact quotient `numerator ÷ denominator` to `dp` places in one step (integer
 * arithmetic, so no intermediate rounding can move a value across a half).
 *
 * @example
 * roundQuotient(dec('1190.00'), dec('1.19'), 2, 'halfUp').toFixed(2); // '1000.00'
 */
export function roundQuotient(
  numerator: Decimal,
  denominator: Decimal,
  dp: number,
  mode: RoundingMode,
): Decimal {
  if (denominator.eq(ZERO)) throw new Error('division by zero');
  const scale = Math.max(scaleOf(numerator), scaleOf(denominator));
  let n = toBigInt(numerator, scale) * 10n ** BigInt(dp);
  let d = toBigInt(denominator, scale);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const absN = negative ? -n : n;
  let q = absN / d;
  const twice = (absN % d) * 2n;
  if (twice > d || (twice === d && (mode === 'halfUp' || q % 2n === 1n))) q += 1n;
  const text = q.toString().padStart(dp + 1, '0');
  const digits = dp === 0 ? text : `${text.slice(0, -dp)}.${text.slice(-dp)}`;
  return new Dec(negative && q !== 0n ? `-${digits}` : digits);
}

/**
 * `numerator ÷ denominator` for display: at most `DISPLAY_DP` places, trailing zeros dropped.
 *
 * @example
 * divForDisplay(dec('15.5'), dec('15')).toFixed(); // '1.0333333333'
 */
export function divForDisplay(numerator: Decimal, denominator: Decimal): Decimal {
  return new Dec(roundQuotient(numerator, denominator, DISPLAY_DP, 'halfUp').toFixed());
}

/**
 * Rounds to the nearest multiple of `step` (charm and formula rounding: 1,215.20 → 1,215.00 with
 * step 1; 985.60 → 990.00 with step 10).
 *
 * @example
 * roundToMultiple(dec('985.60'), dec('10'), 'halfUp').toFixed(2); // '990.00'
 */
export function roundToMultiple(amount: Decimal, step: Decimal, mode: RoundingMode): Decimal {
  return roundQuotient(amount, step, 0, mode).times(step);
}

const FALLBACK_MINOR_UNITS: Readonly<Record<string, number>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  CAD: 2,
  AUD: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  SGD: 2,
  HKD: 2,
  NZD: 2,
  TRY: 2,
  AED: 2,
  SAR: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  HUF: 2,
  PYG: 0,
  UGX: 0,
  XOF: 0,
  XAF: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  IQD: 3,
  LYD: 3,
  TND: 3,
};

/**
 * The ISO 4217 minor unit of a currency (EUR 2, JPY 0, KWD 3), from `Intl` when present, else
 * from a built-in table (2 for unknown codes).
 *
 * @example
 * minorUnits('KWD'); // 3
 */
export function minorUnits(currency: string): number {
  const known = minorUnitCache.get(currency);
  if (known !== undefined) return known;
  const digits = intlMinorUnits(currency) ?? FALLBACK_MINOR_UNITS[currency] ?? 2;
  minorUnitCache.set(currency, digits);
  return digits;
}

/** Minor units by currency: a pure function of the code, so caching it changes no result. */
const minorUnitCache = new Map<string, number>();

function intlMinorUnits(currency: string): number | undefined {
  const intl = (globalThis as { Intl?: typeof Intl }).Intl;
  if (intl?.NumberFormat) {
    try {
      return new intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      // an unknown or malformed code: fall through to the table
    }
  }
  return undefined;
}

/**
 * A money amount as a fixed decimal string with exactly the currency's minor units (no rounding
 * happens here: the amount must already be rounded, or it is shown with more places).
 *
 * @example
 * money(dec('12.5'), 'EUR'); // '12.50'
 */
export function money(amount: Decimal, currency: string): string {
  const dp = minorUnits(currency);
  return scaleOf(amount) > dp ? amount.toFixed() : amount.toFixed(dp);
}

/**
 * Any decimal as plain text (no exponent), trailing zeros kept as computed.
 *
 * @example
 * plain(dec('12.50')); // '12.5'
 */
export function plain(amount: Decimal): string {
  return amount.toFixed();
}

/**
 * The amount in minor units as a bigint (the amount must already be rounded to them).
 *
 * @example
 * toMinor(dec('12.34'), 'EUR'); // 1234n
 */
export function toMinor(amount: Decimal, currency: string): bigint {
  return toBigInt(amount, minorUnits(currency));
}

/**
 * A bigint count of minor units back to a decimal amount.
 *
 * @example
 * fromMinor(1234n, 'KWD').toFixed(3); // '1.234'
 */
export function fromMinor(units: bigint, currency: string): Decimal {
  return new Dec(units.toString()).div(new Dec(`1e${minorUnits(currency)}`));
}
