import { describe, expect, it } from 'vitest';
import * as zod from 'zod/mini';
import { englishMessage, z } from '../../src/engine/zod.ts';

/** Zod's own English locale: the messages the engine's are checked against, word for word. */
const zodEnglish = zod.locales.en().localeError!;

type Raw = Parameters<typeof englishMessage>[0];
const issue = (fields: Record<string, unknown>) => ({ input: undefined, ...fields }) as Raw;

const ISSUES: Raw[] = [
  issue({ code: 'invalid_type', expected: 'string', input: 3 }),
  issue({ code: 'invalid_type', expected: 'number', input: Number.NaN }),
  issue({ code: 'invalid_type', expected: 'number', input: Infinity }),
  issue({ code: 'invalid_type', expected: 'object', input: null }),
  issue({ code: 'invalid_type', expected: 'array', input: new Date(0) }),
  issue({ code: 'invalid_type', expected: 'string', input: undefined }),
  issue({ code: 'invalid_value', values: ['a'] }),
  issue({ code: 'invalid_value', values: [1n] }),
  issue({ code: 'invalid_value', values: ['a', 'b', 3] }),
  ...(['too_big', 'too_small'] as const).flatMap((code) =>
    [
      { origin: 'string', inclusive: true },
      { origin: 'array', inclusive: false },
      { origin: 'set', exact: true },
      { origin: 'map', inclusive: true },
      { origin: 'file', inclusive: true },
      { origin: 'number', inclusive: true },
      { origin: 'number', inclusive: false },
      { origin: 'bigint', exact: true },
      { origin: 'date', inclusive: true },
    ].map((f) => issue({ code, ...f, maximum: 24, minimum: 1 })),
  ),
  issue({ code: 'too_big', maximum: 5, inclusive: true }),
  issue({ code: 'invalid_format', format: 'regex', pattern: /^[a-z]+$/ }),
  issue({ code: 'invalid_format', format: 'email' }),
  issue({ code: 'invalid_format', format: 'starts_with', prefix: 'x' }),
  issue({ code: 'invalid_format', format: 'ends_with', suffix: 'y' }),
  issue({ code: 'invalid_format', format: 'includes', includes: 'z' }),
  issue({ code: 'not_multiple_of', divisor: 5 }),
  issue({ code: 'unrecognized_keys', keys: ['extra'] }),
  issue({ code: 'unrecognized_keys', keys: ['a', 'b'] }),
  issue({ code: 'invalid_key', origin: 'record' }),
  issue({ code: 'invalid_union', errors: [] }),
  issue({ code: 'invalid_union', errors: [], inclusive: false }),
  issue({ code: 'invalid_union', errors: [], options: ['steel', 'aluminium'] }),
  issue({ code: 'invalid_element', origin: 'map' }),
  issue({ code: 'custom' }),
];

describe("the engine's zod messages", () => {
  it.each(
    ISSUES.map(
      (i) => [JSON.stringify(i, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)), i] as const,
    ),
  )('are zod English, word for word: %s', (_, raw) => {
    expect(englishMessage(raw)).toBe(zodEnglish(raw));
  });

  it('of the formats, name the two the schemas use and the rest by their zod name', () => {
    expect(englishMessage(issue({ code: 'invalid_format', format: 'uuid' }))).toBe('Invalid uuid');
    expect(zodEnglish(issue({ code: 'invalid_format', format: 'uuid' }))).toBe('Invalid UUID');
  });

  it('are what parsing reports', () => {
    const line = z.strictObject({ sku: z.string(), qty: z.int().check(z.positive()) });
    const messages = line
      .safeParse({ sku: 1, qty: 0, extra: true })
      .error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      'Invalid input: expected string, received number',
      'Too small: expected number to be >0',
      'Unrecognized key: "extra"',
    ]);
  });
});
