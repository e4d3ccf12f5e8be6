import { writeFileSync } from 'node:fs';
import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { formatOf, importFile } from '../importFile.ts';
import type { Command } from '../main.ts';
import { parseModel } from '../../engine/index.ts';

const USAGE = 'madeto import <file> --format xcsp|dimacs [-o out.json]';

/**
 * `madeto import <file> --format xcsp|dimacs [-o out.json]`: a product model from a CSP in XCSP 2.1
 * or a CNF formula in DIMACS. The model is checked with `parseModel` and printed as JSON (or
 * written to `-o`). The format defaults to the file extension (.xml, .dimacs, .cnf).
 */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, { valued: ['format', 'o', 'out'], short: { '-o': 'o' } });
  const [file, extra] = parsed.positionals;
  if (!file || extra !== undefined) throw new CliError(`expected one file: ${USAGE}`, EXIT.usage);
  const document = importFile(file, single(parsed, 'format') ?? formatOf(file));
  const model = parseModel(document);
  const json = JSON.stringify(document, null, 2);
  const out = single(parsed, 'o') ?? single(parsed, 'out');
  if (out) {
    writeFileSync(out, `${json}\n`);
    stderr(
      `wrote ${out}: ${model.attributes.length} attributes, ${model.constraints.length} constraints`,
    );
  } else stdout(json);
  return EXIT.ok;
};
