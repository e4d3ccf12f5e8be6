import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { readJson } from '../readJson.ts';
import type { Command } from '../main.ts';
import {
  type LintFinding,
  parseModel,
  ModelError,
  type ProductModel,
  lintPricingJson,
} from '../../engine/index.ts';
import { lintSemantics } from '../lintSemantics.ts';
import { lintSnapshotFile } from './lintSnapshotFile.ts';

/**
 * `madeto lint <model.json...> [--pricing P] [--snapshot S]`: validates each model (schema, rule
 * syntax, references), and checks the pricing file and availability snapshot against the models.
 * Prints `{ ok, findings }` as JSON; exit 1 when any finding is an error.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['pricing', 'snapshot'] });
  if (parsed.positionals.length === 0)
    throw new CliError(
      'lint needs at least one model file: madeto lint <model.json...>',
      EXIT.usage,
    );

  const findings: LintFinding[] = [];
  const models: ProductModel[] = [];
  for (const file of parsed.positionals) {
    const json = readJson(file);
    try {
      models.push(parseModel(json));
      findings.push(...lintSemantics(models[models.length - 1]!, file));
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      for (const issue of error.issues)
        findings.push({
          severity: 'error',
          code: 'schema',
          file,
          path: issue.path,
          message: issue.message,
        });
    }
  }

  const pricingFile = single(parsed, 'pricing');
  const snapshotFile = single(parsed, 'snapshot');
  if (pricingFile)
    findings.push(
      ...lintPricingJson(readJson(pricingFile), models).map((f) => ({ ...f, file: pricingFile })),
    );
  if (snapshotFile) findings.push(...lintSnapshotFile(snapshotFile, models, parsed.positionals));

  const ok = findings.every((f) => f.severity !== 'error');
  stdout(JSON.stringify({ ok, models: models.map((m) => m.id), findings }, null, 2));
  return ok ? EXIT.ok : EXIT.invalid;
};
