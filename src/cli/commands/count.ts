import { parseArgs } from '../args.ts';
import type { Command } from '../main.ts';
import { loadModel, parseSelections, solverCall } from '../selectArgs.ts';
import { compile, count } from '../../engine/index.ts';
import { EXIT } from '../CliError.ts';

const USAGE = 'madeto count <model.json> [--select a=v ...]';

/** `madeto count <model.json> [--select a=v ...]`: the exact number of valid configurations. */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['select'] });
  const model = loadModel(parsed.positionals[0], USAGE);
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  stdout(solverCall(() => count(compile(model), selection)).toString());
  return EXIT.ok;
};
