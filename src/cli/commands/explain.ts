import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { loadSolverInput, parseSelections, parseValueRef, solverCall } from '../selectArgs.ts';
import { explain } from '../../engine/index.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE = 'madeto explain <model.json|compiled.json> [--select a=v ...] --why a=v';

/**
 * `madeto explain <model.json> [--select a=v ...] --why a=v`: the minimal set of constraints and
 * selections that keep `a = v` out (empty lists when it is available), as JSON.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select', 'why', 'model'] });
  const { model, compiled } = loadSolverInput(
    parsed.positionals[0],
    USAGE,
    single(parsed, 'model'),
  );
  const why = single(parsed, 'why');
  if (!why) throw new CliError(`missing --why a=v: ${USAGE}`, EXIT.usage);
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  const { attribute, value } = parseValueRef(model, why, '--why');
  stdout(
    JSON.stringify(
      solverCall(() => explain(compiled(), selection, attribute, value)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
