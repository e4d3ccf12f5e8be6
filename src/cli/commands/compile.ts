import { writeFileSync } from 'node:fs';
import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { solverCall } from '../selectArgs.ts';
import { readJson } from '../readJson.ts';
import { compile, DEFAULT_MAX_NODES, parseModel, serializeCompiled } from '../../engine/index.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE = 'madeto compile <model.json> -o <compiled.json> [--max-nodes N]';

/**
 * `madeto compile <model.json> -o <compiled.json>`: writes the compiled model with its model
 * document inside (format `madeto-compiled`, version 2), which every query command (`domains`,
 * `count`, `explain`, `complete`) reads in place of the model, and prints a summary `{ model, nodes, variables, constraints,
 * bytes, file }` as JSON. Without `-o` the compiled model itself goes to stdout.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['o', 'max-nodes'], short: { '-o': 'o' } });
  const file = parsed.positionals[0];
  if (!file) throw new CliError(`missing the model file: ${USAGE}`, EXIT.usage);
  const document = readJson(file);
  const model = parseModel(document);
  const limit = single(parsed, 'max-nodes');
  const maxNodes = limit === undefined ? DEFAULT_MAX_NODES : Number(limit);
  if (!Number.isInteger(maxNodes) || maxNodes < 2)
    throw new CliError(`--max-nodes takes a whole number above 1, not '${limit}'`, EXIT.usage);
  const compiled = solverCall(() => compile(model, { maxNodes }));
  const text = JSON.stringify(serializeCompiled(compiled, document));
  const out = single(parsed, 'o');
  if (!out) {
    stdout(text);
    return EXIT.ok;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new CliError(`${out}: cannot write the file (${(error as Error).message})`);
  }
  stdout(
    JSON.stringify({
      model: model.id,
      nodes: compiled.mdd.nodeCount,
      variables: compiled.levels.length,
      constraints: compiled.constraints.length,
      bytes: text.length,
      file: out,
    }),
  );
  return EXIT.ok;
};
