import { describe, expect, it } from 'vitest';
import { importDimacs } from '../../../src/engine/import/dimacs.ts';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { encodeModel } from '../../../src/engine/sat/encodeModel.ts';
import { satComplete } from '../../../src/engine/sat/satComplete.ts';
import { satDomains } from '../../../src/engine/sat/satDomains.ts';
import { compile } from '../../../src/engine/solver/compile.ts';
import { complete } from '../../../src/engine/solver/complete.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { randomSelections, readCatalogue } from './satFixtures.ts';

/**
 * The SAT fallback against the diagram: every value state of `domains` and the whole answer of
 * `complete` must be the same, on the sample catalogue and small benchmarks, for seeded random
 * partial selections (some taken from a valid configuration, some random and often inconsistent).
 */

function agree(model: ProductModel, seed: number, n: number): number {
  const compiled = compile(model);
  const enc = encodeModel(model);
  let full: Selection | undefined;
  try {
    full = complete(compiled, {});
  } catch (error) {
    if (!(error instanceof SolverError)) throw error;
  }
  let compared = 0;
  for (const selection of randomSelections(model, full, seed, n)) {
    expect(satDomains(enc, selection), JSON.stringify(selection)).toEqual(
      domains(compiled, selection),
    );
    let expected: Selection | string;
    try {
      expected = complete(compiled, selection);
    } catch (error) {
      expected = (error as SolverError).code;
    }
    let actual: Selection | string;
    try {
      actual = satComplete(enc, selection);
    } catch (error) {
      actual = (error as SolverError).code;
    }
    expect(actual, JSON.stringify(selection)).toEqual(expected);
    compared++;
  }
  return compared;
}

describe('SAT fallback = diagram', () => {
  it.each(['desk', 'bike', 'sofa'])('%s: domains and complete agree', (name) => {
    expect(agree(readCatalogue(name), 17, 40)).toBe(41);
  });
});

const dir = benchmarksDir('SAT fallback on benchmarks');
describe.skipIf(!dir)('SAT fallback = diagram on small benchmarks', () => {
  it.each([
    [
      'Renault small',
      () => importXcsp(readBenchmark(dir!, 'renault-br4cp', 'small', 'contraintes.xml')),
    ],
    [
      'BerkeleyDB',
      () => importDimacs(readBenchmark(dir!, 'feature-models', 'berkeleydb__berkeleydb.dimacs')),
    ],
    ['axTLS', () => importDimacs(readBenchmark(dir!, 'feature-models', 'KConfig__axTLS.dimacs'))],
  ] as const)(
    '%s: domains and complete agree',
    (_, load) => {
      expect(agree(parseModel(load()), 2026, 8)).toBe(9);
    },
    120_000,
  );
});
