import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { readJson } from '../readJson.ts';
import type { Command } from '../main.ts';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import {
  type LintFinding,
  parseModel,
  ModelError,
  type ProductModel,
  lintPricingJson,
  lintVisuals,
} from '../../engine/index.ts';
import { lintSemantics } from '../lintSemantics.ts';
import { lintSnapshotFile } from './lintSnapshotFile.ts';

/**
 * Whether a layer's image exists under `dir`: a root-relative URL (`/catalogue/img/a.svg`) is a
 * path below `dir`; absolute (`https:`) and `data:` URLs are not checked (treated as present).
 */
function imageExistsUnder(dir: string): (image: string) => boolean {
  const root = resolve(dir);
  return (image) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(image)) return true;
    const clean = decodeURIComponent(image.replace(/[?#].*$/, ''));
    const file = resolve(join(root, clean));
    if (file !== root && !file.startsWith(root + sep)) return false;
    return existsSync(file) && statSync(file).isFile();
  };
}

/**
 * `madeto lint <model.json...> [--pricing P] [--snapshot S] [--images DIR]`: validates each model
 * (schema, rule syntax, references, visuals), and checks the pricing file and availability
 * snapshot against the models; with `--images`, every layer's image must exist under DIR.
 * Prints `{ ok, findings }` as JSON; exit 1 when any finding is an error.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['pricing', 'snapshot', 'images'] });
  if (parsed.positionals.length === 0)
    throw new CliError(
      'lint needs at least one model file: madeto lint <model.json...>',
      EXIT.usage,
    );

  const findings: LintFinding[] = [];
  const models: ProductModel[] = [];
  const imagesDir = single(parsed, 'images');
  if (imagesDir !== undefined && !existsSync(imagesDir))
    throw new CliError(`--images: no such directory '${imagesDir}'`, EXIT.usage);
  const imageExists = imagesDir === undefined ? undefined : imageExistsUnder(imagesDir);
  for (const file of parsed.positionals) {
    const json = readJson(file);
    try {
      models.push(parseModel(json));
      const model = models[models.length - 1]!;
      findings.push(...lintSemantics(model, file));
      findings.push(
        ...lintVisuals(model, imageExists ? { imageExists } : {}).map((f) => ({ ...f, file })),
      );
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
