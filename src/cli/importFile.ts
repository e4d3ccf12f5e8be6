import { basename } from 'node:path';
import { importDimacs, ImportError, importXcsp, type ModelDocument } from '../engine/index.ts';
import { CliError, EXIT } from './CliError.ts';
import { readText } from './readJson.ts';

/** The formats `madeto import` reads. */
export type ImportFormat = 'xcsp' | 'dimacs';

/** The format of a file from its extension (`.xml` → xcsp, `.dimacs`/`.cnf` → dimacs). */
export function formatOf(file: string): ImportFormat | undefined {
  if (/\.xml$/i.test(file)) return 'xcsp';
  if (/\.(dimacs|cnf)$/i.test(file)) return 'dimacs';
  return undefined;
}

/**
 * Reads `file` and imports it as a model document. Unreadable files and `ImportError`s become a
 * `CliError` naming the file and line.
 */
export function importFile(file: string, format: string | undefined): ModelDocument {
  if (format !== 'xcsp' && format !== 'dimacs')
    throw new CliError(`--format must be xcsp or dimacs, not '${format ?? ''}'`, EXIT.usage);
  const text = readText(file);
  const name = basename(file).replace(/\.[^.]*$/, '');
  try {
    return format === 'xcsp' ? importXcsp(text) : importDimacs(text, { name });
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
