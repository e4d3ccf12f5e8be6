import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { loadSolverInput, parseSelections, solverCall } from '../selectArgs.ts';
import { complete } from '../../engine/index.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE =
  'madeto complete <model.json|compiled.json> [--select a=v ...] [--objective cheapest|fastest]';

/**
 * `madeto complete <model.json> [--select a=v ...]`: a complete valid configuration extending
 * the selection (defaults first, then the first value that fits), as JSON. The `cheapest` and
 * `fastest` objectives need the pricing and lead-time engines and are not wired yet (exit 2).
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select', 'objective', 'model'] });
  const { model, compiled } = loadSolverInput(
    parsed.positionals[0],
    USAGE,
    single(parsed, 'model'),
  );
  const objective = single(parsed, 'objective');
  if (objective === 'cheapest' || objective === 'fastest')
    throw new CliError(
      `--objective ${objective} needs ${objective === 'cheapest' ? 'a price book (--pricing)' : 'an availability snapshot (--snapshot)'}, which complete does not read yet; run without --objective for the default completion`,
      EXIT.usage,
    );
  if (objective !== undefined)
    throw new CliError(`unknown --objective '${objective}' (cheapest, fastest)`, EXIT.usage);
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  stdout(
    JSON.stringify(
      solverCall(() => complete(compiled(), selection)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
