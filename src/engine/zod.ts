/**
 * The engine's zod: `zod/mini` (tree-shakable, ≈ 18 kB lighter in the browser than `zod`, see
 * embed.md) with English messages, so every issue reads "Invalid input: expected string, received
 * number" rather than "Invalid input". Import `z` from here, never from `zod`.
 *
 * The messages are zod's own English ones (`zod/v4/locales/en.js`), word for word, for every issue
 * code; of the string formats only the two Madeto's schemas use (`regex`, `email`) have their
 * names, any other reads "Invalid <format>". Zod's locale names thirty formats and weighs 1 kB
 * gzipped in the shop app.
 *
 * @example
 * import { z } from '../zod.ts';
 * const Line = z.object({ sku: z.string(), qty: z.int().check(z.positive()) });
 * Line.safeParse({ sku: 1, qty: 0 }).error?.issues[0]?.message; // 'Invalid input: expected string, received number'
 */
import * as z from 'zod/mini';

/** A value as zod's messages print it (strings quoted, bigints with `n`). */
const stringifyPrimitive = (value: unknown) =>
  typeof value === 'bigint'
    ? `${value}n`
    : typeof value === 'string'
      ? `"${value}"`
      : String(value);
const joinValues = (values: readonly unknown[], separator: string) =>
  values.map(stringifyPrimitive).join(separator);

/** The type zod's messages say it received (zod's `util.parsedType`). */
function parsedType(data: unknown): string {
  if (typeof data === 'number') return Number.isNaN(data) ? 'nan' : 'number';
  if (typeof data !== 'object') return typeof data;
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  const proto: unknown = Object.getPrototypeOf(data);
  return proto !== Object.prototype && 'constructor' in data && data.constructor
    ? (data.constructor as { name: string }).name
    : 'object';
}

/** How a too-long or too-short string, array, set or map is measured. */
const UNITS: Partial<Record<string, string>> = {
  string: 'characters',
  file: 'bytes',
  array: 'items',
  set: 'items',
  map: 'entries',
};

/** A type's name in a message (NaN and infinities as they print). */
const typeName = (type: string, input?: unknown) =>
  type === 'number' && typeof input === 'number' && !Number.isFinite(input)
    ? String(input)
    : type === 'nan'
      ? 'NaN'
      : type;

type Issue = z.core.$ZodRawIssue;

/** Zod's English message of an issue (see the module comment). */
export function englishMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(parsedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`
        : `Invalid option: expected one of ${joinValues(issue.values, '|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const adj = issue.exact
        ? 'exactly '
        : issue.inclusive
          ? big
            ? '<='
            : '>='
          : big
            ? '<'
            : '>';
      const bound = String(big ? issue.maximum : issue.minimum);
      const unit = UNITS[issue.origin ?? ''];
      const origin = big ? (issue.origin ?? 'value') : issue.origin;
      const head = `${big ? 'Too big' : 'Too small'}: expected ${origin}`;
      return unit ? `${head} to have ${adj}${bound} ${unit}` : `${head} to be ${adj}${bound}`;
    }
    case 'invalid_format': {
      const i = issue as Issue & {
        prefix?: string;
        suffix?: string;
        includes?: string;
        pattern?: RegExp;
      };
      switch (i.format) {
        case 'starts_with':
          return `Invalid string: must start with "${i.prefix}"`;
        case 'ends_with':
          return `Invalid string: must end with "${i.suffix}"`;
        case 'includes':
          return `Invalid string: must include "${i.includes}"`;
        case 'regex':
          return `Invalid string: must match pattern ${i.pattern}`;
        case 'email':
          return 'Invalid email address';
        default:
          return `Invalid ${i.format}`;
      }
    }
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${joinValues(issue.keys, ', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union': {
      const options = (issue as Issue & { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0)
        return `Invalid discriminator value. Expected ${options.map((o) => `'${String(o)}'`).join(' | ')}`;
      return (issue as Issue & { inclusive?: boolean }).inclusive === false
        ? 'Invalid input: more than one option matched'
        : 'Invalid input';
    }
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    default:
      return 'Invalid input';
  }
}

z.config({ localeError: englishMessage });

export { z };
