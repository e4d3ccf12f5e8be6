import { describe, expect, it } from 'vitest';
import type { Selection, SelectionValue } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { complete } from '../../../src/engine/solver/complete.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { validate } from '../../../src/engine/solver/validate.ts';
import { agrees, enumerateValid, fixture, randomSelections, type Config } from './bruteForce.ts';

describe('complete: hand-checked cases', () => {
  const desk = compile(fixture('desk'));
  const cases: { selection: Selection; expected: Selection }[] = [
    {
      selection: {},
      expected: {
        frame: 'steel',
        top: 'laminate',
        width: 1400,
        motor: false,
        legs: 'round',
        cable: 'black',
        accessories: [],
      },
    },
    {
      selection: { width: 1300 },
      expected: {
        width: 1300,
        top: 'laminate',
        motor: false,
        frame: 'aluminium',
        cable: 'black',
        accessories: [],
      },
    },
  ];
  it.each(cases)('$selection', ({ selection, expected }) => {
    expect(complete(desk, selection)).toEqual(expected);
  });

  it('an inconsistent selection has no completion', () => {
    expect(() => complete(desk, { frame: 'wood', top: 'glass' })).toThrow(SolverError);
  });
});

/** The total cost of a configuration under a cost table. */
function costOf(c: Config, cost: (a: string, v: string) => number): number {
  let total = 0;
  for (const [id, v] of c) {
    if (v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) total += cost(id, String(x));
  }
  return total;
}

describe('complete: valid results on random selections (exhaustive check)', () => {
  for (const [name, seed] of [
    ['desk', 31],
    ['sofa', 32],
    ['mixed', 33],
  ] as const) {
    it(name, () => {
      const model = fixture(name);
      const compiled = compile(model);
      const valid = enumerateValid(model);
      const cost = (a: string, v: string) => ((a.length * 7 + v.length * 13) % 5) + 1;
      let checked = 0;
      for (const selection of randomSelections(model, valid, seed, 40)) {
        if (count(compiled, selection) === 0n) continue;
        const label = JSON.stringify(selection);
        const byDefaults = complete(compiled, selection);
        expect(validate(compiled, byDefaults), label).toEqual([]);
        expect(
          valid.some((c) => agrees(c, selection) && agrees(c, byDefaults)),
          label,
        ).toBe(true);

        const cheap = complete(compiled, selection, { kind: 'cost', cost });
        expect(validate(compiled, cheap), label).toEqual([]);
        // Defaults come first (each while some valid configuration keeps it), then the cheapest.
        const fixed: Record<string, SelectionValue> = { ...selection };
        for (const attr of model.attributes)
          if (!(attr.id in fixed) && attr.default !== undefined) {
            const withDefault = { ...fixed, [attr.id]: attr.default };
            if (valid.some((c) => agrees(c, withDefault))) fixed[attr.id] = attr.default;
          }
        const best = Math.min(...valid.filter((c) => agrees(c, fixed)).map((c) => costOf(c, cost)));
        expect(
          agrees(
            valid.find((c) => agrees(c, cheap))!,
            fixed,
          ),
          label,
        ).toBe(true);
        expect(costOf(new Map(Object.entries(cheap) as [string, never][]), cost), label).toBe(best);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }
});
