import { describe, expect, it } from 'vitest';
import { importDimacs } from '../../../src/engine/import/dimacs.ts';
import { ImportError } from '../../../src/engine/import/ImportError.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { compile, DEFAULT_MAX_NODES } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import {
  diagramEngine,
  satFallbackEngine,
  seededRandom,
  type Selection,
} from '../../../src/engine/index.ts';
import { BacktrackSearch } from '../../oracle/backtrack.ts';
import { toFiniteCsp } from '../../oracle/finiteCsp.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { randomBooleanClick } from '../solver/booleanWalk.ts';

const good: [string, string, string[], string[], bigint][] = [
  ['one clause', 'p cnf 2 1\n1 -2 0\n', ['x1', 'x2'], ['x1 = true or x2 = false'], 3n],
  [
    'named variables, a clause over two lines, SATLIB end marker',
    'c a comment\nc 1 engine\nc 2$ aux\np cnf 3 2\n1 2\n -3 0 -1 0\n%\n0\n',
    ['engine', 'aux', 'x3'],
    ['x1 = true or x2 = true or x3 = false', 'x1 = false'],
    3n,
  ],
  ['unit clauses', 'p cnf 2 2\n1 0\n2 0', ['x1', 'x2'], ['x1 = true', 'x2 = true'], 1n],
  ['an empty clause is a contradiction', 'p cnf 1 1\n0\n', ['x1'], ['false'], 0n],
  ['no clause', 'p cnf 2 0\n', ['x1', 'x2'], [], 4n],
];

describe('importDimacs: well-formed formulas', () => {
  it.each(good)('%s', (_, text, labels, rules, solutions) => {
    const doc = importDimacs(text);
    expect(doc.attributes.map((a) => a.label)).toEqual(labels);
    expect(
      doc.attributes.every(
        (a) => a.type === 'boolean' && a.id === `x${doc.attributes.indexOf(a) + 1}`,
      ),
    ).toBe(true);
    expect(doc.constraints.map((c) => c.rule)).toEqual(rules);
    const model = parseModel(doc);
    expect(new BacktrackSearch(toFiniteCsp(model)).count()).toBe(solutions);
    expect(count(compile(model))).toBe(solutions);
  });
});

const bad: [string, string, number, RegExp][] = [
  ['clause before the header', '1 2 0\np cnf 2 1\n', 1, /before the problem line/],
  ['malformed header', 'c x\np cnf two 1\n', 2, /malformed problem line/],
  ['second header', 'p cnf 1 0\np cnf 1 0\n', 2, /second problem line/],
  ['not an integer', 'p cnf 2 1\n1 x 0\n', 2, /'x' is not an integer literal/],
  ['variable out of range', 'p cnf 2 1\n1\n3 0\n', 3, /variable 3 exceeds the 2 declared/],
  ['unterminated clause', 'p cnf 2 2\n1 0\n\n2 -1\n', 4, /does not end with 0/],
  ['clause count mismatch', 'c\np cnf 2 3\n1 0\n2 0\n', 2, /declares 3 clauses but the file has 2/],
  ['no header', 'c only comments\n', 2, /no problem line/],
];

describe('importDimacs: malformed input names the line', () => {
  it.each(bad)('%s', (_, text, line, message) => {
    let caught: unknown;
    try {
      importDimacs(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as ImportError).code).toBe('IMPORT_INVALID');
    expect((caught as ImportError).line).toBe(line);
    expect((caught as ImportError).message).toMatch(message);
  });
});

const dir = benchmarksDir('DIMACS feature models');
/** Known counts from ../shared/README.md (computed independently of this project). */
const known: [string, bigint][] = [
  ['berkeleydb__berkeleydb.dimacs', 4_080_389_785n],
  ['KConfig__axTLS.dimacs', 826_244_333_568n],
];

describe.skipIf(!dir)('importDimacs on the shared feature models', () => {
  it.each(known)('%s imports, compiles and counts %s configurations', (file, expected) => {
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    expect(count(compile(model))).toBe(expected);
  });

  it('embtoolkit (1,179 variables) compiles within the bench node limit, to its known ≈ 5.1e96 configurations', () => {
    const file = 'KConfig__embtoolkit.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    const compiled = compile(model, { maxNodes: 1_000_000 });
    expect(compiled.nodes.length).toBeLessThan(100_000);
    const total = count(compiled).toString();
    expect(total).toHaveLength(97);
    expect(total.startsWith('51')).toBe(true);
  });

  it('BusyBox gets a second order when the first diagram is big, and keeps the smaller', () => {
    const file = 'busybox__2010-05-02_14-17-07.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    const compiled = compile(model, { maxNodes: 1_000_000 });
    // FORCE alone gives 73,958 nodes; FORCE from the depth-first walk 6,607.
    expect(compiled.nodes.length).toBeLessThan(20_000);
    const total = count(compiled).toString();
    expect(total).toHaveLength(142);
    expect(total.startsWith('3599')).toBe(true);
    for (const [i, level] of compiled.levels.entries())
      expect(compiled.attributes[level.attribute]!.levels).toContain(i);
  });

  it('FinancialServices (771 variables, 7,241 clauses) compiles through its feature tree to its exact count', () => {
    const file = 'financial_services__financialServices_2018-05-09.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    // under the default budgets: FORCE and the depth-first walk pass their trial limits, the
    // feature-tree pre-order compiles (issue 17's count)
    const compiled = compile(model);
    expect(compiled.nodes.length).toBeLessThan(DEFAULT_MAX_NODES);
    expect(count(compiled)).toBe(97_451_212_554_676n);
    // the diagram and the SAT fallback give the same domains along seeded random walks
    const diagram = diagramEngine(compiled);
    const sat = satFallbackEngine(model);
    const random = seededRandom(771);
    for (let walk = 0; walk < 2; walk++) {
      let selection: Selection = {};
      for (let click = 0; click < 4; click++) {
        const domains = diagram.domains(selection);
        expect(sat.domains(selection)).toEqual(domains);
        selection = { ...selection, ...randomBooleanClick(domains, selection, random) };
      }
    }
  }, 300_000);

  it('a given variable order (reversed axTLS) gives the same count with its own levels', () => {
    const file = 'KConfig__axTLS.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    const order = model.attributes.map((_, i) => i).reverse();
    const compiled = compile(model, { order });
    expect(compiled.levels.map((l) => l.attribute)).toEqual(order);
    expect(count(compiled)).toBe(826_244_333_568n);
  });
});
