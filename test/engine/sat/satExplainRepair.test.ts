import { describe, expect, it } from 'vitest';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { encodeModel, type SatEncoding } from '../../../src/engine/sat/encodeModel.ts';
import { satCount } from '../../../src/engine/sat/satCount.ts';
import { satExplain } from '../../../src/engine/sat/satExplain.ts';
import { satRepair } from '../../../src/engine/sat/satRepair.ts';
import { compile, type CompiledModel } from '../../../src/engine/solver/compile.ts';
import { complete } from '../../../src/engine/solver/complete.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { explain } from '../../../src/engine/solver/explain.ts';
import { recencyRanks, repair } from '../../../src/engine/solver/repair.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import type { Repair } from '../../../src/engine/solver/types.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { fixture } from '../solver/bruteForce.ts';
import { randomSelections, readCatalogue } from './satFixtures.ts';

/**
 * explain, repair and count of the SAT fallback against the diagram's, on the sample products,
 * the test fixtures and Renault small, for seeded random partial selections and every value they
 * leave in conflict (or impossible), up to a cap per model.
 */

/** A repair's cost in the diagram's terms ×2n²: a change 2n² + rank, a clear n more. */
function cost(model: ProductModel, selection: Selection, attribute: string, r: Repair): number {
  const { n, rank } = recencyRanks(selection, Object.keys(selection));
  let total = 0;
  for (const [id, held] of Object.entries(selection)) {
    if (id === attribute || model.attributes.find((a) => a.id === id)?.type === 'text') continue;
    const now = r.selection[id];
    const change = 2 * n * n + rank.get(id)!;
    if (Array.isArray(held)) {
      const set: readonly unknown[] = Array.isArray(now) ? now : [];
      total += change * held.filter((x) => !set.includes(x)).length;
      total += change * set.filter((x) => !held.includes(x as string)).length;
    } else if (now === undefined) total += change + n;
    else if (now !== held) total += change;
  }
  return total;
}

const outcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (error) {
    if (error instanceof SolverError) return error.code;
    throw error;
  }
};

interface Tally {
  explained: number;
  repaired: number;
  sameRepair: number;
  counted: number;
}

function agree(model: ProductModel, seed: number, n: number, cap: number): Tally {
  const compiled = compile(model);
  const enc = encodeModel(model);
  const full = outcome(() => complete(compiled, {}));
  const tally: Tally = { explained: 0, repaired: 0, sameRepair: 0, counted: 0 };
  for (const selection of randomSelections(
    model,
    typeof full === 'string' ? undefined : full,
    seed,
    n,
  )) {
    const states = outcome(() => domains(compiled, selection));
    if (typeof states === 'string') continue;
    for (const [id, values] of Object.entries(states))
      for (const [key, state] of Object.entries(values)) {
        if (state === 'available' || state === 'selected' || tally.explained >= cap) continue;
        const why = JSON.stringify([selection, id, key]);
        expect(satExplain(enc, selection, id, key), why).toEqual(
          explain(compiled, selection, id, key),
        );
        tally.explained++;
        compareRepair(model, compiled, enc, selection, id, key, tally);
      }
    const exact = count(compiled, selection);
    if (exact <= 300n) {
      expect(satCount(enc, selection), JSON.stringify(selection)).toBe(exact);
      tally.counted++;
    }
  }
  return tally;
}

function compareRepair(
  model: ProductModel,
  compiled: CompiledModel,
  enc: SatEncoding,
  selection: Selection,
  id: string,
  key: string,
  tally: Tally,
): void {
  const why = JSON.stringify([selection, id, key]);
  const expected = outcome(() => repair(compiled, selection, id, key));
  const actual = outcome(() => satRepair(enc, selection, id, key));
  if (typeof expected === 'string' || typeof actual === 'string') {
    expect(actual, why).toEqual(expected);
    return;
  }
  expect(cost(model, selection, id, actual), why).toBe(cost(model, selection, id, expected));
  // the repaired selection extends to a valid configuration and keeps the new choice
  expect(count(compiled, actual.selection), why).toBeGreaterThan(0n);
  expect(actual.selection[id], why).toEqual(expected.selection[id]);
  tally.repaired++;
  if (JSON.stringify(actual) === JSON.stringify(expected)) tally.sameRepair++;
}

describe('SAT explain, repair and count = the diagram', () => {
  it('hand-checked desk cases: the same explanation and repair', () => {
    const model = fixture('desk');
    const compiled = compile(model);
    const enc = encodeModel(model);
    const cases: [Selection, string, string, string[]?][] = [
      [{ frame: 'wood', motor: false }, 'top', 'glass'],
      [{ frame: 'wood', motor: false, top: 'oak' }, 'top', 'glass'],
      [{ motor: true, frame: 'steel', legs: 'round' }, 'frame', 'wood'],
      [{ cable: 'white', legs: 'square' }, 'frame', 'steel', ['cable', 'legs']],
      [{ cable: 'white', legs: 'square' }, 'frame', 'steel', ['legs', 'cable']],
      [{ accessories: ['rack'], motor: false, frame: 'steel' }, 'accessories', 'lamp'],
    ];
    for (const [selection, id, key, recency] of cases) {
      expect(satExplain(enc, selection, id, key)).toEqual(explain(compiled, selection, id, key));
      expect(satRepair(enc, selection, id, key, recency)).toEqual(
        repair(compiled, selection, id, key, recency),
      );
    }
  });

  it.each([
    ['desk fixture', () => fixture('desk')],
    ['sofa fixture', () => fixture('sofa')],
    ['mixed fixture', () => fixture('mixed')],
    ['desk', () => readCatalogue('desk')],
    ['bike', () => readCatalogue('bike')],
    ['sofa', () => readCatalogue('sofa')],
  ] as const)('%s: random selections', (_, load) => {
    const tally = agree(load(), 7, 25, 120);
    expect(tally.explained).toBeGreaterThan(10);
    expect(tally.repaired).toBeGreaterThan(5);
    expect(tally.counted).toBeGreaterThan(0);
  });

  it('count past its budget says so instead of guessing', () => {
    const enc = encodeModel(readCatalogue('sofa'));
    expect(outcome(() => satCount(enc, {}))).toBe('COUNT_UNAVAILABLE');
  });
});

const dir = benchmarksDir('SAT explain and repair on Renault small');
describe.skipIf(!dir)('SAT explain and repair = the diagram on Renault small', () => {
  it('random selections', () => {
    const model = parseModel(
      importXcsp(readBenchmark(dir!, 'renault-br4cp', 'small', 'contraintes.xml')),
    );
    const tally = agree(model, 2026, 6, 40);
    expect(tally.explained).toBeGreaterThan(10);
  }, 20_000);
});
