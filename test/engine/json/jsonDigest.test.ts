import { describe, expect, it } from 'vitest';
import { jsonDigest } from '../../../src/engine/json/jsonDigest.ts';

describe('jsonDigest', () => {
  it('is the same whatever order the keys were written in, and drops undefined members', () => {
    expect(jsonDigest({ b: 1, a: [true, { d: 'x', c: null }] })).toBe(
      jsonDigest({ a: [true, { c: null, d: 'x' }], b: 1 }),
    );
    expect(jsonDigest({ a: 1, b: undefined })).toBe(jsonDigest({ a: 1 }));
    expect(jsonDigest({ a: 1 })).toMatch(/^d64:[0-9a-f]{16}$/);
  });

  it('tells apart values that differ in content, type or structure', () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      1,
      '1',
      '',
      [],
      {},
      [null],
      ['ab', 'c'],
      ['a', 'bc'],
      ['abc'],
      [['a'], 'b'],
      [['a', 'b']],
      { a: 'b' },
      { ab: '' },
      { a: { b: 1 } },
      { a: { b: 2 } },
      { a: [1, 2] },
      { a: [2, 1] },
      [{}, {}],
      [{}],
      1.5,
      -1,
    ];
    const digests = values.map(jsonDigest);
    expect(new Set(digests).size).toBe(values.length);
  });

  it('changes when one character deep in a large document changes', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`v${i}`, String(i % 7), i]);
    const before = jsonDigest({ rows });
    rows[1234]![1] = 'x';
    expect(jsonDigest({ rows })).not.toBe(before);
  });
});
