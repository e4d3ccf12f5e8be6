import { describe, expect, it } from 'vitest';
import { importDimacs } from '../../../src/engine/import/dimacs.ts';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ModelDocument, TableCell } from '../../../src/engine/model/schema.ts';
import type { ProductModel, Selection, SelectionValue } from '../../../src/engine/model/types.ts';
import { compile, type CompiledModel } from '../../../src/engine/solver/compile.ts';
import { count } from '../../../src/engine/solver/count.ts';
import { domains } from '../../../src/engine/solver/domains.ts';
import type { Domains } from '../../../src/engine/solver/types.ts';
import { BacktrackSearch } from '../../oracle/backtrack.ts';
import { benchmarksDir, readBenchmark } from '../../oracle/benchmarks.ts';
import { toFiniteCsp, type FiniteCsp } from '../../oracle/finiteCsp.ts';
import { seededRandom, shuffled } from '../../../src/engine/random.ts';
import { selectionRestriction, solutionSelection } from '../../oracle/salesHistory.ts';

/**
 * The solver against the independent oracle (test/oracle: backtracking with table consistency):
 * `count` and every value state of `domains` must agree, on seeded random small models and on
 * seeded random partial selections of the shared benchmarks.
 */

/** Value states by the oracle, with the solver's reading (an attribute's own choice is replaced). */
function oracleDomains(csp: FiniteCsp, search: BacktrackSearch, selection: Selection): Domains {
  const out: Domains = {};
  csp.attributes.forEach((id, v) => {
    const others = selectionRestriction(
      csp,
      Object.fromEntries(Object.entries(selection).filter(([a]) => a !== id)),
    );
    const states: Domains[string] = {};
    csp.domains[v]!.forEach((key, i) => {
      if (key === null) return;
      const only: (readonly number[] | undefined)[] = [];
      only[v] = [i];
      const withOthers = [...others];
      withOthers[v] = [i];
      states[key] =
        selection[id] !== undefined && String(selection[id]) === key
          ? 'selected'
          : search.satisfiable(withOthers)
            ? 'available'
            : search.satisfiable(only)
              ? 'conflict'
              : 'impossible';
    });
    out[id] = states;
  });
  return out;
}

/** A seeded random model: choice and boolean attributes (some optional), tables and rules. */
function randomModel(seed: number): ModelDocument {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const n = 3 + Math.floor(random() * 4);
  const attributes: ModelDocument['attributes'] = [];
  for (let k = 0; k < n; k++) {
    const optional = random() < 0.3;
    if (random() < 0.25) {
      attributes.push({ id: `b${k}`, label: `b${k}`, group: 'g', type: 'boolean' });
      continue;
    }
    const size = 2 + Math.floor(random() * 3);
    attributes.push({
      id: `a${k}`,
      label: `a${k}`,
      group: 'g',
      type: 'choice',
      ...(optional ? { required: false } : {}),
      values: Array.from({ length: size }, (_, i) => ({ id: `v${i}`, label: `v${i}` })),
    });
  }
  const literal = (): string => {
    const a = pick(attributes);
    if (a.type === 'boolean') return `${a.id} = ${pick(['true', 'false'])}`;
    const ids = a.type === 'choice' ? a.values.map((v) => v.id) : [];
    return random() < 0.5
      ? `${a.id} ${pick(['=', '!='])} '${pick(ids)}'`
      : `${a.id} in ('${pick(ids)}', '${pick(ids)}')`;
  };
  const constraints: ModelDocument['constraints'] = [];
  const m = 1 + Math.floor(random() * 4);
  for (let c = 0; c < m; c++) {
    if (random() < 0.5) {
      const op = pick(['->', '<->', 'or', 'and']);
      const rule =
        random() < 0.3
          ? `not (${literal()} ${op} ${literal()})`
          : `${literal()} ${op} ${literal()}`;
      constraints.push({ id: `r${c}`, rule });
      continue;
    }
    const scope = shuffled(attributes, random).slice(0, 2 + Math.floor(random() * 2));
    const cellsOf = (a: (typeof attributes)[number]): TableCell[] =>
      a.type === 'boolean'
        ? [true, false]
        : a.type === 'choice'
          ? [...a.values.map((v) => v.id), ...(a.required === false ? [null] : [])]
          : [];
    const rows: TableCell[][] = [];
    const rowCount = 2 + Math.floor(random() * 6);
    for (let r = 0; r < rowCount; r++) rows.push(scope.map((a) => pick(cellsOf(a))));
    const attributesOfTable = scope.map((a) => a.id);
    constraints.push({
      id: `t${c}`,
      table:
        random() < 0.6
          ? { attributes: attributesOfTable, allowed: rows }
          : { attributes: attributesOfTable, forbidden: rows },
    });
  }
  return {
    schemaVersion: 1,
    id: `random-${seed}`,
    version: '1',
    name: `random ${seed}`,
    plantId: 'p',
    category: 'test',
    groups: [{ id: 'g', label: 'G' }],
    modules: [],
    attributes,
    constraints,
    bom: [],
    routing: [],
  };
}

/** Seeded random partial selections: half from a valid configuration, half any values. */
function randomSelections(
  csp: FiniteCsp,
  search: BacktrackSearch,
  seed: number,
  n: number,
): Selection[] {
  const random = seededRandom(seed);
  const out: Selection[] = [{}];
  const solution = search.solve();
  for (let k = 1; k < n; k++) {
    const ids = shuffled(csp.attributes, random).slice(
      0,
      1 + Math.floor(random() * Math.min(8, csp.attributes.length)),
    );
    const selection: Record<string, SelectionValue> = {};
    for (const id of ids) {
      const v = csp.attributes.indexOf(id);
      const keys = csp.domains[v]!.filter((key) => key !== null);
      const fromSolution = solution && k % 2 === 1 ? csp.domains[v]![solution[v]!] : undefined;
      if (fromSolution === null) continue;
      const key = fromSolution ?? keys[Math.floor(random() * keys.length)]!;
      selection[id] = csp.booleans[v] ? key === 'true' : key;
    }
    out.push(selection);
  }
  return out;
}

function agree(
  model: ProductModel,
  compiled: CompiledModel,
  seed: number,
  selections: number,
): void {
  const csp = toFiniteCsp(model);
  const search = new BacktrackSearch(csp);
  for (const selection of randomSelections(csp, search, seed, selections)) {
    const label = JSON.stringify(selection);
    expect(count(compiled, selection), label).toBe(
      search.count(selectionRestriction(csp, selection)),
    );
    expect(domains(compiled, selection), label).toEqual(oracleDomains(csp, search, selection));
  }
}

describe('solver = oracle on seeded random small models', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'model %i: count and domains agree',
    (seed) => {
      const model = parseModel(randomModel(seed));
      const compiled = compile(model);
      expect(count(compiled)).toBe(new BacktrackSearch(toFiniteCsp(model)).count());
      agree(model, compiled, seed * 7919, 6);
    },
  );

  it('the random models exercise every value state and both satisfiable and empty models', () => {
    const seen = new Set<string>();
    let empty = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const model = parseModel(randomModel(seed));
      const compiled = compile(model);
      const csp = toFiniteCsp(model);
      const search = new BacktrackSearch(csp);
      const solution = search.solve();
      if (!solution) empty++;
      else expect(count(compiled, solutionSelection(csp, solution))).toBeGreaterThan(0n);
      for (const selection of randomSelections(csp, search, seed * 7919, 6))
        for (const states of Object.values(domains(compiled, selection)))
          for (const state of Object.values(states)) seen.add(state);
    }
    expect([...seen].sort()).toEqual(['available', 'conflict', 'impossible', 'selected']);
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(20);
  });
});

const dir = benchmarksDir('oracle on benchmarks');
const benches: [string, () => ProductModel][] = [
  [
    'Renault small',
    () => parseModel(importXcsp(readBenchmark(dir!, 'renault-br4cp', 'small', 'contraintes.xml'))),
  ],
  [
    'Renault medium',
    () => parseModel(importXcsp(readBenchmark(dir!, 'renault-br4cp', 'medium', 'contraintes.xml'))),
  ],
  [
    'Renault small harder',
    () =>
      parseModel(
        importXcsp(readBenchmark(dir!, 'renault-br4cp', 'small', 'contraintes-harder.xml')),
      ),
  ],
  [
    'BerkeleyDB',
    () =>
      parseModel(
        importDimacs(readBenchmark(dir!, 'feature-models', 'berkeleydb__berkeleydb.dimacs')),
      ),
  ],
  [
    'axTLS',
    () => parseModel(importDimacs(readBenchmark(dir!, 'feature-models', 'KConfig__axTLS.dimacs'))),
  ],
];
/** Random partial selections per benchmark (each compares every value state: a few hundred SAT checks). */
const PER_BENCHMARK = 6;

describe.skipIf(!dir)(
  'solver = oracle on seeded random partial selections of the benchmarks',
  () => {
    it.each(benches)(
      '%s: count and domains agree',
      (_, load) => {
        const model = load();
        const compiled = compile(model);
        expect(count(compiled)).toBe(new BacktrackSearch(toFiniteCsp(model)).count());
        agree(model, compiled, 2026, PER_BENCHMARK);
      },
      240_000,
    );
  },
);
