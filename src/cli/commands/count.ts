import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { loadSolverInput, parseSelections, solverCall } from '../selectArgs.ts';
import { count } from '../../engine/index.ts';
import { EXIT } from '../CliError.ts';

const USAGE = 'madeto count <model.json|compiled.json> [--select a=v ...]';

/** `madeto count <model.json> [--select a=v ...]`: the exact number of valid configurations. */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select', 'model'] });
  const { model, compiled } = loadSolverInput(
    parsed.positionals[0],
    USAGE,
    single(parsed, 'model'),
  );
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  stdout(solverCall(() => count(compiled(), selection)).toString());
  return EXIT.ok;
};
