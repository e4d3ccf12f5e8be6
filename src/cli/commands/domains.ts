import { parseArgs } from '../args.ts';
import type { Command } from '../main.ts';
import { loadModel, parseSelections, solverCall } from '../selectArgs.ts';
import { compile, domains } from '../../engine/index.ts';
import { EXIT } from '../CliError.ts';

const USAGE = 'madeto domains <model.json> [--select a=v ...]';

/** `madeto domains <model.json> [--select a=v ...]`: `{"attr": {"value": state}}` as JSON. */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select'] });
  const model = loadModel(parsed.positionals[0], USAGE);
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  stdout(
    JSON.stringify(
      solverCall(() => domains(compile(model), selection)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
