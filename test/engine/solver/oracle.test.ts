import { describe, expect, it } from 'vitest';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import type { Domains, ValueState } from '../../../src/engine/solver/types.ts';
import {
  agrees,
  enumerateValid,
  fixture,
  randomSelections,
  valueKeys,
  type Config,
} from './bruteForce.ts';

/** The states `domains` must give, straight from the definition in model.md. */
function expectedDomains(model: ProductModel, valid: Config[], selection: Selection): Domains {
  const out: Domains = {};
  for (const { id, multi, values } of valueKeys(model)) {
    const states: Record<string, ValueState> = {};
    const chosen = selection[id];
    for (const v of values) {
      const has = (c: Config) =>
        multi ? (c.get(id) as string[]).includes(v as string) : c.get(id) === v;
      let state: ValueState;
      if (multi ? Array.isArray(chosen) && chosen.includes(v as string) : chosen === v)
        state = 'selected';
      else if (
        valid.some((c) => {
          if (!agrees(c, selection, id) || !has(c)) return false;
          if (!multi || chosen === undefined) return true;
          const set = c.get(id) as string[];
          const want = [...(chosen as string[]), v as string];
          return set.length === want.length && want.every((x) => set.includes(x));
        })
      )
        state = 'available';
      else state = valid.some(has) ? 'conflict' : 'impossible';
      states[String(v)] = state;
    }
    out[id] = states;
  }
  return out;
}

const cases = [
  { name: 'desk', seed: 1 },
  { name: 'sofa', seed: 2 },
  { name: 'lintme', seed: 3 },
  { name: 'unsat', seed: 4 },
  { name: 'mixed', seed: 5 },
];

describe('solver agrees with exhaustive enumeration', () => {
  for (const { name, seed } of cases) {
    const model = fixture(name);
    const valid = enumerateValid(model);
    const compiled = compile(model);

    it(`${name}: count of all configurations`, () => {
      expect(count(compiled)).toBe(BigInt(valid.length));
    });

    it(`${name}: count and domains on 60 random partial selections`, () => {
      for (const selection of randomSelections(model, valid, seed, 60)) {
        const extending = valid.filter((c) => agrees(c, selection));
        expect(count(compiled, selection), JSON.stringify(selection)).toBe(
          BigInt(extending.length),
        );
        expect(domains(compiled, selection), JSON.stringify(selection)).toEqual(
          expectedDomains(model, valid, selection),
        );
      }
    });
  }
});
