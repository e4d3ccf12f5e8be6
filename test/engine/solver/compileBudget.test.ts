import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compile,
  createConfiguratorEngine,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_WORK,
  importDimacs,
  parseModel,
  SolverError,
} from '../../../src/engine/index.ts';
import { Mdd } from '../../../src/engine/solver/mdd.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { fixture, enumerateValid, randomSelections } from './bruteForce.ts';

function limitOf(run: () => unknown): SolverError {
  try {
    run();
  } catch (error) {
    if (error instanceof SolverError && error.code === 'COMPILE_LIMIT') return error;
    throw error;
  }
  throw new Error('expected COMPILE_LIMIT');
}

describe('the compile work budget (maxWork: nodes made, garbage included)', () => {
  it('the store counts every node it made, collected ones too, and stops at maxMade', () => {
    const m = new Mdd([3, 3], Number.POSITIVE_INFINITY, 4);
    const a = m.unary(0, [0]);
    m.unary(0, [1]);
    expect(m.madeCount).toBe(2);
    m.collect([a]);
    expect(m.nodeCount).toBe(3);
    m.unary(1, [2]);
    m.unary(1, [0, 1]);
    expect(m.madeCount).toBe(4);
    expect(m.unary(0, [0])).toBe(a); // found in the unique table: nothing made
    expect(() => m.unary(1, [0])).toThrow(expect.objectContaining({ code: 'COMPILE_LIMIT' }));
    expect(m.peakCount).toBe(5); // the terminals, a, and the two made after the collection
  });

  it('a compile past its work budget stops with COMPILE_LIMIT, every order tried within it', () => {
    const model = fixture('sofa');
    const error = limitOf(() => compile(model, { maxWork: 40 }));
    expect(error.message).toMatch(/work budget/);
    expect(error.details['work']).toBeLessThanOrEqual(40);
    expect(error.details['work']).toBeGreaterThanOrEqual(error.details['made']!);
    // with enough work, the same model compiles to the same diagram as under the defaults
    expect(count(compile(model, { maxWork: 1_000_000 }))).toBe(count(compile(model)));
  });

  it('an explicit order gets the whole budget in one try', () => {
    const model = fixture('sofa');
    const order = compile(model).attributes.map((_, i) => i);
    const error = limitOf(() => compile(model, { order, maxWork: 10 }));
    expect(error.details['work']).toBe(10);
    expect(count(compile(model, { order, maxWork: 1_000_000 }))).toBe(count(compile(model)));
  });

  it('past the budget the engine answers through the SAT fallback, exactly as the diagram', () => {
    const model = fixture('sofa');
    const diagram = createConfiguratorEngine(model);
    const sat = createConfiguratorEngine(model, { maxWork: 40 });
    expect([diagram.kind, sat.kind]).toEqual(['diagram', 'sat']);
    for (const selection of randomSelections(model, enumerateValid(model), 7, 15)) {
      expect(sat.domains(selection)).toEqual(diagram.domains(selection));
      expect(sat.feasible(selection)).toBe(diagram.feasible(selection));
    }
  });

  const automotive = new URL(
    '../../../../shared/benchmarks/feature-models/automotive01__automotive01.dimacs',
    import.meta.url,
  );
  it.skipIf(!existsSync(automotive))(
    'Automotive01 (does not compile): the defaults give up within the budget',
    () => {
      const model = parseModel(importDimacs(readFileSync(automotive, 'utf8')));
      const error = limitOf(() => compile(model));
      expect(error.details['work']).toBeLessThanOrEqual(DEFAULT_MAX_WORK);
      expect(error.details['nodes']).toBeLessThanOrEqual(DEFAULT_MAX_NODES);
    },
    300_000,
  );
});
