import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import {
  loadSolverInput,
  maxNodesOption,
  pathNote,
  parseSelections,
  solverCall,
} from '../selectArgs.ts';
import { EXIT } from '../CliError.ts';

const USAGE =
  'madeto domains <model.json|.xml|.dimacs|compiled.json> [--select a=v ...] [--max-nodes N]';

/** `madeto domains <model.json> [--select a=v ...]`: `{"attr": {"value": state}}` as JSON. */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, { valued: ['select', 'model', 'max-nodes'] });
  const { model, engine } = loadSolverInput(parsed.positionals[0], USAGE, single(parsed, 'model'));
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  const answering = engine(maxNodesOption(single(parsed, 'max-nodes')));
  stderr(pathNote(answering));
  stdout(
    JSON.stringify(
      solverCall(() => answering.domains(selection)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
