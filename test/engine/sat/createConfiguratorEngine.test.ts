import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { createConfiguratorEngine } from '../../../src/engine/index.ts';

const desk = parseModel(
  JSON.parse(readFileSync(new URL('../../../public/catalogue/desk.json', import.meta.url), 'utf8')),
);

describe('createConfiguratorEngine', () => {
  it('answers through the diagram when the model compiles', () => {
    const engine = createConfiguratorEngine(desk);
    expect(engine.kind).toBe('diagram');
    expect(engine.count?.({})).toBeGreaterThan(0n);
  });

  it('never refuses a model: past the node limit the SAT fallback gives the same answers', () => {
    const diagram = createConfiguratorEngine(desk);
    const sat = createConfiguratorEngine(desk, { maxNodes: 5 });
    expect(sat.kind).toBe('sat');
    const full = diagram.complete({});
    const [first, second] = Object.keys(full);
    for (const selection of [{}, { [first!]: full[first!]! }, { [second!]: full[second!]! }]) {
      expect(sat.domains(selection)).toEqual(diagram.domains(selection));
      expect(sat.complete(selection)).toEqual(diagram.complete(selection));
    }
    // a narrow selection: few enough configurations for the fallback to count them
    const narrow = Object.fromEntries(Object.entries(full).slice(0, -2));
    expect(sat.count(narrow)).toBe(diagram.count(narrow));
    expect(() => sat.count({})).toThrow(/COUNT|not available on the SAT fallback/);
    const states = diagram.domains(full);
    let conflicts = 0;
    for (const [id, values] of Object.entries(states))
      for (const [key, state] of Object.entries(values))
        if (state === 'conflict' && conflicts++ < 10) {
          expect(sat.explain(full, id, key)).toEqual(diagram.explain(full, id, key));
          expect(sat.repair(full, id, key)).toEqual(diagram.repair(full, id, key));
        }
    expect(conflicts).toBeGreaterThan(0);
    expect(sat.validate(full)).toEqual([]);
    expect(sat.validate({ nope: 1 })).toEqual(diagram.validate({ nope: 1 }));
  });
});
