import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';

/** 40 four-valued attributes (4^40 ≈ 1.2e24 configurations: past 2^53) and one implication. */
function wideModel() {
  const values = ['v0', 'v1', 'v2', 'v3'].map((id) => ({ id, label: id }));
  return parseModel({
    schemaVersion: 1,
    id: 'WIDE',
    version: '1',
    name: 'Wide',
    plantId: 'P',
    category: 'c',
    groups: [{ id: 'g', label: 'G' }],
    attributes: Array.from({ length: 40 }, (_, i) => ({
      id: `a${i}`,
      label: `A${i}`,
      group: 'g',
      type: 'choice',
      values,
    })),
    constraints: [{ id: 'imp', rule: "a0 = 'v0' -> a1 = 'v1'" }],
  });
}

describe('count is exact past 2^53', () => {
  const compiled = compile(wideModel());
  const cases: { selection: Selection; expected: bigint }[] = [
    { selection: {}, expected: 13n * 4n ** 38n },
    { selection: { a0: 'v0' }, expected: 4n ** 38n },
    { selection: { a0: 'v0', a1: 'v2' }, expected: 0n },
    { selection: { a5: 'v3' }, expected: 13n * 4n ** 37n },
  ];
  it.each(cases)('$selection → $expected', ({ selection, expected }) => {
    expect(count(compiled, selection)).toBe(expected);
  });
});
