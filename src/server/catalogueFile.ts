import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a file's parser answers: the value, or each problem with its JSON path. */
export type FileParse<T> =
  { ok: true; value: T } | { ok: false; issues: readonly { path: string; message: string }[] };

/**
 * Reads the optional JSON file `name` of the catalogue directory `dir` with `parse`: `fallback`
 * when there is none. Throws (code `CATALOGUE_UNREADABLE`) naming the file and each problem's
 * JSON path, so a server with a wrong file does not start.
 *
 * @example
 * readCatalogueFile('public/catalogue', 'seller.json', DEFAULT_SELLER, (json) => …)
 */
export function readCatalogueFile<T>(
  dir: string,
  name: string,
  fallback: T,
  parse: (json: unknown) => FileParse<T>,
): T {
  const file = join(dir, name);
  if (!existsSync(file)) return fallback;
  const fail = (message: string) =>
    Object.assign(new Error(`${file}: ${message}`), { code: 'CATALOGUE_UNREADABLE' });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = parse(json);
  if (!parsed.ok) throw fail(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.value;
}
