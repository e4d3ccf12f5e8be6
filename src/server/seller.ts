import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SELLER, parseSellerFile, type SellerConfig } from '../engine/index.ts';

export { DEFAULT_SELLER } from '../engine/index.ts';

/**
 * The seller shown on the customer's document, from `seller.json` in the catalogue directory
 * (`DEFAULT_SELLER` when there is none), read with the engine's `sellerFileSchema` (the schema the
 * rep editor reads it with too). Throws (code `CATALOGUE_UNREADABLE`) naming the file and each
 * problem's JSON path.
 *
 * @example
 * loadSeller('public/catalogue').seller.name // 'Madeto Werkstätten GmbH'
 */
export function loadSeller(dir: string): SellerConfig {
  const file = join(dir, 'seller.json');
  if (!existsSync(file)) return DEFAULT_SELLER;
  const fail = (message: string) =>
    Object.assign(new Error(`${file}: ${message}`), { code: 'CATALOGUE_UNREADABLE' });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = parseSellerFile(json);
  if (!parsed.ok) throw fail(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.config;
}
