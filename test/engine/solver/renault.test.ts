import { beforeAll, describe, expect, it } from 'vitest';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel, SelectionValue } from '../../../src/engine/model/types.ts';
import { compile, type CompiledModel } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { explain } from '../../../src/engine/solver/explain.ts';
import { repair } from '../../../src/engine/solver/repair.ts';
import { SolverError } from '../../../src/engine/solver/SolverError.ts';
import { validate } from '../../../src/engine/solver/validate.ts';
import { BacktrackSearch } from '../../oracle/backtrack.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { toFiniteCsp, type FiniteCsp } from '../../oracle/finiteCsp.ts';
import { sample, seededRandom, shuffled } from '../../../src/engine/random.ts';
import {
  readSalesHistory,
  rowRestriction,
  rowSelection,
  selectionRestriction,
  solutionSelection,
  type SoldRow,
} from '../../oracle/salesHistory.ts';

/**
 * The engine on real Renault car configuration problems (BR4CP, ../shared/benchmarks): exact
 * counts, every sold configuration judged like the independent oracle (test/oracle), click-by-click
 * replays that never meet a dead end, and minimal explanations and repairs for sold configurations
 * the catalogue no longer allows. Sample sizes keep the file under ~30 s on two cores.
 */
const dir = benchmarksDir('Renault BR4CP');

/** Known figures from ../shared/README.md (computed independently, by two methods). */
const benchmarks = [
  { name: 'small', configurations: 172_056n, rows: 15_972, consistent: 564 },
  { name: 'medium', configurations: 278_744n, rows: 9_151, consistent: 4_684 },
];
/** Generous: the machine running the tests may be shared (timings are not asserted). */
const TIMEOUT = 240_000;
/** Every n-th consistent row's completion goes through `validate` (about 2.5 ms a call). */
const VALIDATE_EVERY = 20;
/** Consistent rows replayed click by click, per benchmark. */
const REPLAYED = 25;
/** Inconsistent rows whose conflicts are explained and repaired, per benchmark. */
const CONFLICTING = 8;

interface Loaded {
  model: ProductModel;
  compiled: CompiledModel;
  csp: FiniteCsp;
  search: BacktrackSearch;
  rows: SoldRow[];
}

describe.skipIf(!dir)('Renault BR4CP benchmarks', () => {
  describe.each(benchmarks)('$name', (bench) => {
    let b: Loaded;
    beforeAll(() => {
      const model = parseModel(
        importXcsp(readBenchmark(dir!, 'renault-br4cp', bench.name, 'contraintes.xml')),
      );
      const csp = toFiniteCsp(model);
      b = {
        model,
        compiled: compile(model),
        csp,
        search: new BacktrackSearch(csp),
        rows: readSalesHistory(readBenchmark(dir!, 'renault-br4cp', bench.name, 'brut.csv')),
      };
    }, TIMEOUT);

    it(
      'counts the known number of configurations, as the oracle does',
      () => {
        expect(count(b.compiled)).toBe(bench.configurations);
        expect(b.search.count()).toBe(bench.configurations);
      },
      TIMEOUT,
    );

    it(
      'finds the known number of consistent sold rows; the solver agrees on every row',
      () => {
        expect(b.rows).toHaveLength(bench.rows);
        let consistent = 0;
        const disagreements: string[] = [];
        for (const row of b.rows) {
          const selection = rowSelection(row);
          const free = rowRestriction(b.csp, row, 'free');
          if (!free) {
            // A value the catalogue does not have: validate names it, the oracle rejects the row.
            if (!validate(b.compiled, selection).some((v) => v.constraintId.startsWith('domain:')))
              disagreements.push(`line ${row.line}: no domain violation`);
            continue;
          }
          // With -1 cells left open (what a selection can say), solver and oracle must agree.
          if (count(b.compiled, selection) > 0n !== b.search.satisfiable(free))
            disagreements.push(`line ${row.line}: extendable?`);
          // With -1 as "not assigned": the oracle's verdict; a completion must validate.
          const exact = rowRestriction(b.csp, row, 'exact');
          const solution = exact && b.search.solve(exact);
          if (!solution) continue;
          consistent++;
          if (consistent % VALIDATE_EVERY !== 1) continue;
          const completion = solutionSelection(b.csp, solution);
          if (validate(b.compiled, completion).length > 0 || count(b.compiled, completion) === 0n)
            disagreements.push(`line ${row.line}: completion rejected`);
        }
        expect(disagreements).toEqual([]);
        expect(consistent).toBe(bench.consistent);
      },
      TIMEOUT,
    );

    it(
      `replays ${REPLAYED} consistent rows click by click in seeded orders without a dead end`,
      () => {
        const random = seededRandom(bench.rows);
        const consistent = b.rows.filter((row) => {
          const exact = rowRestriction(b.csp, row, 'exact');
          return exact !== undefined && b.search.satisfiable(exact);
        });
        const deadEnds: string[] = [];
        for (const row of sample(consistent, REPLAYED, random)) {
          const sold = rowSelection(row);
          const completion = solutionSelection(
            b.csp,
            b.search.solve(rowRestriction(b.csp, row, 'exact'))!,
          );
          const rest = Object.keys(completion).filter((id) => !(id in sold));
          const clicks = [...shuffled(Object.keys(sold), random), ...shuffled(rest, random)];
          const selection: Record<string, string | boolean> = {};
          for (const id of clicks) {
            const value = completion[id] as string;
            const state = domains(b.compiled, selection)[id]?.[value];
            if (state !== 'available') deadEnds.push(`line ${row.line}: ${id}=${value} ${state}`);
            selection[id] = value;
          }
          expect(Object.keys(selection)).toHaveLength(Object.keys(completion).length);
          if (validate(b.compiled, selection).length > 0 || count(b.compiled, selection) === 0n)
            deadEnds.push(`line ${row.line}: the final configuration is not valid`);
        }
        expect(deadEnds).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      `explains and repairs the conflicts of ${CONFLICTING} inconsistent rows minimally`,
      () => {
        const random = seededRandom(bench.rows + 1);
        const inconsistent = b.rows.filter((row) => {
          const free = rowRestriction(b.csp, row, 'free');
          return free !== undefined && !b.search.satisfiable(free);
        });
        let explained = 0;
        for (const row of sample(inconsistent, CONFLICTING, random)) {
          const cells = shuffled(Object.entries(rowSelection(row)), random);
          let selection: Record<string, SelectionValue> = {};
          const recency: string[] = [];
          for (const [id, value] of cells) {
            const state = domains(b.compiled, selection)[id]![value]!;
            if (state === 'available') {
              selection[id] = value;
              recency.push(id);
              continue;
            }
            const why = explain(b.compiled, selection, id, value);
            expect(why.constraints.length).toBeGreaterThan(0);
            checkMinimal(
              b.model,
              why.constraints.map((c) => c.id),
              why.selections,
              selection,
              [id, value],
            );
            explained++;
            if (state === 'impossible') {
              expect(why.selections).toEqual([]);
              expect(() => repair(b.compiled, selection, id, value, recency)).toThrow(SolverError);
              continue;
            }
            const repaired = repair(b.compiled, selection, id, value, recency);
            expect(repaired.selection[id]).toBe(value);
            expect(b.search.satisfiable(selectionRestriction(b.csp, repaired.selection))).toBe(
              true,
            );
            selection = { ...repaired.selection };
            recency.splice(0, recency.length, ...recency.filter((r) => r in selection), id);
          }
          const solution = b.search.solve(selectionRestriction(b.csp, selection));
          expect(solution).toBeDefined();
          expect(validate(b.compiled, solutionSelection(b.csp, solution!))).toEqual([]);
        }
        expect(explained).toBeGreaterThanOrEqual(CONFLICTING);
      },
      TIMEOUT,
    );
  });
});

/**
 * Checks with the oracle that `constraints` and the `selections` (with `target`) clash, and that
 * removing any one of them removes the clash (subset-minimality).
 */
function checkMinimal(
  model: ProductModel,
  constraints: string[],
  selections: string[],
  selection: Record<string, SelectionValue>,
  target: [string, string],
): void {
  const known = new Set(model.constraints.map((c) => c.id));
  expect(constraints.filter((id) => !known.has(id))).toEqual([]);
  const consistent = (keep: string[], chosen: string[]): boolean => {
    const csp = toFiniteCsp({
      ...model,
      constraints: model.constraints.filter((c) => keep.includes(c.id)),
    });
    const fixed = Object.fromEntries([...chosen.map((id) => [id, selection[id]!]), target]);
    return new BacktrackSearch(csp).satisfiable(selectionRestriction(csp, fixed));
  };
  expect(consistent(constraints, selections)).toBe(false);
  for (const id of constraints)
    expect(
      consistent(
        constraints.filter((c) => c !== id),
        selections,
      ),
      `without ${id}`,
    ).toBe(true);
  for (const id of selections)
    expect(
      consistent(
        constraints,
        selections.filter((s) => s !== id),
      ),
      `without ${id}`,
    ).toBe(true);
}
