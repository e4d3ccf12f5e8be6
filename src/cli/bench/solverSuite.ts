import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importDimacs, importXcsp, parseModel, type ProductModel } from '../../engine/index.ts';
import { randomReplay, salesReplay, type Replay } from './clicks.ts';
import { measureFallback } from './fallback.ts';
import { measureClicks, measureCompile } from './measureModel.ts';
import type { BenchContext, BenchFigure } from './suites.ts';

/** Node limit for the feature models: the engine's default, or `MADETO_BENCH_MAX_NODES`. */
const FEATURE_MODEL_MAX_NODES =
  process.env['MADETO_BENCH_MAX_NODES'] === undefined
    ? undefined
    : Number(process.env['MADETO_BENCH_MAX_NODES']);
/** Sold rows replayed per Renault benchmark (each is ~45 clicks). */
const SALES_ROWS = 150;

/**
 * The solver suite: every Renault BR4CP benchmark (small, medium, big and the `-harder` variants,
 * replaying real sold configurations, chosen then un-chosen) and every DIMACS feature model (replaying seeded random
 * buyers) — import, compile time and size, heap, exact count, per-click `domains` times, and the
 * same clicks answered by a SAT peer. Models too big for the diagram are reported with their size.
 */
export async function runSolverSuite(context: BenchContext): Promise<BenchFigure[]> {
  const dir = context.benchmarks;
  if (!dir) {
    context.log(
      'solver suite: skipped, no benchmark folder (../shared/benchmarks or MADETO_BENCHMARKS)',
    );
    return [
      { name: 'solver: benchmarks', unit: '', value: 'skipped', note: 'benchmark folder absent' },
    ];
  }
  const figures: BenchFigure[] = [];
  const renault = join(dir, 'renault-br4cp');
  for (const size of ['small', 'medium', 'big'])
    for (const variant of ['contraintes', 'contraintes-harder']) {
      const file = join(renault, size, `${variant}.xml`);
      if (!existsSync(file)) continue;
      const name = `renault ${size}${variant.endsWith('harder') ? ' harder' : ''}`;
      context.log(`solver suite: ${name}`);
      const model = timedImport(name, figures, () =>
        parseModel(importXcsp(readFileSync(file, 'utf8'))),
      );
      const sales = join(renault, size, 'brut.csv');
      await benchOne(name, model, figures, (compiled) =>
        existsSync(sales)
          ? salesReplay(compiled, readFileSync(sales, 'utf8'), { rows: SALES_ROWS, seed: 2026 })
          : randomReplay(compiled),
      );
    }
  const features = join(dir, 'feature-models');
  const files = existsSync(features)
    ? readdirSync(features)
        .filter((f) => f.endsWith('.dimacs'))
        .sort((a, b) => statSync(join(features, a)).size - statSync(join(features, b)).size)
    : [];
  for (const file of files) {
    const name = file.replace(/\.dimacs$/, '');
    context.log(`solver suite: ${name}`);
    const model = timedImport(name, figures, () =>
      parseModel(importDimacs(readFileSync(join(features, file), 'utf8'), { name })),
    );
    await benchOne(
      name,
      model,
      figures,
      (compiled) => randomReplay(compiled, { walks: 5, clicks: 60 }),
      FEATURE_MODEL_MAX_NODES,
      context,
    );
  }
  return figures;
}

function timedImport(name: string, figures: BenchFigure[], load: () => ProductModel): ProductModel {
  const t0 = performance.now();
  const model = load();
  figures.push({
    name: `${name}: import + parse`,
    unit: 'ms',
    value: Number((performance.now() - t0).toFixed(1)),
    note: `${model.attributes.length} attributes, ${model.constraints.length} constraints`,
  });
  return model;
}

async function benchOne(
  name: string,
  model: ProductModel,
  figures: BenchFigure[],
  replay: (compiled: NonNullable<ReturnType<typeof measureCompile>['compiled']>) => Replay,
  maxNodes?: number,
  context?: BenchContext,
): Promise<void> {
  const compiled = measureCompile(name, model, maxNodes);
  figures.push(...compiled.figures);
  if (!compiled.compiled) {
    context?.log(`solver suite: ${name} answered by the SAT fallback`);
    figures.push(...measureFallback(name, model));
    return;
  }
  const clicks = replay(compiled.compiled);
  const measured = measureClicks(name, model, compiled.compiled, clicks.selections, {
    peerClicks: 100,
    peerBudgetMs: 10_000,
    ...(clicks.kinds ? { kinds: clicks.kinds } : {}),
  });
  for (const perClick of measured.filter((f) => f.name.includes('domains per click')))
    perClick.note = `diagram; ${clicks.source}`;
  figures.push(...measured);
  await new Promise((resolve) => setImmediate(resolve)); // let progress output flush
}
