import { describe, expect, it } from 'vitest';
import type { Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { repair } from '../../../src/engine/solver/repair.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { enumerateValid, fixture, randomSelections } from './bruteForce.ts';

describe('repair: hand-checked cases', () => {
  const desk = compile(fixture('desk'));
  const cases: {
    name: string;
    selection: Selection;
    recency?: string[];
    choose: [string, string];
    expected: Selection;
  }[] = [
    {
      name: 'drops the frame that clashes with glass, keeps the rest',
      selection: { frame: 'wood', motor: false, top: 'oak' },
      choose: ['top', 'glass'],
      expected: { motor: false, top: 'glass' },
    },
    {
      name: 'the most recent of two clashing choices wins (key order)',
      selection: { motor: true, frame: 'steel', legs: 'round' },
      choose: ['frame', 'wood'],
      expected: { frame: 'wood' },
    },
    {
      name: 'recency decides which of two clashing earlier choices stays',
      selection: { cable: 'white', legs: 'square' },
      recency: ['cable', 'legs'],
      choose: ['frame', 'steel'],
      expected: { legs: 'square', frame: 'steel' },
    },
    {
      name: 'same, other recency',
      selection: { cable: 'white', legs: 'square' },
      recency: ['legs', 'cable'],
      choose: ['frame', 'steel'],
      expected: { cable: 'white', frame: 'steel' },
    },
    {
      name: 'a multi value joins the set; the motor it needs drops nothing else',
      selection: { accessories: ['rack'], motor: false, frame: 'steel' },
      choose: ['accessories', 'lamp'],
      expected: { accessories: ['rack', 'lamp'], frame: 'steel' },
    },
  ];
  it.each(cases)('$name', ({ selection, recency, choose, expected }) => {
    const r = repair(desk, selection, choose[0], choose[1], recency);
    expect(r.selection).toEqual(expected);
    expect(count(desk, r.selection)).toBeGreaterThan(0n);
    const changed = new Set(r.changes.map((c) => c.attribute));
    for (const id of new Set([...Object.keys(selection), ...Object.keys(expected)]))
      expect(changed.has(id), id).toBe(
        JSON.stringify(selection[id]) !== JSON.stringify(expected[id]),
      );
  });

  it('refuses a value that no valid configuration has', () => {
    expect(() => repair(desk, {}, 'width', '1000')).toThrow(SolverError);
  });
});

describe('repair: every conflicting value on random selections', () => {
  for (const [name, seed] of [
    ['desk', 21],
    ['sofa', 22],
    ['mixed', 23],
  ] as const) {
    it(`${name}: the result is completable, has the value, and no dropped choice fits back`, () => {
      const model = fixture(name);
      const compiled = compile(model);
      const valid = enumerateValid(model);
      let checked = 0;
      for (const selection of randomSelections(model, valid, seed, 15)) {
        for (const [attribute, values] of Object.entries(domains(compiled, selection)))
          for (const [value, state] of Object.entries(values)) {
            if (state !== 'conflict') continue;
            const r = repair(compiled, selection, attribute, value);
            const label = JSON.stringify({ selection, attribute, value, r });
            expect(count(compiled, r.selection), label).toBeGreaterThan(0n);
            const chosen = r.selection[attribute];
            expect(Array.isArray(chosen) ? chosen.includes(value) : String(chosen), label).toBe(
              Array.isArray(chosen) ? true : value,
            );
            // Greedy from the newest: a dropped choice clashes with the newer ones kept.
            const order = Object.keys(selection);
            for (const id of order) {
              if (id === attribute || id in r.selection) continue;
              const newer = Object.fromEntries(
                order
                  .slice(order.indexOf(id) + 1)
                  .filter((k) => k in r.selection && k !== attribute)
                  .map((k) => [k, r.selection[k]!]),
              );
              const back = { ...newer, [attribute]: chosen!, [id]: selection[id]! };
              expect(count(compiled, back), `${label}: ${id}`).toBe(0n);
            }
            checked++;
          }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
