import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, single } from '../args.ts';
import { availabilityCsv } from '../availabilityCsv.ts';
import { CliError, EXIT } from '../CliError.ts';
import { databaseOf } from '../databaseArg.ts';
import { DEFAULT_CONFIG } from '../../server/config.ts';
import type { Command } from '../main.ts';
import { applyAvailabilityPatch } from '../../server/availability/feedPatch.ts';
import { loadCatalogue } from '../../server/catalogue.ts';
import { AvailabilityStore } from '../../server/db/availabilityStore.ts';
import { openDb } from '../../server/db/createDb.ts';
import { migrate } from '../../server/db/migrate.ts';
import { HttpError } from '../../server/httpError.ts';

const USAGE =
  'usage: madeto availability import <stock.csv> <pos.csv> [--db FILE] [--catalogue DIR] [--as NAME]';

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

/**
 * `madeto availability import stock.csv pos.csv`: reads stock levels and purchase orders from
 * spreadsheets (columns in `availabilityCsv.ts` and the README) and stores them as a new version
 * of the backend's availability (as `PATCH /api/availability` would: levels set, POs added or
 * changed, POs marked received). The first version, when the database has none, is the
 * catalogue's `availability.json`. Every bad cell is named by file, row and column (exit 1,
 * nothing stored). Prints the new version as JSON.
 */
export const run: Command = async ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['db', 'catalogue', 'as'] });
  const [sub, stockFile, poFile, ...rest] = parsed.positionals;
  if (sub !== 'import' || !stockFile || !poFile || rest.length > 0)
    throw new CliError(USAGE, EXIT.usage);
  const { patch, issues } = availabilityCsv(
    { file: basename(stockFile), text: read(stockFile) },
    { file: basename(poFile), text: read(poFile) },
  );
  if (issues.length > 0)
    throw new CliError(
      `the spreadsheets are not imported (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file} row ${i.row}, column ${i.column}: ${i.message}`).join('\n'),
    );
  const catalogueDir = single(parsed, 'catalogue') ?? DEFAULT_CONFIG.catalogueDir;
  const catalogue = loadCatalogue(catalogueDir);
  const db = openDb(databaseOf(single(parsed, 'db'), process.env));
  try {
    await migrate(db);
    const store = new AvailabilityStore(db, catalogue.models);
    const now = new Date().toISOString();
    if (catalogue.snapshotJson !== undefined) await store.seed(catalogue.snapshotJson, now);
    const version = await store.write(
      single(parsed, 'as') ?? 'CSV import',
      now,
      (current) => {
        const applied = applyAvailabilityPatch(current!.document, patch, now);
        return { ...applied, change: { ...applied.change, kind: 'import' } };
      },
      (current) => {
        if (!current)
          throw new CliError(
            `there is no availability to change: the catalogue (${catalogueDir}) has no availability.json and the database no version`,
          );
      },
    );
    stdout(JSON.stringify(version));
  } catch (error) {
    if (error instanceof HttpError) {
      const body = error.body().error;
      throw new CliError(
        `${body.message}${body.issues ? `\n${body.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}` : ''}`,
      );
    }
    throw error;
  } finally {
    await db.close();
  }
  return EXIT.ok;
};
