import { parseArgs } from '../args.ts';
import type { Command } from '../main.ts';
import { selectionQuery, solverCall } from '../selectArgs.ts';
import { EXIT } from '../CliError.ts';

const USAGE =
  'madeto count <model.json|.xml|.dimacs|compiled.json> [--select a=v ...] [--max-nodes N]';

/** `madeto count <model.json> [--select a=v ...]`: the exact number of valid configurations. */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, { valued: ['select', 'model', 'max-nodes'] });
  const { selection, answering } = selectionQuery(parsed, USAGE, stderr);
  stdout(solverCall(() => answering.count(selection)).toString());
  return EXIT.ok;
};
