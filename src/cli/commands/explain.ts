import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import {
  loadSolverInput,
  maxNodesOption,
  pathNote,
  parseSelections,
  parseValueRef,
  solverCall,
} from '../selectArgs.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE =
  'madeto explain <model.json|.xml|.dimacs|compiled.json> [--select a=v ...] --why a=v [--max-nodes N]';

/**
 * `madeto explain <model.json> [--select a=v ...] --why a=v`: the minimal set of constraints and
 * selections that keep `a = v` out (empty lists when it is available), as JSON.
 */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, { valued: ['select', 'why', 'model', 'max-nodes'] });
  const { model, engine } = loadSolverInput(parsed.positionals[0], USAGE, single(parsed, 'model'));
  const why = single(parsed, 'why');
  if (!why) throw new CliError(`missing --why a=v: ${USAGE}`, EXIT.usage);
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  const { attribute, value } = parseValueRef(model, why, '--why');
  const answering = engine(maxNodesOption(single(parsed, 'max-nodes')));
  stderr(pathNote(answering));
  stdout(
    JSON.stringify(
      solverCall(() => answering.explain(selection, attribute, value)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
