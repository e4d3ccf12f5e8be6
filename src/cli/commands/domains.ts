import { parseArgs } from '../args.ts';
import type { Command } from '../main.ts';
import { selectionQuery, solverCall } from '../selectArgs.ts';
import { EXIT } from '../CliError.ts';

const USAGE =
  'madeto domains <model.json|.xml|.dimacs|compiled.json> [--select a=v ...] [--max-nodes N]';

/** `madeto domains <model.json> [--select a=v ...]`: `{"attr": {"value": state}}` as JSON. */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, { valued: ['select', 'model', 'max-nodes'] });
  const { selection, answering } = selectionQuery(parsed, USAGE, stderr);
  stdout(
    JSON.stringify(
      solverCall(() => answering.domains(selection)),
      null,
      2,
    ),
  );
  return EXIT.ok;
};
