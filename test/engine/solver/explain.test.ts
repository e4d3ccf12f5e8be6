import { describe, expect, it } from 'vitest';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { explain } from '../../../src/engine/solver/explain.ts';
import type { Explanation } from '../../../src/engine/solver/types.ts';
import {
  agrees,
  constraintHolds,
  enumerateAll,
  enumerateValid,
  fixture,
  randomSelections,
  same,
  valueKeys,
  type Config,
} from './bruteForce.ts';

/**
 * Whether some configuration satisfies the explanation's constraints and selections together
 * with `attribute = value` (for a multi: value in the set, and when the attribute's own
 * selection is part of the set of elements, exactly its set plus the value).
 */
function consistent(
  model: ProductModel,
  all: Config[],
  selection: Selection,
  e: Pick<Explanation, 'attribute' | 'value' | 'constraints' | 'selections'>,
): boolean {
  const key = valueKeys(model).find((k) => k.id === e.attribute)!;
  const value = key.values.find((v) => String(v) === e.value)!;
  return all.some((c) => {
    const got = c.get(e.attribute);
    if (key.multi) {
      if (!(got as string[]).includes(value as string)) return false;
      if (e.selections.includes(e.attribute)) {
        const own = selection[e.attribute] as string[];
        if (!same(got, [...new Set([...own, value as string])])) return false;
      }
    } else if (got !== value) return false;
    const others = e.selections.filter((id) => id !== e.attribute);
    if (!agrees(c, Object.fromEntries(others.map((id) => [id, selection[id]!])))) return false;
    return e.constraints.every((k) => constraintHolds(model, k.id, c));
  });
}

describe('explain: hand-checked explanations', () => {
  const desk = compile(fixture('desk'));
  const cases: {
    selection: Selection;
    why: [string, string];
    constraints: string[];
    selections: string[];
  }[] = [
    {
      selection: { frame: 'wood', motor: false },
      why: ['top', 'glass'],
      constraints: ['glass-not-wood'],
      selections: ['frame'],
    },
    {
      selection: { frame: 'aluminium' },
      why: ['legs', 'round'],
      constraints: ['relevance:legs'],
      selections: ['frame'],
    },
    {
      selection: {},
      why: ['width', '1000'],
      constraints: ['wide-oak', 'narrow-steel'],
      selections: [],
    },
    {
      selection: { frame: 'steel', top: 'oak' },
      why: ['top', 'laminate'],
      constraints: [],
      selections: [],
    },
  ];
  it.each(cases)('$why with $selection', ({ selection, why, constraints, selections }) => {
    const e = explain(desk, selection, why[0], why[1]);
    expect(e.constraints.map((c) => c.id).sort()).toEqual([...constraints].sort());
    expect(e.selections.sort()).toEqual([...selections].sort());
    for (const c of e.constraints) expect(c.message).not.toBe('');
  });
});

describe('explain: explanations block the value and are subset-minimal (exhaustive check)', () => {
  for (const [name, seed] of [
    ['desk', 11],
    ['sofa', 12],
    ['lintme', 13],
    ['mixed', 14],
  ] as const) {
    it(name, () => {
      const model = fixture(name);
      const compiled = compile(model);
      const all = enumerateAll(model);
      const valid = enumerateValid(model);
      let checked = 0;
      for (const selection of randomSelections(model, valid, seed, 12)) {
        const states = domains(compiled, selection);
        for (const [attribute, values] of Object.entries(states))
          for (const [value, state] of Object.entries(values)) {
            if (state !== 'conflict' && state !== 'impossible') continue;
            const e = explain(compiled, selection, attribute, value);
            const label = JSON.stringify({ selection, attribute, value, e });
            expect(consistent(model, all, selection, e), label).toBe(false);
            if (state === 'impossible') expect(e.selections, label).toEqual([]);
            for (const k of e.constraints) {
              const fewer = { ...e, constraints: e.constraints.filter((x) => x !== k) };
              expect(consistent(model, all, selection, fewer), `${label} without ${k.id}`).toBe(
                true,
              );
            }
            for (const s of e.selections) {
              const fewer = { ...e, selections: e.selections.filter((x) => x !== s) };
              expect(consistent(model, all, selection, fewer), `${label} without ${s}`).toBe(true);
            }
            checked++;
          }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
