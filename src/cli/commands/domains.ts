import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { loadSolverInput, parseSelections, solverCall } from '../selectArgs.ts';
import { domains } from '../../engine/index.ts';
import { EXIT } from '../CliError.ts';

const USAGE = 'madeto domains <model.json|compiled.json> [--select a=v ...]';

/** `madeto domains <model.json> [--select a=v ...]`: `{"attr": {"value": state}}` as JSON. */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select', 'model'] });
  const { model, compiled } = loadSolverInput(
    parsed.positionals[0],
    USAGE,
    single(parsed, 'model'),
  );
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  stdout(
    JSON.stringify(
      solverCall(() => domains(compiled(), selection)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
