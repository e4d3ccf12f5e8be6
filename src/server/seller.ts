import { DEFAULT_SELLER, parseSellerFile, type SellerConfig } from '../engine/index.ts';
import { readCatalogueFile } from './catalogueFile.ts';

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
  return readCatalogueFile(dir, 'seller.json', DEFAULT_SELLER, (json) => {
    const parsed = parseSellerFile(json);
    return parsed.ok ? { ok: true, value: parsed.config } : parsed;
  });
}
