import { describe, expect, it } from 'vitest';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { repair } from '../../../src/engine/solver/repair.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { enumerateValid, fixture, randomSelections } from './bruteForce.ts';

/**
 * How far a configuration is from `selection` (its other choices): [values changed (a multi:
 * items), choices cleared].
 */
function distance(
  model: ProductModel,
  selection: Selection,
  attribute: string,
  valueOf: (id: string) => unknown,
): [number, number] {
  let changed = 0;
  let cleared = 0;
  for (const [id, held] of Object.entries(selection)) {
    if (id === attribute || model.attributes.find((a) => a.id === id)?.type === 'text') continue;
    const v = valueOf(id);
    if (Array.isArray(held)) {
      const now: string[] = Array.isArray(v) ? v : [];
      changed += held.filter((x) => !now.includes(x)).length;
      changed += now.filter((x) => !held.includes(x)).length;
    } else if (v === null || v === undefined) {
      changed++;
      cleared++;
    } else if (v !== held) changed++;
  }
  return [changed, cleared];
}

/** The desk fixture's nearest configuration to { frame: wood, motor: false } with a glass top. */
const GLASS: Selection = { frame: 'steel', motor: false, top: 'glass' };

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
      name: 'changes the frame that clashes with glass to one that fits, keeps the rest',
      selection: { frame: 'wood', motor: false, top: 'oak' },
      choose: ['top', 'glass'],
      expected: GLASS,
    },
    {
      name: 'a value over "not chosen": the motor is switched off; the legs, irrelevant on wood, go',
      selection: { motor: true, frame: 'steel', legs: 'round' },
      choose: ['frame', 'wood'],
      expected: { motor: false, frame: 'wood' },
    },
    {
      name: 'recency decides which of two clashing earlier choices changes: the older',
      selection: { cable: 'white', legs: 'square' },
      recency: ['cable', 'legs'],
      choose: ['frame', 'steel'],
      expected: { cable: 'black', legs: 'square', frame: 'steel' },
    },
    {
      name: 'same, other recency',
      selection: { cable: 'white', legs: 'square' },
      recency: ['legs', 'cable'],
      choose: ['frame', 'steel'],
      expected: { cable: 'white', legs: 'round', frame: 'steel' },
    },
    {
      name: 'a multi value joins the set; the motor it needs drops nothing else',
      selection: { accessories: ['rack'], motor: false, frame: 'steel' },
      choose: ['accessories', 'lamp'],
      expected: { accessories: ['rack', 'lamp'], motor: true, frame: 'steel' },
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
    it(`${name}: the result is completable, has the value, and is the nearest (brute force)`, () => {
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
            // Nearest, against every valid configuration with the new choice (a multi: the set
            // it became): no fewer changes, and among as many changes no fewer choices cleared.
            const best = valid
              .filter((c) => {
                const v = c.get(attribute);
                return Array.isArray(v)
                  ? JSON.stringify([...v].sort()) ===
                      JSON.stringify([...(chosen as string[])].sort())
                  : String(v) === value;
              })
              .map((c) => distance(model, selection, attribute, (id) => c.get(id) ?? null))
              .reduce((a, b) => (b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a));
            const got = distance(model, selection, attribute, (id) =>
              id in r.selection ? (r.selection[id] as never) : null,
            );
            expect(got, label).toEqual(best);
            checked++;
          }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
