import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, single } from '../args.ts';
import { jsonlReplay, randomReplay, salesReplay, type Replay } from '../bench/clicks.ts';
import { measureFallback } from '../bench/fallback.ts';
import { measureClicks, measureCompile } from '../bench/measureModel.ts';
import { formatReport } from '../bench/report.ts';
import { suites, type BenchContext, type BenchFigure } from '../bench/suites.ts';
import { CliError, EXIT } from '../CliError.ts';
import { formatOf, importFile } from '../importFile.ts';
import { maxNodesOption } from '../selectArgs.ts';
import type { Command } from '../main.ts';
import { readJson, readText } from '../readJson.ts';
import { parseModel, type ProductModel } from '../../engine/index.ts';

const USAGE =
  'madeto bench <model.json|.xml|.dimacs> [--replay selections.jsonl|brut.csv] [--max-nodes N] [--reorder] | madeto bench --all [--suite NAME]';

/**
 * The package root: the nearest folder above this file with a package.json (src/cli/commands/
 * when run from TypeScript, dist/node/ when compiled).
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = packageRoot();

/** `$MADETO_BENCHMARKS`, else `../shared/benchmarks` beside the repository; undefined when absent. */
export function benchmarksFolder(): string | undefined {
  const dir = process.env['MADETO_BENCHMARKS'] ?? join(root, '..', 'shared', 'benchmarks');
  return existsSync(dir) ? dir : undefined;
}

/**
 * `madeto bench --all` runs every registered suite (`npm run bench`); `madeto bench <model>`
 * measures one model: compile, count, per-click `domains` over a replay (a JSON-lines file of
 * selections, a BR4CP `brut.csv`, or seeded random buyers) and the same clicks on the SAT peer.
 * Prints a table and one `BENCH {json}` line per figure. Timings are this machine's, not a test.
 */
export const run: Command = async ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, {
    valued: ['replay', 'suite', 'max-nodes'],
    booleans: ['all', 'reorder'],
  });
  const figures: BenchFigure[] = [];
  if (parsed.flags.has('all')) {
    if (parsed.positionals.length > 0)
      throw new CliError(`--all takes no model: ${USAGE}`, EXIT.usage);
    const only = single(parsed, 'suite');
    const chosen = suites.filter((s) => only === undefined || s.name === only);
    if (chosen.length === 0)
      throw new CliError(
        `unknown suite '${only}' (suites: ${suites.map((s) => s.name).join(', ')})`,
        EXIT.usage,
      );
    const benchmarks = benchmarksFolder();
    if (!benchmarks)
      stderr(
        'bench: no benchmark folder (../shared/benchmarks or MADETO_BENCHMARKS): its suites are skipped',
      );
    const context: BenchContext = { root, benchmarks, log: stderr };
    for (const suite of chosen) {
      stderr(`bench: suite ${suite.name}`);
      figures.push(...(await suite.run(context)));
    }
  } else {
    const [file, extra] = parsed.positionals;
    if (!file || extra !== undefined)
      throw new CliError(`expected one model file: ${USAGE}`, EXIT.usage);
    const format = formatOf(file);
    const model: ProductModel = parseModel(format ? importFile(file, format) : readJson(file));
    const name = file.replace(/^.*\//, '');
    const compiled = measureCompile(
      name,
      model,
      maxNodesOption(single(parsed, 'max-nodes')),
      parsed.flags.has('reorder'),
    );
    figures.push(...compiled.figures);
    if (compiled.compiled) {
      const replayFile = single(parsed, 'replay');
      const replay: Replay = !replayFile
        ? randomReplay(compiled.compiled, { walks: 10, clicks: 60 })
        : /\.csv$/i.test(replayFile)
          ? salesReplay(compiled.compiled, readText(replayFile), { rows: 200 })
          : jsonlReplay(readText(replayFile), replayFile);
      const measured = measureClicks(name, model, compiled.compiled, replay.selections, {
        ...(replay.kinds ? { kinds: replay.kinds } : {}),
      });
      for (const perClick of measured.filter((f) => f.name.includes('domains per click')))
        perClick.note = `diagram; ${replay.source}`;
      figures.push(...measured);
    } else figures.push(...measureFallback(name, model));
  }
  stdout(formatReport(figures));
  return EXIT.ok;
};
