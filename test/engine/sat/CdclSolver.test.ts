import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CdclSolver, lit, negate, type Lit } from '../../../src/engine/sat/CdclSolver.ts';
import { seededRandom } from '../../../src/engine/random.ts';

interface LogicSolverApi {
  Solver: new () => {
    require: (...f: unknown[]) => void;
    solveAssuming: (f: unknown) => { getTrueVars: () => string[] } | null;
    solve: () => { getTrueVars: () => string[] } | null;
  };
  or: (...f: unknown[]) => unknown;
  and: (...f: unknown[]) => unknown;
  not: (f: unknown) => unknown;
}
const Logic = createRequire(import.meta.url)('logic-solver') as LogicSolverApi;

/** A solver with `n` variables and the clauses given (DIMACS-style signed, 1-based). */
function solverOf(n: number, clauses: number[][]): CdclSolver {
  const s = new CdclSolver();
  for (let i = 0; i < n; i++) s.newVar();
  for (const c of clauses) s.addClause(c.map(toLit));
  return s;
}
const toLit = (d: number): Lit => lit(Math.abs(d) - 1, d > 0);

function satisfies(s: CdclSolver, clauses: number[][]): boolean {
  return clauses.every((c) => c.some((d) => s.value(Math.abs(d) - 1) === d > 0));
}

/** Pigeonhole: `p` pigeons in `h` holes, unsatisfiable when p > h. */
function pigeonhole(p: number, h: number): [number, number[][]] {
  const v = (i: number, j: number) => i * h + j + 1;
  const clauses: number[][] = [];
  for (let i = 0; i < p; i++) clauses.push(Array.from({ length: h }, (_, j) => v(i, j)));
  for (let j = 0; j < h; j++)
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) clauses.push([-v(a, j), -v(b, j)]);
  return [p * h, clauses];
}

function randomCnf(random: () => number, n: number, m: number, k: number): number[][] {
  return Array.from({ length: m }, () =>
    Array.from({ length: k }, () => (1 + Math.floor(random() * n)) * (random() < 0.5 ? -1 : 1)),
  );
}

describe('CdclSolver', () => {
  it('answers known satisfiable and unsatisfiable instances', () => {
    const sat = [
      [1, 2],
      [-1, 3],
      [-2, -3],
      [2, 3],
    ];
    const s = solverOf(3, sat);
    expect(s.solve()).toBe('sat');
    expect(satisfies(s, sat)).toBe(true);
    expect(solverOf(2, [[1], [-1, 2], [-2]]).solve()).toBe('unsat');
    expect(solverOf(1, [[1], [-1]]).solve()).toBe('unsat');
    const [n5, php5] = pigeonhole(5, 4);
    expect(solverOf(n5, php5).solve()).toBe('unsat');
    const [n4, php4] = pigeonhole(4, 4);
    const s4 = solverOf(n4, php4);
    expect(s4.solve()).toBe('sat');
    expect(satisfies(s4, php4)).toBe(true);
  });

  it('quickSolve: when it answers, solve agrees, and its model satisfies every clause', () => {
    const random = seededRandom(11);
    let answered = 0;
    for (let round = 0; round < 40; round++) {
      const n = 30;
      const clauses = randomCnf(random, n, 60, 3).concat(randomCnf(random, n, 20, 2));
      const s = solverOf(n, clauses);
      if (s.solve() !== 'sat') continue;
      for (let k = 0; k < 20; k++) {
        const assumptions = [0, 1, 2]
          .slice(0, 1 + Math.floor(random() * 3))
          .map(() => lit(Math.floor(random() * n), random() < 0.5));
        const quick = s.quickSolve(assumptions);
        if (quick === undefined) continue;
        answered++;
        if (quick === 'sat') {
          expect(satisfies(s, clauses)).toBe(true);
          expect(assumptions.every((a) => s.value(a >> 1) === ((a & 1) === 0))).toBe(true);
        }
        expect(s.solve(assumptions)).toBe(quick);
      }
    }
    expect(answered).toBeGreaterThan(50);
  });

  it('solves under assumptions, names the failed ones, and stays usable', () => {
    // a → b, b → c
    const s = solverOf(4, [
      [-1, 2],
      [-2, 3],
    ]);
    expect(s.solve([lit(0), lit(2, false)])).toBe('unsat');
    expect(new Set(s.failed)).toEqual(new Set([lit(0), lit(2, false)]));
    expect(s.solve([lit(0), lit(3)])).toBe('sat');
    expect([s.value(0), s.value(1), s.value(2), s.value(3)]).toEqual([true, true, true, true]);
    expect(s.solve([lit(2, false)])).toBe('sat');
    expect(s.value(0)).toBe(false);
    // an assumption not involved is not named
    expect(s.solve([lit(3), lit(0), negate(lit(1))])).toBe('unsat');
    expect(s.failed).not.toContain(lit(3));
    s.addClause([lit(0)]);
    expect(s.solve([lit(2, false)])).toBe('unsat');
    expect(s.solve()).toBe('sat');
  });

  it('lists what unit propagation of assumptions implies, and undefined on a conflict', () => {
    // a → b, b → c, ¬(c ∧ d)
    const s = solverOf(4, [
      [-1, 2],
      [-2, 3],
      [-3, -4],
    ]);
    expect(s.implied([lit(0)])).toEqual(new Set([lit(0), lit(1), lit(2), lit(3, false)]));
    expect(s.implied([lit(0), lit(3)])).toBeUndefined();
    expect(s.implied([lit(3), lit(0)])).toBeUndefined();
    expect(s.solve([lit(3)])).toBe('sat');
    expect(s.value(0)).toBe(false);
  });

  it('agrees with logic-solver (MiniSat) on random 3-CNFs, with and without assumptions', () => {
    const random = seededRandom(17);
    let sats = 0;
    let unsats = 0;
    for (let round = 0; round < 40; round++) {
      const n = 8 + Math.floor(random() * 25);
      const m = Math.floor(n * (3.6 + random() * 1.4));
      const cnf = randomCnf(random, n, m, 3);
      const peer = new Logic.Solver();
      for (const c of cnf) peer.require(Logic.or(...c.map((d) => (d > 0 ? `v${d}` : `-v${-d}`))));
      const ours = solverOf(n, cnf);
      for (let q = 0; q < 4; q++) {
        const assumed = q === 0 ? [] : randomCnf(random, n, 1, q)[0]!;
        const uniq = [...new Set(assumed)].filter((d) => !assumed.includes(-d));
        const theirs = peer.solveAssuming(
          Logic.and(...uniq.map((d) => (d > 0 ? `v${d}` : Logic.not(`v${-d}`)))),
        );
        const answer = ours.solve(uniq.map(toLit));
        expect(answer, `round ${round} query ${q}`).toBe(theirs ? 'sat' : 'unsat');
        if (answer === 'sat') {
          sats++;
          expect(satisfies(ours, cnf)).toBe(true);
          for (const d of uniq) expect(ours.value(Math.abs(d) - 1)).toBe(d > 0);
        } else {
          unsats++;
          // the failed assumptions alone are already unsatisfiable
          expect(ours.solve(ours.failed)).toBe('unsat');
        }
      }
    }
    expect(sats).toBeGreaterThan(12);
    expect(unsats).toBeGreaterThan(12);
  });
});

describe('quickSolve keeps the selection propagated between calls', () => {
  /** Whether some assignment of `n` variables satisfies the clauses and the assumptions. */
  function bruteSat(n: number, clauses: number[][], assumptions: Lit[]): boolean {
    for (let bits = 0; bits < 1 << n; bits++) {
      const val = (v: number) => ((bits >> v) & 1) === 1;
      if (!assumptions.every((a) => val(a >> 1) === ((a & 1) === 0))) continue;
      if (clauses.every((c) => c.some((d) => val(Math.abs(d) - 1) === d > 0))) return true;
    }
    return false;
  }

  it('answers as a propagation from scratch, and soundly, across prefixes, solves and new clauses', () => {
    const random = seededRandom(17);
    for (let round = 0; round < 30; round++) {
      const n = 10;
      const clauses: number[][] = [];
      for (let c = 0; c < 30; c++)
        clauses.push(
          Array.from(
            { length: 3 },
            () => (1 + Math.floor(random() * n)) * (random() < 0.5 ? -1 : 1),
          ),
        );
      const kept = solverOf(n, clauses);
      const fresh = solverOf(n, clauses);
      if (kept.solve() !== 'sat' || fresh.solve() !== 'sat') continue;
      let prefix: Lit[] = [];
      for (let q = 0; q < 60; q++) {
        if (q % 12 === 0)
          prefix = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
            lit(Math.floor(random() * n), random() < 0.5),
          );
        const assumptions = [...prefix, lit(Math.floor(random() * n), random() < 0.5)];
        fresh.cancelUntil(0); // drops any kept prefix: propagates from scratch
        const expected = fresh.quickSolve(assumptions);
        const answer = kept.quickSolve(assumptions);
        expect(answer).toBe(expected);
        expect(Array.from(kept.model)).toEqual(Array.from(fresh.model));
        if (answer === 'unsat') expect(bruteSat(n, clauses, assumptions)).toBe(false);
        if (answer === 'sat') {
          expect(satisfies(kept, clauses)).toBe(true);
          for (const a of assumptions) expect(kept.value(a >> 1)).toBe((a & 1) === 0);
        }
        if (q % 7 === 3) {
          // a search or a new clause between calls: the kept prefix must not survive it
          const extra = [1 + Math.floor(random() * n), -(1 + Math.floor(random() * n))];
          if (q % 2 === 0) {
            kept.addClause(extra.map(toLit));
            fresh.addClause(extra.map(toLit));
            clauses.push(extra);
          }
          expect(kept.solve(assumptions)).toBe(fresh.solve(assumptions));
        }
      }
    }
  });
});
