import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { solverCall } from '../selectArgs.ts';
import { readJson } from '../readJson.ts';
import {
  compile,
  DEFAULT_MAX_NODES,
  encodeCompiled,
  parseModel,
  serializeCompiled,
} from '../../engine/index.ts';
import { formatOf, importFile } from '../importFile.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE =
  'madeto compile <model.json|.xml|.dimacs> -o <compiled.json | compiled.bin[.gz]> [--binary] [--max-nodes N]';

/**
 * `madeto compile <model> -o <compiled.json>`: writes the compiled model with its model document
 * inside (format `madeto-compiled`, version 4, with the digest of the model's content), which every query
 * command (`domains`, `count`, `explain`, `complete`) reads in place of the model, and prints a
 * summary `{ model, nodes, variables, constraints, bytes, file }` as JSON. `--binary` (or an
 * output name ending `.bin` / `.bin.gz`) writes the binary form (`encodeCompiled`) for the
 * browser, gzipped when the name ends `.gz`. The model may be XCSP or DIMACS (imported on the
 * fly). Without `-o` the compiled JSON goes to stdout.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, {
    valued: ['o', 'max-nodes'],
    booleans: ['binary'],
    short: { '-o': 'o' },
  });
  const file = parsed.positionals[0];
  if (!file) throw new CliError(`missing the model file: ${USAGE}`, EXIT.usage);
  const format = formatOf(file);
  const document = format ? importFile(file, format) : readJson(file);
  const model = parseModel(document);
  const limit = single(parsed, 'max-nodes');
  const maxNodes = limit === undefined ? DEFAULT_MAX_NODES : Number(limit);
  if (!Number.isInteger(maxNodes) || maxNodes < 2)
    throw new CliError(`--max-nodes takes a whole number above 1, not '${limit}'`, EXIT.usage);
  const compiled = solverCall(() => compile(model, { maxNodes }));
  const serialized = serializeCompiled(compiled, document);
  const out = single(parsed, 'o');
  const binary = parsed.flags.has('binary') || /\.bin(\.gz)?$/i.test(out ?? '');
  if (!out) {
    if (binary) throw new CliError(`--binary needs -o <file>: ${USAGE}`, EXIT.usage);
    stdout(JSON.stringify(serialized));
    return EXIT.ok;
  }
  const bytes = binary
    ? encodeCompiled(serialized)
    : new TextEncoder().encode(JSON.stringify(serialized));
  const text = /\.gz$/i.test(out) ? gzipSync(bytes) : bytes;
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
