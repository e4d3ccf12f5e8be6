import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDimacs } from '../../../src/engine/import/dimacs.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { compile, type CompiledModel } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { constraintSources } from '../../../src/engine/solver/constraintDiagrams.ts';
import { solverAttributes } from '../../../src/engine/solver/encoding.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import {
  compileReordered,
  type ReorderLimits,
} from '../../../src/engine/solver/reorder/compileReordered.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { ONE, SiftBdd, ZERO } from '../../../src/engine/solver/reorder/SiftBdd.ts';
import { BacktrackSearch } from '../../oracle/backtrack.ts';
import { toFiniteCsp } from '../../oracle/finiteCsp.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { randomBooleanClick } from './booleanWalk.ts';

/** The truth table of `root` over `vars` variables (bit v of the index is variable v). */
function table(bdd: SiftBdd, root: number, vars: number): string {
  let out = '';
  for (let x = 0; x < 1 << vars; x++) {
    let u = root;
    while (u > ONE) u = (x >> bdd.varOf[u]!) & 1 ? bdd.hi[u]! : bdd.lo[u]!;
    out += u === ONE ? '1' : '0';
  }
  return out;
}

/** A random CNF over `vars` variables as DIMACS text. */
function randomCnf(random: () => number, vars: number, clauses: number): string {
  const lines = [`p cnf ${vars} ${clauses}`];
  for (let c = 0; c < clauses; c++) {
    const width = 1 + Math.floor(random() * 3);
    const lits = Array.from({ length: width }, () => {
      const v = 1 + Math.floor(random() * vars);
      return random() < 0.5 ? -v : v;
    });
    lines.push(`${lits.join(' ')} 0`);
  }
  return lines.join('\n');
}

describe('SiftBdd', () => {
  it('swaps and sifting keep every kept function and the levels ordered', () => {
    const random = seededRandom(17);
    for (let round = 0; round < 20; round++) {
      const vars = 7;
      const bdd = new SiftBdd(
        vars,
        Array.from({ length: vars }, (_, i) => i),
        1_000_000,
      );
      const roots: number[] = [];
      for (let f = 0; f < 4; f++) {
        let acc = ONE;
        for (let c = 0; c < 5; c++) {
          // a random clause, built as a chain in level order
          const lits = [...new Set(Array.from({ length: 3 }, () => Math.floor(random() * vars)))]
            .sort((a, b) => bdd.perm[b]! - bdd.perm[a]!)
            .map((v) => [v, random() < 0.5] as const);
          let clause = ZERO;
          for (const [v, positive] of lits)
            clause = positive ? bdd.mk(v, clause, ONE) : bdd.mk(v, ONE, clause);
          acc = bdd.and(acc, clause);
        }
        bdd.ref(acc);
        roots.push(acc);
      }
      const before = roots.map((r) => table(bdd, r, vars));
      bdd.collect();
      for (let s = 0; s < 10; s++) bdd.swap(Math.floor(random() * (vars - 1)));
      expect(roots.map((r) => table(bdd, r, vars))).toEqual(before);
      bdd.sift(1_000);
      expect(roots.map((r) => table(bdd, r, vars))).toEqual(before);
      // every edge goes down the current order, and the live count is what the roots reach
      const seen = new Set<number>();
      const stack = [...roots];
      while (stack.length > 0) {
        const u = stack.pop()!;
        if (u <= ONE || seen.has(u)) continue;
        seen.add(u);
        for (const c of [bdd.lo[u]!, bdd.hi[u]!]) {
          expect(bdd.levelOf(c)).toBeGreaterThan(bdd.levelOf(u));
          stack.push(c);
        }
      }
      expect(bdd.live).toBe(seen.size);
    }
  });
});

/** Compiles with sifting only: no work for the static orders, so `reorder` answers. */
function reordered(model: ReturnType<typeof parseModel>, limits: ReorderLimits): CompiledModel {
  return compile(model, { maxWork: 0, reorder: (r) => compileReordered(r, limits) });
}

const eager: ReorderLimits = { maxSwaps: 20_000, firstSift: 4, siftVars: 20, siftDistance: 20 };

describe('compileReordered', () => {
  it('counts random CNFs as the backtracking oracle does, sifting from a small size on', () => {
    const random = seededRandom(5);
    let sifted = 0;
    for (let round = 0; round < 12; round++) {
      const model = parseModel(importDimacs(randomCnf(random, 14, 16)));
      // every other round, each conjunction step is put off at its first node (then retried)
      const stepBudget = round % 2 === 0 ? undefined : 1;
      const compiled = reordered(model, { ...eager, stepBudget, onSift: () => sifted++ });
      expect(count(compiled)).toBe(new BacktrackSearch(toFiniteCsp(model)).count());
      expect(count(compiled)).toBe(count(compile(model)));
    }
    expect(sifted).toBeGreaterThan(0);
  });

  it('counts random CNFs exactly when every constraint across levels sifts its own variables', () => {
    const random = seededRandom(23);
    let sifted = 0;
    let plainSifted = 0;
    for (let round = 0; round < 12; round++) {
      const model = parseModel(importDimacs(randomCnf(random, 14, 18)));
      const compiled = reordered(model, {
        ...eager,
        siftSpan: 1,
        spanGrowth: round % 2 === 0 ? 1.2 : 2,
        spanMade: round % 3 === 0 ? 0.5 : undefined,
        onSift: () => sifted++,
      });
      expect(count(compiled)).toBe(new BacktrackSearch(toFiniteCsp(model)).count());
      reordered(model, { ...eager, onSift: () => plainSifted++ });
    }
    // the constraints across levels sifted (more siftings than the doubling alone gives)
    expect(sifted).toBeGreaterThan(plainSifted);
  });

  it("gives the plain diagram's domains on a small feature model", () => {
    const text = 'p cnf 5 5\n-2 1 0\n-3 1 0\n-4 1 0\n-2 -3 0\n-5 4 0\n';
    const model = parseModel(importDimacs(text));
    const plain = compile(model);
    const sifted = reordered(model, eager);
    expect(count(sifted)).toBe(count(plain));
    for (const selection of [{}, { x2: true }, { x5: true }, { x2: true, x3: false }])
      expect(domains(sifted, selection)).toEqual(domains(plain, selection));
  });

  it('merges atomic sets (equal and opposite variables) and expands them again, skipped levels included', () => {
    // x1 ⇔ x2, x3 ⇔ ¬x4, x7 ⇔ x8 with nothing else on x7 and x8
    const text =
      'p cnf 8 9\n-1 2 0\n-2 1 0\n3 4 0\n-3 -4 0\n-5 1 0\n-6 5 0\n6 -3 2 0\n-7 8 0\n-8 7 0\n';
    const model = parseModel(importDimacs(text));
    const plain = compile(model);
    for (const limits of [eager, { ...eager, atomicSets: false }, { ...eager, firstSift: 1e9 }]) {
      const merged = reordered(model, limits);
      expect(count(merged)).toBe(count(plain));
      expect(count(merged)).toBe(new BacktrackSearch(toFiniteCsp(model)).count());
      for (const selection of [
        {},
        { x2: true },
        { x4: true },
        { x3: true, x6: false },
        { x8: false },
        { x1: false, x7: true },
      ])
        expect(domains(merged, selection)).toEqual(domains(plain, selection));
    }
  });

  it('gives up with COMPILE_LIMIT past its work budget, naming it and handing over the order reached', () => {
    const model = parseModel(importDimacs(randomCnf(seededRandom(9), 14, 16)));
    let reached: readonly number[] = [];
    expect(() =>
      reordered(model, { ...eager, maxMade: 5, onGiveUp: (order) => (reached = order) }),
    ).toThrow(/work budget while reordering/);
    expect([...reached].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i));
  });

  it('leaves a model with a multi-valued level to the static orders', () => {
    const model = parseModel(JSON.parse(readFileSync('test/fixtures/minimal/desk.json', 'utf8')));
    expect(() => reordered(model, eager)).toThrow(/work budget/);
  });
});

const dir = benchmarksDir('DIMACS feature models (reordering)');

describe.skipIf(!dir)('compileReordered on the shared feature models', () => {
  it.each([
    ['berkeleydb__berkeleydb.dimacs', 4_080_389_785n],
    ['KConfig__axTLS.dimacs', 826_244_333_568n],
  ])('%s counts %s with sifting from the start', (file, expected) => {
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    let sifted = 0;
    const compiled = reordered(model, { ...eager, firstSift: 50, onSift: () => sifted++ });
    expect(sifted).toBeGreaterThan(0);
    expect(count(compiled)).toBe(expected);
  });

  it('FinancialServices compiles with sifting and atomic sets from its feature tree to its exact count', () => {
    const file = 'financial_services__financialServices_2018-05-09.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    let sifted = 0;
    const compiled = reordered(model, {
      maxSwaps: 3_000_000,
      firstSift: 20_000,
      siftVars: 1000,
      siftDistance: 50,
      onSift: () => sifted++,
    });
    expect(sifted).toBeGreaterThan(0);
    expect(count(compiled)).toBe(97_451_212_554_676n);
    // the same domains as the static order's diagram along a seeded random walk
    const plain = compile(model);
    const random = seededRandom(2513);
    let selection: Record<string, boolean> = {};
    for (let click = 0; click < 5; click++) {
      const d = domains(compiled, selection);
      expect(d).toEqual(domains(plain, selection));
      selection = { ...selection, ...randomBooleanClick(d, selection, random) };
    }
  }, 300_000);

  it("uClinux-distribution (1,580 variables) from its static diagram's order: smaller or equal, same count", () => {
    const file = 'KConfig__uClinux-distribution.dimacs';
    const model = parseModel(
      importDimacs(readBenchmark(dir!, 'feature-models', file), { name: file }),
    );
    const plain = compile(model);
    const attributes = solverAttributes(model);
    const compiled = compileReordered(
      {
        model,
        attributes,
        sources: constraintSources(model, attributes),
        order: plain.levels.map((l) => l.attribute),
        maxNodes: 1_000_000,
      },
      { maxSwaps: 2_000_000, firstSift: 1000, siftVars: 200, siftDistance: 50 },
    );
    if (!compiled || compiled instanceof SolverError) throw new Error('did not compile');
    expect(compiled.nodes.length).toBeLessThanOrEqual(plain.nodes.length);
    expect(count(compiled)).toBe(count(plain));
  }, 120_000);
});
