import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { compile, type CompiledModel } from '../../../src/engine/solver/compile.ts';
import { complete } from '../../../src/engine/solver/complete.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import { selectionMasks } from '../../../src/engine/solver/selectionMasks.ts';
import { satisfiable } from '../../../src/engine/solver/support.ts';
import { validate } from '../../../src/engine/solver/validate.ts';
import { sample, seededRandom, shuffled } from '../../../src/engine/random.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { readSalesHistory, rowSelection, type SoldRow } from '../../oracle/salesHistory.ts';

/**
 * The BR4CP Renault "big" model (268 variables, 332 tables; ../shared/benchmarks): the exact
 * count of ../shared/README.md and sold configurations replayed click by click. Skipped, with a
 * message, where the benchmark is absent. Compiling it is the slow part (seconds, not minutes).
 */
const root = benchmarksDir('Renault BR4CP big');
const dir = root && join(root, 'renault-br4cp', 'big');
const present = dir !== undefined && existsSync(join(dir, 'contraintes.xml'));
if (root && !present)
  console.warn(`Renault BR4CP big: skipped, no ${join(dir!, 'contraintes.xml')}`);

const TIMEOUT = 300_000;
/** Consistent sold rows replayed click by click (about 87 clicks each). */
const REPLAYED = 8;

describe.skipIf(!present)('Renault BR4CP big', () => {
  let compiled: CompiledModel;
  let rows: SoldRow[];
  const known = (row: SoldRow) =>
    row.cells.every(([id, cell]) => cell === '-1' || compiled.byId.get(id)?.keys.includes(cell));
  const fits = (row: SoldRow) =>
    known(row) &&
    satisfiable(
      compiled.mdd,
      compiled.nodes,
      compiled.root,
      selectionMasks(compiled, rowSelection(row)),
    );
  beforeAll(() => {
    const model = parseModel(importXcsp(readBenchmark(dir!, 'contraintes.xml')));
    compiled = compile(model);
    rows = readSalesHistory(readBenchmark(dir!, 'brut.csv'));
  }, TIMEOUT);

  it('counts exactly 24,566,537,954,855,761,920,000 configurations', () => {
    expect(count(compiled)).toBe(24_566_537_954_855_761_920_000n);
  });

  it(
    `replays ${REPLAYED} consistent sold rows click by click without a dead end, then completes them`,
    () => {
      const random = seededRandom(8526);
      // A sample of the history: checking all 8,526 rows belongs to `npm run bench`.
      const consistent = sample(rows, 300, random).filter(fits);
      // Most of the history fits this catalogue snapshot (the rest is for explain and repair).
      expect(consistent.length).toBeGreaterThan(150);
      const deadEnds: string[] = [];
      for (const row of sample(consistent, REPLAYED, random)) {
        const sold = rowSelection(row);
        const selection: Record<string, string> = {};
        for (const id of shuffled(Object.keys(sold), random)) {
          const state = domains(compiled, selection)[id]?.[sold[id]!];
          if (state !== 'available') deadEnds.push(`line ${row.line}: ${id}=${sold[id]} ${state}`);
          selection[id] = sold[id]!;
        }
        // Un-choosing goes back to states seen before: the first click's domains again.
        const full = complete(compiled, selection);
        expect(validate(compiled, full), `line ${row.line}`).toEqual([]);
      }
      expect(deadEnds).toEqual([]);
    },
    TIMEOUT,
  );

  it('un-choosing gives the same domains as choosing in the other direction', () => {
    const row = rows.find(fits)!;
    const ids = Object.keys(rowSelection(row));
    const prefixes = ids.map((_, k) =>
      Object.fromEntries(ids.slice(0, k).map((id) => [id, rowSelection(row)[id]!])),
    );
    const forward = prefixes.map((p) => domains(compiled, p));
    const backward = [...prefixes]
      .reverse()
      .map((p) => domains(compiled, p))
      .reverse();
    expect(backward).toEqual(forward);
  });
});
